// The action tracker: every action of every record in one list (docs/actions.md) — "My actions" by
// default for everyone but admins, filters and sort in the URL, sortable columns, cursor paging,
// overdue rows marked in words and colour, each row linking to the record that holds the action.
import { Link } from 'react-router-dom';
import { FilterBar, ListResults, SearchFilter, SelectFilter, type Column } from '../../../components/records/ListParts';
import { PageHead } from '../../../components/RecordPage';
import { useListPage } from '../../../components/records/useListPage';
import { useTitle } from '../../../lib/hooks';
import { formatDate } from '../../../lib/labels';
import { useSession } from '../../auth';
import '../actions.css';
import { actionFilterKeys, actionSourceLabels, actionStatusLabels, defaultMine, listActions, type ActionFilters, type ActionItem } from '../api';

const columns: Column[] = [
  { key: 'due', label: 'Due', sort: 'due' },
  { key: 'title', label: 'Action', sort: 'title' },
  { key: 'status', label: 'Status' },
  { key: 'owner', label: 'Owner', optional: true },
  { key: 'source', label: 'Source', optional: true },
  { key: 'updated', label: 'Updated', sort: 'updated', optional: true },
];

const options = (labels: Record<string, string>): [string, string][] => Object.entries(labels);

export function ActionsListPage() {
  useTitle('Actions');
  const session = useSession();
  const fallbackMine = defaultMine(session.role);
  const list = useListPage({
    filterKeys: actionFilterKeys,
    defaultSort: 'due',
    load: (f: ActionFilters, cursor, limit, signal) => listActions({ ...f, mine: f.mine ?? fallbackMine }, cursor, limit, signal),
  });
  const { params, setFilter } = list;
  const mine = (params.get('mine') ?? fallbackMine) === 'true';
  const overdue = params.get('overdue') === 'true';

  return (
    <div className="page page-wide">
      <PageHead
        title="Actions"
        intro="Every action in the management system in one list: roadmap steps, risk treatments, corrective actions, review decisions, audit requests, training gaps and EU AI Act obligations. Each stays in its record; open it to change it."
      />
      <div className="page-actions" role="group" aria-label="Whose actions">
        <button type="button" className={`btn${mine ? ' btn-primary' : ''}`} aria-pressed={mine} onClick={() => setFilter('mine', 'true')} data-testid="actions-mine">
          My actions
        </button>
        <button type="button" className={`btn${!mine ? ' btn-primary' : ''}`} aria-pressed={!mine} onClick={() => setFilter('mine', 'false')} data-testid="actions-everyone">
          Everyone&apos;s
        </button>
      </div>
      <FilterBar label="Filter actions">
        <SearchFilter list={list} id="actions-search" placeholder="Title, record, owner…" testId="actions-search" />
        <SelectFilter list={list} name="status" label="Status" options={[['open,in_progress', 'Not done'], ...options(actionStatusLabels)]} testId="filter-status" />
        <SelectFilter list={list} name="source" label="Source" options={options(actionSourceLabels)} testId="filter-source" />
        <div className="field field-check">
          <label>
            <input type="checkbox" checked={overdue} onChange={(e) => setFilter('overdue', e.target.checked ? 'true' : '')} data-testid="filter-overdue" />
            Overdue only
          </label>
        </div>
      </FilterBar>
      <div className="actions-table">
      <ListResults<ActionItem>
        list={list}
        columns={columns}
        name="actions"
        noun={['action', 'actions']}
        empty={{
          title: mine ? 'You have no actions' : 'No actions yet',
          text: mine
            ? 'Actions you own appear here: roadmap steps, risk treatments, corrective actions, review decisions, audit requests, training and obligations assigned to you.'
            : 'Actions appear here as soon as a record holds one: a roadmap, a risk treatment, a corrective action, a training gap or an EU AI Act obligation with a due date.',
        }}
        row={(a) => (
          <tr key={a.id} data-action={a.id} data-overdue={a.overdue ? 'true' : 'false'} className={a.overdue ? 'action-overdue' : undefined}>
            <td className="nowrap">
              {a.due_date ? formatDate(a.due_date) : <span className="muted">No due date</span>}
              {a.overdue ? (
                <span className="badge badge-ob-overdue" data-testid="overdue-badge">
                  Overdue
                </span>
              ) : null}
            </td>
            <td>
              <Link to={a.link} className="row-link">
                {a.title}
              </Link>
              <div className="cell-sub mono">{a.record_id}</div>
            </td>
            <td>
              <span className="badge badge-neutral">{actionStatusLabels[a.status] ?? a.status}</span>
            </td>
            <td className="col-optional">{a.owner_name ?? a.owner ?? <span className="muted">Nobody</span>}</td>
            <td className="col-optional">{a.source_label}</td>
            <td className="col-optional nowrap">{formatDate(a.updated_at.slice(0, 10))}</td>
          </tr>
        )}
      />
      </div>
    </div>
  );
}
