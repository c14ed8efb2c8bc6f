// One question of the classification wizard: yes/no, one option or several, with its article,
// the help text and an error.
import type { AnswerValue, Question } from '../api';
import { toggle } from '../questionnaire';

interface Props {
  question: Question;
  value: AnswerValue | undefined;
  error?: string;
  onChange: (v: AnswerValue) => void;
  disabled?: boolean;
}

export function QuestionInput({ question: q, value, error, onChange, disabled }: Props) {
  const name = `q-${q.id}`;
  const choice = (key: string, label: string, checked: boolean, set: (on: boolean) => void, description?: string, multi = false) => (
    <label key={key} className={`choice${checked ? ' choice-selected' : ''}`}>
      <input type={multi ? 'checkbox' : 'radio'} name={name} value={key} checked={checked} disabled={disabled} onChange={(e) => set(e.target.checked)} />
      <span>
        <strong>{label}</strong>
        {description ? <span className="choice-hint">{description}</span> : null}
      </span>
    </label>
  );
  return (
    <fieldset className={`choice-group euact-question${error ? ' field-invalid' : ''}`} data-question={q.id} aria-describedby={`${name}-help`}>
      <legend>
        {q.text} <span className="badge badge-neutral euact-article">{q.article}</span>
      </legend>
      {q.help ? (
        <p className="muted small" id={`${name}-help`}>
          {q.help}
        </p>
      ) : null}
      <div className={q.type === 'yes_no' ? 'euact-yes-no' : undefined}>
        {q.type === 'yes_no'
          ? [choice('yes', 'Yes', value === true, () => onChange(true)), choice('no', 'No', value === false, () => onChange(false))]
          : (q.options ?? []).map((o) =>
              q.type === 'multi_choice'
                ? choice(o.value, o.label, Array.isArray(value) && value.includes(o.value), (on) => onChange(toggle(q, value, o.value, on)), o.description, true)
                : choice(o.value, o.label, value === o.value, () => onChange(o.value), o.description),
            )}
        {q.type === 'multi_choice' && (q.min_items ?? 0) === 0
          ? choice('__none', 'None of these', Array.isArray(value) && value.length === 0, () => onChange([]), undefined, true)
          : null}
      </div>
      {error ? (
        <div className="field-error" data-testid={`question-error-${q.id}`}>
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}
