// The dashboard's card for the latest assessment: overall maturity and readiness.
import { Link } from 'react-router-dom';
import { Figure, SummaryCard } from '../../../components/SummaryCard';
import { formatDate, formatPercent } from '../../../lib/labels';
import { useSession } from '../../auth';
import type { CardState, DashboardCards } from '../../dashboard';
import { formatMaturity } from '../charts';
import { assessmentPath } from './AssessmentLayout';

export function AssessmentDashboardCard({ card: latest }: { card: CardState<DashboardCards['assessment']> }) {
  const session = useSession();
  const d = latest.data && { a: latest.data.assessment, r: latest.data.results };
  return (
    <SummaryCard id="dash-assessment" title="Gap assessment" to="/assessments" linkLabel="All assessments →" testId="dashboard-assessment" error={latest.error} loading={latest.loading && d === undefined}>
      {d === null ? (
        <p className="muted">
          No assessment yet. A guided gap assessment shows where you stand against ISO/IEC 42001 in about 30 minutes.{' '}
          {session.canWrite ? <Link to="/assessments/new">Start one →</Link> : null}
        </p>
      ) : null}
      {d ? (
        <>
          <p className="muted small">
            <Link to={assessmentPath(d.a.id)}>{d.a.name}</Link> · {formatDate(d.a.assessment_date)} · {d.a.answered_count} of {d.a.item_count} answered
          </p>
          <div className="figures figures-2">
            <Figure to={assessmentPath(d.a.id, 'results')} value={formatMaturity(d.r.overall_maturity)} testId="dash-maturity">overall maturity (target {d.r.target_maturity})</Figure>
            <Figure to={assessmentPath(d.a.id, 'results')} value={formatPercent(d.r.readiness.percent)} testId="dash-readiness">readiness for certification</Figure>
          </div>
        </>
      ) : null}
    </SummaryCard>
  );
}
