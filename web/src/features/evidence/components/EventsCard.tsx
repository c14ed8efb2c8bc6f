// The chain of custody of one evidence file: every upload, change, link, unlink, download and
// deletion with who and when, oldest first.
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { useAsync } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { listEvents, type EvidenceEvent } from '../api';
import { actionLabels } from '../evidence';

function detailText(e: EvidenceEvent): string {
  const d = e.detail as Record<string, unknown>;
  if (e.action === 'link' || e.action === 'unlink') return String(d.label ?? d.target ?? '');
  if (e.action === 'update') return Array.isArray(d.fields) ? `Changed: ${(d.fields as string[]).join(', ')}` : '';
  if (e.action === 'upload' || e.action === 'upload_duplicate') return String(d.filename ?? '');
  return '';
}

export function EventsCard({ evidenceId, version }: { evidenceId: string; version: number }) {
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const events = useAsync((signal) => listEvents(evidenceId, cursor, signal), [evidenceId, cursor, version]);
  return (
    <section className="card" aria-labelledby="ev-events" data-testid="evidence-events">
      <h2 id="ev-events">Chain of custody</h2>
      <ErrorBanner error={events.error} />
      {events.loading && !events.data ? <Loading /> : null}
      {events.data ? (
        <DataTable columns={['#', 'When', 'Who', 'What', 'Detail']} wrap={false}>
          {events.data.items.map((e) => (
            <tr key={e.seq} data-testid="evidence-event-row" data-action={e.action}>
              <td>{e.seq}</td>
              <td className="nowrap">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td>{e.actor}</td>
              <td>{actionLabels[e.action] ?? e.action}</td>
              <td>{detailText(e)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {events.data?.next ? (
        <button type="button" className="btn" onClick={() => setCursor(events.data?.next)}>
          Later events →
        </button>
      ) : null}
    </section>
  );
}
