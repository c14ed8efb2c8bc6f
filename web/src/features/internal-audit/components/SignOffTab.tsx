// Report and sign-off: the conclusion (reporting ends the audit's fieldwork), the report as PDF,
// and the two sign-offs - the lead auditor's and an auditee's - after which the audit is frozen
// and the report's SHA-256 is in the audit log.
import { useState } from 'react';
import { usePendingAction } from '../../../lib/hooks';
import { ConfirmDialog, Field } from '../../../lib/ui';
import { downloadReport, report, signOff, type Audit, type SignOff } from '../api';

export function SignOffTab({ audit, etag, conduct, me, canWrite, onChanged }: {
  audit: Audit; etag: string; conduct: boolean; me: string | undefined; canWrite: boolean; onChanged: () => void;
}) {
  const [conclusion, setConclusion] = useState(audit.conclusion ?? '');
  const [statement, setStatement] = useState('');
  const [confirm, setConfirm] = useState<SignOff['as'] | null>(null);
  const { busy, error, run } = usePendingAction();
  const signed = (as: SignOff['as']) => audit.signoffs.find((s) => s.as === as);
  const isAuditor = me !== undefined && (me === audit.lead_auditor || (audit.team ?? []).includes(me));
  const mayLead = conduct && me === audit.lead_auditor && !signed('lead_auditor');
  const mayAuditee = canWrite && !isAuditor && !signed('auditee');
  return (
    <>
      <h2>Report and sign-off</h2>
      <p>
        <button type="button" className="btn" data-testid="report-pdf" onClick={() => void run(() => downloadReport(audit.id))}>
          {audit.status === 'signed_off' ? 'Download the report (PDF)' : 'Download the draft report (PDF)'}
        </button>
      </p>
      {audit.report_sha256 ? (
        <p data-testid="report-hash">Report SHA-256 (also in the audit log): <code>{audit.report_sha256}</code></p>
      ) : null}
      {audit.status === 'in_progress' && conduct ? (
        <form aria-label="Report the audit" data-testid="report-form"
          onSubmit={(e) => { e.preventDefault(); void run(async () => { await report(audit.id, conclusion, etag); onChanged(); }); }}>
          <Field label="Conclusion" required name="conclusion">
            {({ id }) => <textarea id={id} name="conclusion" rows={4} value={conclusion} onChange={(e) => setConclusion(e.target.value)} />}
          </Field>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="report-submit">Report the audit</button>
        </form>
      ) : audit.conclusion ? (
        <p><strong>Conclusion:</strong> {audit.conclusion}</p>
      ) : (
        <p>The conclusion is written when the fieldwork is done.</p>
      )}
      <h3>Sign-offs</h3>
      {audit.signoffs.length ? (
        <ul data-testid="signoffs">
          {audit.signoffs.map((s) => (
            <li key={s.as}>
              {s.as === 'lead_auditor' ? 'Lead auditor' : 'Auditee'}: {s.email} on {s.at}
              {s.statement ? ` — ${s.statement}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>Not signed off yet.</p>
      )}
      {audit.status === 'reported' && (mayLead || mayAuditee) ? (
        <>
          <Field label="Statement (optional)" name="statement">
            {({ id }) => <input id={id} name="statement" value={statement} onChange={(e) => setStatement(e.target.value)} />}
          </Field>
          {mayLead ? <button type="button" className="btn btn-primary" data-testid="sign-lead" onClick={() => setConfirm('lead_auditor')}>Sign off as lead auditor</button> : null}{' '}
          {mayAuditee ? <button type="button" className="btn btn-primary" data-testid="sign-auditee" onClick={() => setConfirm('auditee')}>Sign off as auditee</button> : null}
        </>
      ) : null}
      {error ? <div className="banner banner-error" role="alert" data-testid="signoff-error">{error}</div> : null}
      <ConfirmDialog open={confirm !== null} title="Sign off the audit report?" confirmLabel="Sign off" busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void run(async () => { await signOff(audit.id, confirm!, statement, etag); setConfirm(null); onChanged(); })}>
        Your sign-off is recorded with your name and the time. Once the lead auditor and an auditee have signed, the audit and its
        report are frozen: nothing in them can change.
      </ConfirmDialog>
    </>
  );
}
