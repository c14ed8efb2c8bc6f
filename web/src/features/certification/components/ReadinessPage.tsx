// The stage 1 readiness checklist: every documented-information requirement of clauses 4 to 10 and
// every applicable Annex A control, present (with what satisfies it), missing or out of date,
// filtered by status and area, exported as CSV, JSON or PDF for the certification body.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { SelectField } from '../../../components/FormParts';
import { useAsync, usePendingAction, useTitle } from '../../../lib/hooks';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { downloadReadiness, getReadiness, stateBadge, stateLabels, type ReadinessArea, type ReadinessStatus } from '../api';

export function ReadinessPage() {
  useTitle('Stage 1 readiness');
  const session = useSession();
  const [status, setStatus] = useState<ReadinessStatus | ''>('');
  const [area, setArea] = useState<ReadinessArea | ''>('');
  const list = useAsync((signal) => getReadiness(status, area, signal), [status, area, session.orgEpoch]);
  const pending = usePendingAction();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = (format: 'csv' | 'json' | 'pdf') => {
    setDownloadError(null);
    downloadReadiness(format, status, area).catch(setDownloadError);
  };
  const sum = list.data?.summary;
  return (
    <div className="page" data-testid="readiness-page">
      <p>
        <Link to="/certification">← Certification</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Stage 1 readiness</h1>
          <p className="muted">
            What a certification body looks for at stage 1: the documented information clauses 4 to 10 ask for, and each Annex A control the
            Statement of Applicability marks applicable.
          </p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={() => download('csv')} data-testid="readiness-export-csv">Export CSV</button>
          <button type="button" className="btn" onClick={() => download('json')}>Export JSON</button>
          <button type="button" className="btn" onClick={() => download('pdf')} data-testid="readiness-export-pdf">Download PDF</button>
        </div>
      </div>
      {downloadError ? <ErrorBanner error={downloadError} title="The export could not be downloaded." /> : null}
      {pending.error ? <ErrorBanner error={pending.error} /> : null}
      {sum ? (
        <p data-testid="readiness-summary">
          {sum.present} of {sum.total} present, {sum.missing} missing, {sum.out_of_date} out of date.
        </p>
      ) : null}
      <div className="filters" role="group" aria-label="Filter the checklist">
        <SelectField id="readiness-status" label="Status" value={status} onChange={(v) => setStatus(v as ReadinessStatus | '')} testId="readiness-status">
          <option value="missing">Missing</option>
          <option value="out_of_date">Out of date</option>
          <option value="present">Present</option>
        </SelectField>
        <SelectField id="readiness-area" label="Area" value={area} onChange={(v) => setArea(v as ReadinessArea | '')} testId="readiness-area">
          <option value="clauses">Clauses 4–10</option>
          <option value="controls">Annex A controls</option>
        </SelectField>
      </div>
      {list.error ? <ErrorBanner error={list.error} title="The checklist could not be loaded." /> : null}
      {!list.data ? (list.error ? null : <Loading />) : list.data.items.length === 0 ? (
        <EmptyState title="Nothing to show" testId="readiness-empty">No item of the checklist matches the filters.</EmptyState>
      ) : (
        <DataTable columns={['Requirement', 'What is asked', 'Status', 'Satisfied by']} testId="readiness-table" caption="Stage 1 readiness checklist" busy={list.stale}>
          {list.data.items.map((i) => (
            <tr key={i.id} data-item={i.id} data-status={i.status}>
              <td>
                <span className="mono">{i.requirement}</span> {i.title}
              </td>
              <td>
                {i.description}
                <div className="muted small">{i.how}</div>
              </td>
              <td>
                <span className={stateBadge(i.status)}>{stateLabels[i.status] ?? i.status}</span>
                {i.reason ? <div className="muted small">{i.reason}</div> : null}
              </td>
              <td>
                {i.satisfied_by.length === 0 ? '—' : (
                  <ul className="plain">
                    {i.satisfied_by.map((r) => (
                      <li key={`${r.type}:${r.id}`}>{r.link ? <Link to={r.link}>{r.label}</Link> : r.label}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
