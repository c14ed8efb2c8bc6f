// An incident's page: the record's fields, history and evidence (the kinds' detail page), then its
// reporting clocks, its qualification (and the wizard for managers and admins) and its report chain,
// with the incident's export as JSON or PDF.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAsync } from '../../../lib/hooks';
import { DateTime, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { KindDetailPage } from '../../kinds';
import { downloadIncident, getClocks, getIncident, listReports } from '../api';
import { ClocksTable } from './ClocksTable';
import { QualifyWizard } from './QualifyWizard';
import { ReportForm } from './ReportForm';

export function IncidentPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const [epoch, setEpoch] = useState(0);
  const [open, setOpen] = useState<'qualify' | 'report' | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = (format: 'json' | 'pdf') => {
    setDownloadError(null);
    downloadIncident(id, format).catch(setDownloadError);
  };
  const data = useAsync(async (signal) => {
    const [inc, clocks, reports] = await Promise.all([getIncident(id, signal), getClocks(id, signal), listReports(id, signal)]);
    return { ...inc, clocks, reports };
  }, [id, epoch, session.orgEpoch]);
  const done = () => {
    setOpen(null);
    setEpoch((e) => e + 1);
  };
  const manage = session.canManage;
  return (
    <>
      <KindDetailPage key={epoch} path="incidents" />
      <div className="page" data-testid="incident-workflow">
        {data.error ? <ErrorBanner error={data.error} title="The incident's clocks could not be loaded." /> : null}
        {!data.data ? (
          data.error ? null : <Loading />
        ) : (
          <>
            <p className="page-actions">
              <button type="button" className="btn" data-testid="incident-export-json" onClick={() => download('json')}>
                Export JSON
              </button>
              <button type="button" className="btn" data-testid="incident-export-pdf" onClick={() => download('pdf')}>
                Download PDF
              </button>
              {session.canWrite ? (
                <Link className="btn" data-testid="raise-nc"
                  to={`/nonconformities/new?${new URLSearchParams({ source: 'incident', source_ref: id, title: data.data.incident.title }).toString()}`}>
                  Raise nonconformity
                </Link>
              ) : null}
            </p>
            {downloadError ? <ErrorBanner error={downloadError} title="The export could not be downloaded." /> : null}
            <section className="card" aria-label="Reporting clocks">
              <h2>Reporting clocks</h2>
              <ClocksTable clocks={data.data.clocks} />
            </section>
            <section className="card" aria-label="Qualification" data-testid="incident-qualification">
              <h2>Serious incident?</h2>
              {data.data.incident.qualification ? (
                <p data-testid="qualification-outcome">
                  <strong>{data.data.incident.qualification.serious ? 'Serious incident' : 'Not a serious incident'}</strong>
                  {' — '}
                  {data.data.incident.qualification.outcome} Qualified by {data.data.incident.qualification.qualified_by} on{' '}
                  <DateTime at={data.data.incident.qualification.qualified_at} />.
                </p>
              ) : (
                <p>Not qualified yet.</p>
              )}
              {manage && open !== 'qualify' ? (
                <button type="button" className="btn" data-testid="qualify-open" onClick={() => setOpen('qualify')}>
                  {data.data.incident.qualification ? 'Qualify again' : 'Qualify'}
                </button>
              ) : null}
              {open === 'qualify' ? <QualifyWizard id={id} etag={data.data.etag} onDone={done} /> : null}
            </section>
            <section className="card" aria-label="Reports" data-testid="incident-reports">
              <h2>Reports</h2>
              {data.data.reports.length ? (
                <table className="table">
                  <thead>
                    <tr>
                      <th>Report</th>
                      <th>Type</th>
                      <th>To</th>
                      <th>Sent</th>
                      <th>Reference</th>
                      <th>SHA-256</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.data.reports.map((r) => (
                      <tr key={r.id} data-report={r.id}>
                        <td className="mono">{r.id}</td>
                        <td>{r.type === 'follow_up' ? 'Follow-up' : r.type === 'final' ? 'Final' : 'Initial'}</td>
                        <td>{r.recipient}</td>
                        <td>
                          <DateTime at={r.sent_at} />
                        </td>
                        <td>{r.reference}</td>
                        <td className="mono" title={r.sha256}>{r.sha256?.slice(0, 12)}…</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>No report sent yet.</p>
              )}
              {manage && open !== 'report' ? (
                <button type="button" className="btn" data-testid="report-open" onClick={() => setOpen('report')}>
                  Record a report
                </button>
              ) : null}
              {open === 'report' ? <ReportForm id={id} etag={data.data.etag} onDone={done} /> : null}
            </section>
          </>
        )}
      </div>
    </>
  );
}
