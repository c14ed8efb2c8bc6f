// The risk form (create and edit): the risk, its scoring under the organization's criteria with a
// live preview of the level, its treatment and ownership. Inline errors from the client's checks or
// the server's 422; the first field in error takes focus.
import type { ReactNode } from 'react';
import { LabelOptions } from '../../../components/FormParts';
import { RecordFormFrame, useFormValues, type RecordFormProps } from '../../../components/records/RecordForm';
import { useAsync } from '../../../lib/hooks';
import { optionsOf } from '../../../lib/labels';
import { ErrorBanner, Field, Loading, sentence } from '../../../lib/ui';
import { listAllItems } from '../../catalog';
import { listSystems } from '../../systems';
import type { RiskCriteria } from '../api';
import { riskStatusHints, riskStatusLabels, treatmentLabels } from '../labels';
import { levelOf, type RiskFormValues } from '../risks';
import { LevelBadge } from './parts';

interface Props extends RecordFormProps<RiskFormValues> {
  criteria: RiskCriteria;
}

const fieldLabels: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  system_id: 'AI system',
  risk_sources: 'Risk sources',
  objectives: 'Objectives affected',
  inherent_likelihood: 'Inherent likelihood',
  inherent_impact: 'Inherent impact',
  existing_controls: 'Existing controls',
  treatment: 'Treatment option',
  treatment_plan: 'Treatment plan',
  planned_controls: 'Planned controls',
  residual_likelihood: 'Residual likelihood',
  residual_impact: 'Residual impact',
  residual_rationale: 'Rationale for the residual score',
  owner: 'Owner',
  due_date: 'Treatment due',
  review_date: 'Next review',
  status: 'Status',
};

