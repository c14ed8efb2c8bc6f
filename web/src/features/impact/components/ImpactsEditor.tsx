// The benefits and harms of the form: one card per entry with its category, affected party,
// description, severity and likelihood (score and level previewed with the organization's
// thresholds) and the measures against it; rows added and removed in place.
import { useState } from 'react';
import { LabelOptions } from '../../../components/FormParts';
import { ConfirmDialog, Field, sentence } from '../../../lib/ui';
import type { ImpactSettings } from '../api';
import { newImpact, newMeasure, preview, rowHasErrors, type ImpactValues, type MeasureValues } from '../form';
import { categoryLabels, likelihoodLabels, magnitudeLabels, measureStatusLabels, severityLabels, typeLabels, type MeasureStatus } from '../labels';
import { LevelBadge } from './badges';

interface Props {
  rows: ImpactValues[];
  onChange: (rows: ImpactValues[]) => void;
  errors: Record<string, string>;
  settings: ImpactSettings | undefined;
  readOnly: boolean;
}

export function ImpactsEditor({ rows, onChange, errors, settings, readOnly }: Props) {
  const [removing, setRemoving] = useState<number | null>(null);
  const set = (i: number, patch: Partial<ImpactValues>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setMeasure = (i: number, j: number, patch: Partial<MeasureValues>) =>
    set(i, { measures: rows[i].measures.map((m, k) => (k === j ? { ...m, ...patch } : m)) });
  const thresholds = settings ?? { sensitive_score: 6, restricted_score: 12 };

  return (
    <div data-testid="impacts-editor">
      {errors.impacts ? <div className="field-error" data-testid="field-error-impacts">{sentence(errors.impacts)}</div> : null}
      {rows.length === 0 ? <p className="muted" data-testid="impacts-empty">No benefits or harms recorded yet. Add each effect the system may have on people.</p> : null}
      <div className="ia-rows">
        {rows.map((r, i) => {
          const at = `impacts[${i}]`;
          const p = preview(r, thresholds);
          const scale = r.type === 'benefit' ? magnitudeLabels : severityLabels;
          return (
            <div key={r.key} className={`ia-row${rowHasErrors(errors, at) ? ' ia-row-invalid' : ''}`} data-testid="impact-row" data-type={r.type}>
              <div className="ia-row-head">
                <div className="ia-row-title">
                  {i + 1}. {typeLabels[r.type || 'harm']}
                  {p ? (
                    <span className="ia-score" data-testid="impact-score">
                      score {p.score}
                    </span>
                  ) : null}
                  {p?.level ? <LevelBadge value={p.level} testId="impact-level" /> : null}
                </div>
                {!readOnly ? (
                  <button type="button" className="btn btn-sm btn-danger-outline" onClick={() => setRemoving(i)} data-testid="remove-impact">
                    Remove
                  </button>
                ) : null}
              </div>
              <div className="ia-row-grid">
                <Field label="Category" name={`${at}.category`} error={errors[`${at}.category`]} required>
                  {({ id, describedBy, invalid }) => (
                    <select id={id} name={`${at}.category`} value={r.category} aria-describedby={describedBy} aria-invalid={invalid || undefined}
                      onChange={(e) => set(i, { category: e.target.value as ImpactValues['category'] })}>
                      <option value="">Choose…</option>
                      <LabelOptions labels={categoryLabels} />
                    </select>
                  )}
                </Field>
                <Field label="Affected party" name={`${at}.affected_party`} error={errors[`${at}.affected_party`]} required>
                  {({ id, describedBy, invalid }) => (
                    <input id={id} name={`${at}.affected_party`} type="text" maxLength={200} value={r.affected_party} aria-describedby={describedBy}
                      aria-invalid={invalid || undefined} onChange={(e) => set(i, { affected_party: e.target.value })} />
                  )}
                </Field>
                <Field label={r.type === 'benefit' ? 'Size' : 'Severity'} name={`${at}.severity`} error={errors[`${at}.severity`]} required>
                  {({ id, describedBy, invalid }) => (
                    <select id={id} name={`${at}.severity`} value={r.severity} aria-describedby={describedBy} aria-invalid={invalid || undefined}
                      onChange={(e) => set(i, { severity: e.target.value })}>
                      <option value="">Choose…</option>
                      <LabelOptions labels={scale} />
                    </select>
                  )}
                </Field>
                <Field label="Likelihood" name={`${at}.likelihood`} error={errors[`${at}.likelihood`]} required>
                  {({ id, describedBy, invalid }) => (
                    <select id={id} name={`${at}.likelihood`} value={r.likelihood} aria-describedby={describedBy} aria-invalid={invalid || undefined}
                      onChange={(e) => set(i, { likelihood: e.target.value })}>
                      <option value="">Choose…</option>
                      <LabelOptions labels={likelihoodLabels} />
                    </select>
                  )}
                </Field>
                <Field label="Description" name={`${at}.description`} error={errors[`${at}.description`]} required className="field-wide"
                  hint={r.type === 'benefit' ? 'What improves, for whom.' : 'What could go wrong, for whom, and how it would show.'}>
                  {({ id, describedBy, invalid }) => (
                    <textarea id={id} name={`${at}.description`} rows={2} maxLength={4000} value={r.description} aria-describedby={describedBy}
                      aria-invalid={invalid || undefined} onChange={(e) => set(i, { description: e.target.value })} />
                  )}
                </Field>
              </div>
              <div className="ia-measures" data-testid="measures">
                <h4>Measures {r.type === 'harm' ? 'against this harm' : 'to secure this benefit'}</h4>
                {errors[`${at}.measures`] ? (
                  <div className="field-error" data-testid={`field-error-${at}.measures`}>
                    {sentence(errors[`${at}.measures`])}
                  </div>
                ) : null}
                {r.measures.length === 0 ? <p className="muted small">None yet.</p> : null}
                {r.measures.map((m, j) => {
                  const mat = `${at}.measures[${j}]`;
                  return (
                    <div key={j} className="ia-measure" data-testid="measure-row">
                      <Field label="Measure" name={`${mat}.description`} error={errors[`${mat}.description`]} required>
                        {({ id, describedBy, invalid }) => (
                          <input id={id} name={`${mat}.description`} type="text" maxLength={2000} value={m.description} aria-describedby={describedBy}
                            aria-invalid={invalid || undefined} onChange={(e) => setMeasure(i, j, { description: e.target.value })} />
                        )}
                      </Field>
                      <Field label="Owner" name={`${mat}.owner`} error={errors[`${mat}.owner`]}>
                        {({ id }) => (
                          <input id={id} name={`${mat}.owner`} type="text" maxLength={200} value={m.owner} onChange={(e) => setMeasure(i, j, { owner: e.target.value })} />
                        )}
                      </Field>
                      <Field label="Status" name={`${mat}.status`} error={errors[`${mat}.status`]}>
                        {({ id }) => (
                          <select id={id} name={`${mat}.status`} value={m.status} onChange={(e) => setMeasure(i, j, { status: e.target.value as MeasureStatus })}>
                            <LabelOptions labels={measureStatusLabels} />
                          </select>
                        )}
                      </Field>
                      {!readOnly ? (
                        <button type="button" className="btn btn-sm" aria-label={`Remove measure ${j + 1}`}
                          onClick={() => set(i, { measures: r.measures.filter((_, k) => k !== j) })}>
                          Remove
                        </button>
                      ) : null}
                    </div>
                  );
                })}
                {!readOnly ? (
                  <button type="button" className="btn btn-sm" onClick={() => set(i, { measures: [...r.measures, newMeasure()] })} data-testid="add-measure">
                    Add measure
                  </button>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      {!readOnly ? (
        <div className="ia-row-actions">
          <button type="button" className="btn" onClick={() => onChange([...rows, newImpact('harm')])} data-testid="add-harm">
            Add harm
          </button>
          <button type="button" className="btn" onClick={() => onChange([...rows, newImpact('benefit')])} data-testid="add-benefit">
            Add benefit
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this entry?"
        confirmLabel="Remove"
        danger
        onConfirm={() => {
          if (removing !== null) onChange(rows.filter((_, j) => j !== removing));
          setRemoving(null);
        }}
        onCancel={() => setRemoving(null)}
      >
        <p>
          Entry {removing !== null ? removing + 1 : ''} and its measures leave the form. Nothing is stored until you save; approved versions keep
          it as it was.
        </p>
      </ConfirmDialog>
    </div>
  );
}
