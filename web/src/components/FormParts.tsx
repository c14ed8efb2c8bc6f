// Small parts every form repeats: the row of submit and cancel buttons, the <option> list of a
// select built from a label table, and a labelled select with an empty first choice (a filter).
// Stateless components; the forms keep their own state.
import type { ReactNode } from 'react';

interface FormActionsProps {
  busy: boolean;
  /** The submit button's text; while busy it reads "Saving…". */
  submitLabel?: string;
  onCancel: () => void;
  submitTestId?: string;
  /** Small buttons, for forms inside a table row or a card. */
  small?: boolean;
  /** Extra classes of the row (e.g. `field-wide` in a form grid). */
  className?: string;
  /** More after the buttons (a note such as "No changes yet."). */
  children?: ReactNode;
}

/** The submit and cancel buttons under a form; both are disabled while it saves. */
export function FormActions({ busy, submitLabel = 'Save', onCancel, submitTestId, small, className, children }: FormActionsProps) {
  const size = small ? ' btn-sm' : '';
  return (
    <div className={className ? `form-actions ${className}` : 'form-actions'}>
      <button type="submit" className={`btn btn-primary${size}`} disabled={busy} data-testid={submitTestId}>
        {busy ? 'Saving…' : submitLabel}
      </button>
      <button type="button" className={`btn${size}`} onClick={onCancel} disabled={busy}>
        Cancel
      </button>
      {children}
    </div>
  );
}

/** The options of a select: the given keys (all keys of `labels` by default), each shown by its label. */
export function LabelOptions<K extends string>({ labels, keys }: { labels: Readonly<Record<K, string>>; keys?: readonly K[] }) {
  return (
    <>
      {(keys ?? (Object.keys(labels) as K[])).map((k) => (
        <option key={k} value={k}>
          {labels[k]}
        </option>
      ))}
    </>
  );
}

/** The options of a select from [value, label] pairs. */
export function PairOptions({ options }: { options: readonly (readonly [string, string])[] }) {
  return (
    <>
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  /** Called with the chosen value ("" for the empty choice). */
  onChange: (value: string) => void;
  /** The label of the empty choice. */
  all?: string;
  testId?: string;
  /** The other <option>s. */
  children: ReactNode;
}

/** A labelled select whose first, empty choice stands for "any" (a filter of a list). */
export function SelectField({ id, label, value, onChange, all = 'All', testId, children }: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{all}</option>
        {children}
      </select>
    </div>
  );
}
