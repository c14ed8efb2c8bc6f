// The dashboard's card for the evidence vault: what has expired and what expires within 30 days.
import { Link } from 'react-router-dom';
import { ErrorBanner, Loading } from '../../../lib/ui';
import type { EvidenceFreshness } from '../../evidence/api';
import { FreshnessBadge } from '../../evidence/components/badges';
import type { CardState } from '../api';

export function EvidenceFreshnessCard({ card: f }: { card: CardState<EvidenceFreshness | null> }) {
  const d = f.data;
  const soonest = d ? [...d.expired.map((e) => ({ ...e, state: 'expired' })), ...d.expiring.map((e) => ({ ...e, state: 'expiring' }))].slice(0, 5) : [];
  return (
    <section className="card" aria-labelledby="dash-evidence" data-testid="dashboard-evidence">
      <div className="card-head">
        <h2 id="dash-evidence">Evidence freshness</h2>
        <Link to="/evidence">Open →</Link>
      </div>
      <ErrorBanner error={f.error} />
      {f.loading && !d ? <Loading /> : null}
      {d ? (
        <>
          <div className="ev-counts">
            <Link to="/evidence?expired=true" className="figure" data-testid="evidence-expired">
              <span className="figure-value">{d.counts.expired}</span>
              <span className="figure-label">expired</span>
            </Link>
            <Link to={`/evidence?expiring_within=${d.within_days}`} className="figure" data-testid="evidence-expiring">
              <span className="figure-value">{d.counts.expiring}</span>
              <span className="figure-label">expire within {d.within_days} days</span>
            </Link>
            <div className="figure">
              <span className="figure-value">{d.counts.total}</span>
              <span className="figure-label">evidence files</span>
            </div>
          </div>
          {soonest.length ? (
            <ul className="small">
              {soonest.map((e) => (
                <li key={e.id}>
                  <Link to={`/evidence/${encodeURIComponent(e.id)}`}>
                    {e.number} {e.title}
                  </Link>{' '}
                  <FreshnessBadge value={e.state} expires={e.expires_on} /> <span className="muted">{e.expires_on}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{d.counts.total ? 'Nothing has expired or expires soon.' : 'No evidence uploaded yet.'}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
