// The evidence of one record, for embedding in that record's page (an AI system, a risk, …): the
// files linked to `target`, download, unlink, uploading a new file linked to it at once, and
// linking a file that is in the vault already, picked by name (RecordPicker).
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { RecordPicker } from '../../../components/records/RecordPicker';
import { ConfirmDialog, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { addLink, downloadEvidence, listEvidence, removeLink, type Evidence } from '../api';
import { formatSize } from '../evidence';
import { searchEvidence } from '../pickSources';
import { FreshnessBadge } from './badges';
import { UploadBox } from './UploadBox';

interface Props {
  /** The record's target key, e.g. `system:sys_…`. */
  target: string;
  /** What the record is called in sentences ("this AI system"). */
  what?: string;
  /** The heading (default "Evidence"). */
  title?: string;
  /** Called after a link is added or removed. */
  onChanged?: () => void;
}

export function EvidencePanel({ target, what = 'this record', title = 'Evidence', onChanged }: Props) {
  const headingId = useId();
  const session = useSession();
  const list = useAsync((signal) => listEvidence({ linked_to: target, sort: 'title' }, undefined, 100, signal), [target]);
  const [mode, setMode] = useState<'none' | 'upload' | 'link'>('none');
  const [unlinking, setUnlinking] = useState<Evidence | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function link(evidenceId: string) {
    setBusy(true);
    setError(null);
    try {
      await addLink(evidenceId, target);
      list.reload();
      onChanged?.();
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
      onChanged?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const items = list.data?.items ?? [];
  return (
    <section className="card" style={{ gridColumn: "1 / -1" }} aria-labelledby={headingId} data-testid="evidence-panel">
      <div className="card-head">
        <h2 id={headingId}>{title}</h2>
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
            onChanged?.();
          }}
        />
      ) : null}
      {session.canWrite && mode === 'link' ? (
        <div data-testid="evidence-panel-link">
          <RecordPicker
            label="Find evidence in the vault"
            placeholder="Title, file name, number…"
            search={searchEvidence}
            exclude={items.map((i) => i.id)}
            onPick={(o) => link(o.key)}
            testId="evidence-picker"
          />
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
