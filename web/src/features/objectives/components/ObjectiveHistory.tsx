// Who changed the objective and when, and which readings were added and deleted, newest first.
import { useMemo, useState } from 'react';
import { ProofStatus } from '../../audit/components/ProofStatus';
import { LogVerifier } from '../../audit/proofs';
import { errorMessage } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { getHistory, type ObjectiveHistoryEntry } from '../api';
import { fieldLabels } from './ObjectiveForm';

const operationLabels: Record<ObjectiveHistoryEntry['operation'], string> = {
  create: 'Created',
  update: 'Updated',
  reading_added: 'Reading added',
  reading_deleted: 'Reading deleted',
};

const readingFields: Record<string, string> = {
  reading_id: 'Reading',
  value: 'Value',
  measured_on: 'Measured on',
  note: 'Note',
  recorded_by: 'Recorded by',
};

/** A value of a change for people. */
export function showChange(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) {
    if (!v.length) return '—';
    return v.map((x) => (x && typeof x === 'object' && 'action' in x ? String((x as { action: unknown }).action) : showChange(x))).join('; ');
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function ObjectiveHistory({ objectiveId, version }: { objectiveId: string; version: string }) {
  const first = useAsync((signal) => getHistory(objectiveId, undefined, signal), [objectiveId, version]);
  // One trusted checkpoint per view of the history; each row's audit entry is checked against it.
  const verifier = useMemo(() => new LogVerifier(), [objectiveId, version]);
  const [more, setMore] = useState<ObjectiveHistoryEntry[]>([]);
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
      const page = await getHistory(objectiveId, cursor);
      setMore((m) => [...m, ...page.items]);
      setNext(page.next);
    } catch (e) {
      setMoreError(errorMessage(e));
    }
  }

  return (
    <div data-testid="objective-history">
      <ol className="timeline">
        {entries.map((h) => {
          const changes = h.operation === 'create' ? [] : h.changes.filter((c) => showChange(c.from) !== '—' || showChange(c.to) !== '—');
          const labels = h.record === 'reading' ? readingFields : fieldLabels;
          return (
            <li key={`${h.record}-${h.version}`} className="timeline-entry">
              <div className="timeline-head">
                <span className={`badge badge-op-${h.operation === 'reading_added' ? 'create' : h.operation === 'reading_deleted' ? 'archive' : h.operation}`}>
                  {operationLabels[h.operation] ?? h.operation}
                </span>
                <span>
                  by <strong>{h.actor}</strong>
                </span>
                <time dateTime={h.at} className="muted">
                  {formatDateTime(h.at)}
                </time>
                {h.record === 'objective' ? <span className="muted">version {h.version}</span> : null}
              </div>
              <ProofStatus seq={h.audit_seq} verifier={verifier} />
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
                        <td>{labels[c.field] ?? c.field}</td>
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
