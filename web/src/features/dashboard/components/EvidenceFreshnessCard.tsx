// The dashboard's card for the evidence vault: what has expired and what expires within 30 days.
import { Link } from 'react-router-dom';
import type { EvidenceFreshness } from '../../evidence/api';
import { Figure, SummaryCard } from '../../../components/SummaryCard';
import { FreshnessBadge } from '../../evidence/components/badges';
import type { CardState } from '../api';

export function EvidenceFreshnessCard({ card: f }: { card: CardState<EvidenceFreshness | null> }) {
  const d = f.data;
  const soonest = d ? [...d.expired.map((e) => ({ ...e, state: 'expired' })), ...d.expiring.map((e) => ({ ...e, state: 'expiring' }))].slice(0, 5) : [];
  return (
    <SummaryCard id="dash-evidence" title="Evidence freshness" to="/evidence" testId="dashboard-evidence" error={f.error} loading={f.loading && !d}>
      {d ? (
        <>
          <div className="ev-counts">
            <Figure to="/evidence?expired=true" value={d.counts.expired} testId="evidence-expired">expired</Figure>
            <Figure to={`/evidence?expiring_within=${d.within_days}`} value={d.counts.expiring} testId="evidence-expiring">expire within {d.within_days} days</Figure>
            <Figure value={d.counts.total}>evidence files</Figure>
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
    </SummaryCard>
  );
}
