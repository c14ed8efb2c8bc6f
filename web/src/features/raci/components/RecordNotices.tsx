// What a record's detail page shows of its derived support members, when the server serves them:
// the RACI warnings (one member both Responsible and Accountable), its legal hold (it cannot be
// archived) and its retention period with the date it is kept until. Stateless.
import { formatDateTime } from '../../../lib/labels';
import { Banner } from '../../../lib/ui';

interface Warning {
  code: string;
  user_id: string;
  message: string;
}
interface Hold {
  reason: string | null;
  held_by: string | null;
  held_at: string | null;
}
interface Retention {
  period_months: number;
  keep_until: string;
  period_of: string;
}

export function RecordNotices({ record }: { record: Record<string, unknown> }) {
  const warnings = Array.isArray(record.warnings) ? (record.warnings as Warning[]) : [];
  const hold = record.legal_hold as Hold | null | undefined;
  const retention = record.retention as Retention | null | undefined;
  return (
    <>
      {warnings.map((w) => (
        <Banner key={`${w.code}:${w.user_id}`} kind="warning" testId="raci-warning">
          <strong>R = A: </strong>
          {w.message}
        </Banner>
      ))}
      {hold ? (
        <Banner kind="info" testId="legal-hold">
          <strong>Under legal hold</strong> since {hold.held_at ? formatDateTime(hold.held_at) : '—'} by {hold.held_by ?? '—'}: {hold.reason}. It
          cannot be archived until an admin releases the hold.
        </Banner>
      ) : null}
      {retention ? (
        <p className="muted" data-testid="retention">
          Kept until {retention.keep_until} ({retention.period_months} months from its last change, the period of {retention.period_of}).
        </p>
      ) : null}
    </>
  );
}
