// The dashboard's card for impact assessments: how many, how many restricted or sensitive, in
// review, and due for re-assessment, each linking to the filtered list.
import { Link } from 'react-router-dom';
import { ErrorBanner, Loading } from '../../../lib/ui';
import type { CardState, DashboardCards } from '../../dashboard';

export function ImpactDashboardCard({ card: f }: { card: CardState<DashboardCards['impact'] | null> }) {
  const c = f.data;
  const d = c ? { total: c.total, due: c.reassessment_due, restricted: c.restricted, sensitive: c.sensitive, inReview: c.in_review } : c;
  return (
    <section className="card" aria-labelledby="dash-impact" data-testid="dashboard-impact">
      <div className="card-head">
        <h2 id="dash-impact">Impact assessments</h2>
        <Link to="/impact">Open →</Link>
      </div>
      <ErrorBanner error={f.error} />
      {f.loading && !d ? <Loading /> : null}
      {d && d.total === 0 ? <p className="muted small">None yet. Assess the AI systems that affect people first.</p> : null}
      {d && d.total > 0 ? (
        <div className="figures">
          <Link to="/impact" className="figure">
            <span className="figure-value">{d.total}</span>
            <span className="figure-label">assessments</span>
          </Link>
          <Link to="/impact?reassessment_due=true" className="figure" data-testid="dash-impact-due">
            <span className="figure-value">{d.due}</span>
            <span className="figure-label">due for re-assessment</span>
          </Link>
          <Link to="/impact?outcome=restricted" className="figure">
            <span className="figure-value">{d.restricted}</span>
            <span className="figure-label">restricted, {d.sensitive} sensitive</span>
          </Link>
          <Link to="/impact?status=in_review" className="figure">
            <span className="figure-value">{d.inReview}</span>
            <span className="figure-label">waiting for approval</span>
          </Link>
        </div>
      ) : null}
    </section>
  );
}
