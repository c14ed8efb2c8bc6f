// The reporting clocks of an incident as a table: citation, what, status in words (OVERDUE in
// capitals with a mark, never by colour only), deadline and time left.
import { DateTime } from '../../../lib/ui';
import type { IncidentClock } from '../api';
import { clockStatus, timeLeft } from '../clockText';

export function ClocksTable({ clocks, showAll = true }: { clocks: IncidentClock[]; showAll?: boolean }) {
  const shown = showAll ? clocks : clocks.filter((c) => c.status !== 'not_applicable');
  if (!shown.length) return <p className="muted">No reporting clock applies.</p>;
  return (
    <table className="table" data-testid="incident-clocks">
      <thead>
        <tr>
          <th>Citation</th>
          <th>Clock</th>
          <th>Status</th>
          <th>Deadline</th>
          <th>Time left</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((c) => (
          <tr key={c.id} data-clock={c.id} data-status={c.status} className={c.status === 'overdue' ? 'row-overdue' : undefined}>
            <td className="mono">{c.citation}</td>
            <td>
              {c.title}
              {c.reason ? <div className="hint">{c.reason}</div> : null}
            </td>
            <td data-testid="clock-status">
              {c.status === 'overdue' ? <strong>⚠ {clockStatus(c)}</strong> : clockStatus(c)}
              {c.met_by_report ? <span className="hint"> by {c.met_by_report}</span> : null}
            </td>
            <td>{c.deadline ? <DateTime at={c.deadline} /> : c.status === 'not_applicable' ? '' : 'Immediately'}</td>
            <td>{timeLeft(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
