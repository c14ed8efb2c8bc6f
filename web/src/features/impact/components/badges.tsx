// Badges of the impact assessment pages: status, outcome level, re-assessment due, FRIA.
import { labelOf } from '../../../lib/labels';
import type { ImpactLevel, ImpactStatus, ImpactSummary } from '../api';
import { friaStatusLabels, levelHints, levelLabels, reasonLabels, statusLabels, type FriaStatus } from '../labels';

export function ImpactStatusBadge({ value }: { value: ImpactStatus }) {
  return (
    <span className={`badge badge-ia-${value}`} data-testid="ia-status">
      {labelOf(statusLabels, value)}
    </span>
  );
}

export function LevelBadge({ value, testId }: { value: ImpactLevel | null | undefined; testId?: string }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <span className={`badge badge-level-${value}`} title={levelHints[value]} data-testid={testId}>
      {labelOf(levelLabels, value)}
    </span>
  );
}

/** "Re-assessment due" with the reasons as a tooltip, or nothing. */
export function DueBadge({ due }: { due: ImpactSummary['reassessment_due'] }) {
  if (!due.due) return null;
  const why = due.reasons.map((r) => reasonLabels[r] ?? r).join('; ');
  return (
    <span className="badge badge-due" title={`Due because ${why}`} data-testid="ia-due">
      Re-assessment due
    </span>
  );
}

export function FriaBadge({ required }: { required: boolean }) {
  return required ? (
    <span className="badge badge-fria" title="The saved EU AI Act classification of this system makes an Art. 27 fundamental-rights impact assessment required">
      FRIA required
    </span>
  ) : null;
}

export function FriaStatusBadge({ value }: { value: FriaStatus }) {
  return <span className={`badge badge-fria-${value}`}>{labelOf(friaStatusLabels, value)}</span>;
}
