// The dashboard's card for the Statement of Applicability: status counts and the latest version.
import { Link } from 'react-router-dom';
import { useAsync } from '../../../lib/hooks';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { getSoa } from '../api';
import { SummaryBar } from './SoaParts';

export function SoaDashboardCard() {
  const soa = useAsync((signal) => getSoa(signal), []);
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
