// Inline editor of one obligation: status (with the reason when not applicable), owner,
// evidence references and notes. Sends only what changed, with If-Match.
import { useState, type FormEvent } from 'react';
import { FormActions, LabelOptions } from '../../../components/FormParts';
import { ApiError } from '../../../lib/api';
import { fieldErrors } from '../../../lib/problem';
import { ErrorBanner, Field } from '../../../lib/ui';
import { updateObligation, type Obligation, type ObligationStatus } from '../api';
import { formErrors, formOf, patchOf, STATUSES, type ObligationForm } from '../board';
import { obligationStatusLabels } from '../labels';

const serverKeys: Record<string, keyof ObligationForm> = {
  status: 'status',
  not_applicable_reason: 'reason',
  owner: 'owner',
  evidence_refs: 'evidence',
  notes: 'notes',
};

interface Props {
  obligation: Obligation;
  onSaved: (o: Obligation) => void;
  onConflict: () => void;
  onCancel: () => void;
}

export function ObligationEditor({ obligation: o, onSaved, onConflict, onCancel }: Props) {
  const [form, setForm] = useState<ObligationForm>(formOf(o));
  const [errors, setErrors] = useState<Partial<Record<keyof ObligationForm, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ObligationForm>(k: K, v: ObligationForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const key = `${o.system_id}-${o.obligation_id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = formErrors(form);
    setErrors(local);
    if (Object.keys(local).length) return;
    const patch = patchOf(o, form);
    if (Object.keys(patch).length === 0) return onCancel();
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateObligation(o, patch));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 412) return onConflict();
      setError(err);
      if (err instanceof ApiError) {
        const fe = fieldErrors(err.problem);
        setErrors(Object.fromEntries(Object.entries(fe).map(([k, m]) => [serverKeys[k] ?? k, m])));
      }
    }
  }

  return (
    <form className="euact-editor" onSubmit={submit} noValidate data-testid="obligation-editor" aria-label={`Edit ${o.article} for ${o.system_name}`}>
      <ErrorBanner error={error} title="Not saved." />
      <Field label="Status" name="status" error={errors.status}>
        {({ id }) => (
          <select id={id} value={form.status} onChange={(e) => set('status', e.target.value as ObligationStatus)} data-testid={`status-${key}`}>
            <LabelOptions labels={obligationStatusLabels} keys={STATUSES} />
          </select>
        )}
      </Field>
      {form.status === 'not_applicable' ? (
        <Field label="Why it does not apply" name="reason" required error={errors.reason}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={2} maxLength={2000} value={form.reason} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set('reason', e.target.value)} />
          )}
        </Field>
      ) : null}
      <Field label="Owner" name="owner" error={errors.owner}>
        {({ id, describedBy }) => <input id={id} type="text" maxLength={200} value={form.owner} aria-describedby={describedBy} onChange={(e) => set('owner', e.target.value)} data-testid={`owner-${key}`} />}
      </Field>
      <Field label="Evidence references" name="evidence" error={errors.evidence} hint="One per line.">
        {({ id, describedBy }) => <textarea id={id} rows={2} value={form.evidence} aria-describedby={describedBy} onChange={(e) => set('evidence', e.target.value)} />}
      </Field>
      <Field label="Notes" name="notes" error={errors.notes}>
        {({ id, describedBy }) => <textarea id={id} rows={2} maxLength={4000} value={form.notes} aria-describedby={describedBy} onChange={(e) => set('notes', e.target.value)} />}
      </Field>
      <FormActions busy={busy} onCancel={onCancel} submitTestId="obligation-save" small />
    </form>
  );
}
