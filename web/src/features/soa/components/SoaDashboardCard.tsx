// The dashboard's card for the Statement of Applicability: status counts and the latest version.
import { SummaryCard } from '../../../components/SummaryCard';
import { useAsync } from '../../../lib/hooks';
import { getSoa } from '../api';
import { SummaryBar } from './SoaParts';

export function SoaDashboardCard() {
  const soa = useAsync((signal) => getSoa(signal), []);
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
