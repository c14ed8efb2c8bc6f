// A nonconformity's page: the record's fields, history and evidence (the kinds' detail page), then
// its steps as a guided sequence (what is done, by whom and when; what is next), the form of the
// next step, its corrective actions, the updates to risks and the AIMS, and the effectiveness
// checks (the earlier ones that found the actions not effective too).
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAsync, usePendingAction } from '../../../lib/hooks';
import { formatDate, formatDateTime } from '../../../lib/labels';
import { ConfirmDialog, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { KindDetailPage, loadMembers } from '../../kinds';
import { finishAction, getNonconformity, listActions, recordStep, type CorrectiveAction, type EffectivenessCheck, type Nonconformity } from '../api';
import { actionsDone, methodLabel, stepsOf } from '../steps';
import { ActionForm, CauseForm, CheckForm, ContainmentForm, ElsewhereForm, ResultForm, UpdateForm } from './StepForms';

const ACTION_STATUS: Record<CorrectiveAction['status'], string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };
const today = () => new Date().toISOString().slice(0, 10);

export function NcPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const [epoch, setEpoch] = useState(0);
  const data = useAsync(async (signal) => {
    const [{ nc, etag }, actions, members] = await Promise.all([getNonconformity(id, signal), listActions(id, signal), loadMembers(signal)]);
    return { nc, etag, actions, members };
  }, [id, epoch, session.orgEpoch]);
  const done = () => setEpoch((e) => e + 1);
  return (
    <>
      <KindDetailPage key={epoch} path="nonconformities" />
      <div className="page" data-testid="nc-workflow">
        {data.error ? <ErrorBanner error={data.error} title="The nonconformity's steps could not be loaded." /> : null}
        {!data.data ? (
          data.error ? null : <Loading />
        ) : (
          <Workflow {...data.data} me={session.me?.user.id} canWrite={session.canWrite} onDone={done} />
        )}
      </div>
    </>
  );
}

interface WorkflowProps {
  nc: Nonconformity;
  etag: string;
  actions: CorrectiveAction[];
  members: Map<string, string>;
  me: string | undefined;
  canWrite: boolean;
  onDone: () => void;
}

