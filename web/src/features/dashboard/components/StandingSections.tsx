// The dashboard's lead sections, in the order people ask: where we stand (the latest completed
// assessment's maturity and readiness, rounded as every page rounds them), the next roadmap actions,
// and what is due this month, each item linked to its record.
import { Link } from 'react-router-dom';
import { Figure, SummaryCard } from '../../../components/SummaryCard';
import { formatDate, formatMaturity, formatPercent } from '../../../lib/labels';
import { useSession } from '../../auth';
import { assessmentPath } from '../../assessments/components/AssessmentLayout';
import { actionTitle } from '../../assessments/roadmap';
import '../dashboard.css';
import { dueSourceLabels, type CardState, type DueThisMonth, type NextActions, type WhereWeStand } from '../api';

export function WhereWeStandSection({ card }: { card: CardState<WhereWeStand> }) {
  const session = useSession();
  const d = card.data;
  const a = d?.assessment;
  return (
    <SummaryCard id="where-we-stand" title="Where we stand" to="/assessments" linkLabel="All assessments →" testId="where-we-stand" error={card.error} loading={card.loading && !d}>
      {d && !a ? (
        <p className="muted">
          No completed gap assessment yet. A guided gap assessment shows where you stand against ISO/IEC 42001 in about 30 minutes.{' '}
          {d.draft ? (
            <Link to={assessmentPath(d.draft.id, 'answer')}>Continue “{d.draft.name}” →</Link>
          ) : session.canWrite ? (
            <Link to="/assessments/new">Start one →</Link>
          ) : null}
        </p>
      ) : null}
      {d && a ? (
        <>
          <p className="muted small">
            From <Link to={assessmentPath(a.id)}>{a.name}</Link>, completed assessment of {formatDate(a.assessment_date)}
          </p>
          <div className="figures figures-2">
            <Figure to={assessmentPath(a.id, 'results')} value={formatPercent(d.readiness?.percent)} testId="stand-readiness">
              readiness for certification
            </Figure>
            <Figure to={assessmentPath(a.id, 'results')} value={formatMaturity(d.overall_maturity)} testId="stand-maturity">
              overall maturity (target {d.target_maturity})
            </Figure>
          </div>
          {d.draft ? (
            <p className="small" data-testid="stand-draft">
              In progress: <Link to={assessmentPath(d.draft.id, 'answer')}>{d.draft.name}</Link> ({d.draft.answered_count} of {d.draft.item_count} answered)
            </p>
          ) : null}
        </>
      ) : null}
    </SummaryCard>
  );
}

export function NextActionsSection({ card }: { card: CardState<NextActions> }) {
  const d = card.data;
  const to = d?.link ?? '/assessments';
  return (
    <SummaryCard id="next-actions" title="Next roadmap actions" to={to} linkLabel="Roadmap →" testId="next-actions" error={card.error} loading={card.loading && !d}>
      {d && d.items.length === 0 ? (
        <p className="muted">{d.assessment_id ? 'Every action of the roadmap is done.' : 'The roadmap follows from a completed gap assessment.'}</p>
      ) : null}
      {d && d.items.length ? (
        <>
          <ol className="next-actions">
            {d.items.map((x) => (
              <li key={x.id} data-testid="next-action">
                <Link to={to}>
                  {x.item_id} {actionTitle(x)}
                </Link>
                <div className="muted small">
                  Phase {x.phase} · {x.owner || 'no owner'} · starts {formatDate(x.start_date)}
                  {x.status === 'in_progress' ? ' · under way' : ''}
                </div>
              </li>
            ))}
          </ol>
          {!d.saved ? <p className="muted small">A proposal: generate the roadmap to keep it.</p> : null}
          {d.total_open > d.items.length ? <p className="muted small">{d.total_open - d.items.length} more open actions.</p> : null}
        </>
      ) : null}
    </SummaryCard>
  );
}

export function DueThisMonthSection({ due, error, loading }: { due: DueThisMonth | undefined; error: unknown; loading: boolean }) {
  return (
    <SummaryCard id="due-this-month" title="Due this month" to="/obligations" linkLabel="Obligations →" testId="due-this-month" error={error} loading={loading && !due}>
      {due && due.items.length === 0 ? <p className="muted">Nothing is due or overdue until {formatDate(due.until)}.</p> : null}
      {due && due.items.length ? (
        <ul className="due-list">
          {due.items.map((x, i) => (
            <li key={`${x.source}-${x.link}-${i}`} data-testid="due-item" data-source={x.source}>
              <span className={x.overdue ? 'badge badge-due-overdue' : 'muted small'}>{x.overdue ? `Overdue since ${formatDate(x.due_on)}` : formatDate(x.due_on)}</span>{' '}
              <span className="small">{dueSourceLabels[x.source]}:</span> <Link to={x.link}>{x.title}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </SummaryCard>
  );
}
