// Who created, changed, submitted and approved the assessment, newest first.
import { useMemo, useState } from 'react';
import { LogVerifier, ProofStatus } from '../../audit';
import { DataTable } from '../../../components/DataTable';
import { useAsync } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { getHistory, type ImpactHistoryEntry } from '../api';
import { fieldLabels, historyOpLabels } from '../labels';
import { useImpact } from './ImpactLayout';

const SKIP = new Set(['submitted_at', 'submitted_by', 'approved_at', 'approved_by', 'approved_snapshot', 'approved_next_review_date', 'number', 'id', 'ref', 'system_id']);

function summary(e: ImpactHistoryEntry): string {
  const fields = e.changes.map((c) => c.field).filter((f) => !SKIP.has(f));
  if (e.operation === 'create') return 'Started from the AI system inventory.';
  if (!fields.length) return '';
  return fields.map((f) => fieldLabels[f] ?? f.replace(/_/g, ' ')).join(', ');
}

export function HistoryPage() {
  const { assessment: a } = useImpact();
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const page = useAsync((signal) => getHistory(a.id, cursor, signal), [a.id, a.version, cursor]);
  // One trusted checkpoint per view of the history; each row's audit entry is checked against it.
  const verifier = useMemo(() => new LogVerifier(), [a.id, a.version]);
  return (
    <div>
      <ErrorBanner error={page.error} title="The history could not be loaded." />
      {page.loading && !page.data ? <Loading /> : null}
      {page.data ? (
        <DataTable columns={['Version', 'When', 'Who', 'What', 'Fields', 'Audit log']} className="table-compact" testId="impact-history" wrap={false}>
          {page.data.items.map((e) => (
            <tr key={e.version}>
              <td>{e.version}</td>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{historyOpLabels[e.operation] ?? e.operation}</td>
              <td>{summary(e)}</td>
              <td>
                <ProofStatus seq={e.audit_seq} verifier={verifier} expect={{ record_type: 'impact_assessment', record_id: a.id }} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {page.data?.next ? (
        <button type="button" className="btn" onClick={() => setCursor(page.data?.next)}>
          Older entries
        </button>
      ) : null}
    </div>
  );
}
