// The relevant interested parties of the form: name, how they relate to the system, whether they
// are a vulnerable group, notes; rows added and removed in place.
import { LabelOptions } from '../../../components/FormParts';
import { Field } from '../../../lib/ui';
import { newParty, rowHasErrors, type PartyValues } from '../form';
import { relationLabels, type Relation } from '../labels';

interface Props {
  rows: PartyValues[];
  onChange: (rows: PartyValues[]) => void;
  errors: Record<string, string>;
  readOnly: boolean;
}

export function PartiesEditor({ rows, onChange, errors, readOnly }: Props) {
  const set = (i: number, patch: Partial<PartyValues>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div data-testid="parties-editor">
      {rows.length === 0 ? <p className="muted">No interested parties recorded yet.</p> : null}
      <div className="ia-rows">
        {rows.map((r, i) => {
          const at = `interested_parties[${i}]`;
          return (
            <div key={r.key} className={`ia-row${rowHasErrors(errors, at) ? ' ia-row-invalid' : ''}`} data-testid="party-row">
              <div className="ia-row-grid">
                <Field label="Party" name={`${at}.name`} error={errors[`${at}.name`]} required>
                  {({ id, describedBy, invalid }) => (
                    <input id={id} name={`${at}.name`} type="text" maxLength={200} value={r.name} aria-describedby={describedBy}
                      aria-invalid={invalid || undefined} onChange={(e) => set(i, { name: e.target.value })} />
                  )}
                </Field>
                <Field label="Relation to the system" name={`${at}.relation`} error={errors[`${at}.relation`]}>
                  {({ id }) => (
                    <select id={id} name={`${at}.relation`} value={r.relation} onChange={(e) => set(i, { relation: e.target.value as Relation })}>
                      <LabelOptions labels={relationLabels} />
                    </select>
                  )}
                </Field>
                <div className="field field-check">
                  <label>
                    <input type="checkbox" name={`${at}.vulnerable`} checked={r.vulnerable} onChange={(e) => set(i, { vulnerable: e.target.checked })} />
                    Vulnerable group
                  </label>
                </div>
                {!readOnly ? (
                  <div className="field">
                    <button type="button" className="btn btn-sm" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove party ${i + 1}`}>
                      Remove
                    </button>
                  </div>
                ) : null}
                <Field label="Notes" name={`${at}.notes`} error={errors[`${at}.notes`]} className="field-wide">
                  {({ id }) => <input id={id} name={`${at}.notes`} type="text" maxLength={2000} value={r.notes} onChange={(e) => set(i, { notes: e.target.value })} />}
                </Field>
              </div>
            </div>
          );
        })}
      </div>
      {!readOnly ? (
        <div className="ia-row-actions">
          <button type="button" className="btn" onClick={() => onChange([...rows, newParty()])} data-testid="add-party">
            Add interested party
          </button>
        </div>
      ) : null}
    </div>
  );
}
