// Recording a reading of an objective: value, the day measured (today by default) and a note,
// with the server's field errors beside the inputs.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api';
import { fieldErrors } from '../../../lib/problem';
import { ErrorBanner, Field } from '../../../lib/ui';
import { addReading, type Objective, type ObjectiveReadingAdded } from '../api';
import { parseNumber } from '../form';
import { todayUtc } from '../labels';

export function ReadingForm({ objective, onAdded }: { objective: Objective; onAdded: (r: ObjectiveReadingAdded) => void }) {
  const [value, setValue] = useState('');
  const [day, setDay] = useState(todayUtc());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const n = parseNumber(value);
    if (n === null || Number.isNaN(n)) {
      setErrors({ value: n === null ? 'is required: the measured value' : 'must be a number' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const r = await addReading(objective.id, { value: n, measured_on: day || undefined, note: note.trim() || undefined });
      setValue('');
      setNote('');
      onAdded(r);
    } catch (err) {
      const fields = err instanceof ApiError ? fieldErrors(err.problem) : {};
      setErrors(fields);
      if (!Object.keys(fields).length) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="reading-form" onSubmit={submit} noValidate data-testid="reading-form" aria-label="Record a reading">
      <Field label={`Value${objective.unit ? ` (${objective.unit})` : ''}`} required error={errors.value} name="value" className="field-value">
        {({ id, describedBy, invalid }) => (
          <input type="text" id={id} name="value" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required />
        )}
      </Field>
      <Field label="Measured on" error={errors.measured_on} name="measured_on">
        {({ id, describedBy, invalid }) => (
          <input id={id} name="measured_on" type="date" max={todayUtc()} value={day} onChange={(e) => setDay(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <Field label="Note" error={errors.note} name="note" className="field-note">
        {({ id, describedBy, invalid }) => (
          <input type="text" id={id} name="note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Data set, run or source" aria-describedby={describedBy} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Recording…' : 'Record reading'}
      </button>
      <ErrorBanner error={error} />
    </form>
  );
}
