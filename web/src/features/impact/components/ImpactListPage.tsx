// The organization's impact assessments: filters (AI system, status, outcome, re-assessment due,
// text), sortable columns and cursor pagination, with the filters kept in the URL.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { canGoBack, currentCursor, firstPage, pageNumber, popCursor, pushCursor, type CursorStack } from '../../../lib/cursor';
import { useAsync, useSearchText, useTitle } from '../../../lib/hooks';
import { formatDate, formatDateTime } from '../../../lib/labels';
import { pickParams } from '../../../lib/query';
import { EmptyState, ErrorBanner, Loading, isUnreadable, UnreadableRow } from '../../../lib/ui';
import { useSession } from '../../auth/components/SessionProvider';
import { filterKeys, listImpact, systemChoices, type ImpactFilters } from '../api';
import { levelLabels, statusLabels } from '../labels';
import '../impact.css';
import { DueBadge, FriaBadge, ImpactStatusBadge, LevelBadge } from './badges';

const PAGE_SIZE = 25;

const columns: { key: string; label: string; sort?: string }[] = [
  { key: 'ref', label: 'Ref', sort: 'ref' },
  { key: 'title', label: 'Assessment', sort: 'title' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'outcome', label: 'Outcome', sort: 'outcome' },
  { key: 'next_review_date', label: 'Next review', sort: 'next_review_date' },
  { key: 'updated_at', label: 'Last changed', sort: 'updated_at' },
];

export function impactPath(id: string, tab?: 'fria' | 'versions' | 'history'): string {
  return `/impact/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`;
}

