// A management review's page: the record's fields, history and evidence (the kinds' detail page),
// then its attendance (is top management present?), the start that freezes the input pack (with
// confirmation), the frozen pack's sections with links to their records, the decisions (review
// actions) and a form to add one, the conclusion and the sign-off (with confirmation), and the PDF
// minutes.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { Banner, ConfirmDialog, DateTime, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { KindDetailPage } from '../../kinds';
import { DataTable } from '../../../components/DataTable';
import { RecordIdLink } from '../../../components/ChildRecords';
import { getAttendance, getPack, getReview, listDecisions, signOffReview, startReview, downloadMinutes } from '../api';
import { actionStatusLabel, decisionTypeLabel, statusLabel } from '../labels';
import { DecisionForm } from './DecisionForm';
import { PackView } from './PackView';

export function ReviewPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const [epoch, setEpoch] = useState(0);
  const [confirm, setConfirm] = useState<'start' | 'sign-off' | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const data = useAsync(async (signal) => {
    const [r, attendance, decisions] = await Promise.all([getReview(id, signal), getAttendance(id, signal), listDecisions(id, signal)]);
    const pack = r.review.status === 'planned' ? null : await getPack(id, signal);
    return { ...r, attendance, decisions, pack };
  }, [id, epoch, session.orgEpoch]);
  const refresh = () => setEpoch((e) => e + 1);
  const act = async () => {
    if (!data.data || !confirm) return;
    setBusy(true);
    setFailure(null);
    try {
      if (confirm === 'start') await startReview(id, data.data.etag);
      else await signOffReview(id, data.data.etag);
      setConfirm(null);
      refresh();
    } catch (e) {
      setFailure(errorMessage(e));
      setConfirm(null);
    } finally {
      setBusy(false);
    }
  };
  const d = data.data;
  const review = d?.review;
  const locked = review?.status === 'signed_off';
  const concluded = !!review && !!review.suitability && !!review.adequacy && !!review.effectiveness;
  return (
    <>
      <KindDetailPage key={epoch} path="management-reviews" />
      <div className="page" data-testid="review-workflow">
        {data.error ? <ErrorBanner error={data.error} title="The review's workflow could not be loaded." /> : null}
        {failure ? <Banner kind="error" testId="review-failure">{failure}</Banner> : null}
        {!d || !review ? (
          data.error ? null : <Loading />
        ) : (
          <>
            <section className="card" aria-labelledby="review-status-h" data-testid="review-status">
              <h2 id="review-status-h">Status: {statusLabel[review.status] ?? review.status}</h2>
              {review.status === 'planned' ? (
                <p>Planned for {review.planned_on}. Starting the review compiles its input pack from the records as they stand and freezes it.</p>
              ) : (
                <p>
                  Held on {review.held_on}. Input pack SHA-256 <span className="mono" data-testid="pack-hash">{review.pack_hash}</span>.
                </p>
              )}
              {locked ? (
                <p data-testid="signed-off">
                  Signed off by {review.signed_off_by} at <DateTime at={review.signed_off_at} />; the review is locked. Sign-off SHA-256{' '}
                  <span className="mono">{review.sign_off_hash}</span>.
                </p>
              ) : null}
              <div className="page-actions">
                {review.status === 'planned' && session.canWrite && !review.archived ? (
                  <button type="button" className="btn btn-primary" data-testid="review-start" onClick={() => setConfirm('start')}>
                    Start the review
                  </button>
                ) : null}
                {review.status === 'in_progress' && session.canManage ? (
                  <button
                    type="button"
                    className="btn btn-primary"
                    data-testid="review-sign-off"
                    disabled={!concluded}
                    title={concluded ? undefined : 'Record the three judgements of the conclusion first (Edit).'}
                    onClick={() => setConfirm('sign-off')}
                  >
                    Sign off
                  </button>
                ) : null}
                {review.status !== 'planned' ? (
                  <button
                    type="button"
                    className="btn"
                    data-testid="review-minutes"
                    onClick={() => {
                      setFailure(null);
                      downloadMinutes(id).catch((e: unknown) => setFailure(errorMessage(e)));
                    }}
                  >
                    Minutes (PDF)
                  </button>
                ) : null}
              </div>
            </section>

            <section className="card" aria-labelledby="review-attendance-h" data-testid="review-attendance">
              <h2 id="review-attendance-h">Attendees</h2>
              {d.attendance.warning ? <Banner kind="warning" testId="top-management-warning">{d.attendance.warning}</Banner> : null}
              {d.attendance.attendees.length ? (
                <DataTable columns={['Member', 'AIMS roles today', 'Top management']} wrap={false}>
                  {d.attendance.attendees.map((p) => (
                    <tr key={p.user_id}>
                      <td>{p.name ?? p.email ?? p.user_id}</td>
                      <td>
                        {p.roles.length
                          ? p.roles.map((r, i) => (
                              <span key={r.assignment_id}>
                                {i ? ', ' : ''}
                                <Link to={r.path}>{r.name}</Link>
                              </span>
                            ))
                          : '—'}
                      </td>
                      <td>{p.top_management ? 'Yes' : 'No'}</td>
                    </tr>
                  ))}
                </DataTable>
              ) : (
                <p>No attendees yet (Edit the review to add them).</p>
              )}
              {d.attendance.top_management_present ? <p data-testid="top-management-present">Top management is present.</p> : null}
            </section>

            {d.pack ? <PackView pack={d.pack} /> : (
              <section className="card" aria-labelledby="review-pack-h">
                <h2 id="review-pack-h">Input pack</h2>
                <p>The input pack is compiled and frozen when the review starts.</p>
              </section>
            )}

            <section className="card" aria-labelledby="review-decisions-h" data-testid="review-decisions">
              <h2 id="review-decisions-h">Decisions</h2>
              {d.decisions.length ? (
                <DataTable columns={['Action', 'Type', 'Decision', 'Due', 'Status']} wrap={false}>
                  {d.decisions.map((a) => (
                    <tr key={a.id} data-decision={a.id}>
                      <td>
                        <RecordIdLink path="review-actions" id={a.id} />
                      </td>
                      <td>{decisionTypeLabel[a.type] ?? a.type}</td>
                      <td>{a.title}</td>
                      <td>{a.due_date}</td>
                      <td>{actionStatusLabel[a.status] ?? a.status}</td>
                    </tr>
                  ))}
                </DataTable>
              ) : (
                <p>No decisions recorded yet.</p>
              )}
              {review.status === 'in_progress' && session.canWrite ? (
                <DecisionForm reviewId={id} attendees={d.attendance.attendees} onAdded={refresh} />
              ) : null}
            </section>

            <section className="card" aria-labelledby="review-conclusion-h" data-testid="review-conclusion">
              <h2 id="review-conclusion-h">Conclusion</h2>
              <dl className="facts">
                {(
                  [
                    ['Suitability', review.suitability, review.suitability_text],
                    ['Adequacy', review.adequacy, review.adequacy_text],
                    ['Effectiveness', review.effectiveness, review.effectiveness_text],
                  ] as const
                ).map(([label, judgement, text]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{judgement ? `${judgement.replace(/_/g, ' ')} — ${text ?? ''}` : 'Not judged yet.'}</dd>
                  </div>
                ))}
              </dl>
              {!locked && !concluded ? <p className="muted">Edit the review to record the three judgements and their reasons; the sign-off needs all three.</p> : null}
            </section>
          </>
        )}
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'start' ? 'Start the review?' : 'Sign the review off?'}
        confirmLabel={confirm === 'start' ? 'Start and freeze the pack' : 'Sign off and lock'}
        busy={busy}
        onConfirm={() => void act()}
        onCancel={() => setConfirm(null)}
      >
        {confirm === 'start' ? (
          <p>The input pack is compiled from the records as they stand now and frozen; it will not change afterwards.</p>
        ) : (
          <p>The review is locked after the sign-off: its fields and conclusion can no longer change.</p>
        )}
      </ConfirmDialog>
    </>
  );
}
