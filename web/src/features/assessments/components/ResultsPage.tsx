// Results of an assessment: overall maturity and readiness (with how it is computed), radar charts
// by clause and by Annex A area against the target, bars per group, the SoA statuses that contradict
// the maturity found (per control) and the gaps in audit order.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { useAsync } from '../../../lib/hooks';
import { formatPercent } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { SoaConflicts } from '../../soa';
import { getResults, type GroupScore } from '../api';
import { formatMaturity } from '../charts';
import { assessmentPath, useAssessment } from './AssessmentLayout';
import { PriorityBadge } from './badges';
import { RadarChart } from './RadarChart';
import { ReportPdfButton } from './ReportPdfButton';

function GroupBars({ groups, target, testId }: { groups: readonly GroupScore[]; target: number; testId: string }) {
  return (
    <div className="score-block" data-testid={testId}>
      <ul className="score-bars">
        {groups.map((g) => {
          const pct = g.maturity === null ? 0 : (Math.min(5, g.maturity) / 5) * 100;
          const met = g.maturity !== null && g.maturity >= target;
          return (
            <li key={g.id} className="score-row" data-group={g.id}>
              <span className="score-label">
                <span className="tree-id">{g.id}</span> {g.title}
              </span>
              <span className="score-track" aria-hidden="true">
                <span className={`score-fill${met ? ' score-met' : ''}`} style={{ width: `${pct}%` }} />
                <span className="score-target" style={{ left: `${(target / 5) * 100}%` }} />
              </span>
              <span className="score-value">{formatMaturity(g.maturity)}</span>
              <span className="score-sub muted">
                {g.below_target ? `${g.below_target} of ${g.items} below target` : `all ${g.items} at target`}
                {g.answered < g.items ? ` · ${g.items - g.answered} open` : ''}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted small score-legend">Mean maturity (0–5) of the applicable items; the mark is the target level {target}.</p>
    </div>
  );
}

/** One results block: the radar of a set of groups beside their bars. */
function GroupResults({ title, groups, target, kind }: { title: string; groups: readonly GroupScore[]; target: number; kind: 'clauses' | 'areas' }) {
  if (!groups.length) return null;
  return (
    <section className="card result-group" aria-labelledby={`results-${kind}`}>
      <h2 id={`results-${kind}`}>{title}</h2>
      <div className="result-group-body">
        {groups.length >= 3 ? (
          <RadarChart title={title} axes={groups.map((g) => ({ id: g.id, title: g.title, value: g.maturity }))} target={target} testId={`radar-${kind}`} />
        ) : null}
        <GroupBars groups={groups} target={target} testId={`bars-${kind}`} />
      </div>
    </section>
  );
}

export function ResultsPage() {
  const { assessment } = useAssessment();
  const results = useAsync((signal) => getResults(assessment.id, signal), [assessment.id]);
  const [reportError, setReportError] = useState<string | null>(null);
  if (results.loading && !results.data) return <Loading />;
  if (results.error || !results.data) return <ErrorBanner error={results.error} title="The results could not be loaded." />;
  const r = results.data;
  const open = r.total - r.answered;
  const answerLink = (itemId: string) => `${assessmentPath(assessment.id, 'answer')}?item=${encodeURIComponent(itemId)}`;

  return (
    <div className="results" data-testid="results">
      <div className="results-bar">
        <span className="muted small">A report a manager can read in five minutes: summary, maturity, gaps and roadmap.</span>
        <div className="btn-group" role="group" aria-label="Report">
          <span className="btn-group-label">Report</span>
          <Link className="btn btn-sm" to={`${assessmentPath(assessment.id)}/report`} data-testid="report-html">
            Printable page
          </Link>
          <ReportPdfButton id={assessment.id} onError={setReportError} />
        </div>
      </div>
      {reportError ? (
        <div className="banner banner-error" role="alert">
          {reportError}
        </div>
      ) : null}
      {open > 0 ? (
        <div className="banner banner-info" role="status">
          {open} of {r.total} items are not answered yet; they count as maturity 0.{' '}
          <Link to={assessmentPath(assessment.id, 'answer')}>Continue answering →</Link>
        </div>
      ) : null}
      <div className="stat-cards stat-cards-3">
        <div className="stat-card" data-testid="overall-maturity">
          <span className="stat-value">{formatMaturity(r.overall_maturity)}</span>
          <span className="stat-label">Overall maturity (0–5), target {r.target_maturity}</span>
        </div>
        <div className="stat-card" data-testid="readiness">
          <span className="stat-value">{formatPercent(r.readiness.percent)}</span>
          <span className="stat-label">Readiness for certification</span>
        </div>
        <div className="stat-card">
          <span className="stat-value">{r.gaps.length}</span>
          <span className="stat-label">
            gaps (items below target){r.not_applicable ? ` · ${r.not_applicable} not applicable` : ''}
          </span>
        </div>
      </div>
      <p className="formula" data-testid="readiness-formula">
        <strong>How readiness is computed:</strong> every applicable item counts its maturity up to the target level {r.target_maturity}{' '}
        (a higher level adds nothing more); the sum is divided by what full readiness needs, {r.target_maturity} × the number of
        applicable items. Unanswered and skipped items count as 0; not-applicable controls are left out. Here: {r.readiness.achieved} of{' '}
        {r.readiness.required} points = {formatPercent(r.readiness.percent)}.
      </p>
      <details className="formula-details">
        <summary>The formula as the server computes it</summary>
        <p className="small">{r.readiness.formula}</p>
      </details>

      <GroupResults title="Maturity by clause (4–10)" groups={r.by_clause} target={r.target_maturity} kind="clauses" />
      <GroupResults title="Maturity by Annex A area" groups={r.by_area} target={r.target_maturity} kind="areas" />

      {assessment.approach !== 'clauses' ? <SoaConflicts assessmentId={assessment.id} completed={assessment.status === 'completed'} /> : null}

      <section className="card" aria-labelledby="gaps-title" data-testid="gaps">
        <div className="card-head">
          <h2 id="gaps-title">Gaps in audit order</h2>
          {r.gaps.length ? <Link to={assessmentPath(assessment.id, 'roadmap')}>Plan them in the roadmap →</Link> : null}
        </div>
        <p className="muted small">
          First what a stage 1 audit checks, then the documented information the standard requires, then the rest; within each, the
          largest gap first.
        </p>
        {r.gaps.length === 0 ? (
          <EmptyState title="No gaps">
            <p>Every applicable item is at or above the target level {r.target_maturity}.</p>
          </EmptyState>
        ) : (
          <DataTable columns={['#', 'Priority', 'Item', 'Maturity → target', 'Gap', { label: 'Answer', hidden: true }]} className="table-compact" testId="gap-table">
            {r.gaps.map((g, i) => (
              <tr key={g.item_id} data-item-id={g.item_id}>
                <td className="muted">{i + 1}</td>
                <td>
                  <PriorityBadge value={g.priority} />
                </td>
                <td>
                  <span className="tree-id">{g.item_id}</span> {g.title}
                </td>
                <td className="nowrap">
                  {g.answered ? g.maturity : <span className="muted" title="Not answered yet">—</span>} → {g.target}
                </td>
                <td>
                  <span className={`gap-size gap-${Math.min(g.gap, 3)}`}>{g.gap}</span>
                </td>
                <td className="nowrap">
                  <Link to={answerLink(g.item_id)}>{g.answered ? 'Revisit' : 'Answer'}</Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
