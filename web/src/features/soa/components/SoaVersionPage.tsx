// One approved version of the Statement of Applicability, read-only, with its export.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DataTable, GroupRow } from '../../../components/DataTable';
import { Breadcrumbs } from '../../../components/RecordPage';
import { errorMessage } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime, labelOf } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { exportSoa, getVersion, listAreas, type SoaExportFormat } from '../api';
import { reasonLabels } from '../labels';
import { byArea } from '../soa';
import { ControlCells, ExportButtons, LinkedRisks, RefList, SummaryBar } from './SoaParts';
import { diffPath, soaVersionsCrumbs } from './SoaVersionsPage';

export function SoaVersionPage() {
  const { n = '' } = useParams();
  const num = Number(n);
  useTitle(`SoA version ${n}`);
  const version = useAsync((signal) => getVersion(num, signal), [num]);
  const areas = useAsync((signal) => listAreas(signal), []);
  const [exportError, setExportError] = useState<string | null>(null);
  const areaTitle = (id: string) => areas.data?.find((a) => a.id === id)?.title ?? '';

  const crumbs = (
    <Breadcrumbs links={soaVersionsCrumbs}>Version {n}</Breadcrumbs>
  );
  if (version.loading && !version.data) return <Loading />;
  if (version.error || !version.data)
    return (
      <div className="page">
        {crumbs}
        <ErrorBanner error={version.error} title={`Version ${n} could not be loaded.`} />
      </div>
    );
  const v = version.data;
  const download = (format: SoaExportFormat) => exportSoa(format, v.number).catch((e: unknown) => setExportError(errorMessage(e)));

  return (
    <div className="page page-wide" data-testid="soa-version">
      {crumbs}
      <div className="page-head">
        <div>
          <h1>Statement of Applicability — version {v.number}</h1>
          <p className="muted">
            Approved {formatDateTime(v.approved_at)} by {v.approved_by}. This version never changes.
          </p>
        </div>
        <div className="page-actions">
          <Link className="btn" to={diffPath(v.number, 'working')}>
            Diff with working copy
          </Link>
          <ExportButtons onExport={(f) => void download(f)} />
        </div>
      </div>
      {exportError ? <div className="banner banner-error" role="alert">{exportError}</div> : null}
      {v.note ? (
        <div className="callout version-note">
          <p className="prewrap">{v.note}</p>
        </div>
      ) : null}
      <section className="card">
        <SummaryBar summary={v.summary} />
      </section>
      <DataTable columns={['Control', 'Status', 'Owner', 'Justification', 'Reasons']} className="soa-table" groups>
        {byArea(v.items).map((g) => (
          <tbody key={g.area}>
            <GroupRow columns={5}>
              <span className="tree-id">{g.area}</span> {areaTitle(g.area)}
            </GroupRow>
            {g.entries.map((e) => (
              <tr key={e.control_id} className={e.applicable ? undefined : 'row-excluded'}>
                <ControlCells entry={e} />
                <td>{e.owner || <span className="muted">—</span>}</td>
                <td className="soa-just">
                  {e.justification || <span className="muted">—</span>}
                  <RefList label="Evidence" items={e.evidence_refs} />
                  <RefList label="Policies" items={e.policy_refs} />
                </td>
                <td>
                  {e.reasons.length ? e.reasons.map((r) => labelOf(reasonLabels, r)).join(', ') : e.linked_risks?.length ? null : <span className="muted">—</span>}
                  <LinkedRisks ids={e.linked_risks} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </DataTable>
    </div>
  );
}
