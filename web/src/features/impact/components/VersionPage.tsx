// One approved version, read-only: who approved it, with which note and outcome, the AI system as
// it was, and the assessment's fields as approved.
import { Link, useParams } from 'react-router-dom';
import { useAsync } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { exportImpact, getVersion } from '../api';
import { LevelBadge } from './badges';
import { useImpact } from './ImpactLayout';
import { impactPath } from './ImpactListPage';
import { RecordView } from './RecordView';

export function VersionPage() {
  const { assessment: a } = useImpact();
  const { n = '' } = useParams();
  const version = useAsync((signal) => getVersion(a.id, Number(n), signal), [a.id, n]);
  const v = version.data;
  return (
    <div data-testid="version-view">
      <p>
        <Link to={impactPath(a.id, 'versions')}>← All versions</Link>
      </p>
      <ErrorBanner error={version.error} title={`Version ${n} could not be loaded.`} />
      {version.loading && !v ? <Loading /> : null}
      {v ? (
        <>
          <div className="card">
            <div className="card-head">
              <h2>Version {v.number}: {v.assessment.title}</h2>
              <div className="ia-actions">
                <button type="button" className="btn btn-sm" onClick={() => void exportImpact(a.id, a.ref, 'pdf', v.number)}>Export PDF</button>
                <button type="button" className="btn btn-sm" onClick={() => void exportImpact(a.id, a.ref, 'json', v.number)}>Export JSON</button>
                <Link className="btn btn-sm" to={`${impactPath(a.id, 'fria')}?version=${v.number}`}>Art. 27 view</Link>
              </div>
            </div>
            <dl className="ia-kv">
              <dt>Approved</dt>
              <dd>{formatDateTime(v.approved_at)} by {v.approved_by}</dd>
              <dt>Outcome</dt>
              <dd><LevelBadge value={v.outcome} testId="version-outcome" /></dd>
              <dt>Note</dt>
              <dd>{v.note || '—'}</dd>
              <dt>AI system then</dt>
              <dd>
                {v.system.name} — {String((v.system as Record<string, unknown>).lifecycle_stage ?? '').replace(/_/g, ' ')},{' '}
                {String((v.system as Record<string, unknown>).eu_ai_act_class ?? '').replace(/_/g, ' ')}
              </dd>
              <dt>Thresholds applied</dt>
              <dd>
                sensitive from {v.settings.sensitive_score}, restricted from {v.settings.restricted_score}; restricted approved by{' '}
                {v.settings.restricted_approver}
              </dd>
            </dl>
          </div>
          <RecordView record={v.assessment as Record<string, unknown>} />
        </>
      ) : null}
    </div>
  );
}
