// The AI risk register: the heat map (a cell filters the register), filters and sort in the URL,
// sortable columns and cursor paging.
import { Link } from 'react-router-dom';
import { CreateLink, FilterBar, ListResults, SearchFilter, SelectFilter, type Column } from '../../../components/records/ListParts';
import { PageHead } from '../../../components/RecordPage';
import { useListPage } from '../../../components/records/useListPage';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDate, optionsOf } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { SnapshotsPanel } from '../../snapshots';
import { listSystems } from '../../systems';
import { getCriteria, getHeatmap, listRisks, riskFilterKeys, type RiskFilters } from '../api';
import { acceptanceLabels, riskStatusLabels, treatmentLabels } from '../labels';
import { cellParams, selectedCell } from '../risks';
import { HeatMap } from './HeatMap';
import { AcceptanceBadge, RiskStatusBadge, ScoreBadge } from './parts';

const columns: Column[] = [
  { key: 'id', label: 'Id', sort: 'number' },
  { key: 'title', label: 'Risk', sort: 'title' },
  { key: 'inherent', label: 'Inherent', sort: 'inherent' },
  { key: 'residual', label: 'Residual', sort: 'residual' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'acceptance', label: 'Acceptance', optional: true },
  { key: 'owner', label: 'Owner', sort: 'owner', optional: true },
  { key: 'review', label: 'Review', sort: 'review_date' },
];

export function RisksListPage() {
  useTitle('Risks');
  const session = useSession();
  const list = useListPage({ filterKeys: riskFilterKeys, defaultSort: 'number', load: (f: RiskFilters, cursor, limit, signal) => listRisks(f, cursor, limit, signal) });
  const { params, setParams, filters, page, setFilter, dropFilters } = list;
  const systemId = params.get('system_id') ?? undefined;
  const heat = useAsync((signal) => getHeatmap(systemId, signal), [systemId]);
  const criteria = useAsync((signal) => getCriteria(signal), []);
  const systems = useAsync((signal) => listSystems({ archived: 'all', sort: 'name' }, undefined, 500, signal), []);

  const cell = selectedCell(params);
  const levels = criteria.data?.criteria.levels ?? heat.data?.levels ?? [];
  const select = (key: string, label: string, options: [string, string][], all = 'All') => (
    <SelectFilter key={key} list={list} name={key} label={label} options={options} all={all} testId={`filter-${key}`} />
  );

  return (
    <div className="page page-wide">
      <PageHead
        title="Risks"
        intro="The AI risk register: what could go wrong, how likely and how bad it is, and what is done about it."
        actions={
          <>
            <Link className="btn" to="/risk-criteria" data-testid="risk-criteria-link">
              Risk criteria
            </Link>
            <CreateLink show={session.canWrite} to="/risks/new" testId="new-risk">
              New risk
            </CreateLink>
          </>
        }
      />

      <section className="card" aria-labelledby="heat-title" data-testid="heatmap-card">
        <div className="card-head">
          <h2 id="heat-title">Heat map {systemId ? <span className="muted small">(filtered by AI system)</span> : null}</h2>
          {heat.data ? (
            <span className="muted small">
              {heat.data.total} open risk{heat.data.total === 1 ? '' : 's'} · {heat.data.overdue_reviews} overdue review
              {heat.data.overdue_reviews === 1 ? '' : 's'} · {heat.data.expired_acceptances} expired acceptance
              {heat.data.expired_acceptances === 1 ? '' : 's'}
            </span>
          ) : null}
        </div>
        <ErrorBanner error={heat.error} />
        {heat.data ? (
          heat.data.total === 0 ? (
            <p className="muted">No open risks{systemId ? ' for this AI system' : ''} to map yet.</p>
          ) : (
            <HeatMap map={heat.data} selected={cell} onCell={(which, l, i) => setParams(cellParams(params, which, l, i))} />
          )
        ) : heat.loading ? (
          <Loading />
        ) : null}
      </section>

      <FilterBar label="Filter risks">
        <SearchFilter list={list} id="risks-search" placeholder="Id, title, owner, control…" testId="risks-search" />
        {select('system_id', 'AI system', [['none', 'Organization-wide only'], ...(systems.data?.items ?? []).map((s) => [s.id, s.name] as [string, string])])}
        {select('status', 'Status', optionsOf(riskStatusLabels).map((k) => [k, riskStatusLabels[k]]))}
        {select('residual_level', 'Residual level', levels.map((l) => [l.id, l.name]))}
        {select('inherent_level', 'Inherent level', levels.map((l) => [l.id, l.name]))}
        {select('treatment', 'Treatment', [...optionsOf(treatmentLabels).map((k) => [k, treatmentLabels[k]] as [string, string]), ['none', 'Not decided']])}
        {select('acceptance', 'Acceptance', optionsOf(acceptanceLabels).map((k) => [k, acceptanceLabels[k]]))}
        <div className="field field-check">
          <label>
            <input type="checkbox" checked={params.get('overdue') === 'true'} onChange={(e) => setFilter('overdue', e.target.checked ? 'true' : '')} data-testid="filter-overdue" />
            Review overdue
          </label>
        </div>
      </FilterBar>
      {cell || filters.control || filters.owner ? (
        <div className="chips" data-testid="active-filters">
          {cell ? (
            <button type="button" className="chip" onClick={() => dropFilters(`${cell.which}_likelihood`, `${cell.which}_impact`)} data-testid="cell-filter">
              {cell.which === 'inherent' ? 'Inherent' : 'Residual'} likelihood {cell.likelihood} × impact {cell.impact} ✕
            </button>
          ) : null}
          {filters.control ? (
            <button type="button" className="chip" onClick={() => dropFilters('control')}>
              Treated by {filters.control} ✕
            </button>
          ) : null}
          {filters.owner ? (
            <button type="button" className="chip" onClick={() => dropFilters('owner')}>
              Owner {filters.owner} ✕
            </button>
          ) : null}
        </div>
      ) : null}

      <ListResults
        list={list}
        columns={columns}
        name="risks"
        noun={['risk', 'risks']}
        meta={{ extra: page?.overdue_reviews ? ` · ${page.overdue_reviews} with an overdue review` : '' }}
        empty={{
          title: 'No risks registered yet',
          text: 'Record what could go wrong with your AI systems or across the organization, score it under your risk criteria and decide how to treat it.',
          create: session.canWrite ? ['/risks/new', 'Register the first risk'] : null,
        }}
        row={(r) => (
          <tr key={r.id} data-risk={r.id}>
            <td className="nowrap mono">{r.id}</td>
            <td>
              <Link to={`/risks/${encodeURIComponent(r.id)}`} className="row-link">
                {r.title}
              </Link>
              <div className="cell-sub">{r.system_name ?? (r.system_id ? r.system_id : 'Organization-wide')}</div>
            </td>
            <td>
              <ScoreBadge score={r.inherent} />
            </td>
            <td>
              <ScoreBadge score={r.residual} />
            </td>
            <td>
              <RiskStatusBadge value={r.status} />
            </td>
            <td className="col-optional">
              <AcceptanceBadge value={r.acceptance_state} />
            </td>
            <td className="col-optional">{r.owner || <span className="muted">—</span>}</td>
            <td className="nowrap">
              {r.review_date ? formatDate(r.review_date) : <span className="muted">—</span>}
              {r.review_overdue ? <span className="badge badge-overdue"> overdue</span> : null}
            </td>
          </tr>
        )}
      />
      <SnapshotsPanel register="risk_register" />
    </div>
  );
}
