// The evidence vault: filters (text, classification, freshness) in the URL, sortable columns,
// cursor paging, and the upload box for those who may upload.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { canGoBack, currentCursor, firstPage, pageNumber, popCursor, pushCursor, type CursorStack } from '../../../lib/cursor';
import { useAsync, useSearchText, useTitle } from '../../../lib/hooks';
import { formatDate, formatDateTime } from '../../../lib/labels';
import { pickParams } from '../../../lib/query';
import { Banner, EmptyState, ErrorBanner, Loading, isUnreadable, UnreadableRow } from '../../../lib/ui';
import { useSession } from '../../auth/components/SessionProvider';
import { filterKeys, listEvidence, type EvidenceFilters, type EvidenceSort } from '../api';
import { classificationLabels, formatSize } from '../evidence';
import { ClassificationBadge, FreshnessBadge } from './badges';
import { UploadBox } from './UploadBox';

const PAGE_SIZE = 25;

const columns: { key: string; label: string; sort?: string }[] = [
  { key: 'number', label: 'No.', sort: 'number' },
  { key: 'title', label: 'Title', sort: 'title' },
  { key: 'file', label: 'File', sort: 'size' },
  { key: 'expires_on', label: 'Expires', sort: 'expires_on' },
  { key: 'owner', label: 'Owner', sort: 'owner' },
  { key: 'links', label: 'Links' },
  { key: 'uploaded_at', label: 'Uploaded', sort: 'uploaded_at' },
];

/** The freshness filter of the page as list parameters. */
const freshnessOptions: Record<string, { label: string; params: Record<string, string> }> = {
  expired: { label: 'Expired', params: { expired: 'true' } },
  expiring: { label: 'Expiring within 30 days', params: { expiring_within: '30' } },
};

