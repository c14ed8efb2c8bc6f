// The completions of one training campaign: its audience today, who completed it when, who is due
// or overdue, and (for those who may write records) a button that records a completion today,
// which also creates or renews the person's competence records.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { canWrite } from '../../../lib/roles';
import { useAsync, useTitle } from '../../../lib/hooks';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { DataTable } from '../../../components/DataTable';
import { completeTraining, getCompletions } from '../api';
import '../competence.css';

export function CompletionsPage() {
  const { id = '' } = useParams();
  useTitle(`Completions of ${id}`);
  const session = useSession();
  const [epoch, setEpoch] = useState(0);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<unknown>(null);
  const loaded = useAsync((signal) => getCompletions(id, signal), [id, epoch, session.orgEpoch]);
  const data = loaded.data;

  async function complete(person: string) {
    setBusy(person);
    setError(null);
    try {
      await completeTraining(id, person);
      setEpoch((e) => e + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy('');
    }
  }

  return (
    <div className="page">
      <h1>
        Completions of <Link to={`/training-campaigns/${id}`}>{id}</Link>
      </h1>
      <ErrorBanner error={loaded.error} title="The completions could not be loaded." />
      <ErrorBanner error={error} title="The completion was not recorded." />
      {loaded.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p className="muted" data-testid="completions-summary">
            {data.completed} of {data.total} completed
          </p>
          <DataTable columns={['Person', 'Status', 'Completed on', 'Due', { label: 'Actions', hidden: true }]} testId="completions">
            {(data.items ?? []).map((p) => (
              <tr key={p.person} data-testid={`completion-${p.email}`}>
                <th scope="row">{p.name || p.email}</th>
                <td data-testid="completion-status">{p.status}</td>
                <td>{p.completed_on ?? '–'}</td>
                <td>{p.next_due ?? '–'}</td>
                <td>
                  {canWrite(session.role) && p.status !== 'completed' ? (
                    <button type="button" className="btn" disabled={busy !== ''} onClick={() => void complete(p.person as string)}
                      data-testid="complete-training">
                      Mark completed today
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
      <p>
        <Link to="/competence">Competence matrix</Link>
      </p>
    </div>
  );
}
