// One AI objective: its derived status with the rule and explanation, the readings as a chart and
// a table (record a reading, delete one), the details and plans, and the history.
import { useId, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { DetailTabs, MetaRow, useTabParam } from '../../../components/records/DetailTabs';
import { Breadcrumbs, FlashBanner, loadGate, PageHead, useFlash } from '../../../components/RecordPage';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime, labelOf } from '../../../lib/labels';
import { Banner, EmptyState, isUnreadable } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getObjective, listAllReadings, type Objective } from '../api';
import { directionLabels, formatDay, formatValue, frequencyLabels, objectiveStatusLabels } from '../labels';
import { DerivedBadge, ObjectiveStatusBadge } from './badges';
import { ObjectiveHistory } from './ObjectiveHistory';
import { ReadingForm } from './ReadingForm';
import { ReadingsChart } from './ReadingsChart';
import { ReadingsTable } from './ReadingsTable';

const tabs = ['readings', 'details', 'history'] as const;
type Tab = (typeof tabs)[number];
const tabLabels: Record<Tab, string> = { readings: 'Readings', details: 'Details and plans', history: 'History' };

function targetText(o: Objective): string {
  if (o.direction === 'within_range') return `${formatValue(o.target_min, o.unit)} to ${formatValue(o.target_max, o.unit)}`;
  return `${o.direction === 'lower_is_better' ? '≤' : '≥'} ${formatValue(o.target_value, o.unit)}`;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Details({ o }: { o: Objective }) {
  const none = <span className="muted">—</span>;
  return (
    <div className="detail-groups">
      <section className="card" aria-labelledby="obj-what">
        <h2 id="obj-what">The objective</h2>
        <dl className="fields">
          <Row label="Annex C objective">
            <Link to={`/catalog/iso42001/${encodeURIComponent(o.annex_c_objective)}`}>
              {o.annex_c_objective} {o.annex_c_title}
            </Link>
          </Row>
          <Row label="AI system">{o.system_id ? <Link to={`/systems/${encodeURIComponent(o.system_id)}`}>{o.system_name ?? o.system_id}</Link> : 'The whole organization'}</Row>
          <Row label="Owner">{o.owner}</Row>
          <Row label="Status">{labelOf(objectiveStatusLabels, o.status)}</Row>
          <Row label="Start date">{formatDay(o.start_date)}</Row>
          <Row label="Due date">{formatDay(o.due_date)}</Row>
          <Row label="Description">{o.description ? <span className="prewrap">{o.description}</span> : none}</Row>
        </dl>
      </section>
      <section className="card" aria-labelledby="obj-measure">
        <h2 id="obj-measure">Measure and target</h2>
        <dl className="fields">
          <Row label="What is measured">{o.measure}</Row>
          <Row label="Unit">{o.unit || none}</Row>
          <Row label="Direction">{labelOf(directionLabels, o.direction)}</Row>
          <Row label="Target">{targetText(o)}</Row>
          {o.direction === 'within_range' ? (
            <Row label="Warning margin">{o.warning_margin === null ? none : formatValue(o.warning_margin, o.unit)}</Row>
          ) : (
            <Row label="Warning threshold">{o.warning_threshold === null ? none : formatValue(o.warning_threshold, o.unit)}</Row>
          )}
          <Row label="Reading frequency">{labelOf(frequencyLabels, o.frequency)}</Row>
        </dl>
      </section>
      <section className="card" aria-labelledby="obj-plans" data-testid="plans-view">
        <h2 id="obj-plans">Plans to achieve it</h2>
        {o.plans.length ? (
          <ol className="plan-view">
            {o.plans.map((p, i) => (
              <li key={i} className={p.done ? 'plan-done' : undefined}>
                <strong>{p.action}</strong>
                {[p.resources && `resources: ${p.resources}`, p.responsible && `responsible: ${p.responsible}`, p.due_date && `by ${formatDay(p.due_date)}`, p.done && 'done']
                  .filter(Boolean)
                  .map((x) => ` · ${x}`)}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No plan yet. Clause 6.2 asks what will be done, with what resources, who is responsible and by when.</p>
        )}
      </section>
      <section className="card" aria-labelledby="obj-links">
        <h2 id="obj-links">Links</h2>
        <dl className="fields">
          <Row label="Linked risks">{o.risk_refs.length ? o.risk_refs.join(', ') : none}</Row>
          <Row label="Linked controls">
            {o.control_refs.length
              ? o.control_refs.map((c, i) => (
                  <span key={c}>
                    {i ? ', ' : ''}
                    <Link to={`/catalog/iso42001/${encodeURIComponent(c)}`}>{c}</Link>
                  </span>
                ))
              : none}
          </Row>
        </dl>
      </section>
    </div>
  );
}

export function ObjectiveDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const tableId = useId();
  const loaded = useAsync(async (signal) => {
    const [{ objective }, readings] = await Promise.all([getObjective(id, signal), listAllReadings(id, signal)]);
    return { objective, readings };
  }, [id]);
  const flash = useFlash();
  const [tab, selectTab] = useTabParam(tabs);
  useTitle(loaded.data ? `${loaded.data.objective.key} ${loaded.data.objective.title}` : 'AI objective');

  const gate = loadGate(loaded, ['/objectives', 'AI objectives'], 'The objective could not be loaded.');
  if (gate || !loaded.data) return gate;
  const { objective: o, readings } = loaded.data;
  const d = o.derived;
  const changed = (message: string) => {
    navigate(location.pathname + location.search, { replace: true, state: { flash: message } });
    loaded.reload();
  };

  return (
    <div className="page" data-testid="objective-detail">
      <Breadcrumbs links={[['/objectives', 'AI objectives']]}>{o.key}</Breadcrumbs>
      <PageHead
        code={o.key}
        title={o.title}
        badges={
          <>
            <DerivedBadge status={d.status} overdue={d.reading_overdue} />
            <ObjectiveStatusBadge status={o.status} />
            <span className="badge badge-neutral">
              {o.annex_c_objective} {o.annex_c_title}
            </span>
          </>
        }
        actions={
          session.canWrite ? (
            <Link className="btn btn-primary" to={`/objectives/${encodeURIComponent(o.key)}/edit`}>
              Edit
            </Link>
          ) : null
        }
      />
      <FlashBanner message={flash} />

      <section className="card objective-status" aria-label="Status" data-testid="objective-status">
        <DerivedBadge status={d.status} large />
        <div>
          <p data-testid="explanation">{d.explanation}</p>
          <p className="rule">Rule: {d.formula}</p>
        </div>
      </section>
      <MetaRow
        items={[
          ['Target', targetText(o)],
          ['Latest reading', d.latest_reading ? `${formatValue(d.latest_reading.value, o.unit)} on ${formatDay(d.latest_reading.measured_on)}` : '—'],
          ['Next reading due', d.next_reading_due ? formatDay(d.next_reading_due) : '—'],
          ['AI system', o.system_id ? <Link to={`/systems/${encodeURIComponent(o.system_id)}`}>{o.system_name ?? o.system_id}</Link> : 'The whole organization'],
          ['Owner', o.owner],
          ['Last changed', `${formatDateTime(o.updated_at)} by ${o.updated_by}`],
        ]}
      />

      <DetailTabs label="AI objective" tabs={tabs} current={tab} onSelect={selectTab} title={(t) => `${tabLabels[t]}${t === 'readings' ? ` (${readings.length})` : ''}`}>
        {tab === 'readings' ? (
          <div className="objective-readings">
            {session.canWrite && o.status !== 'retired' ? (
              <section className="card" aria-labelledby="add-reading">
                <h2 id="add-reading">Record a reading</h2>
                <ReadingForm objective={o} onAdded={(r) => changed(`Reading recorded: ${formatValue(r.reading.value, o.unit)}. The objective is now ${r.objective.derived.status.replace('_', ' ')}.`)} />
              </section>
            ) : null}
            {o.status === 'retired' ? <Banner kind="info">This objective is retired and takes no more readings.</Banner> : null}
            {readings.length === 0 ? (
              <EmptyState title="No readings yet" testId="readings-empty">
                <p>
                  Record what was measured, or let a pipeline push readings with{' '}
                  <code>aims objectives reading add {o.key} --value …</code>.
                </p>
              </EmptyState>
            ) : (
              <>
                <section className="card" aria-labelledby="chart-title">
                  <h2 id="chart-title">{o.measure} over time</h2>
                  <ReadingsChart objective={o} readings={readings.filter((r) => !isUnreadable(r))} tableId={tableId} />
                </section>
                <section className="card" aria-labelledby="table-title">
                  <h2 id="table-title">Readings</h2>
                  <ReadingsTable objective={o} readings={readings} canDelete={session.canManage} tableId={tableId} onDeleted={() => changed('The reading was deleted; the history keeps it.')} />
                </section>
              </>
            )}
          </div>
        ) : tab === 'details' ? (
          <Details o={o} />
        ) : (
          <ObjectiveHistory objectiveId={o.id} version={`${o.version}-${readings.length}-${o.updated_at}`} />
        )}
      </DetailTabs>
    </div>
  );
}
