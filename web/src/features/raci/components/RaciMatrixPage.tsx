// The RACI matrix page (clause 5.3): pick an AIMS process or an AI system, then its activities by
// member with their R, A, C and I letters; an activity whose Responsible is also its Accountable is
// marked with its warning. Reads GET /api/v1/raci and /api/v1/raci/matrix.
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { Banner, EmptyState, ErrorBanner, Loading } from '../../../lib/ui';

export function RaciMatrixPage() {
  useTitle('RACI matrix');
  const [params, setParams] = useSearchParams();
  const process = params.get('process') ?? '';
  const system = params.get('system_id') ?? '';
  const index = useAsync(async (signal) => (await api('get', '/api/v1/raci', { signal })).data, []);
  const matrix = useAsync(
    async (signal) =>
      process || system
        ? (await api('get', '/api/v1/raci/matrix', { query: process ? { process } : { system_id: system }, signal })).data
        : undefined,
    [process, system],
  );
  const choice = process ? `process:${process}` : system ? `system:${system}` : '';

  function choose(value: string) {
    const [what, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
    setParams(value ? (what === 'process' ? { process: id } : { system_id: id }) : {});
  }

  const m = matrix.data;
  return (
    <div className="page" data-testid="raci-matrix-page">
      <div className="page-head">
        <h1>RACI matrix</h1>
        <div className="page-actions">
          <Link className="btn" to="/raci-activities">
            Activities
          </Link>
        </div>
      </div>
      <ErrorBanner error={index.error} />
      <label className="field">
        <span>Process or AI system</span>
        <select value={choice} onChange={(e) => choose(e.target.value)} data-testid="raci-scope">
          <option value="">Choose…</option>
          <optgroup label="AIMS processes">
            {index.data?.processes.map((p) => (
              <option key={p.value} value={`process:${p.value}`}>
                {p.label} ({p.activities})
              </option>
            ))}
          </optgroup>
          <optgroup label="AI systems">
            {index.data?.systems.map((s) => (
              <option key={s.id} value={`system:${s.id}`}>
                {s.name} ({s.activities})
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <ErrorBanner error={matrix.error} />
      {matrix.loading && (process || system) ? <Loading /> : null}
      {m && m.activities.length === 0 ? <EmptyState title={`No activities for ${m.title} yet`} testId="raci-empty" /> : null}
      {m && m.activities.length > 0 ? (
        <section className="card" aria-label={`RACI matrix of ${m.title}`}>
          <h2>{m.title}</h2>
          {m.warnings > 0 ? (
            <Banner kind="warning" testId="raci-matrix-warnings">
              {m.warnings === 1 ? '1 activity has' : `${m.warnings} activities have`} the same member Responsible and Accountable.
            </Banner>
          ) : null}
          <div className="table-wrap">
            <table className="table" data-testid="raci-matrix">
              <thead>
                <tr>
                  <th scope="col">Activity</th>
                  {m.people.map((p) => (
                    <th scope="col" key={p.user_id}>
                      {p.name || p.email || p.user_id}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {m.activities.map((a) => (
                  <tr key={a.id} data-testid={`raci-row-${a.id}`} className={a.warnings.length ? 'row-warning' : undefined}>
                    <th scope="row">
                      <Link to={`/raci-activities/${encodeURIComponent(a.id)}`}>
                        <span className="mono">{a.id}</span> {a.title}
                      </Link>
                      {a.warnings.map((w) => (
                        <span key={w.user_id} className="badge badge-warn" title={w.message} data-testid="raci-row-warning">
                          R = A
                        </span>
                      ))}
                    </th>
                    {m.people.map((p) => (
                      <td key={p.user_id} className="mono">
                        {a.letters[p.user_id] ?? ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
