// The form for setting and changing an AI objective: what it is and which Annex C objective it
// serves, the measure and target (the fields follow the direction), timing, the plans to achieve
// it (clause 6.2: what, with what resources, who, by when) and linked risks and controls.
import { PairOptions } from '../../../components/FormParts';
import { RecordFormFrame, useFormValues, type RecordFormProps } from '../../../components/records/RecordForm';
import { Field, sentence } from '../../../lib/ui';
import type { ObjectiveDirection } from '../api';
import { targetFields, type FormValues, type PlanValues } from '../form';
import { directionLabels, frequencyLabels, objectiveStatusLabels } from '../labels';
import type { FormOptions } from '../options';

export const fieldLabels: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  annex_c_objective: 'Annex C objective',
  system_id: 'AI system',
  measure: 'What is measured',
  unit: 'Unit',
  direction: 'Direction',
  target_value: 'Target',
  target_min: 'Range from',
  target_max: 'Range to',
  warning_threshold: 'Warning threshold',
  warning_margin: 'Warning margin',
  frequency: 'Reading frequency',
  owner: 'Owner',
  start_date: 'Start date',
  due_date: 'Due date',
  status: 'Status',
  plans: 'Plans',
  risk_refs: 'Linked risks',
  control_refs: 'Linked controls',
};

/** "plans[2].action" → "Plan 3: action". */
export function errorLabel(field: string): string {
  const m = /^plans\[(\d+)\]\.?(.*)$/.exec(field);
  if (m) return `Plan ${Number(m[1]) + 1}${m[2] ? `: ${m[2].replace('_', ' ')}` : ''}`;
  return fieldLabels[field] ?? field;
}

interface Props extends RecordFormProps<FormValues> {
  mode: 'create' | 'edit';
  options: FormOptions;
}

const warningHint: Record<ObjectiveDirection, string> = {
  higher_is_better: 'Optional. Values from this threshold up to the target are at risk; below it, off track.',
  lower_is_better: 'Optional. Values above the target up to this threshold are at risk; above it, off track.',
  within_range: '',
};

const emptyPlan: PlanValues = { action: '', resources: '', responsible: '', due_date: '', done: false };

