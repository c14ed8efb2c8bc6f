// The evidence vault: filters (text, classification, freshness) in the URL, sortable columns,
// cursor paging, and the upload box for those who may upload.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PairOptions, SelectField } from '../../../components/FormParts';
import { DateCell, FilterBar, FlagFilter, ListResults, SearchFilter, SelectFilter, type Column } from '../../../components/records/ListParts';
import { useListPage } from '../../../components/records/useListPage';
import { FlashBanner, PageHead } from '../../../components/RecordPage';
import { useTitle } from '../../../lib/hooks';
import { Banner, EmptyState } from '../../../lib/ui';
import { useSession } from '../../auth';
import { filterKeys, listEvidence, type EvidenceFilters } from '../api';
import { classificationLabels, formatSize } from '../evidence';
import { ClassificationBadge, FreshnessBadge } from './badges';
import { UploadBox } from './UploadBox';

const columns: Column[] = [
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
  const list = useListPage({
    filterKeys,
    defaultSort: '-uploaded_at',
    load: (f: EvidenceFilters, cursor, limit, signal) => listEvidence(f, cursor, limit, signal),
    scrollOnTurn: false,
  });
  const { params, setParams, filters, setFilter } = list;
  const [uploading, setUploading] = useState(params.get('upload') === '1');
  const [flash, setFlash] = useState<string | null>(null);

  const freshness = filters.expired === 'true' ? 'expired' : String(filters.expiring_within) === '30' ? 'expiring' : '';
  const setFreshness = (v: string) => {
    const p = new URLSearchParams(params);
    p.delete('expired');
    p.delete('expiring_within');
    for (const [k, val] of Object.entries(freshnessOptions[v]?.params ?? {})) p.set(k, val);
    setParams(p);
  };

  return (
    <div className="page" data-testid="evidence-list">
      <PageHead
        title="Evidence"
        intro="Files that show the management system works, with their validity, owner and the records they support."
        actions={
          session.canWrite && !uploading ? (
            <button type="button" className="btn btn-primary" onClick={() => setUploading(true)} data-testid="open-upload">
              Upload evidence
            </button>
          ) : null
        }
      />
      <FlashBanner message={flash} />
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

      <FilterBar label="Filter evidence">
        <SearchFilter list={list} id="evidence-search" placeholder="Title, description, file name, owner, number…" testId="evidence-search" />
        <SelectField id="filter-freshness" label="Freshness" value={freshness} onChange={setFreshness} testId="filter-freshness">
          <PairOptions options={Object.entries(freshnessOptions).map(([k, o]) => [k, o.label] as const)} />
        </SelectField>
        <SelectFilter list={list} name="classification" label="Classification" options={Object.entries(classificationLabels)} />
        <FlagFilter list={list} name="deleted" label="Deleted" choices={['Not deleted', 'Deleted only']} />
      </FilterBar>
      {filters.linked_to ? (
        <Banner kind="info">
          Showing evidence linked to <code>{filters.linked_to}</code>.{' '}
          <button type="button" className="link-btn" onClick={() => setFilter('linked_to', '')}>
            Show all
          </button>
        </Banner>
      ) : null}

      <ListResults
        list={list}
        columns={columns}
        name="evidence"
        noun={['evidence file', 'evidence files']}
        loadError="The evidence could not be loaded."
        noMatch="No evidence matches these filters."
        meta={{ spinner: false }}
        empty={
          <EmptyState title="No evidence yet" testId="evidence-empty">
            <p>Upload policies, reports, test results and records that show your AI management system at work, and link them to what they support.</p>
            {session.canWrite && !uploading ? (
              <button type="button" className="btn btn-primary" onClick={() => setUploading(true)}>
                Upload the first file
              </button>
            ) : null}
          </EmptyState>
        }
        row={(e) => (
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
            <DateCell at={e.uploaded_at} />
          </tr>
        )}
      />
    </div>
  );
}