export function ImpactListPage() {
  useTitle('Impact assessments');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters = pickParams(params, filterKeys) as ImpactFilters;
  const filterKey = JSON.stringify(filters);
  const sort = filters.sort ?? '-updated_at';
  const [search, setSearch] = useSearchText(300);
  const [pages, setPages] = useState<{ key: string; stack: CursorStack }>({ key: filterKey, stack: firstPage });
  const stack = pages.key === filterKey ? pages.stack : firstPage;
  const cursor = currentCursor(stack);
  const list = useAsync((signal) => listImpact(filters, cursor, PAGE_SIZE, signal), [filterKey, cursor]);
  const systems = useAsync((signal) => systemChoices(signal), []);

  const setFilter = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p);
  };
  const hasFilters = filterKeys.some((k) => k !== 'sort' && filters[k] !== undefined);
  const page = list.data;
  const first = (pageNumber(stack) - 1) * PAGE_SIZE;

  return (
    <div className="page" data-testid="impact-list-page">
      <div className="page-head">
        <div>
          <h1>Impact assessments</h1>
          <p className="muted">
            What each AI system may do to individuals, groups and society, the measures against harm, and the EU AI Act
            fundamental-rights view.
          </p>
        </div>
        <div className="page-actions">
          <Link className="btn" to="/impact/settings">
            Thresholds
          </Link>
          {session.canWrite ? (
            <Link className="btn btn-primary" to="/impact/new" data-testid="new-impact">
              New impact assessment
            </Link>
          ) : null}
        </div>
      </div>

      <div className="filters card" role="search" aria-label="Filter impact assessments">
        <div className="field field-search">
          <label htmlFor="impact-search">Search</label>
          <input id="impact-search" type="search" placeholder="Title, IA number, AI system…" value={search} maxLength={200}
            onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="filter-system">AI system</label>
          <select id="filter-system" value={params.get('system_id') ?? ''} onChange={(e) => setFilter('system_id', e.target.value)}>
            <option value="">All</option>
            {(systems.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={params.get('status') ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">All</option>
            {Object.entries(statusLabels).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-outcome">Outcome</label>
          <select id="filter-outcome" value={params.get('outcome') ?? ''} onChange={(e) => setFilter('outcome', e.target.value)}>
            <option value="">All</option>
            {Object.entries(levelLabels).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-due">Re-assessment</label>
          <select id="filter-due" value={params.get('reassessment_due') ?? ''} onChange={(e) => setFilter('reassessment_due', e.target.value)}>
            <option value="">All</option>
            <option value="true">Due</option>
            <option value="false">Not due</option>
          </select>
        </div>
      </div>

      <ErrorBanner error={list.error} title="The impact assessments could not be loaded." />
      {!page && list.loading ? <Loading /> : null}
      {page && page.total === 0 && page.items.length === 0 && !hasFilters ? (
        <EmptyState title="No impact assessments yet" testId="impact-empty">
          <p>
            Assess an AI system's benefits and harms to the people it affects before it goes live and whenever it changes. A new
            assessment starts from what the inventory already says about the system.
          </p>
          {session.canWrite ? (
            <Link className="btn btn-primary" to="/impact/new">
              Start the first impact assessment
            </Link>
          ) : null}
        </EmptyState>
      ) : null}
      {page && (page.total > 0 || page.items.length > 0 || hasFilters) ? (
        <>
          <div className="table-meta" aria-live="polite">
            <span data-testid="impact-total">
              {page.total === 0
                ? 'No impact assessments match these filters.'
                : `${first + 1}–${first + page.items.length} of ${page.total} impact assessment${page.total === 1 ? '' : 's'}`}
            </span>
            {hasFilters ? (
              <button type="button" className="link-btn" onClick={() => {
                setSearch('');
                setParams(filters.sort ? { sort: filters.sort } : {});
              }}>
                Clear filters
              </button>
            ) : null}
            {list.loading ? <span className="spinner" aria-label="Loading" /> : null}
          </div>
          <div className="table-wrap">
            <table className="table" data-testid="impact-table">
              <thead>
                <tr>
                  {columns.map((c) => {
                    const dir = sort === c.sort ? 'ascending' : sort === `-${c.sort}` ? 'descending' : undefined;
                    return (
                      <th key={c.key} scope="col" aria-sort={dir ?? 'none'}>
                        <button type="button" className="sort-btn" onClick={() => setFilter('sort', sort === c.sort ? `-${c.sort}` : (c.sort as string))}>
                          {c.label}
                          <span className="sort-mark" aria-hidden="true">
                            {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {page.items.map((a) =>
                  isUnreadable(a) ? (
                    <UnreadableRow key={a.id} item={a} columns={6} />
                  ) : (
                  <tr key={a.id} data-impact={a.ref}>
                    <td className="nowrap mono">{a.ref}</td>
                    <td>
                      <Link to={impactPath(a.id)} className="row-link">
                        {a.title}
                      </Link>
                      <div className="cell-sub">{a.system?.name ?? a.system_id}</div>
                    </td>
                    <td>
                      <span className="badge-group">
                        <ImpactStatusBadge value={a.status} />
                        <DueBadge due={a.reassessment_due} />
                      </span>
                    </td>
                    <td>
                      <span className="badge-group">
                        <LevelBadge value={a.outcome} />
                        <FriaBadge required={a.fria_required} />
                      </span>
                    </td>
                    <td className="nowrap">{a.next_review_date ? formatDate(a.next_review_date) : <span className="muted">—</span>}</td>
                    <td className="nowrap">
                      <time dateTime={a.updated_at} title={formatDateTime(a.updated_at)}>
                        {formatDate(a.updated_at)}
                      </time>
                    </td>
                  </tr>
                )
                )}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pages">
            <button type="button" className="btn" disabled={!canGoBack(stack) || list.loading} onClick={() => setPages({ key: filterKey, stack: popCursor(stack) })}>
              ← Previous
            </button>
            <span className="muted">Page {pageNumber(stack)}</span>
            <button type="button" className="btn" disabled={!page.next || list.loading}
              onClick={() => page.next && setPages({ key: filterKey, stack: pushCursor(stack, page.next) })}>
              Next →
            </button>
          </nav>
        </>
      ) : null}
    </div>
  );
}
