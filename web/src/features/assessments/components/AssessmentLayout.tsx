// The frame of one assessment: its name, facts and tabs (Answer, Results, Roadmap, Compare). The
// tab pages read the assessment from the outlet context.
import { Navigate, NavLink, Outlet, useOutletContext, useParams } from 'react-router-dom';
import { Breadcrumbs, LoadFailed } from '../../../components/RecordPage';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDate, labelOf } from '../../../lib/labels';
import { Loading } from '../../../lib/ui';
import { getAssessment, type Assessment, type VersionedAssessment } from '../api';
import { approachLabels } from '../labels';
import { AssessmentStatusBadge } from './badges';

export interface AssessmentContext {
  assessment: Assessment;
  etag: string | null;
  /** Replaces the assessment after a write. */
  setAssessment: (v: VersionedAssessment) => void;
  reload: () => void;
}

export function useAssessment(): AssessmentContext {
  return useOutletContext<AssessmentContext>();
}

export function assessmentPath(id: string, tab?: 'answer' | 'results' | 'roadmap' | 'compare'): string {
  return `/assessments/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`;
}

const tabs = [
  { tab: 'answer', label: 'Answer' },
  { tab: 'results', label: 'Results' },
  { tab: 'roadmap', label: 'Roadmap' },
  { tab: 'compare', label: 'Compare' },
] as const;

export function AssessmentLayout() {
  const { id = '' } = useParams();
  const loaded = useAsync((signal) => getAssessment(id, signal), [id]);
  useTitle(loaded.data?.assessment.name ?? 'Assessment');

  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) {
    return (
      <LoadFailed back={['/assessments', 'Assessments']} error={loaded.error} title="The assessment could not be loaded." />
    );
  }
  const { assessment: a, etag } = loaded.data;
  const ctx: AssessmentContext = { assessment: a, etag, setAssessment: loaded.setData, reload: loaded.reload };

  return (
    <div className="page page-wide">
      <Breadcrumbs links={[['/assessments', 'Assessments']]}>{a.name}</Breadcrumbs>
      <div className="page-head">
        <div>
          <h1 data-testid="assessment-name">{a.name}</h1>
          <dl className="meta-row meta-inline">
            <div>
              <dt>Scope</dt>
              <dd>{labelOf(approachLabels, a.approach)}</dd>
            </div>
            <div>
              <dt>Date</dt>
              <dd>{formatDate(a.assessment_date)}</dd>
            </div>
            <div>
              <dt>Target</dt>
              <dd>Level {a.target_maturity}</dd>
            </div>
            <div>
              <dt>Owner</dt>
              <dd>{a.owner || '—'}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                <AssessmentStatusBadge value={a.status} />
              </dd>
            </div>
          </dl>
        </div>
      </div>
      <nav className="tabs" aria-label="Assessment">
        {tabs.map((t) => (
          <NavLink key={t.tab} to={assessmentPath(a.id, t.tab)} className={({ isActive }) => `tab${isActive ? ' active' : ''}`} data-testid={`tab-${t.tab}`}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <Outlet context={ctx} />
    </div>
  );
}

/** /assessments/:id: the guided mode while items are open, the results once all are answered. */
export function AssessmentIndex() {
  const { assessment: a } = useAssessment();
  const done = a.status === 'completed' || a.answered_count >= a.item_count;
  return <Navigate to={assessmentPath(a.id, done ? 'results' : 'answer')} replace />;
}
