// Small badges of the assessment pages.
import { labelOf } from '../../../lib/labels';
import type { Gap } from '../api';
import { assessmentStatusLabels, priorityHints, priorityLabels, type AssessmentStatus } from '../labels';

export function AssessmentStatusBadge({ value }: { value: AssessmentStatus }) {
  return <span className={`badge badge-assessment-${value}`}>{labelOf(assessmentStatusLabels, value)}</span>;
}

export function PriorityBadge({ value }: { value: Gap['priority'] }) {
  return (
    <span className={`badge badge-priority-${value}`} title={priorityHints[value]} data-testid="priority-badge">
      {labelOf(priorityLabels, value)}
    </span>
  );
}

/** A bar of `value` out of `max` with its figure, e.g. progress 12 / 70. */
export function ProgressBar({ value, max, label, testId }: { value: number; max: number; label: string; testId?: string }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="progress" data-testid={testId}>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-label={label}>
        <span className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text">
        {value} of {max}
      </span>
    </div>
  );
}
