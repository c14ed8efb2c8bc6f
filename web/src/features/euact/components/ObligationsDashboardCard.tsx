// The dashboard's card for the EU AI Act obligations: counts by status, the overdue ones, and the
// systems whose classification needs a re-check (linking to their obligations).
import { Link } from 'react-router-dom';
import { ErrorBanner, Loading } from '../../../lib/ui';
import type { CardState, DashboardCards } from '../../dashboard';
import { STATUSES } from '../board';
import { obligationStatusLabels } from '../labels';

export function ObligationsDashboardCard({ card: counts }: { card: CardState<DashboardCards['obligations'] | null> }) {
  const c = counts.data;
  const d = c ? { overdue: c.overdue, byStatus: STATUSES.map((s): number => c.by_status[s] ?? 0), recheck: c.recheck } : c;
  const total = d ? d.byStatus.reduce((a, b) => a + b, 0) : 0;
  return (
    <section className="card" aria-labelledby="dash-obligations" data-testid="dashboard-obligations">
      <div className="card-head">
        <h2 id="dash-obligations">EU AI Act obligations</h2>
        <Link to="/obligations">Open →</Link>
      </div>
      <ErrorBanner error={counts.error} />
      {counts.loading && !d ? <Loading /> : null}
      {d && total === 0 ? <p className="muted small">None yet: they follow from classifying AI systems.</p> : null}
      {d && d.recheck > 0 ? (
        <p className="small" data-testid="dash-recheck">
          <span className="badge badge-recheck">Re-check needed</span>{' '}
          <Link to="/obligations?recheck=true">
            {d.recheck} AI system{d.recheck === 1 ? '' : 's'} to re-classify
          </Link>
        </p>
      ) : null}
      {d && total > 0 ? (
        <div className="figures euact-figures">
          {STATUSES.map((s, i) => (
            <Link key={s} to={`/obligations?status=${s}`} className="figure">
              <span className="figure-value">{d.byStatus[i]}</span>
              <span className="figure-label">{obligationStatusLabels[s].toLowerCase()}</span>
            </Link>
          ))}
          <Link to="/obligations?overdue=true" className="figure" data-testid="dash-overdue">
            <span className="figure-value">{d.overdue}</span>
            <span className="figure-label">overdue</span>
          </Link>
        </div>
      ) : null}
    </section>
  );
}
