// Who changed what and when (GET /systems/{id}/history), newest first.
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { ProofStatus } from '../../audit/components/ProofStatus';
import { LogVerifier } from '../../audit/proofs';
import { getHistory, type HistoryEntry } from '../api';
import { allFields, fieldLabel } from '../fields';

const operationLabels: Record<HistoryEntry['operation'], string> = {
  create: 'Created',
  update: 'Updated',
  archive: 'Archived',
  restore: 'Restored',
  import: 'Imported',
  classify: 'Classified (EU AI Act)',
};

/** A history value for people: lists joined, empty shown as a dash. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map((x) => showValue(x)).join(', ') : '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A changed field's value in words: enumerations by their label, the rest as showValue. */
export function showFieldValue(field: string, v: unknown): string {
  const def = allFields.find((f) => f.key === field);
  if (def?.kind === 'select' && typeof v === 'string') return def.options[v] ?? v;
  return showValue(v);
}

/** Changes worth a row: on creation, fields left empty are noise. */
function visibleChanges(h: HistoryEntry) {
  return h.changes.filter((c) => showValue(c.from) !== '—' || showValue(c.to) !== '—');
}

export function HistoryTab({ systemId, version }: { systemId: string; version: number }) {
  const first = useAsync((signal) => getHistory(systemId, undefined, signal), [systemId, version]);
  const [more, setMore] = useState<HistoryEntry[]>([]);
  const [next, setNext] = useState<string | undefined | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  // One trusted checkpoint per view of the history; each row's audit entry is checked against it.
  const verifier = useMemo(() => new LogVerifier(), [systemId, version]);

  if (first.loading && !first.data) return <Loading />;
  if (first.error || !first.data) return <ErrorBanner error={first.error} title="The history could not be loaded." />;
  const entries = [...first.data.items, ...more];
  const cursor = next === null ? first.data.next : next;

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await getHistory(systemId, cursor);
      setMore((m) => [...m, ...page.items]);
      setNext(page.next);
    } catch (e) {
      setMoreError(errorMessage(e));
    }
  }

  if (entries.length === 0) return <EmptyState title="No history yet" />;
  return (
    <div data-testid="history">
      <ol className="timeline">
        {entries.map((h) => (
          <li key={`${h.version}-${h.at}`} className="timeline-entry">
            <div className="timeline-head">
              <span className={`badge badge-op-${h.operation}`}>{operationLabels[h.operation] ?? h.operation}</span>
              <span>
                by <strong>{h.actor}</strong>
              </span>
              <time dateTime={h.at} className="muted">
                {formatDateTime(h.at)}
              </time>
              <span className="muted">version {h.version}</span>
            </div>
            <ProofStatus seq={h.audit_seq} verifier={verifier} expect={{ record_type: 'system', record_id: systemId }} />
            {visibleChanges(h).length > 0 ? (
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">From</th>
                    <th scope="col">To</th>
                  </tr>
                </thead>
                <tbody>
                  {visibleChanges(h).map((c) => (
                    <tr key={c.field}>
                      <td>{fieldLabel(c.field)}</td>
                      <td className="value-old">{showFieldValue(c.field, c.from)}</td>
                      <td className="value-new">{showFieldValue(c.field, c.to)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
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
