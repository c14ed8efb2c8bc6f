// The dashboard's card for the EU AI Act obligations: counts by status, the overdue ones, and the
// systems whose classification needs a re-check (linking to their obligations).
import { Link } from 'react-router-dom';
import { Figure, SummaryCard } from '../../../components/SummaryCard';
import { useAsync } from '../../../lib/hooks';
import { countObligations, listRechecks } from '../api';
import { STATUSES } from '../board';
import { obligationStatusLabels } from '../labels';

export function ObligationsDashboardCard() {
  const counts = useAsync(async (signal) => {
    const [rechecks, overdue, ...byStatus] = await Promise.all([
      listRechecks(signal),
      countObligations({ overdue: 'true' }, signal),
      ...STATUSES.map((s) => countObligations({ status: s }, signal)),
    ]);
    return { overdue, byStatus, recheck: rechecks.length };
  }, []);
  const d = counts.data;
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
