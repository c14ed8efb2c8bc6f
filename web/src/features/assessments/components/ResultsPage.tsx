// Results of an assessment: overall maturity and readiness (with how it is computed), radar charts
// by clause and by Annex A area against the target, bars per group and the gaps in audit order.
import { Link } from 'react-router-dom';
import { useAsync } from '../../../lib/hooks';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { getResults, type GroupScore } from '../api';
import { formatMaturity } from '../charts';
import { assessmentPath, useAssessment } from './AssessmentLayout';
import { PriorityBadge } from './badges';
import { RadarChart } from './RadarChart';

function GroupBars({ title, groups, target, testId }: { title: string; groups: readonly GroupScore[]; target: number; testId: string }) {
  if (!groups.length) return null;
  return (
    <section className="card" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`}>{title}</h2>
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
      <p className="muted small score-legend">
        Bars show the mean maturity (0–5) of the applicable items; the mark is the target level {target}.
      </p>
    </section>
  );
}

export function ResultsPage() {
  const { assessment } = useAssessment();
  const results = useAsync((signal) => getResults(assessment.id, signal), [assessment.id]);
  if (results.loading && !results.data) return <Loading />;
  if (results.error || !results.data) return <ErrorBanner error={results.error} title="The results could not be loaded." />;
  const r = results.data;
  const open = r.total - r.answered;
  const answerLink = (itemId: string) => `${assessmentPath(assessment.id, 'answer')}?item=${encodeURIComponent(itemId)}`;

  return (
    <div className="results" data-testid="results">
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
          <span className="stat-value">{r.readiness.percent.toFixed(r.readiness.percent % 1 ? 1 : 0)}%</span>
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
        {r.readiness.required} points = {r.readiness.percent}%.
      </p>
      <details className="formula-details">
        <summary>The formula as the server computes it</summary>
        <p className="small">{r.readiness.formula}</p>
      </details>

      <div className="grid-2 radar-grid">
        {r.by_clause.length >= 3 ? (
          <section className="card">
            <h2>Maturity by clause</h2>
            <RadarChart title="Maturity by clause" axes={r.by_clause.map((g) => ({ id: g.id, title: g.title, value: g.maturity }))} target={r.target_maturity} testId="radar-clauses" />
          </section>
        ) : null}
        {r.by_area.length >= 3 ? (
          <section className="card">
            <h2>Maturity by Annex A area</h2>
            <RadarChart title="Maturity by Annex A area" axes={r.by_area.map((g) => ({ id: g.id, title: g.title, value: g.maturity }))} target={r.target_maturity} testId="radar-areas" />
          </section>
        ) : null}
      </div>
      <div className="grid-2">
        <GroupBars title="Clauses 4–10" groups={r.by_clause} target={r.target_maturity} testId="bars-clauses" />
        <GroupBars title="Annex A areas" groups={r.by_area} target={r.target_maturity} testId="bars-areas" />
      </div>

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
          <div className="table-wrap">
            <table className="table table-compact" data-testid="gap-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Item</th>
                  <th scope="col">Maturity → target</th>
                  <th scope="col">Gap</th>
                  <th scope="col">
                    <span className="sr-only">Answer</span>
                  </th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