export function RiskForm({ criteria, initial, ...frame }: Props) {
  const { errors } = frame;
  const { values: v, set } = useFormValues(initial);
  const catalog = useAsync((signal) => listAllItems('iso42001', signal), []);
  const systems = useAsync((signal) => listSystems({ archived: 'all', sort: 'name' }, undefined, 500, signal), []);

  if (catalog.loading && !catalog.data) return <Loading />;
  if (catalog.error) return <ErrorBanner error={catalog.error} title="The catalog could not be loaded." />;
  const sources = catalog.data?.filter((i) => i.kind === 'risk_source') ?? [];
  const objectives = catalog.data?.filter((i) => i.kind === 'ai_objective') ?? [];
  const controls = catalog.data?.filter((i) => i.kind === 'control') ?? [];

  const scale = (key: keyof RiskFormValues, steps: RiskCriteria['likelihood'], placeholder: string) => (
    <Field label={fieldLabels[key]} error={errors[key]} name={key} required={key.startsWith('inherent')}>
      {({ id, describedBy, invalid: bad }) => (
        <select id={id} name={key} value={v[key] as string} aria-describedby={describedBy} aria-invalid={bad || undefined} onChange={(e) => set(key, e.target.value)}>
          <option value="">{placeholder}</option>
          {steps.map((s, i) => (
            <option key={i} value={String(i + 1)} title={s.description}>
              {i + 1} — {s.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const preview = (l: string, i: string, fallbackL?: string, fallbackI?: string) => {
    const ln = Number(l || fallbackL), im = Number(i || fallbackI);
    if (!ln || !im) return <span className="muted small">Choose likelihood and impact to see the level.</span>;
    return (
      <span className="small">
        Score {ln} × {im} = {ln * im}: <LevelBadge level={levelOf(criteria, ln, im)} testId="level-preview" />
      </span>
    );
  };
  const checks = (key: 'risk_sources' | 'objectives', items: { id: string; title: string }[]) => (
    <fieldset className={`field field-wide${errors[key] ? ' field-invalid' : ''}`} data-field={key}>
      <legend>{fieldLabels[key]}</legend>
      <div className="checks">
        {items.map((it) => (
          <label key={it.id}>
            <input
              type="checkbox"
              name={key}
              checked={v[key].includes(it.id)}
              onChange={(e) => set(key, e.target.checked ? [...v[key], it.id] : v[key].filter((x) => x !== it.id))}
            />
            <span className="tree-id">{it.id}</span> {it.title}
          </label>
        ))}
      </div>
      {errors[key] ? <div className="field-error" data-testid={`field-error-${key}`}>{sentence(errors[key])}</div> : null}
    </fieldset>
  );
  const text = (key: keyof RiskFormValues, opts: { max?: number; area?: boolean; hint?: string; required?: boolean; type?: string; wide?: boolean } = {}): ReactNode => (
    <Field label={fieldLabels[key]} error={errors[key]} hint={opts.hint} name={key} required={opts.required} className={opts.area || opts.wide ? 'field-wide' : undefined}>
      {({ id, describedBy, invalid: bad }) => {
        const common = { id, name: key, value: v[key] as string, 'aria-describedby': describedBy, 'aria-invalid': bad || undefined };
        return opts.area ? (
          <textarea {...common} rows={3} maxLength={opts.max} onChange={(e) => set(key, e.target.value)} />
        ) : (
          <input {...common} type={opts.type ?? 'text'} maxLength={opts.max} onChange={(e) => set(key, e.target.value)} />
        );
      }}
    </Field>
  );

  return (
    <RecordFormFrame {...frame} values={v} testId="risk-form" submitTestId="risk-save" label={(k) => fieldLabels[k] ?? k}>
      <fieldset className="card form-group">
        <legend>The risk</legend>
        <div className="form-grid">
          {text('title', { max: 200, required: true, wide: true })}
          {text('description', { max: 4000, area: true, hint: 'What could happen, to whom, and why.' })}
          <Field label={fieldLabels.system_id} error={errors.system_id} name="system_id" hint="Leave empty for a risk of the whole organization.">
            {({ id, describedBy }) => (
              <select id={id} name="system_id" value={v.system_id} aria-describedby={describedBy} onChange={(e) => set('system_id', e.target.value)}>
                <option value="">Organization-wide</option>
                {(systems.data?.items ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {checks('risk_sources', sources)}
          {checks('objectives', objectives)}
        </div>
      </fieldset>
      <fieldset className="card form-group">
        <legend>Inherent risk (before treatment)</legend>
        <div className="form-grid">
          {scale('inherent_likelihood', criteria.likelihood, 'Choose…')}
          {scale('inherent_impact', criteria.impact, 'Choose…')}
          <div className="field field-wide score-preview" data-testid="inherent-preview">
            {preview(v.inherent_likelihood, v.inherent_impact)}
          </div>
          {text('existing_controls', { area: true, hint: 'Measures already in place, one per line.' })}
        </div>
      </fieldset>
      <fieldset className="card form-group">
        <legend>Treatment and residual risk</legend>
        <div className="form-grid">
          <Field label={fieldLabels.treatment} error={errors.treatment} name="treatment">
            {({ id, describedBy, invalid: bad }) => (
              <select id={id} name="treatment" value={v.treatment} aria-describedby={describedBy} aria-invalid={bad || undefined} onChange={(e) => set('treatment', e.target.value)}>
                <option value="">Not decided yet</option>
                <LabelOptions labels={treatmentLabels} keys={optionsOf(treatmentLabels)} />
              </select>
            )}
          </Field>
          {text('treatment_plan', { max: 4000, area: true })}
          {text('planned_controls', {
            area: true,
            hint: 'One per line: Annex A controls by id (e.g. A.6.2.4, shown in the Statement of Applicability) or your own controls by name.',
          })}
          <div className="field">
            <label htmlFor="add-control">Add an Annex A control</label>
            <select
              id="add-control"
              value=""
              data-testid="add-control"
              onChange={(e) => {
                const id = e.target.value;
                if (id && !v.planned_controls.split('\n').map((x) => x.trim()).includes(id))
                  set('planned_controls', v.planned_controls.trim() ? `${v.planned_controls.trimEnd()}\n${id}` : id);
              }}
            >
              <option value="">Choose a control…</option>
              {controls.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id} {c.title}
                </option>
              ))}
            </select>
          </div>
          {scale('residual_likelihood', criteria.likelihood, 'Same as inherent')}
          {scale('residual_impact', criteria.impact, 'Same as inherent')}
          <div className="field field-wide score-preview" data-testid="residual-preview">
            {preview(v.residual_likelihood, v.residual_impact, v.inherent_likelihood, v.inherent_impact)}
          </div>
          {text('residual_rationale', { max: 2000, area: true, hint: 'Needed when a residual value is above the inherent one.' })}
        </div>
      </fieldset>
      <fieldset className="card form-group">
        <legend>Ownership and review</legend>
        <div className="form-grid">
          {text('owner', { max: 200 })}
          <Field label={fieldLabels.status} error={errors.status} name="status" hint={riskStatusHints[v.status as keyof typeof riskStatusHints]}>
            {({ id, describedBy }) => (
              <select id={id} name="status" value={v.status} aria-describedby={describedBy} onChange={(e) => set('status', e.target.value)}>
                <LabelOptions labels={riskStatusLabels} keys={optionsOf(riskStatusLabels)} />
              </select>
            )}
          </Field>
          {text('due_date', { type: 'date' })}
          {text('review_date', { type: 'date' })}
        </div>
      </fieldset>
    </RecordFormFrame>
  );
}
