// The conflict between an SoA entry's status and the maturity its control was assessed at (the
// server derives it; rules in docs/soa.md): flagged with the rule's message until someone keeps the
// status with a reason, or changes the status. Shown on the SoA page and on an assessment's results.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api';
import { fieldErrors } from '../../../lib/problem';
import { ErrorBanner } from '../../../lib/ui';
import { updateEntry, type SoaEntry } from '../api';

interface Props {
  entry: SoaEntry;
  canEdit: boolean;
  onSaved: (e: SoaEntry) => void;
  /** Opens the place where the status is changed (the entry's editor, or the SoA page). */
  changeStatus: React.ReactNode;
}

export function ConflictNote({ entry: e, canEdit, onSaved, changeStatus }: Props) {
  const [keeping, setKeeping] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const c = e.conflict;
  if (!c) return null;
  if (c.kept)
    return (
      <div className="conflict-kept small" data-testid={`conflict-kept-${e.control_id}`}>
        Status kept despite maturity {c.maturity}: {c.reason}
        {c.decided_by ? <span className="muted"> ({c.decided_by})</span> : null}
      </div>
    );

  async function keep(ev: FormEvent) {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateEntry(e.control_id, { conflict_reason: reason.trim() }, e.version));
      setKeeping(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const reasonError = error instanceof ApiError ? fieldErrors(error.problem).conflict_reason : undefined;

  return (
    <div className="conflict small" role="note" data-testid={`conflict-${e.control_id}`}>
      <span className="badge badge-conflict">Conflict</span> {c.message}
      {canEdit && !keeping ? (
        <div className="conflict-actions">
          <button type="button" className="link-btn" onClick={() => setKeeping(true)} data-testid={`keep-${e.control_id}`}>
            Keep the status…
          </button>{' '}
          · {changeStatus}
        </div>
      ) : null}
      {keeping ? (
        <form className="conflict-keep" onSubmit={keep} aria-label={`Keep the status of ${e.control_id}`}>
          <label htmlFor={`keep-reason-${e.control_id}`}>Why the status stands</label>
          <textarea id={`keep-reason-${e.control_id}`} rows={2} maxLength={2000} value={reason} required
            onChange={(ev) => setReason(ev.target.value)} data-testid={`keep-reason-${e.control_id}`} />
          {reasonError ? <div className="field-error">{reasonError}</div> : <ErrorBanner error={error} title="Not saved." />}
          <button type="submit" className="btn btn-sm btn-primary" disabled={busy || !reason.trim()} data-testid={`keep-save-${e.control_id}`}>
            {busy ? 'Saving…' : 'Keep status'}
          </button>{' '}
          <button type="button" className="btn btn-sm" onClick={() => setKeeping(false)}>
            Cancel
          </button>
        </form>
      ) : null}
    </div>
  );
}