function Workflow({ nc, etag, actions, members, me, canWrite, onDone }: WorkflowProps) {
  const done = actionsDone(nc, actions);
  const steps = stepsOf(nc, done);
  const name = (uid: string | null | undefined) => (uid ? members.get(uid) ?? uid : '—');
  const choices = [...members.entries()] as [string, string][];
  const step = { id: nc.id, etag, onDone };
  const check = nc.effectiveness_check;
  return (
    <>
      <section className="card" aria-label="Steps" data-testid="nc-steps">
        <h2>Steps</h2>
        <ol className="steps">
          {steps.map((s) => (
            <li key={s.key} data-step={s.key} data-state={s.state}>
              <strong>{s.label}</strong>{' '}
              {s.state === 'done' ? (
                <span>— done{s.by ? ` by ${s.by}` : ''}{s.at ? ` on ${formatDateTime(s.at)}` : ''}</span>
              ) : s.state === 'next' ? (
                <span className="badge">Next</span>
              ) : (
                <span className="muted">— later</span>
              )}
            </li>
          ))}
        </ol>
        {nc.containment ? <p><strong>Containment:</strong> {nc.containment.action} (done on {formatDate(nc.containment.done_on)})</p> : null}
        {nc.cause_analysis ? (
          <div data-testid="nc-cause">
            <p><strong>Cause analysis ({methodLabel(nc.cause_analysis.method)}):</strong></p>
            <p className="prewrap">{nc.cause_analysis.analysis}</p>
            <p><strong>Root cause:</strong> {nc.cause_analysis.root_cause}</p>
          </div>
        ) : null}
        {nc.elsewhere ? (
          <p><strong>Could it occur elsewhere?</strong> {nc.elsewhere.could_occur_elsewhere ? `Yes: ${nc.elsewhere.where ?? ''}` : 'No'}</p>
        ) : null}
        {canWrite ? <NextStep nc={nc} step={step} actionsDone={done} choices={choices.filter(([uid]) => uid !== nc.owner)} me={me} name={name} /> : null}
      </section>

      <section className="card" aria-label="Corrective actions" data-testid="nc-actions">
        <h2>Corrective actions</h2>
        {actions.length ? (
          <table className="table">
            <thead>
              <tr>
                <th>Number</th>
                <th>Action</th>
                <th>Owner</th>
                <th>Due</th>
                <th>Status</th>
                <th><span className="sr-only">Do</span></th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id} data-action={a.id} data-status={a.status}>
                  <td className="mono"><Link to={`/corrective-actions/${encodeURIComponent(a.id)}`}>{a.id}</Link></td>
                  <td>{a.title}</td>
                  <td>{name(a.owner)}</td>
                  <td>{a.due_date ? formatDate(a.due_date) : '—'}</td>
                  <td>{ACTION_STATUS[a.status]}{a.done_on ? ` (${formatDate(a.done_on)})` : ''}</td>
                  <td>{canWrite && (a.status === 'open' || a.status === 'in_progress') && nc.status !== 'closed' ? <FinishButton action={a} onDone={onDone} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No corrective action yet. They are planned once the cause is analysed.</p>
        )}
        {canWrite && (nc.status === 'analysed' || nc.status === 'actions_planned') ? (
          <ActionForm ncId={nc.id} members={choices} owner={nc.owner} onDone={onDone} />
        ) : null}
      </section>

      <section className="card" aria-label="Updates to risks and the AIMS" data-testid="nc-updates">
        <h2>Updates to risks and the AIMS</h2>
        {nc.updates.length ? (
          <ul>
            {nc.updates.map((u, i) => (
              <li key={i}>
                {u.links.join(', ')} — {u.note} <span className="muted">({u.by}, {formatDateTime(u.at)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>None recorded.</p>
        )}
        {canWrite && ['analysed', 'actions_planned', 'verifying'].includes(nc.status) ? <UpdateForm {...step} /> : null}
      </section>

      <section className="card" aria-label="Effectiveness checks" data-testid="nc-checks">
        <h2>Effectiveness check</h2>
        {check ? <CheckView check={check} name={name} /> : <p>Not scheduled yet.</p>}
        {nc.earlier_checks.length ? (
          <>
            <h3>Earlier checks</h3>
            {nc.earlier_checks.map((c, i) => <CheckView key={i} check={c} name={name} />)}
          </>
        ) : null}
      </section>
    </>
  );
}

function CheckView({ check, name }: { check: EffectivenessCheck; name: (uid: string) => string }) {
  return (
    <div className="check" data-check-result={check.result ?? 'pending'}>
      <p><strong>Criterion:</strong> {check.criterion}</p>
      <p>
        Due {formatDate(check.due_date)}; verifier {name(check.verifier)}; scheduled by {check.by} on {formatDateTime(check.at)}.
      </p>
      <p data-testid="check-result">
        {check.result === 'effective'
          ? `Effective — recorded by ${check.result_by} on ${formatDateTime(check.result_at)}.`
          : check.result === 'not_effective'
            ? `Not effective — recorded by ${check.result_by} on ${formatDateTime(check.result_at)}: ${check.reason ?? ''}`
            : 'No result yet.'}
      </p>
    </div>
  );
}

function NextStep({ nc, step, actionsDone, choices, me, name }: { nc: Nonconformity; step: { id: string; etag: string; onDone: () => void };
  actionsDone: boolean; choices: [string, string][]; me: string | undefined; name: (uid: string) => string }) {
  switch (nc.status) {
    case 'open':
      return <ContainmentForm {...step} />;
    case 'contained':
      return <CauseForm {...step} />;
    case 'analysed':
      return <ElsewhereForm {...step} />;
    case 'actions_planned':
      return actionsDone ? (
        <CheckForm {...step} members={choices} />
      ) : (
        <p data-testid="nc-next-hint">
          Next: {nc.earlier_checks.length ? 'the last check found the actions not effective; record a new corrective action below and carry it out' : 'carry out the corrective actions below (each done or cancelled)'}; then schedule the effectiveness check.
        </p>
      );
    case 'verifying':
      if (nc.effectiveness_check?.result === 'effective') return <CloseButton {...step} />;
      return nc.effectiveness_check?.verifier === me ? (
        <ResultForm {...step} />
      ) : (
        <p data-testid="nc-next-hint">Waiting for {name(nc.effectiveness_check?.verifier ?? '')} to record the result of the check.</p>
      );
    default:
      return <p data-testid="nc-closed">Closed on {formatDate(nc.closed_on)}.</p>;
  }
}

function CloseButton({ id, etag, onDone }: { id: string; etag: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const { busy, error, run } = usePendingAction();
  return (
    <div>
      {error ? <div className="banner banner-error" role="alert">{error}</div> : null}
      <button type="button" className="btn btn-primary" data-testid="nc-close" onClick={() => setOpen(true)}>Close the nonconformity</button>
      <ConfirmDialog open={open} title="Close the nonconformity?" confirmLabel="Close it" busy={busy}
        onCancel={() => setOpen(false)}
        onConfirm={() => void run(async () => {
          await recordStep(id, 'close', {}, etag);
          setOpen(false);
          onDone();
        })}>
        The effectiveness check found the corrective actions effective. Once closed, the nonconformity and its actions no longer change.
      </ConfirmDialog>
    </div>
  );
}

function FinishButton({ action, onDone }: { action: CorrectiveAction; onDone: () => void }) {
  const { busy, error, run } = usePendingAction();
  return (
    <>
      <button type="button" className="btn" disabled={busy} data-testid={`finish-${action.id}`}
        onClick={() => void run(async () => {
          await finishAction(action, today());
          onDone();
        })}>
        Mark done
      </button>
      {error ? <span role="alert" className="field-error">{error}</span> : null}
    </>
  );
}
