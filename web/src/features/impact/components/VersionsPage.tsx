// The approved versions of one assessment, newest first, each frozen as approved.
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { useAsync } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { exportImpact, listVersions } from '../api';
import { LevelBadge } from './badges';
import { useImpact } from './ImpactLayout';
import { impactPath } from './ImpactListPage';

export function VersionsPage() {
  const { assessment: a } = useImpact();
  const versions = useAsync((signal) => listVersions(a.id, signal), [a.id, a.version]);
  const list = versions.data;
  return (
    <div>
      <p className="muted">Each approval freezes the assessment, with the AI system as it was then, as a numbered version that never changes.</p>
      <ErrorBanner error={versions.error} title="The versions could not be loaded." />
      {!list && versions.loading ? <Loading /> : null}
      {list && list.length === 0 ? (
        <EmptyState title="No approved version yet" testId="versions-empty">
          <p>Submit the assessment for review; when a manager or admin approves it, it appears here as version 1.</p>
        </EmptyState>
      ) : null}
      {list && list.length > 0 ? (
        <DataTable columns={['Version', 'Approved', 'Outcome', 'Benefits / harms / measures', 'Note', { label: 'Export', hidden: true }]} testId="versions-table">
          {list.map((v) => (
            <tr key={v.number} data-version={v.number}>
              <td className="nowrap">
                <Link className="row-link" to={`${impactPath(a.id, 'versions')}/${v.number}`}>
                  Version {v.number}
                </Link>
                <div className="cell-sub">{v.title}</div>
              </td>
              <td>
                {formatDateTime(v.approved_at)}
                <div className="cell-sub">{v.approved_by}</div>
              </td>
              <td><LevelBadge value={v.outcome} /></td>
              <td>{v.summary.benefits} / {v.summary.harms} / {v.summary.measures}</td>
              <td className="prewrap">{v.note || <span className="muted">—</span>}</td>
              <td className="nowrap">
                <button type="button" className="link-btn" onClick={() => void exportImpact(a.id, a.ref, 'pdf', v.number)}>PDF</button>
                {' · '}
                <button type="button" className="link-btn" onClick={() => void exportImpact(a.id, a.ref, 'json', v.number)}>JSON</button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
