// Which records a workflow has locked, in one place for every kind that locks (docs/web.md): a
// signed-off internal audit, a signed-off management review, a closed nonconformity. The record's
// page offers neither Edit nor Archive and says why; its edit route shows the same reason and a
// link back instead of the form (the server would refuse the save with a 409).
import type { KindRecord } from './kinds';

/** Why a record can no longer change, or null when it can. */
export type LockedReason = (record: KindRecord) => string | null;

const locks: Record<string, LockedReason> = {
  'internal-audits': (r) => (r.status === 'signed_off' ? 'Signed off: the audit and its report are frozen.' : null),
  'management-reviews': (r) => (r.status === 'signed_off' ? 'Signed off: the review is locked.' : null),
  nonconformities: (r) => (r.status === 'closed' ? 'Closed: the nonconformity no longer changes.' : null),
};

/** Why the record of the kind at `path` (its URL segment, e.g. "internal-audits") is locked, or null. */
export function lockedReason(path: string, record: KindRecord): string | null {
  return locks[path]?.(record) ?? null;
}
