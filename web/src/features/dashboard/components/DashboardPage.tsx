// The first page after login: where we stand and what comes next first (maturity and readiness, the
// next roadmap actions, what is due this month), then the inventory's counts and every area's card.
import { Link } from 'react-router-dom';
import { Figure } from '../../../components/SummaryCard';
import { useAsync, useTitle } from '../../../lib/hooks';
import { euAiActClassLabels, lifecycleStageLabels, optionsOf, statusLabels } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { AssessmentDashboardCard } from '../../assessments/components/AssessmentDashboardCard';
import { useSession } from '../../auth/components/SessionProvider';
import { ImpactDashboardCard } from '../../impact/components/ImpactDashboardCard';
import { ObjectivesDashboardCard } from '../../objectives/components/ObjectivesDashboardCard';
import { ObligationsDashboardCard } from '../../euact/components/ObligationsDashboardCard';
import { CommunicationDashboardCard } from '../../raci';
import { SoaDashboardCard } from '../../soa/components/SoaDashboardCard';
import { RisksDashboardCard } from '../../risks/components/RisksDashboardCard';
import { ScopeDashboardCard } from '../../scope';
import { DescribedCards } from './DescribedCards';
import { EvidenceFreshnessCard } from './EvidenceFreshnessCard';
import { cardOf, getDashboard, leadOf, systemFigures } from '../api';
import { DueThisMonthSection, NextActionsSection, WhereWeStandSection } from './StandingSections';

interface BarsProps<K extends string> {
  title: string;
  param: string;
  labels: Record<K, string>;
  counts: Record<K, number>;
  total: number;
  testId: string;
  colorOf?: (k: K) => string;
}

function Bars<K extends string>({ title, param, labels, counts, total, testId, colorOf }: BarsProps<K>) {
  return (
    <section className="card" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`}>{title}</h2>
      <ul className="bars">
        {optionsOf(labels).map((k) => {
          const n = counts[k] ?? 0;
          const pct = total ? Math.round((n / total) * 100) : 0;
          return (
            <li key={k}>
              <Link to={`/systems?${param}=${encodeURIComponent(k)}`} className="bar-row">
                <span className="bar-label">{labels[k]}</span>
                <span className="bar-track" aria-hidden="true">
                  <span className={`bar-fill ${colorOf ? colorOf(k) : ''}`} style={{ width: `${pct}%` }} />
                </span>
                <span className="bar-count">{n}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The cards shown by components of their own (above); every other card renders from what it describes. */
const RENDERED = ['systems', 'catalog', 'assessment', 'soa', 'impact', 'objectives', 'risks', 'obligations', 'evidence', 'communication', 'scope'] as const;

export function DashboardPage() {
  useTitle('Dashboard');
  const session = useSession();
  // Every card's figures in one call; each card renders its part.
  const dash = useAsync(getDashboard, []);
  const systems = cardOf(dash, 'systems');
  const catalog = cardOf(dash, 'catalog');
  const s = systems.data ? systemFigures(systems.data) : undefined;
  const c = catalog.data;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Dashboard</h1>
          <p className="muted">{session.me?.organization.name}</p>
        </div>
      </div>

      <div className="grid-2">
        <WhereWeStandSection card={leadOf(dash, 'where_we_stand')} />
        <NextActionsSection card={leadOf(dash, 'next_actions')} />
      </div>
      <DueThisMonthSection due={dash.data?.due_this_month} error={dash.error} loading={dash.loading} />

      <ErrorBanner error={systems.error} title="The AI system figures could not be loaded." />
      {systems.loading && !s ? <Loading /> : null}

      {s && s.total === 0 ? (
        <EmptyState title="Start with your AI system inventory" testId="dashboard-empty">
          <p>
            ISO/IEC 42001 starts from knowing which AI systems you provide, develop or use. Register the first one, or import a list from a
            CSV file.
          </p>
          <div className="empty-actions">
            {session.canWrite ? (
              <Link className="btn btn-primary" to="/systems/new">
                Register your first AI system
              </Link>
            ) : null}
            {session.canManage ? (
              <Link className="btn" to="/systems/import">
                Import CSV
              </Link>
            ) : null}
          </div>
        </EmptyState>
      ) : null}

      {s && s.total > 0 ? (
        <>
          <div className="stat-cards">
            <Link to="/systems" className="stat-card" data-testid="stat-total">
              <span className="stat-value">{s.total}</span>
              <span className="stat-label">AI systems in the inventory</span>
            </Link>
            <Link to="/systems?eu_ai_act_class=high_risk" className="stat-card stat-warn">
              <span className="stat-value">{s.byClass.high_risk}</span>
              <span className="stat-label">High-risk under the EU AI Act</span>
            </Link>
            <Link to="/systems?eu_ai_act_class=unclassified" className="stat-card">
              <span className="stat-value">{s.byClass.unclassified}</span>
              <span className="stat-label">Not yet classified</span>
            </Link>
            <Link to="/systems?status=active" className="stat-card">
              <span className="stat-value">{s.byStatus.active}</span>
              <span className="stat-label">Active</span>
            </Link>
          </div>
          <div className="grid-2">
            <div>
              <Bars title="By EU AI Act class" param="eu_ai_act_class" labels={euAiActClassLabels} counts={s.byClass} total={s.total} testId="by-class" colorOf={(k) => `bar-class-${k}`} />
              <Bars title="By status" param="status" labels={statusLabels} counts={s.byStatus} total={s.total} testId="by-status" colorOf={(k) => `bar-status-${k}`} />
            </div>
            <Bars title="By life-cycle stage" param="lifecycle_stage" labels={lifecycleStageLabels} counts={s.byStage} total={s.total} testId="by-stage" />
          </div>
        </>
      ) : null}

      <div className="grid-2">
        <AssessmentDashboardCard card={cardOf(dash, 'assessment')} />
        <SoaDashboardCard card={cardOf(dash, 'soa')} />
        <ImpactDashboardCard card={cardOf(dash, 'impact')} />
        <ObjectivesDashboardCard card={cardOf(dash, 'objectives')} />
        <RisksDashboardCard card={cardOf(dash, 'risks')} />
        <ObligationsDashboardCard card={cardOf(dash, 'obligations')} />
        <EvidenceFreshnessCard card={cardOf(dash, 'evidence')} />
        <CommunicationDashboardCard card={cardOf(dash, 'communication')} />
        <ScopeDashboardCard card={cardOf(dash, 'scope')} />
        <DescribedCards dash={dash} rendered={RENDERED} />
      </div>

      <section className="card" aria-labelledby="catalog-figures" data-testid="catalog-figures">
        <div className="card-head">
          <h2 id="catalog-figures">ISO/IEC 42001:2023 catalog</h2>
          <Link to="/catalog">Browse the catalog →</Link>
        </div>
        <ErrorBanner error={catalog.error} />
        {c ? (
          <div className="figures">
            <Figure to="/catalog/iso42001/4" value={c.subclauses}>requirements in {c.main_clauses} clauses (4–10)</Figure>
            <Figure to="/catalog/iso42001/A.2" value={c.controls}>Annex A controls in {c.areas} areas</Figure>
            <Figure value={c.ai_objectives}>AI objectives (Annex C)</Figure>
            <Figure value={c.risk_sources}>risk sources (Annex C)</Figure>
          </div>
        ) : catalog.loading ? (
          <Loading />
        ) : null}
      </section>
    </div>
  );
}
