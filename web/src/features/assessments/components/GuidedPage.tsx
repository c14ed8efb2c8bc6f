// The guided mode: one item at a time with its plain question, a suggested level from the records
// already kept, the maturity scale, notes, evidence and owner, and the catalog's guidance one key
// away; Save & next, Skip, Previous; a side list of every item to jump to; and it resumes at the
// first item still open. Keyboard first (keys in suggestions.ts): 0–5, a, n, s, g, Enter, and
// Ctrl+Enter / Esc in text fields. Every answer is saved as it is given (PUT per item).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { fieldErrors } from '../../../lib/problem';
import { Banner, ErrorBanner, Field, Loading, sentence } from '../../../lib/ui';
import { useSession } from '../../auth';
import { DocBadge } from '../../catalog';
import { EvidencePanel } from '../../evidence';
import {
  getAssessment,
  getGuidance,
  getMaturityLevels,
  listAnswers,
  putAnswer,
  updateAssessment,
  type Answer,
  type AnswerList,
  type MaturityLevel,
} from '../api';
import {
  answerErrors,
  answerInput,
  formFromAnswer,
  groupItems,
  itemState,
  itemStateLabels,
  nextOpenItem,
  previousItem,
  replaceAnswer,
  resumeItem,
  sameForm,
  skipInput,
  type AnswerForm,
} from '../guided';
import { assessmentPath, useAssessment } from './AssessmentLayout';
import { ProgressBar } from './badges';
import { MaturityPicker } from './MaturityPicker';
import { getSuggestions, isTextField, keyAction, type Suggestion } from '../suggestions';
import { GuidanceList, KeyLegend, SuggestionBox } from './SuggestionBox';
import '../keyboard.css';

/** The API field each form value is sent as (where its errors come back). */
const errorKeys: Record<keyof AnswerForm, string> = {
  maturity: 'maturity',
  notApplicable: 'not_applicable',
  justification: 'justification',
  notes: 'notes',
  owner: 'owner',
};

const GUIDANCE_KEY = 'aims.guidance';

/** Whether the guiding questions and evidence are shown (remembered across items and visits). */
function readGuidancePref(): boolean {
  try {
    return localStorage.getItem(GUIDANCE_KEY) !== 'hidden';
  } catch {
    return true;
  }
}

function writeGuidancePref(show: boolean): void {
  try {
    localStorage.setItem(GUIDANCE_KEY, show ? 'shown' : 'hidden');
  } catch {
    // Storage may be disabled; the choice then lasts for this item only.
  }
}

const stateMarks: Record<ReturnType<typeof itemState>, string> = {
  answered: '✓',
  not_applicable: '–',
  skipped: '↷',
  unanswered: '',
};

