// The organization's gap assessments, newest first, and the way to start one.
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDate, labelOf } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getMaturityLevels, listAssessments } from '../api';
import { approachLabels } from '../labels';
import { assessmentPath } from './AssessmentLayout';
import { AssessmentStatusBadge, ProgressBar } from './badges';

export function AssessmentsListPage() {
  useTitle('Assessments');
  const session = useSession();
  const list = useAsync((signal) => listAssessments(signal), []);
  const levels = useAsync(() => getMaturityLevels(), []);
  const levelName = (n: number) => levels.data?.find((l) => l.level === n)?.name;
  const items = list.data;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Assessments</h1>
          <p className="muted">Gap assessments against ISO/IEC 42001: where you stand, what is missing, and the roadmap to certification.</p>
        </div>
        <div className="page-actions">
          {session.canWrite && items && items.length > 0 ? (
            <Link className="btn btn-primary" to="/assessments/new" data-testid="new-assessment">
              New assessment
            </Link>
          ) : null}
        </div>
      </div>

      <ErrorBanner error={list.error} title="The assessments could not be loaded." />
      {!items && list.loading ? <Loading /> : null}
      {items && items.length === 0 ? (
        <EmptyState title="No assessments yet" testId="assessments-empty">
          <p>
            A gap assessment walks through the requirements of ISO/IEC 42001 — the management system clauses 4 to 10, the 38 Annex A
            controls, or both — one at a time. For each you rate how mature your practice is today (0 to 5), note the evidence you have,
            and move on. About 30 minutes later you get your maturity by clause and area, a readiness figure for certification, the gaps in
            the order an auditor looks at them, and a roadmap of actions to close them.
          </p>
          {session.canWrite ? (
            <Link className="btn btn-primary" to="/assessments/new" data-testid="new-assessment">
              Start your first assessment
            </Link>
          ) : (
            <p className="small">Ask a contributor, manager or admin of your organization to start one.</p>
          )}
        </EmptyState>
      ) : null}
      {items && items.length > 0 ? (
        <DataTable columns={['Name', 'Scope', 'Date', 'Target', 'Progress', 'Status']} testId="assessments-table">
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={assessmentPath(a.id)} className="row-link">
                  {a.name}
                </Link>
                {a.owner ? <div className="cell-sub">{a.owner}</div> : null}
              </td>
              <td>{labelOf(approachLabels, a.approach)}</td>
              <td className="nowrap">{formatDate(a.assessment_date)}</td>
              <td className="nowrap">
                {a.target_maturity}
                {levelName(a.target_maturity) ? <span className="muted"> · {levelName(a.target_maturity)}</span> : null}
              </td>
              <td className="cell-progress">
                <ProgressBar value={a.answered_count} max={a.item_count} label={`${a.answered_count} of ${a.item_count} items answered`} />
              </td>
              <td>
                <AssessmentStatusBadge value={a.status} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
