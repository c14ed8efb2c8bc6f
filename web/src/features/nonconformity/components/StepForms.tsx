// The forms of the nonconformity's steps: containment, cause analysis, "could it occur
// elsewhere?", an update to risks or the AIMS, a corrective action, the effectiveness check and its
// result. Each sends its step with the NC's ETag and calls onDone; errors show above the button.
import { useState, type FormEvent, type ReactNode } from 'react';
import { usePendingAction } from '../../../lib/hooks';
import { Field } from '../../../lib/ui';
import { createAction, recordStep, type StepPath } from '../api';
import { METHODS } from '../steps';

interface StepProps {
  id: string;
  etag: string;
  onDone: () => void;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A step's form: its inputs, the error of the last try and the submit button. */
function StepFrame({ name, label, submit, children, send }: { name: string; label: string; submit: string; children: ReactNode; send: () => Promise<void> }) {
  const { busy, error, run } = usePendingAction();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(send);
  };
  return (
    <form className="card form-group" onSubmit={onSubmit} aria-label={label} data-testid={`${name}-form`}>
      <h3>{label}</h3>
      {children}
      {error ? <div className="banner banner-error" role="alert" data-testid={`${name}-error`}>{error}</div> : null}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid={`${name}-submit`}>{submit}</button>
    </form>
  );
}

/** A labelled text area bound to a value. */
function Text({ label, name, value, set, required, rows = 3 }: { label: string; name: string; value: string; set: (v: string) => void; required?: boolean; rows?: number }) {
  return (
    <Field label={label} required={required} name={name}>
      {({ id, describedBy }) => <textarea id={id} name={name} aria-describedby={describedBy} rows={rows} value={value} onChange={(e) => set(e.target.value)} />}
    </Field>
  );
}

function send(props: StepProps, step: StepPath, body: Record<string, unknown>) {
  return async () => {
    await recordStep(props.id, step, body, props.etag);
    props.onDone();
  };
}

export function ContainmentForm(props: StepProps) {
  const [action, setAction] = useState('');
  const [doneOn, setDoneOn] = useState(today());
  return (
    <StepFrame name="containment" label="Correction and containment" submit="Record the containment" send={send(props, 'containment', { action, done_on: doneOn })}>
      <Text label="What was done at once" name="action" value={action} set={setAction} required />
      <Field label="Done on" name="done_on">
        {({ id, describedBy }) => <input id={id} name="done_on" type="date" aria-describedby={describedBy} value={doneOn} max={today()} onChange={(e) => setDoneOn(e.target.value)} />}
      </Field>
    </StepFrame>
  );
}

