// The SoA entries whose status contradicts the maturity an assessment found, for that assessment's
// results page: the same conflicts (derived once, by the server) the SoA page flags, decided the same way.
import { Link } from 'react-router-dom';
import { useAsync } from '../../../lib/hooks';
import { ErrorBanner } from '../../../lib/ui';
import { useSession } from '../../auth';
import { getSoa } from '../api';
import { ConflictNote } from './ConflictNote';

export function SoaConflicts({ assessmentId, completed }: { assessmentId: string; completed: boolean }) {
  const session = useSession();
  const soa = useAsync((signal) => getSoa(signal), [assessmentId]);
  if (!soa.data) return soa.error ? <ErrorBanner error={soa.error} title="The Statement of Applicability could not be loaded." /> : null;
  const data = soa.data;
  const source = data.answers_from;
  const mine = source?.assessment_id === assessmentId;
  const entries = mine ? data.items.filter((e) => e.conflict) : [];
  return (
    <section className="card" aria-labelledby="soa-conflicts-title" data-testid="results-soa-conflicts">
      <h2 id="soa-conflicts-title">Statement of Applicability</h2>
      {!mine ? (
        <p className="muted small" data-testid="results-soa-source">
          {source ? (
            <>
              The SoA takes its maturity from <Link to={`/assessments/${encodeURIComponent(source.assessment_id)}/results`}>{source.name}</Link>, the
              latest completed assessment; conflicts are shown there.
            </>
          ) : completed ? (
            'A newer completed assessment is the SoA\'s source.'
          ) : (
            'Once this assessment is completed, the SoA takes its maturity from it and conflicts with the SoA status show here.'
          )}
        </p>
      ) : entries.length === 0 ? (
        <p className="muted small">The SoA takes its maturity from this assessment; no control's status contradicts it.</p>
      ) : (
        <ul className="soa-conflict-list">
          {entries.map((e) => (
            <li key={e.control_id} data-control={e.control_id}>
              <span className="tree-id">{e.control_id}</span> {e.title}
              <ConflictNote
                entry={e}
                canEdit={session.canWrite}
                onSaved={(saved) => soa.setData({ ...data, items: data.items.map((x) => (x.control_id === saved.control_id ? saved : x)) })}
                changeStatus={<Link to={`/soa?q=${encodeURIComponent(e.control_id)}`}>change the status in the SoA</Link>}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
