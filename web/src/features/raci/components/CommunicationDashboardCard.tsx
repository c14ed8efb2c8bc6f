// The dashboard's card for the communication plan: the scheduled entries and the overdue ones
// (GET /api/v1/communication/overdue counts them; the card shows the same figures).
import type { CardState, DashboardCards } from '../../dashboard';
import { Figure, SummaryCard } from '../../../components/SummaryCard';

export function CommunicationDashboardCard({ card }: { card: CardState<DashboardCards['communication'] | null> }) {
  const d = card.data;
  return (
    <SummaryCard id="dash-communication" title="Communication plan" to="/communication-plan" testId="dashboard-communication" error={card.error} loading={card.loading && !d}>
      {d && d.planned === 0 ? <p className="muted small">No scheduled communications planned yet.</p> : null}
      {d && d.planned > 0 ? (
        <div className="figures">
          <Figure to="/communication-plan" value={d.planned}>scheduled</Figure>
          <Figure to="/communication-plan" value={d.overdue} testId="dash-communication-overdue">overdue</Figure>
        </div>
      ) : null}
    </SummaryCard>
  );
}
