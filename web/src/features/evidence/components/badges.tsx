// Badges of the evidence pages: freshness (on today's date) and classification.
import { labelOf } from '../../../lib/labels';
import { classificationLabels, freshnessLabels } from '../evidence';

export function FreshnessBadge({ value, expires }: { value: string; expires?: string | null }) {
  return (
    <span className={`badge badge-fresh-${value}`} title={expires ? `Expires on ${expires}` : undefined} data-testid="freshness-badge">
      {labelOf(freshnessLabels, value)}
    </span>
  );
}

export function ClassificationBadge({ value }: { value: string }) {
  return <span className={`badge badge-cls-${value}`}>{labelOf(classificationLabels, value)}</span>;
}
