// The nonconformities register: the kind's list page (filters by status, severity, source, owner
// and source record), the way to raise one, and the overdue ones (due before today and not closed)
// when the URL asks for overdue=true.
import { Link, useSearchParams } from 'react-router-dom';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDate } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { KindListPage } from '../../kinds';
import { listOverdue } from '../api';
import { statusLabel } from '../steps';

export function NcListPage() {
  const [params] = useSearchParams();
  const overdue = params.get('overdue') === 'true';
  return (
    <>
      <div className="page page-actions" data-testid="nc-views">
        {overdue ? (
          <Link className="btn" to="/nonconformities">All nonconformities</Link>
        ) : (
          <Link className="btn" to="/nonconformities?overdue=true" data-testid="nc-overdue-link">Overdue only</Link>
        )}
      </div>
      {overdue ? <OverdueList /> : <KindListPage path="nonconformities" />}
    </>
  );
}

function OverdueList() {
  useTitle('Overdue nonconformities');
  const session = useSession();
  const data = useAsync((signal) => listOverdue(signal), [session.orgEpoch]);
  return (
    <div className="page page-wide" data-testid="nc-overdue">
      <h1>Overdue nonconformities</h1>
      <p className="muted">Nonconformities whose due date has passed and that are not closed yet.</p>
      {data.error ? <ErrorBanner error={data.error} title="The overdue nonconformities could not be loaded." /> : null}
      {!data.data ? (
        data.error ? null : <Loading />
      ) : data.data.length === 0 ? (
        <EmptyState title="No nonconformity is overdue." />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Number</th>
              <th>Title</th>
              <th>Status</th>
              <th>Due</th>
            </tr>
          </thead>
          <tbody>
            {data.data.map((nc) => (
              <tr key={nc.id} data-nc={nc.id}>
                <td className="mono">{nc.id}</td>
                <td>
                  <Link to={`/nonconformities/${encodeURIComponent(nc.id)}`}>{nc.title}</Link>
                </td>
                <td>{statusLabel(nc.status)}</td>
                <td>{nc.due_date ? formatDate(nc.due_date) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
