// The 0–5 maturity scale as a radio group: each level with its name and what it means.
import { useId } from 'react';
import type { MaturityLevel } from '../api';

interface Props {
  levels: readonly MaturityLevel[];
  value: number | null;
  target: number;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  onChange: (level: number) => void;
}

export function MaturityPicker({ levels, value, target, disabled, invalid, describedBy, onChange }: Props) {
  const id = useId();
  return (
    <div className={`maturity-picker${invalid ? ' is-invalid' : ''}`} role="radiogroup" aria-label="Maturity level" aria-describedby={describedBy} aria-invalid={invalid || undefined} data-testid="maturity-picker">
      {levels.map((l) => (
        <label key={l.level} className={`level${value === l.level ? ' level-selected' : ''}${disabled ? ' level-disabled' : ''}`} data-testid={`level-${l.level}`}>
          <input
            type="radio"
            name="maturity"
            value={l.level}
            checked={value === l.level}
            disabled={disabled}
            aria-label={`${l.level} ${l.name}${l.level === target ? ' (target)' : ''}`}
            aria-describedby={`${id}-${l.level}`}
            onChange={() => onChange(l.level)}
          />
          <span className={`level-num level-num-${l.level}`} aria-hidden="true">
            {l.level}
          </span>
          <span className="level-text">
            <span className="level-name">
              {l.name}
              {l.level === target ? <span className="badge badge-target">Target</span> : null}
            </span>
            <span className="level-desc" id={`${id}-${l.level}`}>
              {l.description}
            </span>
          </span>
        </label>
      ))}
    </div>
  );
}
