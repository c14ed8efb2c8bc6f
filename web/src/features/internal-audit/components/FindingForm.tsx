// Recording a finding of an audit from its checklist row: type, title and description (the
// requirement is the row's clause or control).
import { useState } from 'react';
import { usePendingAction } from '../../../lib/hooks';
import { Field } from '../../../lib/ui';
import { createFinding, type Finding } from '../api';
import { findingLabels } from '../labels';

export function FindingForm({ auditId, requirement, onSaved }: { auditId: string; requirement: string; onSaved: () => void }) {
  const [type, setType] = useState<Finding['type']>('minor_nc');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const { busy, error, run } = usePendingAction();
  function submit(e: React.FormEvent) {
    e.preventDefault();
    return run(async () => {
      await createFinding({ audit_id: auditId, type, requirement, title, description });
      onSaved();
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={`Finding on ${requirement}`} data-testid="finding-form">
      <Field label="Type" name="type">
        {({ id }) => (
          <select id={id} name="type" value={type} onChange={(e) => setType(e.target.value as Finding['type'])}>
            {Object.entries(findingLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        )}
      </Field>
      <Field label="Title" required name="title">
        {({ id }) => <input id={id} name="title" value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={`What was found against ${requirement}`} required name="description">
        {({ id }) => <textarea id={id} name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      {error ? <div className="banner banner-error" role="alert" data-testid="finding-error">{error}</div> : null}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="finding-save">Record the finding</button>
    </form>
  );
}
