// The dashboard's card for impact assessments: how many, how many restricted or sensitive, in
// review, and due for re-assessment, each linking to the filtered list.
import type { CardState, DashboardCards } from '../../dashboard';
import { Figure, SummaryCard } from '../../../components/SummaryCard';

export function ImpactDashboardCard({ card: f }: { card: CardState<DashboardCards['impact'] | null> }) {
  const c = f.data;
  const d = c ? { total: c.total, due: c.reassessment_due, restricted: c.restricted, sensitive: c.sensitive, inReview: c.in_review } : c;
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
