// The competence matrix page: people × competences (held, expiring within 30 days, expired, gap,
// not needed), filtered by AIMS role, a page of people at a time ("More people" follows the
// server's cursor), a gap's open competence action linked in its cell; and the open training
// campaigns, each linking to its completions.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useAsync, useTitle } from '../../../lib/hooks';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getCampaigns, getMatrix, getRoles, type Matrix, type MatrixPerson } from '../api';
import '../competence.css';

const words: Record<string, string> = { held: 'Held', expiring: 'Expiring', expired: 'Expired', gap: 'Gap', not_needed: '–' };

export function CompetenceMatrixPage() {
  useTitle('Competence matrix');
  const session = useSession();
  const [role, setRole] = useState('');
  const [people, setPeople] = useState<MatrixPerson[]>([]);
  const roles = useAsync((signal) => getRoles(signal), [session.orgEpoch]);
  const campaigns = useAsync((signal) => getCampaigns(signal), [session.orgEpoch]);
  const first = useAsync((signal) => getMatrix({ role }, signal), [role, session.orgEpoch]);
  const [more, setMore] = useState<{ next?: string; error?: unknown; busy: boolean }>({ busy: false });
  const m: Matrix | undefined = first.data;
  useEffect(() => {
    setPeople(m?.items ?? []);
    setMore({ next: m?.next, busy: false });
  }, [m]);

  async function loadMore() {
    if (!more.next) return;
    setMore({ ...more, busy: true });
    try {
      const page = await getMatrix({ role, cursor: more.next });
      setPeople((old) => [...old, ...page.items]);
      setMore({ next: page.next, busy: false });
    } catch (e) {
      setMore({ ...more, busy: false, error: e });
    }
  }

  return (
    <div className="page">
      <h1>Competence matrix</h1>
      <p className="muted">
        Each person's AIMS roles held today require competences; a required competence without a valid record is a gap. Records expiring within 30
        days are marked. <Link to="/competence-records">Competence records</Link> · <Link to="/aims-roles">AIMS roles</Link> ·{' '}
        <Link to="/role-assignments">Role assignments</Link> · <Link to="/competence-actions">Competence actions</Link>
      </p>
      <div className="filters card" role="search" aria-label="Filter the matrix">
        <div className="field">
          <label htmlFor="matrix-role">AIMS role</label>
          <select id="matrix-role" data-testid="matrix-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">Everyone</option>
            {(roles.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorBanner error={first.error} title="The competence matrix could not be loaded." />
      <ErrorBanner error={more.error} title="More people could not be loaded." />
      {first.loading && !m ? <Loading /> : null}
      <div className="matrix-legend" aria-hidden="true">
        {['held', 'expiring', 'expired', 'gap'].map((s) => (
          <span key={s} className={`cell-${s}`}>
            {words[s]}
          </span>
        ))}
      </div>
      {m ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Competence matrix">
          <table className="table matrix" data-testid="competence-matrix">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">AIMS roles</th>
                <th scope="col">Gaps</th>
                {m.competences.map((c) => (
                  <th key={c.id} scope="col" className="comp" title={c.id}>
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.user_id} data-testid={`matrix-row-${p.email}`}>
                  <th scope="row">{p.name || p.email}</th>
                  <td>{(p.roles ?? []).map((r) => r.name).join(', ') || '–'}</td>
                  <td data-testid="matrix-gaps">{p.gaps}</td>
                  {m.competences.map((c) => {
                    const cell = p.cells?.[c.id as string];
                    const s = cell?.status ?? 'not_needed';
                    const action = cell?.action;
                    return (
                      <td key={c.id} className={`cell cell-${s}`} data-status={s} title={cell?.expires_on ? `${words[s]}, expires ${cell.expires_on}` : words[s]}>
                        {words[s]}
                        {action ? (
                          <Link className="cell-action" to={`/competence-actions/${encodeURIComponent(action.id ?? '')}`} data-testid="matrix-action">
                            {action.action_type}
                            {action.due_date ? ` by ${action.due_date}` : ''}
                          </Link>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {m ? (
        <p className="table-meta">
          {people.length} of {m.total} people{' '}
          {more.next ? (
            <button type="button" className="btn" onClick={() => void loadMore()} disabled={more.busy} data-testid="matrix-more">
              More people
            </button>
          ) : null}
        </p>
      ) : null}
      <h2>Training campaigns</h2>
      <ErrorBanner error={campaigns.error} title="The training campaigns could not be loaded." />
      <ul data-testid="campaigns">
        {(campaigns.data ?? []).map((c) => (
          <li key={c.id}>
            <Link to={`/training-campaigns/${c.id}/completions`}>
              {c.id} {c.title}
            </Link>{' '}
            <span className="muted">
              {c.status}
              {c.due_date ? `, due ${c.due_date}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/training-campaigns">All training campaigns</Link> · <Link to="/competences">Competences</Link>
      </p>
    </div>
  );
}
