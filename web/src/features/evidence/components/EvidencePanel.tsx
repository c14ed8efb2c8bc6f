// The evidence of one record, for embedding in that record's page (an AI system, a risk, …): the
// files linked to `target`, download, unlink, uploading a new file linked to it at once, and
// linking a file that is in the vault already.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../lib/api';
import { useAsync, useDebounced } from '../../../lib/hooks';
import { ConfirmDialog, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { addLink, downloadEvidence, listEvidence, removeLink, type Evidence } from '../api';
import { formatSize } from '../evidence';
import { FreshnessBadge } from './badges';
import { UploadBox } from './UploadBox';

interface Props {
  /** The record's target key, e.g. `system:sys_…`. */
  target: string;
  /** What the record is called in sentences ("this AI system"). */
  what?: string;
}

export function EvidencePanel({ target, what = 'this record' }: Props) {
  const session = useSession();
  const list = useAsync((signal) => listEvidence({ linked_to: target, sort: 'title' }, undefined, 100, signal), [target]);
  const [mode, setMode] = useState<'none' | 'upload' | 'link'>('none');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useAsync(
    (signal) => (mode === 'link' ? listEvidence({ q: q || undefined, sort: '-uploaded_at' }, undefined, 10, signal) : Promise.resolve(undefined)),
    [mode, q],
  );
  const [unlinking, setUnlinking] = useState<Evidence | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function link(e: Evidence) {
    setBusy(true);
    setError(null);
    try {
      await addLink(e.id, target);
      setMode('none');
      setSearch('');
      list.reload();
    } catch (x) {
      setError(errorMessage(x));
    } finally {
      setBusy(false);
    }
  }

  async function unlink() {
    if (!unlinking) return;
    setBusy(true);
    setError(null);
    try {
      await removeLink(unlinking.id, target);
      setUnlinking(null);
      list.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const items = list.data?.items ?? [];
  return (
    <section className="card" style={{ gridColumn: "1 / -1" }} aria-labelledby="evidence-panel-title" data-testid="evidence-panel">
      <div className="card-head">
        <h2 id="evidence-panel-title">Evidence</h2>
        <Link to={`/evidence?linked_to=${encodeURIComponent(target)}`}>In the vault →</Link>
      </div>
      <ErrorBanner error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && items.length === 0 ? <p className="muted" data-testid="evidence-panel-empty">No evidence is linked to {what} yet.</p> : null}
      {items.length > 0 ? (
        <ul className="ev-panel-list">
          {items.map((e) => (
            <li key={e.id} data-testid="evidence-panel-item">
              <Link to={`/evidence/${encodeURIComponent(e.id)}`}>
                {e.number} {e.title}
              </Link>{' '}
              <span className="muted small">
                {e.filename}, {formatSize(e.size)}
              </span>{' '}
              <FreshnessBadge value={e.freshness} expires={e.expires_on} />{' '}
              <button type="button" className="link-btn" onClick={() => void downloadEvidence(e).catch((x) => setError(errorMessage(x)))}>
                Download
              </button>
              {session.canWrite ? (
                <>
                  {' · '}
                  <button type="button" className="link-btn" onClick={() => setUnlinking(e)}>
                    Unlink
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error && !unlinking ? <div className="banner banner-error" role="alert">{error}</div> : null}
      {session.canWrite && mode === 'upload' ? (
        <UploadBox
          links={[target]}
          onCancel={() => setMode('none')}
          onUploaded={() => {
            setMode('none');
            list.reload();
          }}
        />
      ) : null}
      {session.canWrite && mode === 'link' ? (
        <div data-testid="evidence-panel-link">
          <div className="field">
            <label htmlFor="evidence-panel-search">Find evidence in the vault</label>
            <input id="evidence-panel-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Title, file name, owner, number…" />
          </div>
          {found.data ? (
            found.data.items.filter((e) => !items.some((i) => i.id === e.id)).length === 0 ? (
              <p className="muted small">No other evidence matches.</p>
            ) : (
              <ul className="ev-panel-list">
                {found.data.items
                  .filter((e) => !items.some((i) => i.id === e.id))
                  .map((e) => (
                    <li key={e.id} data-testid="evidence-panel-candidate">
                      {e.number} {e.title} <span className="muted small">{e.filename}</span>{' '}
                      <button type="button" className="link-btn" disabled={busy} onClick={() => void link(e)}>
                        Link
                      </button>
                    </li>
                  ))}
              </ul>
            )
          ) : null}
          <button type="button" className="btn" onClick={() => setMode('none')}>
            Done
          </button>
        </div>
      ) : null}
      {session.canWrite && mode === 'none' ? (
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => setMode('upload')} data-testid="evidence-panel-upload">
            Upload evidence
          </button>
          <button type="button" className="btn" onClick={() => setMode('link')} data-testid="evidence-panel-link-existing">
            Link existing evidence
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={!!unlinking}
        title="Unlink this evidence?"
        confirmLabel="Unlink"
        danger
        busy={busy}
        onConfirm={() => void unlink()}
        onCancel={() => {
          setUnlinking(null);
          setError(null);
        }}
      >
        <p>“{unlinking?.title}” stays in the vault and stays linked to any other records; it will no longer support {what}.</p>
        {error ? <div className="banner banner-error" role="alert">{error}</div> : null}
      </ConfirmDialog>
    </section>
  );
}
