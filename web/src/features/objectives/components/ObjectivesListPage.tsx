// The AI objectives of the organization: filters (in the URL), search, sortable columns, cursor
// paging, and each objective's derived status and latest reading.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { canGoBack, currentCursor, firstPage, pageNumber, popCursor, pushCursor, type CursorStack } from '../../../lib/cursor';
import { useAsync, useSearchText, useTitle } from '../../../lib/hooks';
import { pickParams } from '../../../lib/query';
import { EmptyState, ErrorBanner, Loading, isUnreadable, UnreadableRow } from '../../../lib/ui';
import { useSession } from '../../auth/components/SessionProvider';
import { filterKeys, listObjectives, type Objective, type ObjectiveFilters } from '../api';
import { derivedStatusLabels, formatDay, formatValue, objectiveStatusLabels } from '../labels';
import { loadFormOptions } from '../options';
import { DerivedBadge, ObjectiveStatusBadge } from './badges';

const PAGE_SIZE = 25;

const columns: { key: string; label: string; sort?: string; optional?: boolean }[] = [
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
  const [params, setParams] = useSearchParams();
  const filters = pickParams(params, filterKeys) as ObjectiveFilters;
  const filterKey = JSON.stringify(filters);
  const sort = filters.sort ?? 'key';
  const [search, setSearch] = useSearchText(300);
  const [pages, setPages] = useState<{ key: string; stack: CursorStack }>({ key: filterKey, stack: firstPage });
  const stack = pages.key === filterKey ? pages.stack : firstPage;
  const cursor = currentCursor(stack);
  const list = useAsync((signal) => listObjectives(filters, cursor, PAGE_SIZE, signal), [filterKey, cursor]);
  const options = useAsync((signal) => loadFormOptions(signal), []);

  const setFilter = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p);
  };
  const hasFilters = filterKeys.some((k) => k !== 'sort' && filters[k] !== undefined);
  const turnPage = (next: CursorStack) => {
    setPages({ key: filterKey, stack: next });
    window.scrollTo({ top: 0 });
  };
  const page = list.data;
  const first = (pageNumber(stack) - 1) * PAGE_SIZE;
  const select = (key: string, label: string, choices: [string, string][]) => (
    <div className="field" key={key}>
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={params.get(key) ?? ''} onChange={(e) => setFilter(key, e.target.value)}>
        <option value="">All</option>
        {choices.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>AI objectives</h1>
          <p className="muted">Measurable objectives for AI (ISO/IEC 42001 clause 6.2), with targets and readings over time.</p>
        </div>
        <div className="page-actions">
          {session.canWrite ? (
            <Link className="btn btn-primary" to="/objectives/new" data-testid="new-objective">
              New objective
            </Link>
          ) : null}
        </div>
      </div>

      <div className="filters card" role="search" aria-label="Filter AI objectives">
        <div className="field field-search">
          <label htmlFor="objectives-search">Search</label>
          <input id="objectives-search" type="search" placeholder="Key, title, measure, owner…" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} data-testid="objectives-search" />
        </div>
        {select('derived_status', 'Derived status', Object.entries(derivedStatusLabels))}
        {select('overdue', 'Readings', [['true', 'Overdue'], ['false', 'Up to date']])}
        {select('status', 'Objective status', Object.entries(objectiveStatusLabels))}
        {select('annex_c_objective', 'Annex C', (options.data?.annexC ?? []).map((o) => [o.value, o.label]))}
        {select('system_id', 'AI system', [['none', 'The whole organization'], ...(options.data?.systems ?? []).map((o) => [o.value, o.label] as [string, string])])}
        <div className="field">
          <label htmlFor="filter-owner">Owner</label>
          <input type="text" id="filter-owner" defaultValue={params.get('owner') ?? ''} onBlur={(e) => setFilter('owner', e.target.value.trim())} onKeyDown={(e) => e.key === 'Enter' && setFilter('owner', e.currentTarget.value.trim())} />
        </div>
      </div>

      <ErrorBanner error={list.error} title="The objectives could not be loaded." />
      {!page && list.loading ? <Loading /> : null}
      {page && page.total === 0 && page.items.length === 0 && !hasFilters ? (
        <EmptyState title="No AI objectives yet" testId="objectives-empty">
          <p>
            Set measurable objectives for your AI systems — fairness, robustness, energy use… — with a target, a warning band and how often
            they are measured. Readings then show whether each objective is on track.
          </p>
          {session.canWrite ? (
            <Link className="btn btn-primary" to="/objectives/new">
              Set your first objective
            </Link>
          ) : null}
        </EmptyState>
      ) : null}
      {page && (page.total > 0 || page.items.length > 0 || hasFilters) ? (
        <>
          <div className="table-meta" aria-live="polite">
            <span data-testid="objectives-total">
              {page.total === 0 ? 'No objectives match these filters.' : `${first + 1}–${first + page.items.length} of ${page.total} objective${page.total === 1 ? '' : 's'}`}
            </span>
            {hasFilters ? (
              <button
                type="button"
                className="link-btn"
                onClick={() => {
                  setSearch('');
                  setParams(filters.sort ? { sort: filters.sort } : {});
                }}
              >
                Clear filters
              </button>
            ) : null}
            {list.loading ? <span className="spinner" aria-label="Loading" /> : null}
          </div>
          <div className="table-wrap">
            <table className="table" data-testid="objectives-table">
              <thead>
                <tr>
                  {columns.map((c) => {
                    const dir = sort === c.sort ? 'ascending' : sort === `-${c.sort}` ? 'descending' : undefined;
                    return (
                      <th key={c.key} scope="col" aria-sort={c.sort ? (dir ?? 'none') : undefined} className={c.optional ? 'col-optional' : undefined}>
                        {c.sort ? (
                          <button type="button" className="sort-btn" onClick={() => setFilter('sort', sort === c.sort ? `-${c.sort}` : (c.sort as string))}>
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
                {page.items.map((o) =>
                  isUnreadable(o) ? (
                    <UnreadableRow key={o.id} item={o} columns={6} />
                  ) : (
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
