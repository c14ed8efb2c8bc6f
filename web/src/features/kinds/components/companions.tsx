// What a register's list page shows above its own records when another truth belongs beside it:
// the EU AI Act obligations of the AI systems on the legal and contractual requirements page
// (read from the obligations register, never copied), and the climate determination on the
// context issues page. Stateless components; their loads are the components' own.
import type { ComponentType } from 'react';
import { Link } from 'react-router-dom';
import { type Schemas } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { formatDate } from '../../../lib/labels';
import { fetchAllPages } from '../../../lib/lists';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { listRecords, loadKinds, type KindSchema } from '../../../components/records/kinds';
import { showValue } from '../../../components/records/kindModel';
import { DataTable } from '../../../components/DataTable';

type Obligation = Schemas['Obligation'];

/** "not_started" → "Not started". */
const words = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ');

/** The organization's current EU AI Act obligations, each AI system's, as the obligations register holds them. */
export function EuObligations() {
  const loaded = useAsync((signal) => fetchAllPages<Obligation, '/api/v1/obligations'>('/api/v1/obligations', { query: { sort: 'system' }, signal }), []);
  const items = loaded.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="eu-obligations-title" data-testid="eu-obligations">
      <h2 id="eu-obligations-title">
        EU AI Act obligations <span className="badge badge-neutral">From the EU AI Act register</span>
      </h2>
      <p className="muted">
        The obligations that follow from the classification of each AI system. They are kept in the{' '}
        <Link to="/obligations">EU AI Act obligations</Link> register and shown here read-only; the entries below them are this register's own.
      </p>
      {loaded.loading ? <Loading /> : null}
      <ErrorBanner error={loaded.error} title="The EU AI Act obligations could not be loaded." />
      {!loaded.loading && !loaded.error && items.length === 0 ? <p className="muted">No AI system has EU AI Act obligations yet (classify the systems first).</p> : null}
      {items.length ? (
        <DataTable columns={['AI system', 'Article', 'Obligation', 'Status', 'Due']} className="table-compact" caption="EU AI Act obligations">
          {items.map((o) => (
            <tr key={`${o.system_id}/${o.obligation_id}`} data-obligation={o.obligation_id}>
              <td>
                <Link to={`/systems/${encodeURIComponent(o.system_id)}`}>{o.system_name}</Link>
              </td>
              <td className="nowrap">{o.article}</td>
              <td>{o.title}</td>
              <td>{words(o.status)}</td>
              <td className="nowrap">{formatDate(o.due)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

/** The organization's latest climate determination (clause 4.1), or a prompt to record one. */
export function ClimateDecision() {
  const loaded = useAsync(async (signal) => {
    const kind = (await loadKinds()).find((k) => k.kind === 'climate_determination');
    if (!kind) return null;
    const page = await listRecords(kind, { sort: '-decided_on', limit: 1 }, signal);
    return { kind, record: page.items[0] };
  }, []);
  if (loaded.loading) return <Loading />;
  if (loaded.error) return <ErrorBanner error={loaded.error} title="The climate determination could not be loaded." />;
  if (!loaded.data) return null;
  const { kind, record } = loaded.data;
  const field = (name: string) => kind.fields.find((f) => f.name === name);
  return (
    <section className="card" aria-labelledby="climate-title" data-testid="climate-decision">
      <h2 id="climate-title">Is climate change a relevant issue?</h2>
      {record ? (
        <>
          <p>
            <strong data-testid="climate-relevant">{showValue(field('relevant'), record.relevant)}</strong>: {String(record.decision ?? '')}
          </p>
          <p className="prewrap">{String(record.reasoning ?? '')}</p>
          <p className="muted small">
            Decided by {String(record.decided_by ?? '—')} on {showValue(field('decided_on'), record.decided_on)}
            {record.review_date ? `; next review ${showValue(field('review_date'), record.review_date)}` : ''}.{' '}
            <Link to={`/${kind.path}/${encodeURIComponent(record.id)}`}>{record.number ?? record.id}: details and history</Link>
          </p>
        </>
      ) : (
        <p className="muted">
          The organization has not recorded whether climate change is relevant yet.{' '}
          {kind.can_write ? <Link to={`/${kind.path}/new`}>Record the decision</Link> : null}
        </p>
      )}
    </section>
  );
}

/** The companion of a kind's list page, if it has one. */
export function companionOf(kind: KindSchema): ComponentType<{ kind: KindSchema }> | undefined {
  if (kind.kind === 'legal_requirement') return EuObligations;
  if (kind.kind === 'context_issue') return ClimateDecision;
  return undefined;
}
