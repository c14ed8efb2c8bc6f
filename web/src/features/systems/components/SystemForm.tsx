// The form for creating and editing an AI system: every field, grouped, with inline errors.
import { Link } from 'react-router-dom';
import { RecordFormFrame, useFormValues, type RecordFormProps } from '../../../components/records/RecordForm';
import type { EuAiActClass } from '../../../lib/labels';
import { ClassBadge, Field, sentence } from '../../../lib/ui';
import { allFields, derivedKeys, fieldGroups, fieldLabel, type FieldDef } from '../fields';
import type { FormValues } from '../form';

interface Props extends RecordFormProps<FormValues> {
  mode: 'create' | 'edit';
  /** The system being edited (for the link to its classification). */
  systemId?: string;
}

export function SystemForm({ mode, systemId, initial, ...frame }: Props) {
  const { errors } = frame;
  const { values, setValues } = useFormValues(initial);
  const set = (key: string, v: string | boolean) => setValues((old) => ({ ...old, [key]: v }));
  const known = allFields.filter((f) => errors[f.key]).map((f) => f.key);
  const unknown = Object.keys(errors).filter((k) => !allFields.some((f) => f.key === k));

  return (
    <RecordFormFrame
      {...frame}
      values={values}
      testId="system-form"
      invalid={[...known, ...unknown]}
      focus={known[0]}
      label={(k, focus) =>
        (known as string[]).includes(k) ? (
          <a
            href={`#field-${k}`}
            onClick={(e) => {
              e.preventDefault();
              focus();
            }}
          >
            {fieldLabel(k)}
          </a>
        ) : (
          k
        )
      }
    >
      {fieldGroups.map((g) => (
        <fieldset key={g.id} className="card form-group">
          <legend>{g.title}</legend>
          {g.fields.some((f) => derivedKeys.has(f.key)) ? <DerivedNote systemId={systemId} /> : null}
          <div className="form-grid">
            {g.fields.map((f) =>
              derivedKeys.has(f.key) ? (
                <DerivedField key={f.key} def={f} value={values[f.key]} />
              ) : (
                <FormField key={f.key} def={f} mode={mode} value={values[f.key]} error={errors[f.key]} onChange={(v) => set(f.key, v)} />
              ),
            )}
          </div>
        </fieldset>
      ))}
    </RecordFormFrame>
  );
}

/** Where the EU AI Act fields come from, with the way to change them. */
function DerivedNote({ systemId }: { systemId?: string }) {
  return (
    <p className="small muted" data-testid="euact-derived-note">
      Class, legal basis and rationale are set by the EU AI Act classification and cannot be edited here.{' '}
      {systemId ? (
        <Link to={`/systems/${encodeURIComponent(systemId)}/classification`} data-testid="euact-derived-link">
          Open the classification
        </Link>
      ) : (
        'Classify the system once it is registered.'
      )}
    </p>
  );
}

/** A field set by the classification, shown read-only. */
function DerivedField({ def, value }: { def: FieldDef; value: string | boolean | undefined }) {
  const str = typeof value === 'string' ? value : '';
  const wide = def.kind === 'textarea';
  return (
    <div className={`field${wide ? ' field-wide' : ''}`} data-field={def.key} data-readonly="true">
      <span className="field-readonly-label">{def.label}</span>
      <div className={wide ? 'small prewrap' : undefined} data-testid={`readonly-${def.key}`}>
        {def.key === 'eu_ai_act_class' ? <ClassBadge value={(str || 'unclassified') as EuAiActClass} /> : str || <span className="muted">—</span>}
      </div>
    </div>
  );
}

interface FieldProps {
  def: FieldDef;
  mode: 'create' | 'edit';
  value: string | boolean | undefined;
  error: string | undefined;
  onChange: (v: string | boolean) => void;
}

function FormField({ def, mode, value, error, onChange }: FieldProps) {
  const str = typeof value === 'string' ? value : '';
  if (def.kind === 'bool') {
    return (
      <div className={`field field-check${error ? ' field-invalid' : ''}`} data-field={def.key}>
        <label>
          <input type="checkbox" name={def.key} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {def.label}
        </label>
        {error ? <div className="field-error" data-testid={`field-error-${def.key}`}>{sentence(error)}</div> : null}
      </div>
    );
  }
  const wide = def.kind === 'textarea' || def.kind === 'lines';
  const required = (def.kind === 'text' || def.kind === 'textarea') && def.required;
  return (
    <Field label={def.label} error={error} hint={def.hint} required={required} name={def.key} className={wide ? 'field-wide' : undefined}>
      {({ id, describedBy, invalid }) => {
        const common = { id, name: def.key, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined };
        switch (def.kind) {
          case 'text':
            return <input {...common} type="text" value={str} maxLength={def.max} aria-required={required || undefined} onChange={(e) => onChange(e.target.value)} />;
          case 'textarea':
            return <textarea {...common} rows={3} value={str} maxLength={def.max} aria-required={required || undefined} onChange={(e) => onChange(e.target.value)} />;
          case 'lines':
            return <textarea {...common} rows={3} value={str} onChange={(e) => onChange(e.target.value)} />;
          case 'select':
            return (
              <select {...common} value={str} onChange={(e) => onChange(e.target.value)}>
                {mode === 'create' || str === '' ? <option value="">Not set (default)</option> : null}
                {Object.entries(def.options).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            );
        }
      }}
    </Field>
  );
}
