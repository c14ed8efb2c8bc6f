// The AI objectives of the organization: filters (in the URL), search, sortable columns, cursor
// paging, and each objective's derived status and latest reading.
import { Link } from 'react-router-dom';
import { CreateLink, FilterBar, ListResults, SearchFilter, SelectFilter, type Column } from '../../../components/records/ListParts';
import { PageHead } from '../../../components/RecordPage';
import { useListPage } from '../../../components/records/useListPage';
import { useAsync, useTitle } from '../../../lib/hooks';
import { useSession } from '../../auth';
import { filterKeys, listObjectives, type Objective, type ObjectiveFilters } from '../api';
import { derivedStatusLabels, formatDay, formatValue, objectiveStatusLabels } from '../labels';
import { loadFormOptions } from '../options';
import { DerivedBadge, ObjectiveStatusBadge } from './badges';

const columns: Column[] = [
  { key: 'key', label: 'Objective', sort: 'key' },
  { key: 'derived', label: 'Status', sort: 'derived_status' },
  { key: 'latest', label: 'Latest reading' },
  { key: 'target', label: 'Target', optional: true },
  { key: 'owner', label: 'Owner', sort: 'owner', optional: true },
  { key: 'due', label: 'Due', sort: 'due_date' },
];

function target(o: Objective): string {
  if (o.direction === 'within_range') return `${formatValue(o.target_min, o.unit)} – ${formatValue(o.target_max, o.unit)}`;
  return `${o.direction === 'lower_is_better' ? '≤' : '≥'} ${formatValue(o.target_value, o.unit)}`;
}

export function ObjectivesListPage() {
  useTitle('AI objectives');
  const session = useSession();
  const list = useListPage({ filterKeys, defaultSort: 'key', load: (f: ObjectiveFilters, cursor, limit, signal) => listObjectives(f, cursor, limit, signal) });
  const { params } = list;
  const options = useAsync((signal) => loadFormOptions(signal), []);

  const select = (key: string, label: string, choices: [string, string][]) => (
    <SelectFilter key={key} list={list} name={key} label={label} options={choices} />
  );

  return (
    <div className="page">
      <PageHead
        title="AI objectives"
        intro="Measurable objectives for AI (ISO/IEC 42001 clause 6.2), with targets and readings over time."
        actions={
          <CreateLink show={session.canWrite} to="/objectives/new" testId="new-objective">
            New objective
          </CreateLink>
        }
      />

      <FilterBar label="Filter AI objectives">
        <SearchFilter list={list} id="objectives-search" placeholder="Key, title, measure, owner…" testId="objectives-search" />
        {select('derived_status', 'Derived status', Object.entries(derivedStatusLabels))}
        {select('overdue', 'Readings', [['true', 'Overdue'], ['false', 'Up to date']])}
        {select('status', 'Objective status', Object.entries(objectiveStatusLabels))}
        {select('annex_c_objective', 'Annex C', (options.data?.annexC ?? []).map((o) => [o.value, o.label]))}
        {select('system_id', 'AI system', [['none', 'The whole organization'], ...(options.data?.systems ?? []).map((o) => [o.value, o.label] as [string, string])])}
        <div className="field">
          <label htmlFor="filter-owner">Owner</label>
          <input type="text" id="filter-owner" defaultValue={params.get('owner') ?? ''} onBlur={(e) => list.setFilter('owner', e.target.value.trim())} onKeyDown={(e) => e.key === 'Enter' && list.setFilter('owner', e.currentTarget.value.trim())} />
        </div>
      </FilterBar>

      <ListResults list={list} columns={columns} name="objectives" noun={['objective', 'objectives']}
        empty={{
          title: 'No AI objectives yet',
          text: 'Set measurable objectives for your AI systems — fairness, robustness, energy use… — with a target, a warning band and how often they are measured. Readings then show whether each objective is on track.',
          create: session.canWrite ? ['/objectives/new', 'Set your first objective'] : null,
        }}
        row={(o) => (
          <tr key={o.id} data-testid="objective-row">
            <td>
              <Link to={`/objectives/${encodeURIComponent(o.key)}`} className="row-link">
                <span className="mono">{o.key}</span> {o.title}
              </Link>
              <div className="cell-sub">
                {o.annex_c_objective} {o.annex_c_title} · {o.system_name ?? 'Whole organization'}
              </div>
            </td>
            <td>
              <DerivedBadge status={o.derived.status} overdue={o.derived.reading_overdue} /> <ObjectiveStatusBadge status={o.status} />
            </td>
            <td className="nowrap">
              {o.derived.latest_reading ? (
                <>
                  {formatValue(o.derived.latest_reading.value, o.unit)}
                  <div className="cell-sub">{formatDay(o.derived.latest_reading.measured_on)}</div>
                </>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td className="nowrap col-optional">{target(o)}</td>
            <td className="col-optional">{o.owner}</td>
            <td className="nowrap">{formatDay(o.due_date)}</td>
          </tr>
        )}
      />
    </div>
  );
}
