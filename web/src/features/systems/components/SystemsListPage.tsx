// The AI system inventory: filters, search, sortable columns, cursor pagination, CSV in and out.
import { Link } from 'react-router-dom';
import { CreateLink, DateCell, FilterBar, FlagFilter, ListResults, SearchFilter, SelectFilter, type Column } from '../../../components/records/ListParts';
import { PageHead } from '../../../components/RecordPage';
import { useListPage } from '../../../components/records/useListPage';
import { usePendingAction, useTitle } from '../../../lib/hooks';
import { euAiActClassLabels, labelOf, lifecycleStageLabels, organizationRoleLabels, statusLabels } from '../../../lib/labels';
import { ClassBadge, StatusBadge } from '../../../lib/ui';
import { useSession } from '../../auth';
import { SnapshotsPanel } from '../../snapshots';
import { exportCsv, filterKeys, listSystems, type SystemFilters } from '../api';
import { RolesOf } from './RolesOf';
import { ScopeOf } from './ScopeOf';

// Columns marked optional are dropped on narrow screens.
const columns: Column[] = [
  { key: 'name', label: 'Name', sort: 'name' },
  { key: 'eu_ai_act_class', label: 'EU AI Act', sort: 'eu_ai_act_class' },
  { key: 'eu_ai_act_roles', label: 'Our roles (classification)' },
  { key: 'lifecycle_stage', label: 'Life-cycle stage', sort: 'lifecycle_stage' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'scope', label: 'AIMS scope', optional: true },
  { key: 'owner', label: 'Owner', sort: 'owner' },
  { key: 'updated_at', label: 'Last changed', sort: 'updated_at', optional: true },
];

const selectFilters = [
  { key: 'status', label: 'Status', options: statusLabels },
  { key: 'lifecycle_stage', label: 'Life-cycle stage', options: lifecycleStageLabels },
  { key: 'eu_ai_act_class', label: 'EU AI Act class', options: euAiActClassLabels },
  { key: 'organization_role', label: 'Main role', options: organizationRoleLabels },
] as const;

export function SystemsListPage() {
  useTitle('AI systems');
  const session = useSession();
  const list = useListPage({ filterKeys, defaultSort: 'name', load: (f: SystemFilters, cursor, limit, signal) => listSystems(f, cursor, limit, signal) });
  const { filters } = list;
  const exporting = usePendingAction();

  return (
    <div className="page">
      <PageHead
        title="AI systems"
        intro="The inventory of AI systems your organization provides, develops or uses."
        actions={
          <>
            <button type="button" className="btn" onClick={() => void exporting.run(() => exportCsv(filters))} disabled={exporting.busy}>
              {exporting.busy ? 'Exporting…' : 'Export CSV'}
            </button>
            {session.canManage ? (
              <Link className="btn" to="/systems/import">
                Import CSV
              </Link>
            ) : null}
            <CreateLink show={session.canWrite} to="/systems/new" testId="new-system">
              New AI system
            </CreateLink>
          </>
        }
      />
      {exporting.error ? <div className="banner banner-error" role="alert">{exporting.error}</div> : null}

      <FilterBar label="Filter AI systems">
        <SearchFilter list={list} id="systems-search" placeholder="Name, purpose, owner, model, tag…" testId="systems-search" />
        {selectFilters.map((f) => (
          <SelectFilter key={f.key} list={list} name={f.key} label={f.label} options={Object.entries(f.options)} />
        ))}
        <FlagFilter list={list} name="archived" label="Archived" choices={['Not archived', 'Archived only']} className="field field-archived" />
      </FilterBar>

      <ListResults list={list} columns={columns} name="systems" noun={['AI system', 'AI systems']}
        empty={{
          title: 'No AI systems yet',
          text: 'Register the AI systems your organization provides, develops or uses to start building the inventory.',
          create: session.canWrite ? ['/systems/new', 'Register your first AI system'] : null,
        }}
        row={(s) => (
          <tr key={s.id}>
            <td>
              <Link to={`/systems/${encodeURIComponent(s.id)}`} className="row-link">
                {s.name}
              </Link>
              {s.purpose ? <div className="cell-sub">{s.purpose}</div> : null}
            </td>
            <td>
              <ClassBadge value={s.eu_ai_act_class} />
            </td>
            <td data-testid="system-roles">
              <RolesOf roles={s.eu_ai_act_roles ?? null} />
            </td>
            <td>{labelOf(lifecycleStageLabels, s.lifecycle_stage)}</td>
            <td>
              <StatusBadge value={s.status} archived={s.archived} />
            </td>
            <td className="col-optional" data-testid="system-scope">
              <ScopeOf scope={s.scope} short />
            </td>
            <td>{s.owner || <span className="muted">—</span>}</td>
            <DateCell at={s.updated_at} optional />
          </tr>
        )}
      />
      <SnapshotsPanel register="inventory" />
    </div>
  );
}
