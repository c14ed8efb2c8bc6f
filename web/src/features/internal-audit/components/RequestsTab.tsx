// The audit's requests for information to auditees: what is asked, of whom, by when, and the answer.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAsync, usePendingAction } from '../../../lib/hooks';
import { EmptyState, Field } from '../../../lib/ui';
import { ChildRecords, RecordIdLink } from '../../../components/ChildRecords';
import { answerRequest, requests, type Audit, type InfoRequest } from '../api';

const statusWords: Record<string, string> = { open: 'Open', answered: 'Answered', closed: 'Closed' };

export function RequestsTab({ audit, conduct, me }: { audit: Audit; conduct: boolean; me: string | undefined }) {
  const [epoch, setEpoch] = useState(0);
  const list = useAsync((signal) => requests(audit.id, signal), [audit.id, audit.version, epoch]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h2>Requests for information</h2>
      {conduct && audit.status !== 'signed_off' ? (
        <p><Link className="btn" to="/audit-requests/new" data-testid="request-new">New request</Link></p>
      ) : null}
      <ChildRecords list={list} errorTitle="The requests could not be loaded." testId="requests"
        columns={['Request', 'Title', 'Due', 'Status', 'Answer']}
        empty={<EmptyState title="No requests for information" testId="requests-empty">Ask an auditee for documents or explanations, with a due date.</EmptyState>}
        row={(r) => (
          <tr key={r.id}>
            <td><RecordIdLink path="audit-requests" id={r.id} /></td>
            <td>{r.title}</td>
            <td>
              {r.due_date}
              {r.status === 'open' && r.due_date < today ? <strong> (overdue)</strong> : null}
            </td>
            <td>{statusWords[r.status] ?? r.status}</td>
            <td>
              {r.answer ?? '—'}
              {r.status === 'open' && audit.status !== 'signed_off' && (r.owner === me || conduct) ? (
                <AnswerForm request={r} onDone={() => setEpoch((e) => e + 1)} />
              ) : null}
            </td>
          </tr>
        )} />
    </>
  );
}

function AnswerForm({ request, onDone }: { request: InfoRequest; onDone: () => void }) {
  const [answer, setAnswer] = useState('');
  const { busy, error, run } = usePendingAction();
  return (
    <form aria-label={`Answer ${request.id}`} data-testid="request-answer"
      onSubmit={(e) => { e.preventDefault(); void run(async () => { await answerRequest(request, answer); onDone(); }); }}>
      <Field label="Answer" required name="answer">
        {({ id }) => <textarea id={id} name="answer" rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} />}
      </Field>
      {error ? <div className="banner banner-error" role="alert">{error}</div> : null}
      <button type="submit" className="btn btn-sm" disabled={busy}>Answer</button>
    </form>
  );
}
