// The stage 2 evidence index: for each clause and each applicable Annex A control, the records,
// documents and evidence files that support it, with links; the clauses and controls with nothing
// can be shown alone, and the index downloaded as JSON.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { useAsync, useTitle } from '../../../lib/hooks';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getEvidenceIndex, type EvidenceIndex } from '../api';

function downloadJson(data: EvidenceIndex) {
  const href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = href;
  a.download = 'stage 2 evidence index.json';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function EvidenceIndexPage() {
  useTitle('Stage 2 evidence index');
  const session = useSession();
  const index = useAsync((signal) => getEvidenceIndex(signal), [session.orgEpoch]);
  const [onlyUnsupported, setOnlyUnsupported] = useState(false);
  const items = (index.data?.items ?? []).filter((i) => !onlyUnsupported || !i.supported);
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
          <button type="button" className="btn" disabled={!index.data} onClick={() => index.data && downloadJson(index.data)}>Export JSON</button>
        </div>
      </div>
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
          <DataTable columns={['Clause or control', 'Records and documents', 'Evidence files']} testId="evidence-index-table" caption="Stage 2 evidence index">
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
                      {i.evidence.map((e) => {
                        const ev = e as { id?: string; number?: string; title?: string };
                        return (
                          <li key={ev.id}>
                            <Link to={`/evidence/${encodeURIComponent(ev.id ?? '')}`}>{ev.number} {ev.title}</Link>
                          </li>
                        );
                      })}
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
