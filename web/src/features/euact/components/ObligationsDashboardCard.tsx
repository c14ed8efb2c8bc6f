// The dashboard's card for the EU AI Act obligations: counts by status, the overdue ones, and the
// systems whose classification needs a re-check (linking to their obligations).
import { Link } from 'react-router-dom';
import type { CardState, DashboardCards } from '../../dashboard';
import { Figure, SummaryCard } from '../../../components/SummaryCard';
import { STATUSES } from '../board';
import { obligationStatusLabels } from '../labels';

export function ObligationsDashboardCard({ card: counts }: { card: CardState<DashboardCards['obligations'] | null> }) {
  const c = counts.data;
  const d = c ? { overdue: c.overdue, byStatus: STATUSES.map((s): number => c.by_status[s] ?? 0), recheck: c.recheck } : c;
  const total = d ? d.byStatus.reduce((a, b) => a + b, 0) : 0;
  return (
    <SummaryCard id="dash-obligations" title="EU AI Act obligations" to="/obligations" testId="dashboard-obligations" error={counts.error} loading={counts.loading && !d}>
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
            <Figure key={s} to={`/obligations?status=${s}`} value={d.byStatus[i]}>{obligationStatusLabels[s].toLowerCase()}</Figure>
          ))}
          <Figure to="/obligations?overdue=true" value={d.overdue} testId="dash-overdue">overdue</Figure>
        </div>
      ) : null}
    </SummaryCard>
  );
}
