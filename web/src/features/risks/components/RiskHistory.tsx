// Who changed what and when (GET /risks/{id}/history), newest first.
import { useMemo, useState } from 'react';
import { ProofStatus } from '../../audit/components/ProofStatus';
import { LogVerifier } from '../../audit/proofs';
import { errorMessage } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { getRiskHistory, type RiskHistoryEntry } from '../api';

const operationLabels: Record<RiskHistoryEntry['operation'], string> = {
  create: 'Registered',
  update: 'Updated',
  accept: 'Accepted',
  withdraw_acceptance: 'Acceptance withdrawn',
};

const fieldNames: Record<string, string> = {
  system_id: 'AI system',
  risk_sources: 'Risk sources',
  inherent_likelihood: 'Inherent likelihood',
  inherent_impact: 'Inherent impact',
  existing_controls: 'Existing controls',
  treatment_plan: 'Treatment plan',
  planned_controls: 'Planned controls',
  residual_likelihood: 'Residual likelihood',
  residual_impact: 'Residual impact',
  residual_rationale: 'Residual rationale',
  due_date: 'Treatment due',
  review_date: 'Next review',
};

export function fieldName(field: string): string {
  return fieldNames[field] ?? field.charAt(0).toUpperCase() + field.slice(1).replace(/_/g, ' ');
}

/** A changed value in words: an acceptance as who/until, lists joined, empty as a dash. */
export function showChange(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (typeof v === 'object') {
    const a = v as Record<string, string>;
    if (a.accepted_by) return `accepted by ${a.accepted_by} until ${a.expires_on}${a.withdrawn_at ? `, withdrawn by ${a.withdrawn_by}` : ''}`;
    return JSON.stringify(v);
  }
  return String(v);
}

export function RiskHistory({ riskId, version }: { riskId: string; version: number }) {
  const first = useAsync((signal) => getRiskHistory(riskId, undefined, signal), [riskId, version]);
  // One trusted checkpoint per view of the history; each row's audit entry is checked against it.
  const verifier = useMemo(() => new LogVerifier(), [riskId, version]);
  const [more, setMore] = useState<RiskHistoryEntry[]>([]);
  const [next, setNext] = useState<string | undefined | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  if (first.loading && !first.data) return <Loading />;
  if (first.error || !first.data) return <ErrorBanner error={first.error} title="The history could not be loaded." />;
  const entries = [...first.data.items, ...more];
  const cursor = next === null ? first.data.next : next;
  if (entries.length === 0) return <EmptyState title="No history yet" />;

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await getRiskHistory(riskId, cursor);
      setMore((m) => [...m, ...page.items]);
      setNext(page.next);
    } catch (e) {
      setMoreError(errorMessage(e));
    }
  }

  return (
    <div data-testid="history">
      <ol className="timeline">
        {entries.map((h) => {
          const changes = h.operation === 'create' ? [] : h.changes;
          return (
            <li key={`${h.version}-${h.at}`} className="timeline-entry">
              <div className="timeline-head">
                <span className={`badge badge-op-${h.operation === 'create' ? 'create' : 'update'}`}>{operationLabels[h.operation] ?? h.operation}</span>
                <span>
                  by <strong>{h.actor}</strong>
                </span>
                <time dateTime={h.at} className="muted">
                  {formatDateTime(h.at)}
                </time>
                <span className="muted">version {h.version}</span>
              </div>
              <ProofStatus seq={h.audit_seq} verifier={verifier} expect={{ record_type: 'risk', record_id: riskId }} />
              {changes.length ? (
                <table className="table table-compact">
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">From</th>
                      <th scope="col">To</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map((c) => (
                      <tr key={c.field}>
                        <td>{fieldName(c.field)}</td>
                        <td className="value-old">{showChange(c.from)}</td>
                        <td className="value-new">{showChange(c.to)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </li>
          );
        })}
      </ol>
      {moreError ? <div className="banner banner-error" role="alert">{moreError}</div> : null}
      {cursor ? (
        <button type="button" className="btn" onClick={() => void loadMore()}>
          Show older changes
        </button>
      ) : null}
    </div>
  );
}
