// Submit for review and approve, each after a confirmation, and the PDF/JSON exports. Buttons a
// role may not use are not shown; approval the server would refuse (restricted use, segregation
// of duties) is disabled with the reason; the server's refusals are shown in the dialog.
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api';
import { ConfirmDialog, Field, sentence } from '../../../lib/ui';
import { useSession } from '../../auth';
import { impactApprovalBlock, useSegregation } from '../../org';
import { approveImpact, exportImpact, submitImpact } from '../api';
import { errorsByPath, pathLabel } from '../form';
import { fieldLabels, levelLabels } from '../labels';
import type { ImpactContext } from './ImpactLayout';

function ProblemList({ errors }: { errors: Record<string, string> }) {
  const keys = Object.keys(errors);
  if (!keys.length) return null;
  return (
    <ul data-testid="workflow-errors">
      {keys.map((k) => (
        <li key={k}>
          <strong>{pathLabel(k, fieldLabels)}</strong>: {sentence(errors[k])}
        </li>
      ))}
    </ul>
  );
}

export function WorkflowActions({ ctx, onDone }: { ctx: ImpactContext; onDone: (message: string) => void }) {
  const session = useSession();
  const a = ctx.assessment;
  const [dialog, setDialog] = useState<'submit' | 'approve' | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [exportError, setExportError] = useState<string | null>(null);

  const restrictedNeedsAdmin = a.outcome === 'restricted' && (ctx.settings?.restricted_approver ?? 'admin') === 'admin' && session.role !== 'admin';
  const ownWork = impactApprovalBlock(useSegregation(), a.submitted_by, session.me?.user.email);
  const approveBlocked = ownWork ?? (restrictedNeedsAdmin ? 'A restricted use is approved by an admin' : null);
  const open = (d: 'submit' | 'approve') => {
    setDialog(d);
    setError(null);
    setErrors({});
  };

  async function run() {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      if (dialog === 'submit') {
        ctx.setAssessment(await submitImpact(a.id, ctx.etag));
        onDone(`${a.ref} was submitted for review.`);
      } else {
        const v = await approveImpact(a.id, note, ctx.etag);
        ctx.reload();
        onDone(`${a.ref} was approved as version ${v.number} (outcome ${levelLabels[v.outcome].toLowerCase()}).`);
        setNote('');
      }
      setDialog(null);
    } catch (e) {
      const fields = e instanceof ApiError ? errorsByPath(e.problem) : {};
      setErrors(fields);
      setError(e instanceof ApiError && e.status === 412 ? 'Someone changed this assessment meanwhile; close this, reload the page and try again.' : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function doExport(format: 'pdf' | 'json') {
    setExportError(null);
    try {
      await exportImpact(a.id, a.ref, format);
    } catch (e) {
      setExportError(errorMessage(e));
    }
  }

  return (
    <div className="page-actions ia-actions">
      <button type="button" className="btn" onClick={() => void doExport('pdf')} data-testid="export-pdf">
        Export PDF
      </button>
      <button type="button" className="btn" onClick={() => void doExport('json')} data-testid="export-json">
        Export JSON
      </button>
      {session.canWrite && a.status === 'draft' ? (
        <button type="button" className="btn btn-primary" onClick={() => open('submit')} disabled={ctx.dirty}
          title={ctx.dirty ? 'Save your changes first' : undefined} data-testid="submit-review">
          Submit for review
        </button>
      ) : null}
      {session.canManage && a.status === 'in_review' ? (
        <button type="button" className="btn btn-primary" onClick={() => open('approve')} disabled={!!approveBlocked || ctx.dirty}
          title={approveBlocked ?? undefined} data-testid="approve">
          Approve…
        </button>
      ) : null}
      {session.canManage && a.status === 'in_review' && ownWork ? (
        <p className="muted small blocked-reason" data-testid="approve-blocked">{ownWork}</p>
      ) : null}
      {exportError ? <div className="banner banner-error" role="alert">{exportError}</div> : null}

      <ConfirmDialog
        open={dialog !== null}
        title={dialog === 'submit' ? `Submit ${a.ref} for review?` : `Approve ${a.ref}?`}
        confirmLabel={dialog === 'submit' ? 'Submit for review' : 'Approve'}
        busy={busy}
        onConfirm={() => void run()}
        onCancel={() => setDialog(null)}
      >
        {dialog === 'submit' ? (
          <p>A manager or admin then reviews it. Changing it while it is in review takes it back to draft.</p>
        ) : (
          <>
            <p>
              Approval freezes the assessment as version {(a.approved_version ?? 0) + 1}, which never changes afterwards, together with
              the AI system's significant fields as they are now. Outcome: <strong>{levelLabels[a.outcome]}</strong>.
            </p>
            <Field label="Approval note" name="note" error={errors.note}
              hint={a.outcome === 'normal' ? 'Optional.' : 'Required for a sensitive or restricted use: why the remaining harms are acceptable.'}>
              {({ id, describedBy, invalid }) => (
                <textarea id={id} name="note" rows={3} maxLength={2000} value={note} aria-describedby={describedBy}
                  aria-invalid={invalid || undefined} onChange={(e) => setNote(e.target.value)} data-testid="approve-note" />
              )}
            </Field>
          </>
        )}
        {error ? (
          <div className="banner banner-error" role="alert" data-testid="workflow-error">
            <p>{error}</p>
            <ProblemList errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k !== 'note'))} />
          </div>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