export function CauseForm(props: StepProps) {
  const [method, setMethod] = useState('five_whys');
  const [analysis, setAnalysis] = useState('');
  const [cause, setCause] = useState('');
  return (
    <StepFrame name="cause" label="Cause analysis" submit="Record the cause analysis" send={send(props, 'cause-analysis', { method, analysis, root_cause: cause })}>
      <Field label="Method" required name="method">
        {({ id, describedBy }) => (
          <select id={id} name="method" aria-describedby={describedBy} value={method} onChange={(e) => setMethod(e.target.value)}>
            {METHODS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        )}
      </Field>
      <Text label={method === 'five_whys' ? 'The whys, one after the other' : 'The analysis'} name="analysis" value={analysis} set={setAnalysis} required rows={5} />
      <Text label="Root cause" name="root_cause" value={cause} set={setCause} required rows={2} />
    </StepFrame>
  );
}

export function ElsewhereForm(props: StepProps) {
  const [could, setCould] = useState<boolean | null>(null);
  const [where, setWhere] = useState('');
  return (
    <StepFrame name="elsewhere" label="Could it occur elsewhere?" submit="Record the answer"
      send={send(props, 'elsewhere-check', { could_occur_elsewhere: could, ...(could ? { where } : {}) })}>
      <fieldset>
        <legend>Do similar nonconformities exist, or could they occur elsewhere?</legend>
        <label className="radio">
          <input type="radio" name="could_occur_elsewhere" value="yes" checked={could === true} onChange={() => setCould(true)} /> Yes
        </label>
        <label className="radio">
          <input type="radio" name="could_occur_elsewhere" value="no" checked={could === false} onChange={() => setCould(false)} /> No
        </label>
      </fieldset>
      {could ? <Text label="Where" name="where" value={where} set={setWhere} required /> : null}
    </StepFrame>
  );
}

export function UpdateForm(props: StepProps) {
  const [links, setLinks] = useState('');
  const [note, setNote] = useState('');
  const list = links.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  return (
    <StepFrame name="update" label="Update to risks or the AIMS" submit="Record the update" send={send(props, 'updates', { links: list, note })}>
      <Field label="Records updated" required name="links" hint="Their numbers, separated by commas (e.g. R-3, DOC-1).">
        {({ id, describedBy }) => <input id={id} name="links" type="text" aria-describedby={describedBy} value={links} onChange={(e) => setLinks(e.target.value)} />}
      </Field>
      <Text label="What changed" name="note" value={note} set={setNote} required rows={2} />
    </StepFrame>
  );
}

export function ActionForm({ ncId, members, owner, onDone }: { ncId: string; members: [string, string][]; owner: string | null; onDone: () => void }) {
  const [title, setTitle] = useState('');
  const [who, setWho] = useState(owner ?? '');
  const [due, setDue] = useState('');
  return (
    <StepFrame name="action" label="New corrective action" submit="Add the corrective action"
      send={async () => {
        await createAction({ nc_id: ncId, title, owner: who, ...(due ? { due_date: due } : {}) });
        setTitle('');
        onDone();
      }}>
      <Field label="What is done to remove the cause" required name="title">
        {({ id, describedBy }) => <input id={id} name="title" type="text" maxLength={200} aria-describedby={describedBy} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <MemberSelect label="Owner" name="owner" value={who} set={setWho} members={members} />
      <Field label="Due date" name="due_date">
        {({ id, describedBy }) => <input id={id} name="due_date" type="date" aria-describedby={describedBy} value={due} onChange={(e) => setDue(e.target.value)} />}
      </Field>
    </StepFrame>
  );
}

function MemberSelect({ label, name, value, set, members, hint }: { label: string; name: string; value: string; set: (v: string) => void; members: [string, string][]; hint?: string }) {
  return (
    <Field label={label} required name={name} hint={hint}>
      {({ id, describedBy }) => (
        <select id={id} name={name} aria-describedby={describedBy} value={value} onChange={(e) => set(e.target.value)}>
          <option value="">Choose…</option>
          {members.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      )}
    </Field>
  );
}

export function CheckForm({ members, ...props }: StepProps & { members: [string, string][] }) {
  const [criterion, setCriterion] = useState('');
  const [due, setDue] = useState('');
  const [verifier, setVerifier] = useState('');
  return (
    <StepFrame name="check" label="Schedule the effectiveness check" submit="Schedule the check" send={send(props, 'effectiveness-check', { criterion, due_date: due, verifier })}>
      <Text label="Criterion: what shows the actions worked" name="criterion" value={criterion} set={setCriterion} required rows={2} />
      <Field label="Due date" required name="due_date">
        {({ id, describedBy }) => <input id={id} name="due_date" type="date" aria-describedby={describedBy} value={due} onChange={(e) => setDue(e.target.value)} />}
      </Field>
      <MemberSelect label="Verifier" name="verifier" value={verifier} set={setVerifier} members={members}
        hint="An admin or manager who is not the nonconformity's owner." />
    </StepFrame>
  );
}

export function ResultForm(props: StepProps) {
  const [result, setResult] = useState<'effective' | 'not_effective' | ''>('');
  const [reason, setReason] = useState('');
  return (
    <StepFrame name="result" label="Result of the effectiveness check" submit="Record the result" send={send(props, 'effectiveness-result', { result, ...(reason ? { reason } : {}) })}>
      <fieldset>
        <legend>Were the corrective actions effective?</legend>
        <label className="radio">
          <input type="radio" name="result" value="effective" checked={result === 'effective'} onChange={() => setResult('effective')} /> Effective
        </label>
        <label className="radio">
          <input type="radio" name="result" value="not_effective" checked={result === 'not_effective'} onChange={() => setResult('not_effective')} /> Not effective: reopen
        </label>
      </fieldset>
      <Text label={result === 'not_effective' ? 'What was seen (reason)' : 'Notes'} name="reason" value={reason} set={setReason} required={result === 'not_effective'} rows={2} />
    </StepFrame>
  );
}
