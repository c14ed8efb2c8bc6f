// The dashboard's scope drift card: shown only while AI systems drift from the AIMS scope, with
// their count and a link to the scope page where each is placed in one click.
import type { CardState, DashboardCards } from '../../dashboard';
import { Figure, SummaryCard } from '../../../components/SummaryCard';

export function ScopeDashboardCard({ card }: { card: CardState<DashboardCards['scope'] | null> }) {
  const d = card.data;
  if (!card.error && (!d || d.drift === 0)) return null;
  return (
    <SummaryCard id="dash-scope" title="AIMS scope drift" to="/scope" testId="dashboard-scope" error={card.error} loading={false}>
      {d ? (
        <Figure to="/scope" value={d.drift} testId="dashboard-scope-drift">
          {d.drift === 1 ? 'AI system is' : 'AI systems are'} not placed in or out of scope, or left it
        </Figure>
      ) : null}
    </SummaryCard>
  );
}
