// The roadmap: the actions closing the gaps, as a timeline by phase and as an editable table.
// Until it is generated the page shows a preview (nothing is stored by reading); contributors,
// managers and admins generate it, managers and admins regenerate it from a start date and a capacity.
// An incomplete assessment is warned about (and generating from one confirmed); controls the SoA
// excludes are listed as left out; a regeneration says which edits it kept and dropped.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { LabelOptions } from '../../../components/FormParts';
import { FlashBanner } from '../../../components/RecordPage';
import { ApiError } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { formatDate, formatDateTime, optionsOf } from '../../../lib/labels';
import { fieldErrors } from '../../../lib/problem';
import { ConfirmDialog, EmptyState, ErrorBanner, Loading, sentence } from '../../../lib/ui';
import { useSession } from '../../auth';
import { generateRoadmap, getRoadmap, updateAction, type Roadmap, type RoadmapAction, type RoadmapActionPatch } from '../api';
import { todayIso } from '../charts';
import { actionStatusLabels, effortLabels } from '../labels';
import { actionPatch, actionTitle } from '../roadmap';
import { assessmentPath, useAssessment } from './AssessmentLayout';
import { CoverageWarning, coverageText, ExcludedControls, RegenerationReport } from './RoadmapNotes';
import { Timeline } from './Timeline';

export function RoadmapPage() {
  const { assessment } = useAssessment();
  const session = useSession();
  const roadmap = useAsync((signal) => getRoadmap(assessment.id, signal), [assessment.id]);
  const [flash, setFlash] = useState<string | null>(null);
  const [report, setReport] = useState<Roadmap['regeneration']>(undefined);
  if (roadmap.loading && !roadmap.data) return <Loading label="Loading the roadmap…" />;
  if (roadmap.error || !roadmap.data) return <ErrorBanner error={roadmap.error} title="The roadmap could not be loaded." />;
  const rm = roadmap.data;
  const phaseNames = new Map(rm.phases.map((p) => [p.phase, p.name]));

  const replaceAction = (saved: RoadmapAction) => {
    roadmap.setData({ ...rm, actions: rm.actions.map((a) => (a.id === saved.id ? saved : a)) });
  };
  const select = (id: string) => {
    const row = document.querySelector<HTMLElement>(`[data-row-action="${CSS.escape(id)}"]`);
    row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    row?.querySelector<HTMLElement>('input, select')?.focus({ preventScroll: true });
  };

  return (
    <div className="roadmap" data-testid="roadmap">
      <FlashBanner message={flash} />
      <RegenerationReport report={report} />
      <CoverageWarning roadmap={rm} assessmentId={assessment.id} />
      <div className="phase-cards">
        {rm.phases.map((p) => (
          <div key={p.phase} className={`phase-card phase-${p.phase}`} data-testid={`phase-${p.phase}`}>
            <div className="kicker">Phase {p.phase}</div>
            <div className="phase-name">{p.name}</div>
            <div className="muted small">
              {p.actions} action{p.actions === 1 ? '' : 's'}
              {p.start_date ? ` · ${formatDate(p.start_date)} – ${formatDate(p.end_date ?? undefined)}` : ''}
            </div>
          </div>
        ))}
      </div>
      <div className="roadmap-bar">
        {rm.saved ? (
          <p className="muted small">
            Generated {formatDateTime(rm.generated_at ?? undefined)} from the gaps, starting {formatDate(rm.start_date)} with {rm.capacity} action
            {rm.capacity === 1 ? '' : 's'} worked on at a time. What the certification audit needs first comes first; no action starts
            before the ones it depends on end.
          </p>
        ) : (
          <p className="muted small" data-testid="roadmap-preview">
            <strong>Preview, not saved.</strong> This is the roadmap the current gaps would give, starting {formatDate(rm.start_date)} with{' '}
            {rm.capacity} action{rm.capacity === 1 ? '' : 's'} at a time. {session.canWrite ? 'Generate it to store it and edit its actions.' : 'A contributor, manager or admin can generate it.'}
          </p>
        )}
        {(rm.saved ? session.canManage : session.canWrite) ? (
          <Regenerate
            roadmap={rm}
            onDone={(next) => {
              roadmap.setData(next);
              setReport(next.regeneration);
              setFlash(rm.saved ? 'The roadmap was regenerated from the current gaps.' : 'The roadmap was generated and saved.');
            }}
          />
        ) : null}
      </div>

      {rm.actions.length === 0 ? (
        <EmptyState title="Nothing to plan" testId="roadmap-empty">
          <p>There are no gaps: every applicable item is at or above the target level.</p>
          <Link to={assessmentPath(assessment.id, 'results')}>See the results</Link>
        </EmptyState>
      ) : (
        <>
          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <Timeline actions={rm.actions} phaseNames={phaseNames} onSelect={select} />
          </section>
          <section className="card" aria-labelledby="actions-title">
            <h2 id="actions-title">Actions</h2>
            <DataTable columns={['Action', 'Owner', 'Effort', 'Start', 'Target', 'Status']} className="table-compact action-table" testId="action-table">
              {rm.actions.map((a) => (
                <ActionRow key={`${a.id}:${a.version}`} assessmentId={assessment.id} action={a} phaseName={phaseNames.get(a.phase)} readOnly={!session.canWrite || !rm.saved} onSaved={replaceAction} />
              ))}
            </DataTable>
          </section>
        </>
      )}
      <ExcludedControls excluded={rm.excluded} />
    </div>
  );
}

