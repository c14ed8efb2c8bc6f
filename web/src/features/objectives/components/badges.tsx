// Badges of AI objectives: the status derived from the latest reading, an overdue reading, and the
// objective's own status when it is not active.
import { labelOf } from '../../../lib/labels';
import type { DerivedStatus, ObjectiveStatus } from '../api';
import { derivedStatusLabels, objectiveStatusLabels } from '../labels';

export function DerivedBadge({ status, overdue, large }: { status: DerivedStatus; overdue?: boolean; large?: boolean }) {
  return (
    <span className="badge-group">
      <span className={`badge badge-derived-${status}${large ? ' status-big' : ''}`} data-testid="derived-badge">
        {labelOf(derivedStatusLabels, status)}
      </span>
      {overdue ? (
        <span className="badge badge-overdue" data-testid="overdue-badge">
          Reading overdue
        </span>
      ) : null}
    </span>
  );
}

export function ObjectiveStatusBadge({ status }: { status: ObjectiveStatus }) {
  if (status === 'active') return null;
  return <span className={`badge badge-objective-${status}`}>{labelOf(objectiveStatusLabels, status)}</span>;
}
