// The inline editor of one SoA entry. The server's rules (an exclusion needs a justification;
// `implemented` needs linked evidence or a policy reference) come back as a 422 problem whose field
// errors are shown beside the fields. Evidence is linked from the vault below the form, picked by
// name (the evidence panel of `soa_entry:<control>`).
import { useState, type FormEvent } from 'react';
import { FormActions, LabelOptions } from '../../../components/FormParts';
import { ApiError } from '../../../lib/api';
import { fieldErrors } from '../../../lib/problem';
import { ErrorBanner, Field, sentence } from '../../../lib/ui';
import { EvidencePanel } from '../../evidence';
import { updateEntry, type SoaEntry } from '../api';
import { implementationLabels, reasonLabels, soaFieldLabels, type SoaReason } from '../labels';
import { entryPatch, formFromEntry, type EntryForm } from '../soa';
import { implementationOptions } from './SoaParts';

interface Props {
  entry: SoaEntry;
  onSaved: (e: SoaEntry) => void;
  onCancel: () => void;
  onConflict: () => void;
}

export function EntryEditor({ entry, onSaved, onCancel, onConflict }: Props) {
  const [form, setForm] = useState<EntryForm>(formFromEntry(entry));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof EntryForm>(k: K, v: EntryForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const patch = entryPatch(entry, form);
  const dirty = Object.keys(patch).length > 0;
  const known = Object.keys(soaFieldLabels);
  const other = Object.entries(errors).filter(([k]) => !known.includes(k));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!dirty) {
      onCancel();
      return;
    }
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      onSaved(await updateEntry(entry.control_id, patch, entry.version));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 412) {
        onConflict();
        return;
      }
      setError(err);
      if (err instanceof ApiError) setErrors(fieldErrors(err.problem));
    }
  }

  const toggleReason = (r: SoaReason, on: boolean) => set('reasons', on ? [...form.reasons, r] : form.reasons.filter((x) => x !== r));

  return (
    <>
    <form className="entry-editor" onSubmit={submit} noValidate data-testid="entry-editor" aria-label={`Edit ${entry.control_id}`}>
      <ErrorBanner error={error} title="Not saved." />
      {other.length ? (
        <ul className="field-error">
          {other.map(([k, m]) => (
            <li key={k}>
              {k}: {sentence(m)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="entry-grid">
        <div className="entry-col">
          <div className={`field field-check${errors.applicable ? ' field-invalid' : ''}`} data-field="applicable">
            <label>
              <input type="checkbox" name="applicable" checked={form.applicable} onChange={(e) => set('applicable', e.target.checked)} data-testid="entry-applicable" />
              This control applies to our AI management system
            </label>
            {errors.applicable ? <div className="field-error">{sentence(errors.applicable)}</div> : null}
          </div>
          <Field
            label={form.applicable ? 'Justification for inclusion' : 'Justification for the exclusion'}
            required={!form.applicable}
            error={errors.justification}
            name="justification"
            hint={form.applicable ? 'The risks or requirements that make the control necessary.' : 'Why the control does not apply; an auditor reads this.'}
          >
            {({ id, describedBy, invalid }) => (
              <textarea id={id} name="justification" rows={3} maxLength={4000} value={form.justification} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set('justification', e.target.value)} />
            )}
          </Field>
          <fieldset className={`field reason-group${errors.reasons ? ' field-invalid' : ''}`} data-field="reasons">
            <legend>Reasons</legend>
            <div className="reason-options">
              {(Object.keys(reasonLabels) as SoaReason[]).map((r) => (
                <label key={r} className="check">
                  <input type="checkbox" name="reasons" value={r} checked={form.reasons.includes(r)} onChange={(e) => toggleReason(r, e.target.checked)} />
                  {reasonLabels[r]}
                </label>
              ))}
            </div>
            {errors.reasons ? <div className="field-error">{sentence(errors.reasons)}</div> : null}
          </fieldset>
        </div>
        <div className="entry-col">
          <div className="form-grid">
            <Field label="Implementation status" error={errors.implementation_status} name="implementation_status">
              {({ id, describedBy }) => (
                <select id={id} name="implementation_status" value={form.implementation_status} aria-describedby={describedBy} onChange={(e) => set('implementation_status', e.target.value as EntryForm['implementation_status'])}>
                  <LabelOptions labels={implementationLabels} keys={implementationOptions} />
                </select>
              )}
            </Field>
            <Field label="Owner" error={errors.owner} name="owner">
              {({ id, describedBy }) => <input id={id} name="owner" type="text" maxLength={200} value={form.owner} aria-describedby={describedBy} onChange={(e) => set('owner', e.target.value)} />}
            </Field>
          </div>
          <Field label="Notes" error={errors.notes} name="notes">
            {({ id, describedBy }) => <textarea id={id} name="notes" rows={2} maxLength={4000} value={form.notes} aria-describedby={describedBy} onChange={(e) => set('notes', e.target.value)} />}
          </Field>
          <Field label="Policy references" error={errors.policy_refs} name="policy_refs" hint="One per line: the policies or procedures that implement it.">
            {({ id, describedBy }) => <textarea id={id} name="policy_refs" rows={2} value={form.policy_refs} aria-describedby={describedBy} onChange={(e) => set('policy_refs', e.target.value)} />}
          </Field>
        </div>
      </div>
      <FormActions busy={busy} onCancel={onCancel} submitTestId="entry-save">
        {!dirty ? <span className="muted small">No changes yet.</span> : null}
      </FormActions>
    </form>
    <EvidencePanel target={`soa_entry:${entry.control_id}`} what={`the SoA entry of ${entry.control_id}`} title={`Evidence for ${entry.control_id}`} />
    </>
  );
}
