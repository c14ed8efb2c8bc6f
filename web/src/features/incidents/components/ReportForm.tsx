// Recording a report sent about an incident: type, recipient, when it was sent, the recipient's
// reference and what it said.
import { useState } from 'react';
import { usePendingAction } from '../../../lib/hooks';
import { Field } from '../../../lib/ui';
import { sendReport, type ReportInput } from '../api';

/** "2026-12-01T09:30" of a datetime-local input, with the browser's offset: "2026-12-01T09:30+01:00". */
export function withOffset(local: string, date = new Date(local)): string {
  const off = -date.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local}${sign}${pad(off / 60)}:${pad(off % 60)}`;
}

export function ReportForm({ id, etag, onDone }: { id: string; etag: string; onDone: () => void }) {
  const [r, setR] = useState<ReportInput>({ type: 'initial', recipient_kind: 'authority', recipient: '', sent_at: '', reference: '', content: '' });
  const { busy, error, run } = usePendingAction();
  function submit(e: React.FormEvent) {
    e.preventDefault();
    return run(async () => {
      const body = { ...r, sent_at: r.sent_at ? withOffset(r.sent_at) : '' };
      if (!body.reference) delete body.reference;
      await sendReport(id, body, etag);
      onDone();
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="report-form" aria-label="Record a report">
      <Field label="Report" name="type">
        {({ id: fid }) => (
          <select id={fid} name="type" value={r.type} onChange={(e) => setR({ ...r, type: e.target.value as ReportInput['type'] })}>
            <option value="initial">Initial</option>
            <option value="follow_up">Follow-up</option>
            <option value="final">Final</option>
          </select>
        )}
      </Field>
      <Field label="Sent to" name="recipient_kind">
        {({ id: fid }) => (
          <select id={fid} name="recipient_kind" value={r.recipient_kind} onChange={(e) => setR({ ...r, recipient_kind: e.target.value as ReportInput['recipient_kind'] })}>
            <option value="authority">Market surveillance authority</option>
            <option value="provider">Provider</option>
          </select>
        )}
      </Field>
      <Field label="Recipient" required name="recipient">
        {({ id: fid }) => <input id={fid} name="recipient" value={r.recipient} onChange={(e) => setR({ ...r, recipient: e.target.value })} />}
      </Field>
      <Field label="Sent at (your time zone)" required name="sent_at">
        {({ id: fid }) => <input id={fid} name="sent_at" type="datetime-local" value={r.sent_at} onChange={(e) => setR({ ...r, sent_at: e.target.value })} />}
      </Field>
      <Field label="Their reference" name="reference">
        {({ id: fid }) => <input id={fid} name="reference" value={r.reference} onChange={(e) => setR({ ...r, reference: e.target.value })} />}
      </Field>
      <Field label="What the report says" required name="content">
        {({ id: fid }) => <textarea id={fid} name="content" rows={4} value={r.content} onChange={(e) => setR({ ...r, content: e.target.value })} />}
      </Field>
      {error ? <div className="banner banner-error" role="alert" data-testid="report-error">{error}</div> : null}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="report-submit">Record the report</button>
    </form>
  );
}