export function ObjectiveForm({ mode, initial, options, ...frame }: Props) {
  const { errors } = frame;
  const { values: v, setValues: setV, set } = useFormValues(initial);
  const setPlan = (i: number, p: Partial<PlanValues>) => setV((old) => ({ ...old, plans: old.plans.map((x, j) => (j === i ? { ...x, ...p } : x)) }));

  const text = (k: keyof FormValues, opts: { required?: boolean; max?: number; hint?: string; wide?: boolean; type?: string } = {}) => (
    <Field label={fieldLabels[k]} error={errors[k]} required={opts.required} hint={opts.hint} name={k} className={opts.wide ? 'field-wide' : undefined}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={k}
          type={opts.type === 'number-text' ? 'text' : (opts.type ?? 'text')}
          value={v[k] as string}
          maxLength={opts.max}
          inputMode={opts.type === 'number-text' ? 'decimal' : undefined}
          onChange={(e) => set(k, e.target.value as never)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={opts.required || undefined}
        />
      )}
    </Field>
  );
  const numberField = (k: keyof FormValues, required: boolean, hint?: string) => text(k, { required, hint, type: 'number-text' });
  const select = (k: keyof FormValues, choices: [string, string][], required = false, hint?: string) => (
    <Field label={fieldLabels[k]} error={errors[k]} required={required} hint={hint} name={k}>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={k} value={v[k] as string} onChange={(e) => set(k, e.target.value as never)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          <PairOptions options={choices} />
        </select>
      )}
    </Field>
  );

  return (
    <RecordFormFrame {...frame} values={v} testId="objective-form" label={errorLabel}>

      <fieldset className="card form-group">
        <legend>The objective</legend>
        <div className="form-grid">
          {text('title', { required: true, max: 200, wide: true })}
          <Field label={fieldLabels.description} error={errors.description} name="description" className="field-wide" hint="Why it matters and how the measure shows progress.">
            {({ id, describedBy, invalid }) => (
              <textarea id={id} name="description" rows={3} maxLength={4000} value={v.description} onChange={(e) => set('description', e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
            )}
          </Field>
          {select('annex_c_objective', [['', 'Choose…'], ...options.annexC.map((o) => [o.value, o.label] as [string, string])], true, 'The ISO/IEC 42001 Annex C objective this one serves.')}
          {select('system_id', [['', 'The whole organization'], ...options.systems.map((o) => [o.value, o.label] as [string, string])])}
          {text('owner', { required: true, max: 200 })}
          {mode === 'edit' ? select('status', Object.entries(objectiveStatusLabels), false, 'Achieved and retired objectives expect no more readings.') : null}
        </div>
      </fieldset>

      <fieldset className="card form-group">
        <legend>Measure and target</legend>
        <div className="form-grid">
          {text('measure', { required: true, max: 500, hint: 'e.g. Approval-rate ratio between age groups' })}
          {text('unit', { max: 50, hint: 'e.g. %, ms, kWh (optional)' })}
          {select('direction', Object.entries(directionLabels))}
          {select('frequency', Object.entries(frequencyLabels), false, 'How often a reading is expected; later than that, the reading is overdue.')}
          {targetFields(v.direction).map((k) =>
            k === 'target_value'
              ? numberField(k, true, v.direction === 'higher_is_better' ? 'On track at or above this value.' : 'On track at or below this value.')
              : k === 'warning_threshold'
                ? numberField(k, false, warningHint[v.direction])
                : k === 'warning_margin'
                  ? numberField(k, false, 'Optional. How far outside the range a value is at risk rather than off track.')
                  : numberField(k, true),
          )}
        </div>
      </fieldset>

      <fieldset className="card form-group">
        <legend>Timing</legend>
        <div className="form-grid">
          {text('start_date', { type: 'date' })}
          {text('due_date', { required: true, type: 'date', hint: 'When the objective is to be met.' })}
        </div>
      </fieldset>

      <fieldset className="card form-group" data-testid="plans">
        <legend>Plans to achieve it</legend>
        <p className="muted small">What will be done, with what resources, who is responsible and by when.</p>
        {errors.plans ? <div className="field-error">{sentence(errors.plans)}</div> : null}
        <ol className="plan-list">
          {v.plans.map((p, i) => (
            <li key={i} className="plan-row" data-testid="plan-row">
              <Field label={`Plan ${i + 1}: action`} error={errors[`plans[${i}].action`]} name={`plans[${i}].action`}>
                {({ id, describedBy, invalid }) => (
                  <input type="text" id={id} name={`plans[${i}].action`} value={p.action} maxLength={1000} onChange={(e) => setPlan(i, { action: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
                )}
              </Field>
              <Field label="Resources" error={errors[`plans[${i}].resources`]} name={`plans[${i}].resources`}>
                {({ id }) => <input type="text" id={id} name={`plans[${i}].resources`} value={p.resources} maxLength={1000} onChange={(e) => setPlan(i, { resources: e.target.value })} />}
              </Field>
              <Field label="Responsible" error={errors[`plans[${i}].responsible`]} name={`plans[${i}].responsible`}>
                {({ id }) => <input type="text" id={id} name={`plans[${i}].responsible`} value={p.responsible} maxLength={200} onChange={(e) => setPlan(i, { responsible: e.target.value })} />}
              </Field>
              <Field label="By" error={errors[`plans[${i}].due_date`]} name={`plans[${i}].due_date`}>
                {({ id }) => <input id={id} type="date" name={`plans[${i}].due_date`} value={p.due_date} onChange={(e) => setPlan(i, { due_date: e.target.value })} />}
              </Field>
              <label className="check">
                <input type="checkbox" checked={p.done} onChange={(e) => setPlan(i, { done: e.target.checked })} /> Done
              </label>
              <button type="button" className="btn btn-sm" onClick={() => set('plans', v.plans.filter((_, j) => j !== i))} aria-label={`Remove plan ${i + 1}`}>
                Remove
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="btn btn-sm" onClick={() => set('plans', [...v.plans, { ...emptyPlan }])} disabled={v.plans.length >= 50}>
          Add a plan
        </button>
      </fieldset>

      <fieldset className="card form-group">
        <legend>Links</legend>
        <div className="form-grid">
          {(['risk_refs', 'control_refs'] as const).map((k) => (
            <Field key={k} label={fieldLabels[k]} error={errors[k]} name={k} hint={k === 'risk_refs' ? 'One risk id per line, e.g. R-12' : 'One control per line, e.g. A.6.2.6'}>
              {({ id, describedBy, invalid }) => (
                <textarea id={id} name={k} rows={2} value={v[k]} onChange={(e) => set(k, e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
    </RecordFormFrame>
  );
}
