// The stage 2 evidence index: for each clause and each applicable Annex A control, the records,
// documents and evidence files that support it, with links; the clauses and controls with nothing
// can be shown alone, and the index downloaded as CSV, JSON or PDF for the certification body
// (the server's export, with the page's filter).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { useAsync, useTitle } from '../../../lib/hooks';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { downloadEvidenceIndex, getEvidenceIndex } from '../api';

export function EvidenceIndexPage() {
  useTitle('Stage 2 evidence index');
  const session = useSession();
  const [onlyUnsupported, setOnlyUnsupported] = useState(false);
  const index = useAsync((signal) => getEvidenceIndex(onlyUnsupported, signal), [onlyUnsupported, session.orgEpoch]);
  const items = index.data?.items ?? [];
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = (format: 'csv' | 'json' | 'pdf') => {
    setDownloadError(null);
    downloadEvidenceIndex(format, onlyUnsupported).catch(setDownloadError);
  };
  return (
    <div className="page" data-testid="evidence-index-page">
      <p>
        <Link to="/certification">← Certification</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Stage 2 evidence index</h1>
          <p className="muted">Per clause and applicable Annex A control, what shows that it is in place.</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={() => download('csv')} data-testid="evidence-index-export-csv">Export CSV</button>
          <button type="button" className="btn" onClick={() => download('json')} data-testid="evidence-index-export-json">Export JSON</button>
          <button type="button" className="btn" onClick={() => download('pdf')} data-testid="evidence-index-export-pdf">Download PDF</button>
        </div>
      </div>
      {downloadError ? <ErrorBanner error={downloadError} title="The export could not be downloaded." /> : null}
      <label className="checkbox">
        <input type="checkbox" checked={onlyUnsupported} onChange={(e) => setOnlyUnsupported(e.target.checked)} data-testid="evidence-index-unsupported" />{' '}
        Only clauses and controls with nothing to show
      </label>
      {index.error ? <ErrorBanner error={index.error} title="The evidence index could not be loaded." /> : null}
      {!index.data ? (index.error ? null : <Loading />) : items.length === 0 ? (
        <EmptyState title="Nothing to show" testId="evidence-index-empty">Every clause and applicable control has something to show.</EmptyState>
      ) : (
        <>
          <p data-testid="evidence-index-summary">
            {index.data.summary.supported} of {index.data.summary.total} clauses and controls have records or evidence.
          </p>
          <DataTable columns={['Clause or control', 'Records and documents', 'Evidence files']} testId="evidence-index-table" caption="Stage 2 evidence index" busy={index.stale}>
            {items.map((i) => (
              <tr key={i.id} data-item={i.id}>
                <td>
                  <span className="mono">{i.id}</span> {i.title}
                </td>
                <td>
                  <ul className="plain">
                    {i.records.map((r) => (
                      <li key={`${r.type}:${r.id}`}>{r.link ? <Link to={r.link}>{r.label}</Link> : r.label}</li>
                    ))}
                    {i.kinds.map((k) => (
                      <li key={k.kind}>
                        <Link to={k.link ?? '/'}>{k.label}</Link> ({k.count})
                      </li>
                    ))}
                  </ul>
                  {i.records.length === 0 && i.kinds.length === 0 ? '—' : null}
                </td>
                <td>
                  {i.evidence.length === 0 ? '—' : (
                    <ul className="plain">
                      {i.evidence.map((e) => (
                        <li key={e.id}>
                          <Link to={`/evidence/${encodeURIComponent(e.id)}`}>{e.number} {e.title}</Link>
                          {e.sha256 ? <div className="muted small mono" title="SHA-256 of the file">{e.sha256.slice(0, 12)}…</div> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </div>
  );
}
