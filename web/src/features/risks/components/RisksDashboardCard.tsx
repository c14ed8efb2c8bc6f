// The dashboard's card for the risk register: open risks by residual level, overdue reviews and
// lapsed acceptances, each a link into the filtered register.
import { Link } from 'react-router-dom';
import type { CardState } from '../../dashboard';
import type { RiskHeatmap } from '../api';
import { SummaryCard } from '../../../components/SummaryCard';
import { LevelBadge } from './parts';

export function RisksDashboardCard({ card: map }: { card: CardState<RiskHeatmap | null> }) {
  const m = map.data;
  return (
    <SummaryCard id="dash-risks" title="AI risks" to="/risks" linkLabel="Open the register →" testId="dashboard-risks" error={map.error} loading={map.loading && !m}>
      {m && m.total === 0 ? <p className="muted">No open risks registered yet.</p> : null}
      {m && m.total > 0 ? (
        <>
          <p className="muted small">{m.total} open risks by residual level</p>
          <ul className="bars">
            {[...m.levels].reverse().map((l) => (
              <li key={l.id}>
                <Link to={`/risks?residual_level=${encodeURIComponent(l.id)}`} className="bar-row">
                  <span className="bar-label">
                    <LevelBadge level={l} />
                  </span>
                  <span className="bar-track" aria-hidden="true">
                    <span className="bar-fill" style={{ width: `${Math.round(((m.by_level.residual[l.id] ?? 0) / m.total) * 100)}%`, background: l.colour }} />
                  </span>
                  <span className="bar-count">{m.by_level.residual[l.id] ?? 0}</span>
                </Link>
              </li>
            ))}
          </ul>
          <div className="stat-cards">
            <Link to="/risks?overdue=true" className={`stat-card${m.overdue_reviews ? ' stat-warn' : ''}`} data-testid="dash-overdue-reviews">
              <span className="stat-value">{m.overdue_reviews}</span>
              <span className="stat-label">Overdue reviews</span>
            </Link>
            <Link to="/risks?acceptance=expired" className={`stat-card${m.expired_acceptances ? ' stat-warn' : ''}`} data-testid="dash-expired-acceptances">
              <span className="stat-value">{m.expired_acceptances}</span>
              <span className="stat-label">Expired acceptances</span>
            </Link>
          </div>
        </>
      ) : null}
    </SummaryCard>
  );
}
