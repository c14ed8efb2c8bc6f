// The snapshots of one register, shown on the register's page: "Publish snapshot" (admins and
// managers) takes a draft snapshot and opens it, and "Approved versions" lists the approved
// snapshots (and those still in draft or approval) with their dates and hashes.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { useSession } from '../../auth';
import { createSnapshot, listSnapshots, registerTitles, statusLabels, type Register } from '../api';

export function SnapshotsPanel({ register }: { register: Register }) {
  const session = useSession();
  const navigate = useNavigate();
  const list = useAsync((signal) => listSnapshots(register, signal), [register, session.orgEpoch]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const items = list.data ?? [];
  const approved = items.filter((s) => s.status === 'approved');
  const open = items.filter((s) => s.status === 'draft' || s.status === 'in_approval');

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      const made = await createSnapshot(register);
      navigate(`/snapshots/${made.id}`);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-label="Approved versions" data-testid="snapshots-panel">
      <h2>Approved versions</h2>
      <p className="muted">Dated snapshots of the {registerTitles[register]}, approved like a controlled document.</p>
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      {session.canManage ? (
        <button type="button" className="btn" disabled={busy} onClick={() => void publish()} data-testid="snapshot-publish">
          Publish snapshot
        </button>
      ) : null}
      {approved.length === 0 ? <p className="muted">No approved version yet.</p> : null}
      <ul data-testid="snapshots-approved">
        {approved.map((s) => (
          <li key={s.id}>
            <Link to={`/snapshots/${s.id}`}>{s.id}</Link> approved {formatDateTime(s.approved_at ?? '')} — {s.row_count} rows, SHA-256{' '}
            <span className="mono">{s.content_hash.slice(0, 12)}…</span>
          </li>
        ))}
      </ul>
      {open.length ? (
        <ul data-testid="snapshots-open">
          {open.map((s) => (
            <li key={s.id}>
              <Link to={`/snapshots/${s.id}`}>{s.id}</Link> {statusLabels[s.status]} — taken {formatDateTime(s.created_at)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