function Regenerate({ roadmap, onDone }: { roadmap: Roadmap; onDone: (r: Roadmap) => void }) {
  const { assessment } = useAssessment();
  const [start, setStart] = useState(todayIso());
  const [capacity, setCapacity] = useState(roadmap.capacity || 2);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errs = error instanceof ApiError ? fieldErrors(error.problem) : {};
  const first = !roadmap.saved; // nothing to replace: no confirmation needed unless the assessment is incomplete
  const incomplete = !roadmap.coverage.complete;

  async function run() {
    setBusy(true);
    setError(null);
    try {
      onDone(await generateRoadmap(assessment.id, { start_date: start, capacity }));
      setConfirm(false);
    } catch (e) {
      setError(e);
      setConfirm(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="regenerate"
      onSubmit={(e) => {
        e.preventDefault();
        if (first && !incomplete) void run();
        else setConfirm(true);
      }}
      data-testid={first ? 'generate-form' : 'regenerate-form'}
      aria-label={first ? 'Generate the roadmap' : 'Regenerate the roadmap'}
    >
      <span className="regenerate-title">{first ? 'Generate' : 'Regenerate'}</span>
      <div className={`field${errs.start_date ? ' field-invalid' : ''}`}>
        <label htmlFor="rm-start">Start date</label>
        <input id="rm-start" type="date" value={start} required onChange={(e) => setStart(e.target.value)} />
        {errs.start_date ? <div className="field-error">{sentence(errs.start_date)}</div> : null}
      </div>
      <div className={`field${errs.capacity ? ' field-invalid' : ''}`}>
        <label htmlFor="rm-capacity">Actions at a time</label>
        <input id="rm-capacity" type="number" min={1} max={20} value={capacity} onChange={(e) => setCapacity(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} />
        {errs.capacity ? <div className="field-error">{sentence(errs.capacity)}</div> : null}
      </div>
      {first ? (
        <button type="submit" className="btn btn-primary" data-testid="generate" disabled={busy}>
          {busy ? 'Generating…' : 'Generate roadmap'}
        </button>
      ) : (
        <button type="submit" className="btn" data-testid="regenerate">
          Regenerate…
        </button>
      )}
      <ErrorBanner error={error && !Object.keys(errs).length ? error : null} />
      <ConfirmDialog open={confirm} title={first ? 'Generate from an incomplete assessment?' : 'Regenerate the roadmap?'}
        confirmLabel={first ? 'Generate anyway' : 'Regenerate'} danger={!first} busy={busy} onConfirm={() => void run()} onCancel={() => setConfirm(false)}>
        {incomplete ? (
          <p data-testid="confirm-coverage">
            <strong>Only {coverageText(roadmap.coverage)}.</strong> Unanswered items are planned as maturity 0.
          </p>
        ) : null}
        <p>
          The roadmap is {first ? 'built' : 'rebuilt'} from the current gaps, starting {formatDate(start)} with {capacity} action{capacity === 1 ? '' : 's'} at a time.
        </p>
        {first ? null : (
          <p>
            Changes to owners, dates, statuses and titles of actions planned again are kept; changed efforts, phases and prerequisites are
            planned anew, and changes to actions that are no longer needed are dropped. You will see which.
          </p>
        )}
      </ConfirmDialog>
    </form>
  );
}

interface RowProps {
  assessmentId: string;
  action: RoadmapAction;
  phaseName: string | undefined;
  readOnly: boolean;
  onSaved: (a: RoadmapAction) => void;
}

function ActionRow({ assessmentId, action: a, phaseName, readOnly, onSaved }: RowProps) {
  const [owner, setOwner] = useState(a.owner);
  const [effort, setEffort] = useState(a.effort);
  const [status, setStatus] = useState(a.status);
  const [start, setStart] = useState(a.start_date);
  const [target, setTarget] = useState(a.target_date);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const patch: RoadmapActionPatch = actionPatch(a, { owner, effort, status, start_date: start, target_date: target });
  const dirty = Object.keys(patch).length > 0;
  const errs = error instanceof ApiError ? fieldErrors(error.problem) : {};
  const conflict = error instanceof ApiError && error.status === 412;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateAction(assessmentId, a.id, patch, a.version));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const cellErr = (k: string) => (errs[k] ? <div className="field-error">{sentence(errs[k])}</div> : null);
  return (
    <>
      <tr data-row-action={a.id} className={dirty ? 'row-dirty' : undefined}>
        <td className="action-cell">
          <span className="tree-id">{a.item_id}</span> <strong>{actionTitle(a)}</strong>
          {a.suggested_action ? (
            <div className="clamp-2" title={a.suggested_action}>
              {a.suggested_action}
            </div>
          ) : null}
          <div className="cell-sub">
            Phase {a.phase}
            {phaseName ? ` · ${phaseName}` : ''}
            {a.depends_on.length ? ` · after ${a.depends_on.map((d) => d.replace(/^act-/, '')).join(', ')}` : ''}
          </div>
        </td>
        <td>
          <input type="text" aria-label={`Owner of ${a.item_id}`} value={owner} maxLength={200} readOnly={readOnly} onChange={(e) => setOwner(e.target.value)} className="input-sm" />
          {cellErr('owner')}
        </td>
        <td>
          <select aria-label={`Effort of ${a.item_id}`} value={effort} disabled={readOnly} onChange={(e) => setEffort(e.target.value as typeof effort)} className="input-sm">
            {optionsOf(effortLabels).map((k) => (
              <option key={k} value={k} title={effortLabels[k]}>
                {k}
              </option>
            ))}
          </select>
          {cellErr('effort')}
        </td>
        <td>
          <input type="date" aria-label={`Start of ${a.item_id}`} value={start} readOnly={readOnly} onChange={(e) => setStart(e.target.value)} className="input-sm" />
          {cellErr('start_date')}
        </td>
        <td>
          <input type="date" aria-label={`Target date of ${a.item_id}`} value={target} readOnly={readOnly} onChange={(e) => setTarget(e.target.value)} className="input-sm" />
          {cellErr('target_date')}
        </td>
        <td>
          <select aria-label={`Status of ${a.item_id}`} value={status} disabled={readOnly} onChange={(e) => setStatus(e.target.value as typeof status)} className="input-sm">
            <LabelOptions labels={actionStatusLabels} keys={optionsOf(actionStatusLabels)} />
          </select>
          {cellErr('status')}
          {dirty && !readOnly ? (
            <button type="button" className="btn btn-primary btn-sm row-save" onClick={() => void save()} disabled={busy}>
              {busy ? 'Saving…' : 'Save'}
            </button>
          ) : null}
        </td>
      </tr>
      {error && (conflict || !Object.keys(errs).length) ? (
        <tr className="row-error">
          <td colSpan={6}>
            {conflict ? 'Someone else changed this action meanwhile; reload the page to see the latest version.' : <ErrorBanner error={error} />}
          </td>
        </tr>
      ) : null}
    </>
  );
}
