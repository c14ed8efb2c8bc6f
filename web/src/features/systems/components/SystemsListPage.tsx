// The AI system inventory: filters, search, sortable columns, cursor pagination, CSV in and out.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../lib/api';
import { canGoBack, currentCursor, firstPage, pageNumber, popCursor, pushCursor, type CursorStack } from '../../../lib/cursor';
import { useAsync, useSearchText, useTitle } from '../../../lib/hooks';
import {
  euAiActClassLabels,
  formatDate,
  formatDateTime,
  labelOf,
  lifecycleStageLabels,
  organizationRoleLabels,
  statusLabels,
} from '../../../lib/labels';
import { pickParams } from '../../../lib/query';
import { ClassBadge, EmptyState, ErrorBanner, Loading, StatusBadge, isUnreadable, UnreadableRow } from '../../../lib/ui';
import { useSession } from '../../auth/components/SessionProvider';
import { exportCsv, filterKeys, listSystems, type SystemFilters, type SystemSort } from '../api';

const PAGE_SIZE = 25;

// Columns marked optional are dropped on narrow screens.
const columns: { key: string; label: string; sort?: string; optional?: boolean }[] = [
  { key: 'name', label: 'Name', sort: 'name' },
  { key: 'eu_ai_act_class', label: 'EU AI Act', sort: 'eu_ai_act_class' },
  { key: 'lifecycle_stage', label: 'Life-cycle stage', sort: 'lifecycle_stage' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'owner', label: 'Owner', sort: 'owner' },
  { key: 'updated_at', label: 'Last changed', sort: 'updated_at', optional: true },
];

const selectFilters = [
  { key: 'status', label: 'Status', options: statusLabels },
  { key: 'lifecycle_stage', label: 'Life-cycle stage', options: lifecycleStageLabels },
  { key: 'eu_ai_act_class', label: 'EU AI Act class', options: euAiActClassLabels },
  { key: 'organization_role', label: 'Our role', options: organizationRoleLabels },
] as const;

/** The sort value after clicking a column: ascending first, then descending. */
export function toggleSort(current: string, column: string): string {
  return current === column ? `-${column}` : column;
}

export function SystemsListPage() {
  useTitle('AI systems');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filters = pickParams(params, filterKeys) as SystemFilters;
  const filterKey = JSON.stringify(filters);
  const sort = filters.sort ?? 'name';

  const [search, setSearch] = useSearchText(300);

  // Paging restarts whenever the filters change.
  const [pages, setPages] = useState<{ key: string; stack: CursorStack }>({ key: filterKey, stack: firstPage });
  const stack = pages.key === filterKey ? pages.stack : firstPage;
  const cursor = currentCursor(stack);

  const list = useAsync((signal) => listSystems(filters, cursor, PAGE_SIZE, signal), [filterKey, cursor]);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const setFilter = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p);
  };
  const hasFilters = filterKeys.some((k) => k !== 'sort' && filters[k] !== undefined);

  async function doExport() {
    setExporting(true);
    setExportError(null);
    try {
      await exportCsv(filters);
    } catch (e) {
      setExportError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  }

  const turnPage = (next: CursorStack) => {
    setPages({ key: filterKey, stack: next });
    window.scrollTo({ top: 0 });
  };

  const page = list.data;
  const first = (pageNumber(stack) - 1) * PAGE_SIZE;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>AI systems</h1>
          <p className="muted">The inventory of AI systems your organization provides, develops or uses.</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={() => void doExport()} disabled={exporting}>
            {exporting ? 'Exporting…' : 'Export CSV'}
          </button>
          {session.canManage ? (
            <Link className="btn" to="/systems/import">
              Import CSV
            </Link>
          ) : null}
          {session.canWrite ? (
            <Link className="btn btn-primary" to="/systems/new" data-testid="new-system">
              New AI system
            </Link>
          ) : null}
        </div>
      </div>
      {exportError ? <div className="banner banner-error" role="alert">{exportError}</div> : null}

      <div className="filters card" role="search" aria-label="Filter AI systems">
        <div className="field field-search">
          <label htmlFor="systems-search">Search</label>
          <input
            id="systems-search"
            type="search"
            placeholder="Name, purpose, owner, model, tag…"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            maxLength={200}
            data-testid="systems-search"
          />
        </div>
        {selectFilters.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`filter-${f.key}`}>{f.label}</label>
            <select id={`filter-${f.key}`} value={params.get(f.key) ?? ''} onChange={(e) => setFilter(f.key, e.target.value)}>
              <option value="">All</option>
              {Object.entries(f.options).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field field-archived">
          <label htmlFor="filter-archived">Archived</label>
          <select id="filter-archived" value={params.get('archived') ?? 'false'} onChange={(e) => setFilter('archived', e.target.value === 'false' ? '' : e.target.value)}>
            <option value="false">Not archived</option>
            <option value="true">Archived only</option>
            <option value="all">All</option>
          </select>
        </div>
      </div>

      <ErrorBanner error={list.error} title="The AI systems could not be loaded." />
      {!page && list.loading ? <Loading /> : null}
      {page && page.total === 0 && page.items.length === 0 && !hasFilters ? (
        <EmptyState title="No AI systems yet" testId="systems-empty">
          <p>Register the AI systems your organization provides, develops or uses to start building the inventory.</p>
          {session.canWrite ? (
            <Link className="btn btn-primary" to="/systems/new">
              Register your first AI system
            </Link>
          ) : null}
        </EmptyState>
      ) : null}
      {page && (page.total > 0 || page.items.length > 0 || hasFilters) ? (
        <>
          <div className="table-meta" aria-live="polite">
            <span data-testid="systems-total">
              {page.total === 0
                ? 'No AI systems match these filters.'
                : `${first + 1}–${first + page.items.length} of ${page.total} AI system${page.total === 1 ? '' : 's'}`}
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
            <table className="table" data-testid="systems-table">
              <thead>
                <tr>
                  {columns.map((c) => {
                    const dir = sort === c.sort ? 'ascending' : sort === `-${c.sort}` ? 'descending' : undefined;
                    return (
                      <th key={c.key} scope="col" aria-sort={c.sort ? (dir ?? 'none') : undefined} className={c.optional ? 'col-optional' : undefined}>
                        {c.sort ? (
                          <button type="button" className="sort-btn" onClick={() => setFilter('sort', toggleSort(sort, c.sort as string) as SystemSort)}>
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
                {page.items.map((s) =>
                  isUnreadable(s) ? (
                    <UnreadableRow key={s.id} item={s} columns={6} />
                  ) : (
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
                    <td>{labelOf(lifecycleStageLabels, s.lifecycle_stage)}</td>
                    <td>
                      <StatusBadge value={s.status} archived={s.archived} />
                    </td>
                    <td>{s.owner || <span className="muted">—</span>}</td>
                    <td className="nowrap col-optional">
                      <time dateTime={s.updated_at} title={formatDateTime(s.updated_at)}>
                        {formatDate(s.updated_at)}
                      </time>
                    </td>
                  </tr>
                )
                )}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pages">
            <button
              type="button"
              className="btn"
              disabled={!canGoBack(stack) || list.loading}
              onClick={() => turnPage(popCursor(stack))}
            >
              ← Previous
            </button>
            <span className="muted">Page {pageNumber(stack)}</span>
            <button
              type="button"
              className="btn"
              disabled={!page.next || list.loading}
              onClick={() => page.next && turnPage(pushCursor(stack, page.next))}
            >
              Next →
            </button>
          </nav>
        </>
      ) : null}
    </div>
  );
}
