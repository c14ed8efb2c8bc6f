// The change timeline of one record, newest first: who did what and when, the audit log proof of
// each entry verified in the browser, the changed fields, and "show older changes" paging. One
// LogVerifier per view of the history; state is the component's own.
import { useMemo, useState } from 'react';
import { LogVerifier, ProofStatus } from '../../features/audit';
import { errorMessage } from '../../lib/api';
import { useAsync } from '../../lib/hooks';
import { formatDateTime } from '../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../lib/ui';

/** A field change of a history entry. */
export interface FieldChange {
  field: string;
  from?: unknown;
  to?: unknown;
}

/** What every record's history entry carries. */
export interface HistoryEntryBase {
  operation: string;
  actor: string;
  at: string;
  version: number;
  audit_seq?: number | null;
  changes: FieldChange[];
}

export interface HistoryPageData<E> {
  items: E[];
  next?: string | null;
}

interface Props<E extends HistoryEntryBase> {
  /** Loads one page of the history of record `id`; no cursor means the newest. */
  load: (id: string, cursor: string | undefined, signal?: AbortSignal) => Promise<HistoryPageData<E>>;
  recordId: string;
  /** The record's version: a new one reloads the history (and restarts the proofs). */
  version: unknown;
  testId?: string;
  /** The audit log's name of the record's type: every entry's proof must be about this record. */
  recordType?: string;
  /** The labels of the operations (an unknown one shows as it is). */
  operationLabels: Readonly<Record<string, string>>;
  /** The `badge-op-*` class of an entry's operation (default: the operation). */
  operationBadge?: (h: E) => string;
  /** Whether the entry shows "version N" (default: always). */
  showVersion?: (h: E) => boolean;
  /** The rows of an entry's change table (default: every change but on creation). */
  changes?: (h: E) => FieldChange[];
  /** Leave out changes with neither side set (shown as "—"). */
  skipEmpty?: boolean;
  fieldLabel: (field: string, h: E) => string;
  showValue: (field: string, value: unknown) => string;
  /** The React key of an entry (default: version and time). */
  entryKey?: (h: E) => string;
}

export function RecordHistory<E extends HistoryEntryBase>(props: Props<E>) {
  const { load, recordId, testId = 'history' } = props;
  const deps = [recordId, props.version];
  const expect = props.recordType ? { record_type: props.recordType, record_id: recordId } : undefined;
  const first = useAsync((signal) => load(recordId, undefined, signal), deps);
  // One trusted checkpoint per view of the history; each row's audit entry is checked against it.
  const verifier = useMemo(() => new LogVerifier(), deps);
  const [more, setMore] = useState<E[]>([]);
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
      const page = await load(recordId, cursor);
      setMore((m) => [...m, ...page.items]);
      setNext(page.next);
    } catch (e) {
      setMoreError(errorMessage(e));
    }
  }

  return (
    <div data-testid={testId}>
      <ol className="timeline">
        {entries.map((h) => {
          const all = props.changes ? props.changes(h) : h.operation === 'create' ? [] : h.changes;
          const changes = props.skipEmpty ? all.filter((c) => props.showValue(c.field, c.from) !== '—' || props.showValue(c.field, c.to) !== '—') : all;
          return (
            <li key={props.entryKey ? props.entryKey(h) : `${h.version}-${h.at}`} className="timeline-entry">
              <div className="timeline-head">
                <span className={`badge badge-op-${props.operationBadge ? props.operationBadge(h) : h.operation}`}>{props.operationLabels[h.operation] ?? h.operation}</span>
                <span>
                  by <strong>{h.actor}</strong>
                </span>
                <time dateTime={h.at} className="muted">
                  {formatDateTime(h.at)}
                </time>
                {!props.showVersion || props.showVersion(h) ? <span className="muted">version {h.version}</span> : null}
              </div>
              <ProofStatus seq={h.audit_seq} verifier={verifier} expect={expect} />
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
                        <td>{props.fieldLabel(c.field, h)}</td>
                        <td className="value-old">{props.showValue(c.field, c.from)}</td>
                        <td className="value-new">{props.showValue(c.field, c.to)}</td>
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