export function EvidenceListPage() {
  useTitle('Evidence');
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = pickParams(params, filterKeys) as EvidenceFilters;
  const filterKey = JSON.stringify(filters);
  const sort = filters.sort ?? '-uploaded_at';
  const [search, setSearch] = useSearchText(300);
  const [pages, setPages] = useState<{ key: string; stack: CursorStack }>({ key: filterKey, stack: firstPage });
  const stack = pages.key === filterKey ? pages.stack : firstPage;
  const cursor = currentCursor(stack);
  const list = useAsync((signal) => listEvidence(filters, cursor, PAGE_SIZE, signal), [filterKey, cursor]);
  const [uploading, setUploading] = useState(params.get('upload') === '1');
  const [flash, setFlash] = useState<string | null>(null);

  const setFilter = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p);
  };
  const freshness = filters.expired === 'true' ? 'expired' : String(filters.expiring_within) === '30' ? 'expiring' : '';
  const setFreshness = (v: string) => {
    const p = new URLSearchParams(params);
    p.delete('expired');
    p.delete('expiring_within');
    for (const [k, val] of Object.entries(freshnessOptions[v]?.params ?? {})) p.set(k, val);
    setParams(p);
  };
  const hasFilters = filterKeys.some((k) => k !== 'sort' && filters[k] !== undefined);
  const page = list.data;
  const first = (pageNumber(stack) - 1) * PAGE_SIZE;
  const turnPage = (next: CursorStack) => setPages({ key: filterKey, stack: next });

  return (
    <div className="page" data-testid="evidence-list">
      <div className="page-head">
        <div>
          <h1>Evidence</h1>
          <p className="muted">Files that show the management system works, with their validity, owner and the records they support.</p>
        </div>
        <div className="page-actions">
          {session.canWrite && !uploading ? (
            <button type="button" className="btn btn-primary" onClick={() => setUploading(true)} data-testid="open-upload">
              Upload evidence
            </button>
          ) : null}
        </div>
      </div>
      {flash ? <Banner kind="success" testId="flash">{flash}</Banner> : null}
      {uploading && session.canWrite ? (
        <section className="card" aria-label="Upload evidence">
          <h2>Upload evidence</h2>
          <UploadBox
            onCancel={() => setUploading(false)}
            onUploaded={(r) => {
              setUploading(false);
              if (r.created) navigate(`/evidence/${encodeURIComponent(r.evidence.id)}`, { state: { flash: `${r.evidence.number} was stored.` } });
              else setFlash(`These bytes are in the vault already as ${r.evidence.number} “${r.evidence.title}”.`);
              list.reload();
            }}
          />
        </section>
      ) : null}

      <div className="filters card" role="search" aria-label="Filter evidence">
        <div className="field field-search">
          <label htmlFor="evidence-search">Search</label>
          <input id="evidence-search" type="search" placeholder="Title, description, file name, owner, number…" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={200} data-testid="evidence-search" />
        </div>
        <div className="field">
          <label htmlFor="filter-freshness">Freshness</label>
          <select id="filter-freshness" value={freshness} onChange={(e) => setFreshness(e.target.value)} data-testid="filter-freshness">
            <option value="">All</option>
            {Object.entries(freshnessOptions).map(([k, o]) => (
              <option key={k} value={k}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-classification">Classification</label>
          <select id="filter-classification" value={params.get('classification') ?? ''} onChange={(e) => setFilter('classification', e.target.value)}>
            <option value="">All</option>
            {Object.entries(classificationLabels).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-deleted">Deleted</label>
          <select id="filter-deleted" value={params.get('deleted') ?? 'false'} onChange={(e) => setFilter('deleted', e.target.value === 'false' ? '' : e.target.value)}>
            <option value="false">Not deleted</option>
            <option value="true">Deleted only</option>
            <option value="all">All</option>
          </select>
        </div>
      </div>
      {filters.linked_to ? (
        <Banner kind="info">
          Showing evidence linked to <code>{filters.linked_to}</code>.{' '}
          <button type="button" className="link-btn" onClick={() => setFilter('linked_to', '')}>
            Show all
          </button>
        </Banner>
      ) : null}

      <ErrorBanner error={list.error} title="The evidence could not be loaded." />
      {!page && list.loading ? <Loading /> : null}
      {page && page.total === 0 && page.items.length === 0 && !hasFilters ? (
        <EmptyState title="No evidence yet" testId="evidence-empty">
          <p>Upload policies, reports, test results and records that show your AI management system at work, and link them to what they support.</p>
          {session.canWrite && !uploading ? (
            <button type="button" className="btn btn-primary" onClick={() => setUploading(true)}>
              Upload the first file
            </button>
          ) : null}
        </EmptyState>
      ) : null}
      {page && (page.total > 0 || page.items.length > 0 || hasFilters) ? (
        <>
          <div className="table-meta" aria-live="polite">
            <span data-testid="evidence-total">
              {page.total === 0 ? 'No evidence matches these filters.' : `${first + 1}–${first + page.items.length} of ${page.total} evidence file${page.total === 1 ? '' : 's'}`}
            </span>
            {hasFilters ? (
              <button type="button" className="link-btn" onClick={() => { setSearch(''); setParams(filters.sort ? { sort: filters.sort } : {}); }}>
                Clear filters
              </button>
            ) : null}
          </div>
          <div className="table-wrap">
            <table className="table" data-testid="evidence-table">
              <thead>
                <tr>
                  {columns.map((c) => {
                    const dir = sort === c.sort ? 'ascending' : sort === `-${c.sort}` ? 'descending' : undefined;
                    return (
                      <th key={c.key} scope="col" aria-sort={c.sort ? (dir ?? 'none') : undefined}>
                        {c.sort ? (
                          <button type="button" className="sort-btn" onClick={() => setFilter('sort', (sort === c.sort ? `-${c.sort}` : c.sort) as EvidenceSort)}>
                            {c.label}
                            <span className="sort-mark" aria-hidden="true">{dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}</span>
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
                {page.items.map((e) =>
                  isUnreadable(e) ? (
                    <UnreadableRow key={e.id} item={e} columns={7} />
                  ) : (
                  <tr key={e.id}>
                    <td className="nowrap">{e.number}</td>
                    <td>
                      <Link to={`/evidence/${encodeURIComponent(e.id)}`} className="row-link">
                        {e.title}
                      </Link>
                      <div className="cell-sub">
                        <ClassificationBadge value={e.classification} />
                        {e.deleted ? <span className="badge badge-archived">Deleted</span> : null}
                      </div>
                    </td>
                    <td>
                      {e.filename}
                      <div className="cell-sub">
                        {e.file_type_label}, {formatSize(e.size)}
                      </div>
                    </td>
                    <td className="nowrap">
                      {e.expires_on ?? <span className="muted">—</span>} <FreshnessBadge value={e.freshness} expires={e.expires_on} />
                    </td>
                    <td>{e.owner || <span className="muted">—</span>}</td>
                    <td>{e.link_count}</td>
                    <td className="nowrap">
                      <time dateTime={e.uploaded_at} title={formatDateTime(e.uploaded_at)}>
                        {formatDate(e.uploaded_at)}
                      </time>
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