export function GuidedPage() {
  const ctx = useAssessment();
  const { assessment } = ctx;
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const answers = useAsync((signal) => listAnswers(assessment.id, signal), [assessment.id]);
  const levels = useAsync(() => getMaturityLevels(), []);
  // Suggestions are only proposals: a failure to load them leaves the page usable without them.
  const suggestions = useAsync((signal) => getSuggestions(assessment.id, signal).catch(() => null), [assessment.id]);
  const [groupTitles, setGroupTitles] = useState<Record<string, string>>({});
  const list = answers.data;
  const sideRef = useRef<HTMLElement>(null);

  const wanted = params.get('item');
  const current = list ? (wanted && list.items.some((a) => a.item_id === wanted) ? wanted : resumeItem(list.items)) : null;

  // Titles of the clauses and Annex A areas the side list is grouped by.
  useEffect(() => {
    if (!list) return;
    const groups = groupItems(list.items).map((g) => g.group);
    let live = true;
    Promise.all(groups.map((g) => getGuidance(g).then((it) => [g, it.title] as const, () => [g, ''] as const))).then((pairs) => {
      if (live) setGroupTitles(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [list ? list.items.length : 0]);

  // Keep the current item visible in the side list.
  useEffect(() => {
    // Only the list scrolls (scrollIntoView would move the page too).
    const box = sideRef.current;
    const el = box?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!box || !el) return;
    const b = box.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    const bottom = Math.min(b.bottom, window.innerHeight) - 24;
    if (r.top < b.top + 80) box.scrollTop -= b.top + 80 - r.top;
    else if (r.bottom > bottom) box.scrollTop += r.bottom - bottom;
  }, [current, !!levels.data]);

  if (!list && answers.loading) return <Loading />;
  if (answers.error || !list) return <ErrorBanner error={answers.error} title="The items of this assessment could not be loaded." />;
  if (levels.error) return <ErrorBanner error={levels.error} title="The maturity scale could not be loaded." />;
  if (!levels.data || !current) return <Loading />;

  const answer = list.items.find((a) => a.item_id === current) as Answer;
  const index = list.items.findIndex((a) => a.item_id === current);
  const allDone = list.items.every((a) => a.answered || a.not_applicable);

  const goTo = (itemId: string) => {
    setParams({ item: itemId });
  };
  const onSaved = (saved: Answer, next: string | null) => {
    const updated = replaceAnswer(list, saved);
    answers.setData(updated);
    goTo(next ?? saved.item_id);
    window.scrollTo({ top: 0 });
  };

  return (
    <div className="guided" data-testid="guided">
      <aside className="guided-side card" aria-label="All items" ref={sideRef}>
        <ProgressBar value={list.answered} max={list.total} label={`${list.answered} of ${list.total} items answered`} testId="guided-progress" />
        <div className="guided-side-legend muted small">
          <span>
            <span className="mark mark-answered">✓</span> answered
          </span>
          <span>
            <span className="mark mark-skipped">↷</span> skipped
          </span>
          <span>
            <span className="mark mark-not_applicable">–</span> not applicable
          </span>
        </div>
        <nav className="guided-list" data-testid="item-list">
          {groupItems(list.items).map((g) => (
            <div key={g.group} className="guided-group">
              <div className="guided-group-title">
                {g.group} {groupTitles[g.group] ?? ''}
              </div>
              <ul>
                {g.items.map((a) => {
                  const st = itemState(a);
                  return (
                    <li key={a.item_id}>
                      <button
                        type="button"
                        className={`guided-item state-${st}${a.item_id === current ? ' current' : ''}`}
                        aria-current={a.item_id === current ? 'step' : undefined}
                        onClick={() => goTo(a.item_id)}
                        data-item-id={a.item_id}
                        data-state={st}
                        title={`${a.item_id} ${a.title} — ${itemStateLabels[st]}`}
                      >
                        <span className={`mark mark-${st}`} aria-hidden="true">
                          {stateMarks[st]}
                        </span>
                        <span className="guided-item-id">{a.item_id}</span>
                        <span className="guided-item-title">{a.title}</span>
                        <span className="sr-only"> ({itemStateLabels[st]})</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </nav>
      </aside>
      <div className="guided-main">
        {assessment.status === 'completed' ? (
          <Banner kind="info" testId="guided-completed">
            <p>This assessment is completed, so its answers are read-only. Reopen it to change them.</p>
            {session.canWrite ? (
              <div className="banner-actions">
                <StatusButton to="in_progress" label="Reopen the assessment" />
              </div>
            ) : null}
          </Banner>
        ) : allDone ? (
          <Banner kind="success" testId="guided-done">
            <p>
              <strong>All {list.total} items are answered.</strong> The results show your maturity by clause and area, your readiness and
              the gaps; the roadmap turns the gaps into actions.
            </p>
            <div className="banner-actions">
              <Link className="btn btn-primary" to={assessmentPath(assessment.id, 'results')} data-testid="see-results">
                See the results
              </Link>
              {assessment.status === 'in_progress' && session.canWrite ? <StatusButton to="completed" label="Mark the assessment completed" /> : null}
            </div>
          </Banner>
        ) : null}
        <ItemPanel
          key={`${answer.item_id}:${answer.version}`}
          assessmentId={assessment.id}
          answer={answer}
          position={index + 1}
          total={list.total}
          list={list}
          levels={levels.data}
          suggestion={suggestions.data?.items.find((s) => s.item_id === answer.item_id) ?? null}
          target={assessment.target_maturity}
          readOnly={!session.canWrite || assessment.status === 'completed'}
          onSaved={onSaved}
          onGo={goTo}
        />
      </div>
    </div>
  );
}

/** Marks the assessment completed, or reopens it (PATCH status with If-Match). */
function StatusButton({ to, label, primary }: { to: 'completed' | 'in_progress'; label: string; primary?: boolean }) {
  const { assessment, etag, setAssessment } = useAssessment();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function change() {
    setBusy(true);
    setError(null);
    try {
      const tag = etag ?? (await getAssessment(assessment.id)).etag;
      if (!tag) throw new Error('The server sent no version tag (ETag) for this assessment.');
      setAssessment(await updateAssessment(assessment.id, { status: to }, tag));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className={`btn${primary ? ' btn-primary' : ''}`} onClick={() => void change()} disabled={busy} data-testid={`status-${to}`}>
        {busy ? 'Saving…' : label}
      </button>
      <ErrorBanner error={error} />
    </>
  );
}

interface PanelProps {
  assessmentId: string;
  answer: Answer;
  position: number;
  total: number;
  list: AnswerList;
  levels: readonly MaturityLevel[];
  suggestion: Suggestion | null;
  target: number;
  readOnly: boolean;
  onSaved: (saved: Answer, next: string | null) => void;
  onGo: (itemId: string) => void;
}

function ItemPanel({ assessmentId, answer, position, total, list, levels, suggestion, target, readOnly, onSaved, onGo }: PanelProps) {
  const initial = formFromAnswer(answer);
  const [form, setForm] = useState<AnswerForm>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'skip' | 'move' | null>(null);
  const guidance = useAsync(() => getGuidance(answer.item_id), [answer.item_id]);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const pickerRef = useRef<HTMLDivElement>(null);
  const guidanceRef = useRef<HTMLElement>(null);
  // Which field to focus once its error (or the justification box) is rendered.
  const [focusField, setFocusField] = useState<string | null>(null);
  const formId = useId();
  const isControl = answer.kind === 'control';
  const dirty = !sameForm(form, initial);
  const set = <K extends keyof AnswerForm>(k: K, v: AnswerForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    // A changed field loses its error; (un)marking not applicable settles the level's too.
    const drop = k === 'notApplicable' ? ['not_applicable', 'maturity', 'justification'] : [errorKeys[k]];
    setErrors((e) => {
      if (!drop.some((d) => e[d])) return e;
      const rest = { ...e };
      for (const d of drop) delete rest[d];
      return rest;
    });
  };
  const [showGuidance, setShowGuidance] = useState(() => readGuidancePref());
  const prev = previousItem(list.items, answer.item_id);
  const st = itemState(answer);

  // Fetch the guidance of the next item ahead, and focus this item's heading for keyboard users.
  useEffect(() => {
    const next = nextOpenItem(list.items, answer.item_id);
    if (next) void getGuidance(next).catch(() => undefined);
    heading.current?.focus({ preventScroll: true });
  }, [answer.item_id]);

  // The keyboard: one handler for the page's keys (suggestions.ts), ignored on buttons and links
  // (Enter activates them) and, but for Ctrl+Enter and Esc, in text fields.
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    if (e.defaultPrevented) return;  // handled where it was typed (the evidence picker's keys)
    const action = keyAction(e, isTextField(t));
    if (!action || e.repeat) return;
    if (action.kind === 'save' && t && (t.tagName === 'BUTTON' || t.tagName === 'A')) return;
    if (action.kind === 'guidance') {
      e.preventDefault();
      toggleGuidance(true);
      return;
    }
    if (action.kind === 'leave_field') {
      e.preventDefault();
      heading.current?.focus({ preventScroll: true });
      return;
    }
    if (readOnly) return;
    e.preventDefault();
    if (action.kind === 'level') {
      set('notApplicable', false);
      set('maturity', action.level);
    } else if (action.kind === 'not_applicable') markNotApplicable();
    else if (action.kind === 'skip') void send('skip', 'next');
    else if (action.kind === 'accept') accept();
    else if (action.kind === 'save') {
      // Enter on an untouched, unanswered item with a suggestion accepts the suggestion.
      if (suggestion && st === 'unanswered' && form.maturity === null && !form.notApplicable) accept();
      else void send('save', 'next');
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // An error is shown next to its control, which gets the focus (and is scrolled to the middle,
  // clear of the sticky bar); so does the justification box when "not applicable" is chosen.
  useEffect(() => {
    if (!focusField) return;
    setFocusField(null);
    const el =
      focusField === 'maturity' || focusField === 'not_applicable'
        ? pickerRef.current
        : formRef.current?.querySelector<HTMLElement>(`[name="${focusField}"]`) ?? formRef.current?.querySelector<HTMLElement>('[role="alert"]');
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [focusField]);

  function showErrors(found: Record<string, string>) {
    setErrors(found);
    const order = ['maturity', 'not_applicable', 'justification', 'notes', 'evidence', 'owner'];
    const first = order.find((k) => found[k]) ?? Object.keys(found)[0];
    if (first) setFocusField(first);
  }

  function markNotApplicable() {
    if (!isControl) {
      showErrors({ not_applicable: 'Clauses 4 to 10 are all required; only Annex A controls can be not applicable.' });
      return;
    }
    const on = !form.notApplicable;
    set('notApplicable', on);
    if (on) setFocusField('justification');
  }

  function toggleGuidance(scroll: boolean) {
    const next = !showGuidance;
    setShowGuidance(next);
    writeGuidancePref(next);
    if (next && scroll) requestAnimationFrame(() => guidanceRef.current?.scrollIntoView({ block: 'nearest' }));
  }

  function accept() {
    if (!suggestion) {
      showErrors({ maturity: 'There is no suggestion for this item; pick a level with the keys 0–5.' });
      return;
    }
    void send('save', 'next', true);
  }

  async function send(kind: 'save' | 'skip' | 'move', go: string | null | 'next', fromSuggestion = false) {
    if (busy) return;
    setError(null);
    const sent = fromSuggestion && suggestion ? { ...form, maturity: suggestion.level, notApplicable: false } : form;
    if (kind !== 'skip') {
      const local = answerErrors(sent, answer.kind);
      if (Object.keys(local).length) return showErrors(local);
      setErrors({});
    } else {
      setErrors({});
    }
    setBusy(kind);
    try {
      const body = kind === 'skip' ? skipInput(form) : fromSuggestion ? { ...answerInput(sent), from_suggestion: true } : answerInput(sent);
      const saved = await putAnswer(assessmentId, answer.item_id, body);
      const after = replaceAnswer(list, saved);
      setBusy(null);
      onSaved(saved, go === 'next' ? nextOpenItem(after.items, answer.item_id) : go);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) showErrors(fieldErrors(e.problem));
      else setFocusField('alert');
      setBusy(null);
    }
  }

  /** Moves to another item; what was changed here is saved first when it can be. */
  function move(to: string) {
    if (!readOnly && dirty && !Object.keys(answerErrors(form, answer.kind)).length) void send('move', to);
    else onGo(to);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void send('save', 'next');
  }

  const known = ['maturity', 'not_applicable', 'justification', 'notes', 'evidence', 'owner'];
  const otherErrors = Object.entries(errors).filter(([k]) => !known.includes(k));
  const g = guidance.data;

  return (
    <article className="card guided-item-panel" data-testid="guided-item" data-item-id={answer.item_id} aria-labelledby="guided-item-title">
      <div className="guided-head">
        <div className="kicker">
          {isControl ? 'Annex A control' : 'Clause'} · item {position} of {total}
          <span className={`state-tag state-tag-${st}`} data-testid="item-state">
            {itemStateLabels[st]}
          </span>
          {answer.suggestion ? (
            <span className="state-tag state-tag-suggested" data-testid="answered-from-suggestion" title={answer.suggestion.basis}>
              From a suggestion
            </span>
          ) : null}
        </div>
        <h2 id="guided-item-title" ref={heading} tabIndex={-1}>
          <span className="item-id" data-testid="guided-item-id">
            {answer.item_id}
          </span>{' '}
          {answer.title}
        </h2>
        <p className="item-question" data-testid="item-question">
          {g?.question ?? (guidance.loading ? '\u00a0' : '')}
        </p>
      </div>

      <form ref={formRef} id={formId} className="answer-form" onSubmit={submit} noValidate data-testid="answer-form" aria-busy={busy !== null}>
        <ErrorBanner error={error && !Object.keys(errors).length ? error : null} title="The answer was not saved." />
        {otherErrors.length ? (
          <div className="banner banner-error" role="alert" tabIndex={-1}>
            {otherErrors.map(([k, m]) => (
              <div key={k}>
                {k}: {sentence(m)}
              </div>
            ))}
          </div>
        ) : null}
        <fieldset className="answer-maturity" disabled={readOnly}>
          <legend>How mature is this today?</legend>
          {readOnly ? null : <KeyLegend control={isControl} />}
          <MaturityPicker
            ref={pickerRef}
            levels={levels}
            value={form.maturity}
            suggested={suggestion?.level ?? null}
            target={target}
            disabled={form.notApplicable || readOnly}
            invalid={!!errors.maturity}
            describedBy={errors.maturity ? 'maturity-error' : errors.not_applicable ? 'not-applicable-error' : undefined}
            onChange={(v) => set('maturity', v)}
          />
          {errors.maturity ? (
            <div className="field-error" id="maturity-error" data-testid="field-error-maturity" role="alert">
              {sentence(errors.maturity)}
            </div>
          ) : null}
          {errors.not_applicable ? (
            <div className="field-error" id="not-applicable-error" data-testid="field-error-not_applicable" role="alert">
              {sentence(errors.not_applicable)}
            </div>
          ) : null}
          {suggestion && !readOnly ? <SuggestionBox suggestion={suggestion} levels={levels} onAccept={accept} busy={busy !== null} /> : null}
          {answer.suggestion ? <SuggestionBox suggestion={answer.suggestion} levels={levels} accepted /> : null}
        </fieldset>

        {isControl ? (
          <div className={`na-box${form.notApplicable ? ' na-on' : ''}`}>
            <label className="check">
              <input
                type="checkbox"
                name="not_applicable"
                checked={form.notApplicable}
                disabled={readOnly}
                aria-keyshortcuts="N"
                onChange={(e) => set('notApplicable', e.target.checked)}
                data-testid="not-applicable"
              />
              Not applicable — this control does not apply to our organization
            </label>
            {form.notApplicable ? (
              <Field label="Justification" required error={errors.justification} name="justification" hint="Why the control does not apply; it goes into the Statement of Applicability. Ctrl+Enter saves.">
                {({ id, describedBy, invalid }) => (
                  <textarea id={id} name="justification" rows={2} maxLength={4000} value={form.justification} readOnly={readOnly} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set('justification', e.target.value)} />
                )}
              </Field>
            ) : null}
          </div>
        ) : null}

        <section className="guidance" aria-label="Guidance" data-testid="guidance" ref={guidanceRef}>
          {guidance.error ? <ErrorBanner error={guidance.error} title="The guidance could not be loaded." /> : null}
          {!g && guidance.loading ? <Loading label="Loading the guidance…" /> : null}
          {g ? (
            <>
              <div className="head-badges">
                <button type="button" className="link-btn guidance-toggle" aria-expanded={showGuidance} aria-keyshortcuts="G" onClick={() => toggleGuidance(false)} data-testid="guidance-toggle">
                  {showGuidance ? 'Hide the guidance' : `Show the guidance: summary, guiding questions (${g.questions.length}) and the evidence an auditor expects (${g.evidence.length})`}{' '}
                  <kbd>G</kbd>
                </button>
                <DocBadge value={g.documented_information} basis={g.documented_information_basis} />
                {g.tags.includes('stage1') ? (
                  <span className="badge badge-priority-stage1" title="An auditor checks this at the stage 1 audit">
                    Stage 1
                  </span>
                ) : null}
                <Link className="small" to={`/catalog/iso42001/${encodeURIComponent(answer.item_id)}`} target="_blank" rel="noreferrer">
                  Open in the catalog ↗
                </Link>
              </div>
              <div hidden={!showGuidance} data-testid="guidance-body">
                {g.summary ? <p className="prewrap guidance-summary">{g.summary}</p> : null}
                <div className="guidance-cols">
                  <GuidanceList title="Guiding questions" items={g.questions} ordered testId="guidance-questions" />
                  <GuidanceList title="Evidence an auditor expects" items={g.evidence} testId="guidance-evidence" />
                </div>
              </div>
            </>
          ) : null}
        </section>

        <div className="form-grid">
          <Field label="Notes" error={errors.notes} name="notes" className="field-wide">
            {({ id, describedBy }) => <textarea id={id} name="notes" rows={2} maxLength={4000} value={form.notes} readOnly={readOnly} aria-describedby={describedBy} onChange={(e) => set('notes', e.target.value)} />}
          </Field>
          <Field label="Owner" error={errors.owner} name="owner" hint="Who is responsible for this item.">
            {({ id, describedBy }) => <input id={id} name="owner" type="text" maxLength={200} value={form.owner} readOnly={readOnly} aria-describedby={describedBy} onChange={(e) => set('owner', e.target.value)} />}
          </Field>
        </div>
      </form>
      {errors.evidence ? <Banner kind="error">{sentence(errors.evidence)}</Banner> : null}
      <EvidencePanel
        key={answer.item_id}
        target={`catalog_item:iso42001:${answer.item_id}`}
        what={`${answer.kind === 'clause' ? 'clause' : 'control'} ${answer.item_id}`}
        title={`Evidence for ${answer.item_id}`}
      />
      <div className="guided-actions">
        <button type="button" className="btn" disabled={!prev || busy !== null} onClick={() => prev && move(prev)} data-testid="previous">
          ← Previous
        </button>
        <span className="guided-actions-gap" />
        {readOnly ? (
          <button type="button" className="btn" disabled={position >= total} onClick={() => onGo(list.items[Math.min(position, total - 1)].item_id)}>
            Next →
          </button>
        ) : (
          <>
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void send('skip', 'next')} aria-keyshortcuts="S" data-testid="skip">
              {busy === 'skip' ? 'Skipping…' : 'Skip for now'} <kbd>S</kbd>
            </button>
            <button type="submit" form={formId} className="btn btn-primary" disabled={busy !== null} aria-keyshortcuts="Enter Control+Enter" data-testid="save-next">
              {busy === 'save' ? 'Saving…' : 'Save & next →'} <kbd>Enter</kbd>
            </button>
          </>
        )}
      </div>
    </article>
  );
}
