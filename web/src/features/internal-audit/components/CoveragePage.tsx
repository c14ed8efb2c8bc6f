// The audit programme's coverage of a three-year cycle: every clause 4–10 and applicable Annex A
// control with the audits that cover it, the gaps flagged, and the weight of earlier findings
// that says where to audit first.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAsync, useTitle } from '../../../lib/hooks';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { DataTable } from '../../../components/DataTable';
import { coverage } from '../api';

export function CoveragePage() {
  useTitle('Audit programme');
  const session = useSession();
  const [start, setStart] = useState(new Date().getFullYear());
  const data = useAsync((signal) => coverage(start, signal), [start, session.orgEpoch]);
  return (
    <div className="page" data-testid="audit-coverage">
      <h1>Audit programme {start}–{start + 2}</h1>
      <div className="page-actions" role="group" aria-label="Cycle">
        <button type="button" className="btn" onClick={() => setStart(start - 3)}>Previous cycle</button>
        <button type="button" className="btn" onClick={() => setStart(start + 3)}>Next cycle</button>
        <Link className="btn btn-primary" to="/internal-audits/new">Plan an audit</Link>
      </div>
      {data.error ? <ErrorBanner error={data.error} title="The coverage could not be loaded." /> : null}
      {!data.data ? (
        data.error ? null : <Loading />
      ) : (
        <>
          <h2>Audits of the cycle</h2>
          {data.data.audits.length ? (
            <ul data-testid="programme-audits">
              {data.data.audits.map((a) => (
                <li key={a.id}>
                  {a.planned_start.slice(0, 4)}: <Link to={`/internal-audits/${encodeURIComponent(a.id)}`}>{a.id}</Link> {a.title} ({a.status.replace('_', ' ')})
                </li>
              ))}
            </ul>
          ) : (
            <p>No audit is planned in this cycle.</p>
          )}
          <h2>Coverage</h2>
          <p data-testid="coverage-summary">
            {data.data.uncovered === 0
              ? `Every one of the ${data.data.requirements} clauses and applicable controls is covered.`
              : `${data.data.uncovered} of ${data.data.requirements} clauses and applicable controls are not covered in this cycle.`}
          </p>
          <DataTable columns={['Requirement', 'Covered by', 'Earlier findings (weight)']} testId="coverage-table">
            {data.data.items.map((i) => (
              <tr key={i.id} data-requirement={i.id} className={i.covered === false ? 'row-warning' : undefined}>
                <td><strong>{i.id}</strong> {i.title}</td>
                <td>
                  {i.applicable === false
                    ? `Not applicable (SoA: ${i.exclusion || 'no reason given'})`
                    : i.covered
                      ? (i.audits ?? []).map((a, n) => (
                          <span key={a.id}>{n ? ', ' : ''}<Link to={`/internal-audits/${encodeURIComponent(a.id)}`}>{a.id}</Link></span>
                        ))
                      : <strong data-testid="not-covered">Not covered</strong>}
                </td>
                <td>{i.finding_weight || '—'}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </div>
  );
}
