// One version of a document: its Markdown rendered safely, its approval round, and what the
// caller may do with it — edit and submit a draft, approve or reject a version in review (ApprovalRound).
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { decideVersion, getVersion, saveDraft, submitVersion } from '../api';
import { ApprovalRound } from '../../../components/records/ApprovalRound';
import { Markdown } from './markdown';

const statusLabels: Record<string, string> = { draft: 'Draft', in_review: 'In review', published: 'Published', superseded: 'Superseded' };

export function statusLabel(status: string): string {
  return statusLabels[status] ?? status;
}

export function VersionView({ id, label, onChanged }: { id: string; label: string; onChanged: () => void }) {
  const session = useSession();
  const me = session.me?.user.id;
  const loaded = useAsync((signal) => getVersion(id, label, signal), [id, label, session.orgEpoch]);
  const [editing, setEditing] = useState(false);
  const [content, setContent] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (loaded.error) return <ErrorBanner error={loaded.error} title="The version could not be loaded." />;
  if (!loaded.data) return <Loading />;
  const { version: v, etag } = loaded.data;
  const approval = v.approval ?? null;

  async function act(run: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await run();
      setEditing(false);
      loaded.reload();
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-label={`Version ${v.label}`} data-testid="document-version">
      <h2>
        Version {v.label} <span className={`badge badge-${v.status}`} data-testid="version-status">{statusLabel(v.status)}</span>
      </h2>
      <p className="muted">
        By {v.author_email ?? v.author} on {formatDateTime(v.created_at)}
        {v.change_note ? ` — ${v.change_note}` : ''}. SHA-256 <span className="mono">{v.content_hash.slice(0, 16)}…</span>
      </p>
      {error ? (
        <div className="banner banner-error" role="alert" data-testid="version-error">
          {error}
        </div>
      ) : null}
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => saveDraft(id, v.label, content, note, etag ?? ''));
          }}
        >
          <label className="field">
            <span>Content (Markdown)</span>
            <textarea rows={16} value={content} onChange={(e) => setContent(e.target.value)} data-testid="version-content" />
          </label>
          <label className="field">
            <span>Change note</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="version-note" />
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="version-save">
            Save draft
          </button>{' '}
          <button type="button" className="btn" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <Markdown source={v.content ?? ''} />
      )}
      {v.status === 'draft' && session.canWrite && !editing ? (
        <div className="page-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              setContent(v.content ?? '');
              setNote(v.change_note ?? '');
              setEditing(true);
            }}
            data-testid="version-edit"
          >
            Edit draft
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act(() => submitVersion(id, v.label))} data-testid="version-submit">
            Submit for approval
          </button>
        </div>
      ) : null}
      <ApprovalRound
        approval={approval}
        open={v.status === 'in_review'}
        me={me}
        author={v.author}
        busy={busy}
        onDecide={(approve, comment) => void act(() => decideVersion(id, v.label, approve, comment))}
        testId="version"
      />
    </section>
  );
}
