// The frame of a record's create and edit form: the <form> with the summary of the fields in error
// (the first of them takes focus), the fields the form component gives, and the submit and cancel
// buttons; and the state of the values. Stateless apart from the form element's ref; the values
// stay in the form component that uses useFormValues.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { sentence } from '../../lib/ui';
import { FormActions } from '../FormParts';

/** What every record form takes from its create or edit page. */
export interface RecordFormProps<V> {
  initial: V;
  /** Errors by field (from the client's checks or the server's problem). */
  errors: Record<string, string>;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: V) => void;
  onCancel: () => void;
}

/** The values of a form, started from `initial`, and the setter of one field. */
export function useFormValues<V extends object>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const set = <K extends keyof V>(k: K, value: V[K]) => setValues((old) => ({ ...old, [k]: value }));
  return { values, setValues, set };
}

interface FrameProps<V> extends Omit<RecordFormProps<V>, 'initial'> {
  values: V;
  testId: string;
  /** Classes of the form (default `system-form`). */
  className?: string;
  submitTestId?: string;
  /** The fields named in the summary, in order (default: every field in error). */
  invalid?: readonly string[];
  /** The field that takes focus when errors come (default: the first of `invalid`). */
  focus?: string;
  /** A field's name in the summary; `focus` moves to its input. */
  label: (field: string, focus: () => void) => ReactNode;
  children: ReactNode;
}

export function RecordFormFrame<V>(props: FrameProps<V>) {
  const { errors, busy, testId, values } = props;
  const form = useRef<HTMLFormElement>(null);
  const invalid = props.invalid ?? Object.keys(errors);
  const focusOn = (field: string) => form.current?.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`)?.focus();

  // Take the user to the first field that needs attention.
  useEffect(() => {
    const first = props.focus ?? invalid[0];
    if (first) focusOn(first);
  }, [errors]);

  return (
    <form
      ref={form}
      className={props.className ?? 'system-form'}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(values);
      }}
      noValidate
      data-testid={testId}
      aria-busy={busy}
    >
      {invalid.length ? (
        <div className="banner banner-error" data-testid="form-errors">
          <p>Please check {invalid.length === 1 ? 'this field' : 'these fields'}:</p>
          <ul>
            {invalid.map((k) => (
              <li key={k}>
                {props.label(k, () => focusOn(k))}: {sentence(errors[k])}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.children}
      <FormActions busy={busy} submitLabel={props.submitLabel} onCancel={props.onCancel} submitTestId={props.submitTestId} />
    </form>
  );
}
