// The 0–5 maturity scale as a compact radio group (one row of levels, each with its key), with
// the meaning of the chosen level (or of the suggested one) written out below, so that the whole
// picker fits on the first screen. Every level keeps its description for screen readers.
import { forwardRef, useId } from 'react';
import type { MaturityLevel } from '../api';

interface Props {
  levels: readonly MaturityLevel[];
  value: number | null;
  target: number;
  suggested?: number | null;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  onChange: (level: number) => void;
}

export const MaturityPicker = forwardRef<HTMLDivElement, Props>(function MaturityPicker(
  { levels, value, target, suggested, disabled, invalid, describedBy, onChange },
  ref,
) {
  const id = useId();
  const shown = levels.find((l) => l.level === (value ?? suggested ?? -1));
  return (
    <div ref={ref} tabIndex={-1} className="maturity-picker-box">
      <div
        className={`maturity-picker maturity-row${invalid ? ' is-invalid' : ''}`}
        role="radiogroup"
        aria-label="Maturity level"
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        data-testid="maturity-picker"
      >
        {levels.map((l) => (
          <label
            key={l.level}
            className={`level${value === l.level ? ' level-selected' : ''}${suggested === l.level ? ' level-suggested' : ''}${disabled ? ' level-disabled' : ''}`}
            data-testid={`level-${l.level}`}
            title={l.description}
          >
            <input
              type="radio"
              name="maturity"
              value={l.level}
              checked={value === l.level}
              disabled={disabled}
              aria-label={`${l.level} ${l.name}${l.level === target ? ' (target)' : ''}${suggested === l.level ? ' (suggested)' : ''}`}
              aria-describedby={`${id}-${l.level}`}
              aria-keyshortcuts={String(l.level)}
              onChange={() => onChange(l.level)}
            />
            <span className={`level-num level-num-${l.level}`} aria-hidden="true">
              {l.level}
            </span>
            <span className="level-name">
              {l.name}
              {l.level === target ? <span className="badge badge-target">Target</span> : null}
            </span>
            <span className="sr-only" id={`${id}-${l.level}`}>
              {l.description}
            </span>
          </label>
        ))}
      </div>
      <div className="level-meaning muted small" data-testid="level-meaning" aria-hidden="true">
        {shown ? (
          <>
            <strong>
              {shown.level} {shown.name}:
            </strong>{' '}
            {shown.description}
          </>
        ) : (
          'Pick a level with the keys 0–5 or a click.'
        )}
      </div>
    </div>
  );
});
