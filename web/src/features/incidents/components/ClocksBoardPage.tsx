// The clocks board: every incident with a reporting clock not met, or only those past their
// deadline, soonest deadline first, paged by the server.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAsync } from '../../../lib/hooks';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { clocksBoard } from '../api';
import { ClocksTable } from './ClocksTable';

export function ClocksBoardPage() {
  const session = useSession();
  const [state, setState] = useState<'open' | 'overdue'>('open');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const board = useAsync((signal) => clocksBoard(state, cursor, signal), [state, cursor, session.orgEpoch]);
  return (
    <div className="page" data-testid="clocks-board">
      <h1>Incident reporting clocks</h1>
      <div className="page-actions" role="group" aria-label="Which clocks">
        {(['open', 'overdue'] as const).map((s) => (
          <button key={s} type="button" className={`btn${state === s ? ' btn-primary' : ''}`} aria-pressed={state === s}
            onClick={() => { setState(s); setCursors([]); }}>
            {s === 'open' ? 'All clocks not met' : 'Overdue only'}
          </button>
        ))}
      </div>
      {board.error ? <ErrorBanner error={board.error} title="The clocks could not be loaded." /> : null}
      {!board.data ? (
        board.error ? null : <Loading />
      ) : (
        <>
          <p>{board.data.total ?? 0} incident(s).</p>
          {(board.data.items ?? []).map((i) => (
            <section key={i.incident_id} className="card" data-incident={i.incident_id}>
              <h2>
                <Link to={`/incidents/${encodeURIComponent(i.incident_id ?? '')}`}>{i.incident_id}</Link> {i.title}
              </h2>
              <ClocksTable clocks={i.clocks ?? []} showAll={false} />
            </section>
          ))}
          {board.data.next ? (
            <button type="button" className="btn" onClick={() => setCursors([...cursors, board.data!.next!])}>Next page</button>
          ) : null}
        </>
      )}
    </div>
  );
}
