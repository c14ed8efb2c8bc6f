// One register snapshot: its register, status, hash and rows, the approval round with its
// decisions, submission to approvers (a draft, admins and managers) and the approvers' decisions.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApprovalRound } from '../../../components/records/ApprovalRound';
import { ApproverPicker } from '../../../components/records/ApproverPicker';
import { errorMessage } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { decideSnapshot, downloadSnapshot, getSnapshot, registerTitles, statusLabels, submitSnapshot, type Snapshot } from '../api';

/** The columns shown of a register's rows: [member, heading]. */
const columns: Record<Snapshot['register'], [string, string][]> = {
  inventory: [['name', 'Name'], ['status', 'Status'], ['lifecycle_stage', 'Stage'], ['owner', 'Owner']],
  risk_register: [['id', 'Risk'], ['title', 'Title'], ['status', 'Status'], ['owner', 'Owner']],
  soa: [['control_id', 'Control'], ['applicable', 'Applicable'], ['implementation_status', 'Implementation'], ['justification', 'Justification']],
};

function cell(row: Record<string, unknown>, key: string): string {
  const v = row[key];
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function SnapshotPage() {
  const { id = '' } = useParams();
  useTitle(`Snapshot ${id}`);
  const session = useSession();
  const me = session.me?.user.id;
  const loaded = useAsync((signal) => getSnapshot(id, signal), [id, session.orgEpoch]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (loaded.error) return <ErrorBanner error={loaded.error} title="The snapshot could not be loaded." />;
  if (!loaded.data) return <Loading />;
  const s = loaded.data;
  const rows = (s.content ?? []) as Record<string, unknown>[];

  async function act(run: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await run();
      loaded.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page" data-testid="snapshot-page">
      <h1>
        {s.id}: {registerTitles[s.register]} <span className={`badge badge-${s.status}`} data-testid="snapshot-status">{statusLabels[s.status]}</span>
      </h1>
      <p className="muted">
        Taken by {s.author_email ?? s.author} on {formatDateTime(s.created_at)}
        {s.approved_at ? `, approved on ${formatDateTime(s.approved_at)}` : ''}. {s.row_count} rows. SHA-256{' '}
        <span className="mono" data-testid="snapshot-hash">{s.content_hash}</span>
      </p>
      <button type="button" className="btn" onClick={() => void downloadSnapshot(s.id)}>
        Download (JSON)
      </button>
      {error ? (
        <div className="banner banner-error" role="alert" data-testid="snapshot-error">
          {error}
        </div>
      ) : null}
      {s.status === 'draft' && session.canManage ? (
        <ApproverPicker author={s.author} busy={busy} onSubmit={(ids) => void act(() => submitSnapshot(s.id, ids))} testId="snapshot" epoch={session.orgEpoch} />
      ) : null}
      <ApprovalRound
        approval={s.approval as never}
        open={s.status === 'in_approval'}
        me={me}
        author={s.author}
        busy={busy}
        onDecide={(approve, comment) => void act(() => decideSnapshot(s.id, approve, comment))}
        testId="snapshot"
      />
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Rows">
        <table className="table" data-testid="snapshot-rows">
          <thead>
            <tr>
              {columns[s.register].map(([, h]) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {columns[s.register].map(([k]) => (
                  <td key={k}>{cell(r, k)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
