// The dashboard's card for impact assessments: how many, how many restricted or sensitive, in
// review, and due for re-assessment, each linking to the filtered list.
import { Link } from 'react-router-dom';
import { useAsync } from '../../../lib/hooks';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { listImpact } from '../api';

async function figures(signal: AbortSignal) {
  const count = async (f: Parameters<typeof listImpact>[0]) => (await listImpact(f, undefined, 1, signal)).total;
  const [total, due, restricted, sensitive, inReview] = await Promise.all([
    count({}), count({ reassessment_due: 'true' }), count({ outcome: 'restricted' }), count({ outcome: 'sensitive' }), count({ status: 'in_review' }),
  ]);
  return { total, due, restricted, sensitive, inReview };
}

export function ImpactDashboardCard() {
  const f = useAsync(figures, []);
  const d = f.data;
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
