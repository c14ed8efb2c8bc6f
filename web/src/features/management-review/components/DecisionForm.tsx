// Adding a decision to a review in progress: its type, what is decided, its owner (one of the
// attendees) and its due date; it becomes a tracked review action (MRA-).
import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../../lib/api';
import { fieldErrors } from '../../../lib/problem';
import { Banner, Field } from '../../../lib/ui';
import { addDecision, type Attendance, type Decision } from '../api';
import { decisionTypeLabel } from '../labels';

export function DecisionForm({ reviewId, attendees, onAdded }: { reviewId: string; attendees: Attendance['attendees']; onAdded: () => void }) {
  const [type, setType] = useState<Decision['type']>('improvement');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(attendees[0]?.user_id ?? '');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!attendees.length) return <p>Add attendees to the review to choose an owner for a decision.</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!title.trim()) local.title = 'is required';
    if (!due) local.due_date = 'is required';
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await addDecision({ review_id: reviewId, type, title: title.trim(), owner, due_date: due });
      setTitle('');
      setDue('');
      onAdded();
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrors(err.problem));
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Add a decision" data-testid="decision-form" noValidate>
      <h3>Add a decision</h3>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <Field label="Type" name="type" required>
        {({ id }) => (
          <select id={id} value={type} onChange={(e) => setType(e.target.value as Decision['type'])}>
            {Object.entries(decisionTypeLabel).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Decision" name="title" required error={errors.title}>
        {({ id, describedBy, invalid }) => (
          <input id={id} value={title} maxLength={200} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => setTitle(e.target.value)} />
        )}
      </Field>
      <Field label="Owner" name="owner" required error={errors.owner}>
        {({ id }) => (
          <select id={id} value={owner} onChange={(e) => setOwner(e.target.value)}>
            {attendees.map((p) => (
              <option key={p.user_id} value={p.user_id}>
                {p.name ?? p.email ?? p.user_id}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Due date" name="due_date" required error={errors.due_date}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="date" value={due} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => setDue(e.target.value)} />
        )}
      </Field>
      <button type="submit" className="btn" disabled={busy} data-testid="decision-add">
        {busy ? 'Adding…' : 'Add decision'}
      </button>
    </form>
  );
}
