// One risk: its scoring, treatment, links to the catalog and the SoA, formal acceptance and history.
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { DetailTabs, MetaRow, useTabParam } from '../../../components/records/DetailTabs';
import { useState } from 'react';
import { Breadcrumbs, FlashBanner, loadGate, PageHead, useFlash } from '../../../components/RecordPage';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDate, formatDateTime, labelOf } from '../../../lib/labels';
import { Banner } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getCriteria, getRisk, type Risk, type RiskCriteria } from '../api';
import { treatmentLabels } from '../labels';
import { AcceptancePanel } from './AcceptancePanel';
import { AcceptanceBadge, RiskStatusBadge, ScoreBadge } from './parts';
import { RiskHistory } from './RiskHistory';

function Row({ label, children, field }: { label: string; children: React.ReactNode; field?: string }) {
  return (
    <div className="field-row" data-field={field}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const dash = <span className="muted">—</span>;

function Chips({ items, link }: { items: readonly string[]; link?: (x: string) => string | undefined }) {
  if (!items.length) return dash;
  return (
    <ul className="chips">
      {items.map((x) => {
        const to = link?.(x);
        return (
          <li key={x} className="chip">
            {to ? <Link to={to}>{x}</Link> : x}
          </li>
        );
      })}
    </ul>
  );
}

function Cell({ risk, which, criteria }: { risk: Risk; which: 'inherent' | 'residual'; criteria: RiskCriteria }) {
  const s = risk[which];
  return (
    <span>
      <ScoreBadge score={s} testId={`${which}-level`} /> likelihood {s.likelihood} ({criteria.likelihood[s.likelihood - 1]?.label}) × impact {s.impact} (
      {criteria.impact[s.impact - 1]?.label})
    </span>
  );
}

export function RiskDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const loaded = useAsync(async (signal) => {
    const [r, c] = await Promise.all([getRisk(id, signal), getCriteria(signal)]);
    return { ...r, criteria: c.criteria };
  }, [id]);
  const [warning, setWarning] = useState<string | null>(null);
  const flash = useFlash();
  const [tab, selectTab] = useTabParam(['details', 'history'] as const);
  useTitle(loaded.data ? `${loaded.data.risk.id} ${loaded.data.risk.title}` : 'Risk');

  const gate = loadGate(loaded, ['/risks', 'Risks'], 'The risk could not be loaded.');
  if (gate || !loaded.data) return gate;
  const { risk, etag, criteria } = loaded.data;
  return (
    <div className="page" data-testid="risk-detail">
      <Breadcrumbs links={[['/risks', 'Risks']]}>{risk.id}</Breadcrumbs>
      <PageHead
        code={risk.id}
        title={risk.title}
        badges={
          <>
            <RiskStatusBadge value={risk.status} />
            <AcceptanceBadge value={risk.acceptance_state} />
            {risk.review_overdue ? <span className="badge badge-overdue">Review overdue</span> : null}
            {risk.treatment_overdue ? <span className="badge badge-overdue">Treatment overdue</span> : null}
          </>
        }
        actions={
          session.canWrite ? (
            <Link className="btn btn-primary" to={`/risks/${encodeURIComponent(risk.id)}/edit`} data-testid="edit-risk">
              Edit
            </Link>
          ) : null
        }
      />
      <FlashBanner message={flash} />
      {warning ? (
        <Banner kind="warning" testId="conflict-banner">
          {warning}
        </Banner>
      ) : null}
      <MetaRow
        items={[
          ['AI system', risk.system_id ? <Link to={`/systems/${encodeURIComponent(risk.system_id)}`}>{risk.system_name ?? risk.system_id}</Link> : 'Organization-wide'],
          ['Version', risk.version],
          ['Registered', `${formatDateTime(risk.created_at)} by ${risk.created_by}`],
          ['Last changed', `${formatDateTime(risk.updated_at)} by ${risk.updated_by}`],
        ]}
      />

      <DetailTabs label="Risk" tabs={['details', 'history'] as const} current={tab} onSelect={selectTab} title={(t) => (t === 'details' ? 'Details' : 'History')}>
        {tab === 'history' ? (
          <RiskHistory riskId={risk.id} version={risk.version} />
        ) : (
          <div className="detail-groups">
            <section className="card" aria-labelledby="g-risk">
              <h2 id="g-risk">The risk</h2>
              <dl className="fields">
                <Row label="Description">{risk.description ? <span className="prewrap">{risk.description}</span> : dash}</Row>
                <Row label="Risk sources (Annex C)">
                  <Chips items={risk.risk_sources} link={(x) => `/catalog/iso42001/${x}`} />
                </Row>
                <Row label="Objectives affected (Annex C)">
                  <Chips items={risk.objectives} link={(x) => `/catalog/iso42001/${x}`} />
                </Row>
                <Row label="Inherent risk" field="inherent">
                  <Cell risk={risk} which="inherent" criteria={criteria} />
                </Row>
                <Row label="Existing controls">
                  <Chips items={risk.existing_controls} />
                </Row>
                <Row label="Owner">{risk.owner || dash}</Row>
              </dl>
            </section>
            <section className="card" aria-labelledby="g-treat">
              <h2 id="g-treat">Treatment</h2>
              <dl className="fields">
                <Row label="Treatment option">{risk.treatment ? labelOf(treatmentLabels, risk.treatment) : <span className="muted">Not decided</span>}</Row>
                <Row label="Plan">{risk.treatment_plan ? <span className="prewrap">{risk.treatment_plan}</span> : dash}</Row>
                <Row label="Planned controls" field="planned_controls">
                  <Chips items={risk.planned_controls} link={(x) => (/^A\.\d/.test(x) ? `/soa?q=${encodeURIComponent(x)}` : undefined)} />
                </Row>
                <Row label="Treatment due">
                  {risk.due_date ? formatDate(risk.due_date) : dash}
                </Row>
                <Row label="Residual risk" field="residual">
                  <Cell risk={risk} which="residual" criteria={criteria} />
                </Row>
                {risk.residual_rationale ? <Row label="Residual rationale">{risk.residual_rationale}</Row> : null}
                <Row label="Next review">{risk.review_date ? formatDate(risk.review_date) : dash}</Row>
              </dl>
            </section>
            <AcceptancePanel
              risk={risk}
              etag={etag}
              criteria={criteria}
              role={session.role}
              me={session.me?.user.email}
              onChanged={(next, message) => {
                setWarning(null);
                loaded.setData({ ...next, criteria });
                navigate(location.pathname + location.search, { replace: true, state: { flash: message } });
              }}
              onConflict={() => {
                setWarning('Someone else changed this risk meanwhile; the latest version is shown. Check it and try again.');
                loaded.reload();
              }}
            />
          </div>
        )}
      </DetailTabs>
    </div>
  );
}
