// The create and edit form of a schema-driven record kind, one input per field: text or text area
// with the field's length, a select for values, a date, a number with its range, a check box, and
// for references the AI systems, members, controls or records to choose (RefInput). Errors (the
// client's checks or the server's 422) show on their fields and the first one takes focus. Form
// state is the component's own.
import { RecordFormFrame, useFormValues, type RecordFormProps } from '../../../components/records/RecordForm';
import type { KindFormValues, FormValue } from '../../../components/records/kindModel';
import type { KindField, KindSchema } from '../../../components/records/kinds';
import { Field, sentence } from '../../../lib/ui';
import type { RefState } from './refNames';
import { RefInput } from './RefInput';

interface Props extends RecordFormProps<KindFormValues> {
  kind: KindSchema;
  refs: RefState;
}

export function KindForm({ kind, initial, refs, ...frame }: Props) {
  const { errors } = frame;
  const { values, setValues } = useFormValues(initial);
  const set = (name: string, value: FormValue) => setValues((old) => ({ ...old, [name]: value }));

  return (
    <RecordFormFrame
      {...frame}
      values={values}
      className="system-form kind-form"
      testId="kind-form"
      submitTestId="kind-submit"
      focus={kind.fields.find((f) => errors[f.name])?.name}
      label={(k) => kind.fields.find((f) => f.name === k)?.label ?? k}
    >
      <fieldset className="card form-group">
        <legend>{kind.title}</legend>
        <div className="form-grid">
          {kind.fields.map((f) => (
            <FieldInput key={f.name} field={f} value={values[f.name]} error={errors[f.name]} refs={refs} onChange={(v) => set(f.name, v)} />
          ))}
        </div>
      </fieldset>
    </RecordFormFrame>
  );
}

interface InputProps {
  field: KindField;
  value: FormValue | undefined;
  error: string | undefined;
  refs: RefState;
  onChange: (v: FormValue) => void;
}

function FieldInput({ field: f, value, error, refs, onChange }: InputProps) {
  if (f.type === 'refs' || f.type === 'ref') return <RefInput field={f} value={value} error={error} refs={refs} onChange={onChange} />;
  if (f.type === 'boolean')
    return (
      <div className={`field field-check${error ? ' field-invalid' : ''}`} data-field={f.name}>
        <label>
          <input type="checkbox" name={f.name} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {f.label}
        </label>
        {f.help ? <div className="hint">{f.help}</div> : null}
        {error ? <div className="field-error" data-testid={`field-error-${f.name}`}>{sentence(error)}</div> : null}
      </div>
    );
  const text = typeof value === 'string' ? value : '';
  const hint = [f.help, f.type === 'integer' && f.min !== undefined && f.max !== undefined ? `From ${f.min} to ${f.max}.` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <Field label={f.label} error={error} hint={hint} required={f.required} name={f.name} className={f.type === 'long_text' ? 'field-wide' : undefined}>
      {({ id, describedBy, invalid }) => {
        const common = { id, name: f.name, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined, 'aria-required': f.required || undefined };
        switch (f.type) {
          case 'long_text':
            return <textarea {...common} rows={4} maxLength={f.max_length} value={text} onChange={(e) => onChange(e.target.value)} />;
          case 'enum': {
            const options: [string, string][] = (f.values ?? []).map((v) => [v.value, v.label]);
            return (
              <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
                <option value="">{f.required ? 'Choose…' : '—'}</option>
                {options.map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </select>
            );
          }
          case 'date':
            return <input {...common} type="date" value={text} onChange={(e) => onChange(e.target.value)} />;
          case 'integer':
            return <input {...common} type="number" step={1} min={f.min} max={f.max} value={text} onChange={(e) => onChange(e.target.value)} />;
          default:
            return <input {...common} type="text" maxLength={f.max_length} value={text} onChange={(e) => onChange(e.target.value)} />;
        }
      }}
    </Field>
  );
}
