// Small pieces of the risk pages: level, status and acceptance badges.
import { labelOf } from '../../../lib/labels';
import type { Risk, RiskLevel } from '../api';
import { acceptanceLabels, riskStatusLabels, type AcceptanceState, type RiskStatus } from '../labels';
import { textOn } from '../risks';

/** A level in its colour, with the score if given: "High 12". */
export function LevelBadge({ level, score, testId }: { level: RiskLevel | undefined; score?: number; testId?: string }) {
  if (!level) return <span className="muted">—</span>;
  return (
    <span className="level-badge" style={{ background: level.colour, color: textOn(level.colour) }} data-testid={testId} data-level={level.id}>
      {level.name}
      {score !== undefined ? <span className="level-score">{score}</span> : null}
    </span>
  );
}

export function ScoreBadge({ score, testId }: { score: Risk['inherent']; testId?: string }) {
  return <LevelBadge level={score.level} score={score.score} testId={testId} />;
}

export function RiskStatusBadge({ value }: { value: RiskStatus }) {
  return <span className={`badge badge-risk-${value}`}>{labelOf(riskStatusLabels, value)}</span>;
}

export function AcceptanceBadge({ value }: { value: AcceptanceState }) {
  return <span className={`badge badge-acc-${value}`}>{labelOf(acceptanceLabels, value)}</span>;
}
