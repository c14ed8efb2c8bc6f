// The dashboard's card for the Statement of Applicability: status counts and the latest version.
import type { CardState, DashboardCards } from '../../dashboard';
import { SummaryCard } from '../../../components/SummaryCard';
import { SummaryBar } from './SoaParts';

export function SoaDashboardCard({ card: soa }: { card: CardState<DashboardCards['soa'] | null> }) {
  const d = soa.data;
  return (
    <SummaryCard id="dash-soa" title="Statement of Applicability" to="/soa" testId="dashboard-soa" error={soa.error} loading={soa.loading && !d}>
      {d ? (
        <>
          <p className="muted small">{d.latest_version ? `Version ${d.latest_version} approved; the working copy may hold later edits.` : 'No version approved yet.'}</p>
          <SummaryBar summary={d.summary} />
        </>
      ) : null}
    </SummaryCard>
  );
}
