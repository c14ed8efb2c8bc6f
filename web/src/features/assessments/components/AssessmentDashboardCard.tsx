// The dashboard's card for the latest assessment: overall maturity and readiness.
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import type { CardState, DashboardCards } from '../../dashboard';
import { formatMaturity } from '../charts';
import { assessmentPath } from './AssessmentLayout';

export function AssessmentDashboardCard({ card: latest }: { card: CardState<DashboardCards['assessment']> }) {
  const session = useSession();
  const d = latest.data && { a: latest.data.assessment, r: latest.data.results };
  return (
    <section className="card" aria-labelledby="dash-assessment" data-testid="dashboard-assessment">
      <div className="card-head">
        <h2 id="dash-assessment">Gap assessment</h2>
        <Link to="/assessments">All assessments →</Link>
      </div>
      <ErrorBanner error={latest.error} />
      {latest.loading && d === undefined ? <Loading /> : null}
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
            <Link to={assessmentPath(d.a.id, 'results')} className="figure" data-testid="dash-maturity">
              <span className="figure-value">{formatMaturity(d.r.overall_maturity)}</span>
              <span className="figure-label">overall maturity (target {d.r.target_maturity})</span>
            </Link>
            <Link to={assessmentPath(d.a.id, 'results')} className="figure" data-testid="dash-readiness">
              <span className="figure-value">{Math.round(d.r.readiness.percent)}%</span>
              <span className="figure-label">readiness for certification</span>
            </Link>
          </div>
        </>
      ) : null}
    </section>
  );
}
