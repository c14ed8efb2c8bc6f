// The evidence of one record, for embedding in that record's page (an AI system, a risk, …): the
// files linked to `target`, download, unlink, and uploading a new file linked to it at once.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { ConfirmDialog, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth/components/SessionProvider';
import { downloadEvidence, listEvidence, removeLink, type Evidence } from '../api';
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
  const [uploading, setUploading] = useState(false);
  const [unlinking, setUnlinking] = useState<Evidence | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
    <section className="card" aria-labelledby="evidence-panel-title" data-testid="evidence-panel">
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
      {session.canWrite ? (
        uploading ? (
          <UploadBox
            links={[target]}
            onCancel={() => setUploading(false)}
            onUploaded={() => {
              setUploading(false);
              list.reload();
            }}
          />
        ) : (
          <button type="button" className="btn" onClick={() => setUploading(true)} data-testid="evidence-panel-upload">
            Add evidence
          </button>
        )
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
