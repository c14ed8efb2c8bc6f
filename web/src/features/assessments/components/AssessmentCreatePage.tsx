// Starting a gap assessment: name, scope (approach), target maturity, owner and date.
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { FormPage } from '../../../components/RecordPage';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { optionsOf } from '../../../lib/labels';
import { fieldErrors } from '../../../lib/problem';
import { ErrorBanner, Field, sentence } from '../../../lib/ui';
import { useSession } from '../../auth';
import { createAssessment, getMaturityLevels } from '../api';
import { todayIso } from '../charts';
import { approachHints, approachLabels, type Approach } from '../labels';
import { assessmentPath } from './AssessmentLayout';

export function AssessmentCreatePage() {
  useTitle('New assessment');
  const session = useSession();
  const navigate = useNavigate();
  const levels = useAsync(() => getMaturityLevels(), []);
  const [name, setName] = useState('');
  const [approach, setApproach] = useState<Approach>('both');
  const [target, setTarget] = useState(3);
  const [owner, setOwner] = useState(session.me?.user.name ?? '');
  const [date, setDate] = useState(todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (!session.canWrite) return <Navigate to="/assessments" replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!name.trim()) {
      setErrors({ name: 'Give the assessment a name.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await createAssessment({
        name: name.trim(),
        approach,
        target_maturity: target,
        owner: owner.trim(),
        ...(date ? { assessment_date: date } : {}),
      });
      navigate(assessmentPath(created.id, 'answer'));
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setErrors(fieldErrors(err.problem));
      setBusy(false);
    }
  }

  return (
    <FormPage
      className="page page-narrow"
      links={[['/assessments', 'Assessments']]}
      current="New"
      title="New assessment"
      intro="You answer the items one at a time and can stop and come back whenever you like; every answer is saved as you go."
    >
      <ErrorBanner error={error} title="The assessment was not created." />
      <form className="card assessment-form" onSubmit={submit} noValidate data-testid="assessment-form">
        <Field label="Name" required error={errors.name} name="name" hint="For example “Baseline 2026” or “Pre-audit check”.">
          {({ id, describedBy, invalid }) => (
            <input id={id} name="name" type="text" value={name} maxLength={200} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => setName(e.target.value)} autoFocus />
          )}
        </Field>
        <fieldset className={`field choice-group${errors.approach ? ' field-invalid' : ''}`} data-field="approach">
          <legend>What to assess</legend>
          {optionsOf(approachLabels).map((k) => (
            <label key={k} className={`choice${approach === k ? ' choice-selected' : ''}`}>
              <input type="radio" name="approach" value={k} checked={approach === k} onChange={() => setApproach(k)} />
              <span>
                <strong>{approachLabels[k]}</strong>
                <span className="choice-hint">{approachHints[k]}</span>
              </span>
            </label>
          ))}
          {errors.approach ? <div className="field-error">{sentence(errors.approach)}</div> : null}
        </fieldset>
        <div className="form-grid">
          <Field label="Target maturity" error={errors.target_maturity} name="target_maturity" hint="The level every item should reach; items below it are gaps.">
            {({ id, describedBy }) => (
              <select id={id} name="target_maturity" value={target} aria-describedby={describedBy} onChange={(e) => setTarget(Number(e.target.value))}>
                {[1, 2, 3, 4, 5].map((n) => {
                  const l = levels.data?.find((x) => x.level === n);
                  return (
                    <option key={n} value={n}>
                      {n}
                      {l ? ` — ${l.name}` : ''}
                      {n === 3 ? ' (usual for certification)' : ''}
                    </option>
                  );
                })}
              </select>
            )}
          </Field>
          <Field label="Assessment date" error={errors.assessment_date} name="assessment_date">
            {({ id, describedBy }) => <input id={id} name="assessment_date" type="date" value={date} aria-describedby={describedBy} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <Field label="Owner" error={errors.owner} name="owner" hint="Who leads the assessment." className="field-wide">
            {({ id, describedBy }) => <input id={id} name="owner" type="text" value={owner} maxLength={200} aria-describedby={describedBy} onChange={(e) => setOwner(e.target.value)} />}
          </Field>
        </div>
        {target && levels.data ? (
          <p className="hint">
            Level {target}, <strong>{levels.data.find((l) => l.level === target)?.name}</strong>: {levels.data.find((l) => l.level === target)?.description}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="create-assessment">
            {busy ? 'Starting…' : 'Start the assessment'}
          </button>
          <Link className="btn" to="/assessments">
            Cancel
          </Link>
        </div>
      </form>
    </FormPage>
  );
}
