// Editing evidence metadata: sends only what changed, with If-Match; field errors beside fields,
// and a clear message when someone else changed the evidence meanwhile (412).
import { useState } from 'react';
import { FormActions, LabelOptions } from '../../../components/FormParts';
import { ApiError, errorMessage } from '../../../lib/api';
import { fieldErrors } from '../../../lib/problem';
import { Field } from '../../../lib/ui';
import { updateEvidence, type Evidence, type EvidencePatch, type Versioned } from '../api';
import { classificationLabels } from '../evidence';

interface Props {
  evidence: Evidence;
  etag: string;
  onSaved: (v: Versioned) => void;
  onCancel: () => void;
}

type Values = Required<Pick<Evidence, 'title' | 'description' | 'owner' | 'classification'>> & { effective_date: string; expires_on: string };

export function MetadataForm({ evidence, etag, onSaved, onCancel }: Props) {
  const initial: Values = {
    title: evidence.title,
    description: evidence.description,
    owner: evidence.owner,
    classification: evidence.classification,
    effective_date: evidence.effective_date ?? '',
    expires_on: evidence.expires_on ?? '',
  };
  const [v, setV] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const patch: EvidencePatch = {};
    if (v.title !== initial.title) patch.title = v.title;
    if (v.description !== initial.description) patch.description = v.description;
    if (v.owner !== initial.owner) patch.owner = v.owner;
    if (v.classification !== initial.classification) patch.classification = v.classification;
    if (v.effective_date !== initial.effective_date) patch.effective_date = v.effective_date || null;
    if (v.expires_on !== initial.expires_on) patch.expires_on = v.expires_on || null;
    const client: Record<string, string> = {};
    if (!v.title.trim()) client.title = 'A title is required.';
    if (v.effective_date && v.expires_on && v.expires_on < v.effective_date) client.expires_on = 'Must not be before the effective date.';
    setErrors(client);
    if (Object.keys(client).length) return;
    if (Object.keys(patch).length === 0) return onCancel();
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateEvidence(evidence.id, patch, etag));
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setError('Someone else changed this evidence since you opened it. Reload the page and apply your change again.');
      else {
        setError(errorMessage(e));
        if (e instanceof ApiError) setErrors(fieldErrors(e.problem));
      }
    } finally {
      setBusy(false);
    }
  }

  const set = (k: keyof Values) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  return (
    <form
      className="form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="evidence-form"
    >
      <Field label="Title" required error={errors.title} name="title" className="field-wide">
        {({ id, describedBy }) => <input id={id} type="text" aria-describedby={describedBy} value={v.title} onChange={set('title')} maxLength={200} />}
      </Field>
      <Field label="Description" error={errors.description} name="description" className="field-wide">
        {({ id, describedBy }) => <textarea id={id} aria-describedby={describedBy} rows={3} value={v.description} onChange={set('description')} maxLength={4000} />}
      </Field>
      <Field label="Owner" error={errors.owner} name="owner">
        {({ id, describedBy }) => <input id={id} type="text" aria-describedby={describedBy} value={v.owner} onChange={set('owner')} maxLength={200} />}
      </Field>
      <Field label="Classification" error={errors.classification} name="classification">
        {({ id }) => (
          <select id={id} value={v.classification} onChange={set('classification')}>
            <LabelOptions labels={classificationLabels} />
          </select>
        )}
      </Field>
      <Field label="Effective date" hint="When the evidence took effect (not the upload date)" error={errors.effective_date} name="effective_date">
        {({ id, describedBy }) => <input id={id} type="date" aria-describedby={describedBy} value={v.effective_date} onChange={set('effective_date')} />}
      </Field>
      <Field label="Expires on" hint="Leave empty if it does not expire" error={errors.expires_on} name="expires_on">
        {({ id, describedBy }) => <input id={id} type="date" aria-describedby={describedBy} value={v.expires_on} onChange={set('expires_on')} data-testid="edit-expires" />}
      </Field>
      {error ? <div className="banner banner-error field-wide" role="alert">{error}</div> : null}
      <FormActions busy={busy} onCancel={onCancel} submitTestId="save-evidence" className="field-wide" />
    </form>
  );
}
