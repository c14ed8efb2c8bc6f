// The dashboard's card for AI objectives: active objectives by derived status, and how many have a
// reading overdue, each linking to the filtered list.
import { Link } from 'react-router-dom';
import type { CardState } from '../../dashboard';
import type { ObjectivesSummary } from '../api';
import { SummaryCard } from '../../../components/SummaryCard';
import { derivedStatusLabels } from '../labels';

const order = ['off_track', 'at_risk', 'on_track', 'no_data'] as const;

export function ObjectivesDashboardCard({ card: summary }: { card: CardState<ObjectivesSummary | null> }) {
  const s = summary.data;
  const active = s?.by_status.active ?? 0;
  return (
    <SummaryCard id="dash-objectives" title="AI objectives" to="/objectives" testId="dashboard-objectives" error={summary.error} loading={summary.loading && !s}>
      {s && s.total === 0 ? (
        <p className="muted">
          No objectives yet. <Link to="/objectives/new">Set one</Link> with a target and readings over time.
        </p>
      ) : null}
      {s && s.total > 0 ? (
        <>
          <p className="muted small">
            {active} active of {s.total}
            {s.by_status.achieved ? `, ${s.by_status.achieved} achieved` : ''}
          </p>
          <ul className="bars">
            {order.map((k) => {
              const n = s.by_derived_status[k];
              return (
                <li key={k}>
                  <Link to={`/objectives?status=active&derived_status=${k}`} className="bar-row" data-testid={`dash-objectives-${k}`}>
                    <span className="bar-label">{derivedStatusLabels[k]}</span>
                    <span className="bar-track" aria-hidden="true">
                      <span className={`bar-fill bar-derived-${k}`} style={{ width: `${active ? Math.round((n / active) * 100) : 0}%` }} />
                    </span>
                    <span className="bar-count">{n}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
          <Link to="/objectives?status=active&overdue=true" className={`stat-card${s.overdue ? ' stat-warn' : ''}`} data-testid="dash-objectives-overdue">
            <span className="stat-value">{s.overdue}</span>
            <span className="stat-label">with a reading overdue</span>
          </Link>
        </>
      ) : null}
    </SummaryCard>
  );
}
