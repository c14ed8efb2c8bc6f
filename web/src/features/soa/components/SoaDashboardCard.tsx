// The dashboard's card for the Statement of Applicability: status counts and the latest version.
import { Link } from 'react-router-dom';
import { ErrorBanner, Loading } from '../../../lib/ui';
import type { CardState, DashboardCards } from '../../dashboard';
import { SummaryBar } from './SoaParts';

export function SoaDashboardCard({ card: soa }: { card: CardState<DashboardCards['soa'] | null> }) {
  const d = soa.data;
  return (
    <section className="card" aria-labelledby="dash-soa" data-testid="dashboard-soa">
      <div className="card-head">
        <h2 id="dash-soa">Statement of Applicability</h2>
        <Link to="/soa">Open →</Link>
      </div>
      <ErrorBanner error={soa.error} />
      {soa.loading && !d ? <Loading /> : null}
      {d ? (
        <>
          <p className="muted small">{d.latest_version ? `Version ${d.latest_version} approved; the working copy may hold later edits.` : 'No version approved yet.'}</p>
          <SummaryBar summary={d.summary} />
        </>
      ) : null}
    </section>
  );
}
