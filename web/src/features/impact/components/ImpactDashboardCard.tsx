// The dashboard's card for impact assessments: how many, how many restricted or sensitive, in
// review, and due for re-assessment, each linking to the filtered list.
import { Figure, SummaryCard } from '../../../components/SummaryCard';
import { useAsync } from '../../../lib/hooks';
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
    <SummaryCard id="dash-impact" title="Impact assessments" to="/impact" testId="dashboard-impact" error={f.error} loading={f.loading && !d}>
      {d && d.total === 0 ? <p className="muted small">None yet. Assess the AI systems that affect people first.</p> : null}
      {d && d.total > 0 ? (
        <div className="figures">
          <Figure to="/impact" value={d.total}>assessments</Figure>
          <Figure to="/impact?reassessment_due=true" value={d.due} testId="dash-impact-due">due for re-assessment</Figure>
          <Figure to="/impact?outcome=restricted" value={d.restricted}>restricted, {d.sensitive} sensitive</Figure>
          <Figure to="/impact?status=in_review" value={d.inReview}>waiting for approval</Figure>
        </div>
      ) : null}
    </SummaryCard>
  );
}
