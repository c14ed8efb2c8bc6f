// The AI risk register: the heat map (a cell filters the register), filters and sort in the URL,
// sortable columns and cursor paging.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { canGoBack, currentCursor, firstPage, pageNumber, popCursor, pushCursor, type CursorStack } from '../../../lib/cursor';
import { useAsync, useSearchText, useTitle } from '../../../lib/hooks';
import { formatDate, optionsOf } from '../../../lib/labels';
import { pickParams } from '../../../lib/query';
import { EmptyState, ErrorBanner, Loading, isUnreadable, UnreadableRow } from '../../../lib/ui';
import { useSession } from '../../auth/components/SessionProvider';
import { listSystems } from '../../systems/api';
import { getCriteria, getHeatmap, listRisks, riskFilterKeys, type RiskFilters } from '../api';
import { acceptanceLabels, riskStatusLabels, treatmentLabels } from '../labels';
import { cellParams, selectedCell, toggleSort } from '../risks';
import { HeatMap } from './HeatMap';
import { AcceptanceBadge, RiskStatusBadge, ScoreBadge } from './parts';

const PAGE_SIZE = 25;

const columns: { key: string; label: string; sort?: string; optional?: boolean }[] = [
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
  const [params, setParams] = useSearchParams();
  const filters = pickParams(params, riskFilterKeys) as RiskFilters;
  const filterKey = JSON.stringify(filters);
  const sort = (filters.sort as string | undefined) ?? 'number';
  const [search, setSearch] = useSearchText(300);
  const [pages, setPages] = useState<{ key: string; stack: CursorStack }>({ key: filterKey, stack: firstPage });
  const stack = pages.key === filterKey ? pages.stack : firstPage;
  const cursor = currentCursor(stack);

  const list = useAsync((signal) => listRisks(filters, cursor, PAGE_SIZE, signal), [filterKey, cursor]);
  const systemId = params.get('system_id') ?? undefined;
  const heat = useAsync((signal) => getHeatmap(systemId, signal), [systemId]);
  const criteria = useAsync((signal) => getCriteria(signal), []);
  const systems = useAsync((signal) => listSystems({ archived: 'all', sort: 'name' }, undefined, 500, signal), []);

  const setFilter = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p);
  };
  const dropFilters = (...keys: string[]) => {
    const p = new URLSearchParams(params);
    for (const k of keys) p.delete(k);
    setParams(p);
  };
  const hasFilters = riskFilterKeys.some((k) => k !== 'sort' && filters[k] !== undefined);
  const cell = selectedCell(params);
  const levels = criteria.data?.criteria.levels ?? heat.data?.levels ?? [];
  const turnPage = (next: CursorStack) => {
    setPages({ key: filterKey, stack: next });
    window.scrollTo({ top: 0 });
  };
  const page = list.data;
  const first = (pageNumber(stack) - 1) * PAGE_SIZE;

  const select = (key: string, label: string, options: [string, string][], all = 'All') => (
    <div className="field" key={key}>
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={params.get(key) ?? ''} onChange={(e) => setFilter(key, e.target.value)} data-testid={`filter-${key}`}>
        <option value="">{all}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="page page-wide">
      <div className="page-head">
        <div>
          <h1>Risks</h1>
          <p className="muted">The AI risk register: what could go wrong, how likely and how bad it is, and what is done about it.</p>
        </div>
        <div className="page-actions">
          <Link className="btn" to="/risk-criteria" data-testid="risk-criteria-link">
            Risk criteria
          </Link>
          {session.canWrite ? (
            <Link className="btn btn-primary" to="/risks/new" data-testid="new-risk">
              New risk
            </Link>
          ) : null}
        </div>
      </div>

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

      <div className="filters card" role="search" aria-label="Filter risks">
        <div className="field field-search">
          <label htmlFor="risks-search">Search</label>
          <input id="risks-search" type="search" placeholder="Id, title, owner, control…" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} data-testid="risks-search" />
        </div>
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
      </div>
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

      <ErrorBanner error={list.error} title="The risks could not be loaded." />
      {!page && list.loading ? <Loading /> : null}
      {page && page.total === 0 && page.items.length === 0 && !hasFilters ? (
        <EmptyState title="No risks registered yet" testId="risks-empty">
          <p>Record what could go wrong with your AI systems or across the organization, score it under your risk criteria and decide how to treat it.</p>
          {session.canWrite ? (
            <Link className="btn btn-primary" to="/risks/new">
              Register the first risk
            </Link>
          ) : null}
        </EmptyState>
      ) : null}
      {page && (page.total > 0 || page.items.length > 0 || hasFilters) ? (
        <>
          <div className="table-meta" aria-live="polite">
            <span data-testid="risks-total">
              {page.total === 0
                ? 'No risks match these filters.'
                : `${first + 1}–${first + page.items.length} of ${page.total} risk${page.total === 1 ? '' : 's'}`}
              {page.overdue_reviews ? ` · ${page.overdue_reviews} with an overdue review` : ''}
            </span>
            {hasFilters ? (
              <button
                type="button"
                className="link-btn"
                onClick={() => {
                  setSearch('');
                  setParams(filters.sort ? { sort: filters.sort as string } : {});
                }}
              >
                Clear filters
              </button>
            ) : null}
            {list.loading ? <span className="spinner" aria-label="Loading" /> : null}
          </div>
          <div className="table-wrap">
            <table className="table" data-testid="risks-table">
              <thead>
                <tr>
                  {columns.map((c) => {
                    const dir = sort === c.sort ? 'ascending' : sort === `-${c.sort}` ? 'descending' : undefined;
                    return (
                      <th key={c.key} scope="col" aria-sort={c.sort ? (dir ?? 'none') : undefined} className={c.optional ? 'col-optional' : undefined}>
                        {c.sort ? (
                          <button type="button" className="sort-btn" onClick={() => setFilter('sort', toggleSort(sort, c.sort as string))}>
                            {c.label}
                            <span className="sort-mark" aria-hidden="true">
                              {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}
                            </span>
                          </button>
                        ) : (
                          c.label
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {page.items.map((r) =>
                  isUnreadable(r) ? (
                    <UnreadableRow key={r.id} item={r} columns={8} />
                  ) : (
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
                )
                )}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pages">
            <button type="button" className="btn" disabled={!canGoBack(stack) || list.loading} onClick={() => turnPage(popCursor(stack))}>
              ← Previous
            </button>
            <span className="muted">Page {pageNumber(stack)}</span>
            <button type="button" className="btn" disabled={!page.next || list.loading} onClick={() => page.next && turnPage(pushCursor(stack, page.next))}>
              Next →
            </button>
          </nav>
        </>
      ) : null}
    </div>
  );
}
