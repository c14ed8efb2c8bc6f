// The EU AI Act classification wizard for one AI system: the questionnaire step by step, with
// the questions that follow from earlier answers appearing as they are given, Back and Next, a
// review of every answer, and Save (PUT with If-Match when re-classifying). The current step is
// in the URL (?step=); a draft survives a reload of the tab.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Breadcrumbs } from '../../../components/RecordPage';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { Banner, ErrorBanner, Field, Loading, sentence } from '../../../lib/ui';
import { useSession } from '../../auth/components/SessionProvider';
import { getSystem } from '../../systems/api';
import { getClassification, getQuestionnaire, putClassification, type Answers, type AnswerValue } from '../api';
import { QuestionInput } from './QuestionInput';
import { answerText, currentStep, isAnswered, keptAnswers, missingQuestions, neighbours, reachableSteps, REVIEW, stepOfQuestion, wizardSteps } from '../questionnaire';

const draftKey = (systemId: string) => `aims.euact.draft.${systemId}`;

function readDraft(systemId: string): Answers | null {
  try {
    const s = sessionStorage.getItem(draftKey(systemId));
    return s ? (JSON.parse(s) as Answers) : null;
  } catch {
    return null;
  }
}

function writeDraft(systemId: string, answers: Answers | null): void {
  try {
    if (answers) sessionStorage.setItem(draftKey(systemId), JSON.stringify(answers));
    else sessionStorage.removeItem(draftKey(systemId));
  } catch {
    // Storage may be disabled; the draft then lasts until the page is left.
  }
}

export function ClassificationWizard() {
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const loaded = useAsync(
    async (signal) => {
      const [system, questionnaire, current] = await Promise.all([getSystem(id, signal), getQuestionnaire(), getClassification(id, signal)]);
      return { system: system.system, questionnaire, current };
    },
    [id],
  );
  const [answers, setAnswers] = useState<Answers | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  useTitle(loaded.data ? `Classify ${loaded.data.system.name}` : 'EU AI Act classification');

  // Start from the draft of this tab, else from the current classification's answers.
  useEffect(() => {
    if (!loaded.data || answers) return;
    setAnswers(readDraft(id) ?? loaded.data.current?.classification.answers ?? {});
  }, [loaded.data]);

  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) return <ErrorBanner error={loaded.error} title="The classification could not be started." />;
  const { system, questionnaire: q, current } = loaded.data;
  if (!answers) return <Loading />;

  const back = `/systems/${encodeURIComponent(system.id)}/classification`;
  if (!session.canWrite) {
    return (
      <div className="page">
        <Banner kind="warning">Your role may read classifications but not make them.</Banner>
        <Link to={back}>Back to the classification</Link>
      </div>
    );
  }

  // Questions the saved classification leaves open under the current questionnaire.
  const fresh = new Set((current?.classification.recheck?.new_questions ?? []).map((x) => x.id));
  const steps = wizardSteps(q, answers);
  const step = currentStep(q, answers, params.get('step'));
  const reachable = reachableSteps(q, answers);
  const { prev, next } = neighbours(q, answers, step);
  const stepInfo = steps.find((s) => s.id === step);
  const position = step === REVIEW ? steps.length + 1 : steps.findIndex((s) => s.id === step) + 1;

  const go = (target: string | null) => {
    if (!target) return;
    setParams({ step: target });
    window.scrollTo({ top: 0 });
  };
  const answer = (qid: string, v: AnswerValue) => {
    const updated = { ...answers, [qid]: v };
    setAnswers(updated);
    writeDraft(id, updated);
    if (errors[qid]) setErrors(({ [qid]: _, ...rest }) => rest);
  };
  const onNext = () => {
    const open = (stepInfo?.questions ?? []).filter((x) => !isAnswered(x, answers[x.id]));
    if (open.length) {
      setErrors(Object.fromEntries(open.map((x) => [x.id, x.type === 'multi_choice' && (x.min_items ?? 0) === 0 ? 'Pick the options that apply, or None of these.' : 'Answer this question to go on.'])));
      return;
    }
    go(next);
  };

  async function save() {
    setBusy(true);
    setSaveError(null);
    setConflict(false);
    try {
      const saved = await putClassification(system.id, keptAnswers(q, answers ?? {}), note.trim(), current?.etag ?? null);
      writeDraft(id, null);
      navigate(back, { state: { flash: `Classification saved as version ${saved.classification.version}.` } });
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && (e.status === 412 || e.status === 428)) {
        setConflict(true);
        return;
      }
      setSaveError(e);
      if (e instanceof ApiError) {
        const byQuestion: Record<string, string> = {};
        for (const fe of e.problem.errors ?? []) if (fe.field?.startsWith('answers.')) byQuestion[fe.field.slice(8)] = sentence(fe.message);
        setErrors(byQuestion);
        const first = Object.keys(byQuestion).map((x) => stepOfQuestion(q, x)).find(Boolean);
        if (first) go(first);
      }
    }
  }

  const missing = missingQuestions(q, answers);
  return (
    <div className="page page-wide" data-testid="wizard">
      <Breadcrumbs
        links={[
          ['/systems', 'AI systems'],
          [`/systems/${encodeURIComponent(system.id)}`, system.name],
          [back, 'EU AI Act classification'],
        ]}
      />
      <div className="page-head">
        <div>
          <h1>{current ? 'Re-classify' : 'Classify'}: {system.name}</h1>
          <p className="muted">
            Step {position} of {steps.length + 1}. The questions are our own summaries of Regulation (EU) 2024/1689 as amended by {q.amending_acts.join(', ')}.
          </p>
        </div>
      </div>
      {conflict ? (
        <Banner kind="warning" testId="wizard-conflict">
          Someone else saved a classification of this system meanwhile. <Link to={back}>Open it</Link>, then re-classify; your answers stay in this tab.
        </Banner>
      ) : null}
      <ErrorBanner error={saveError} title="Not saved." />
      <div className="euact-wizard">
        <nav className="card euact-steps" aria-label="Steps">
          <ol>
            {[...steps, { id: REVIEW, title: 'Review and save', description: '', questions: [] }].map((s) => {
              const open = reachable.includes(s.id);
              const done = s.id !== REVIEW && s.questions.every((x) => isAnswered(x, answers[x.id]));
              return (
                <li key={s.id} className={s.id === step ? 'active' : undefined}>
                  {open ? (
                    <button type="button" className="link-btn" aria-current={s.id === step ? 'step' : undefined} onClick={() => go(s.id)}>
                      {done ? '✓ ' : ''}
                      {s.title}
                    </button>
                  ) : (
                    <span className="muted">{s.title}</span>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
        <section className="card euact-step" aria-labelledby="step-title" data-step={step}>
          {step === REVIEW ? (
            <>
              <h2 id="step-title">Review and save</h2>
              {missing.length ? (
                <Banner kind="warning">{missing.length} question(s) still need an answer.</Banner>
              ) : (
                <p className="muted">Check the answers; the class, basis, rationale and obligations are worked out by the server when you save.</p>
              )}
              {steps.map((s) => (
                <div key={s.id} className="euact-review-group">
                  <div className="card-head">
                    <h3>{s.title}</h3>
                    <button type="button" className="link-btn" onClick={() => go(s.id)}>
                      Change
                    </button>
                  </div>
                  <table className="table table-compact euact-review">
                    <tbody>
                      {s.questions.map((x) => (
                        <tr key={x.id} data-answer={x.id}>
                          <td>{x.text}</td>
                          <td className="nowrap">
                            <strong>{answerText(x, answers[x.id])}</strong>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
              <Field label="Note (optional)" name="note" hint="Kept with this classification, e.g. whose documentation the answers rely on.">
                {({ id: fid, describedBy }) => <textarea id={fid} rows={2} maxLength={2000} value={note} aria-describedby={describedBy} onChange={(e) => setNote(e.target.value)} />}
              </Field>
              {current ? <p className="muted small">Version {current.classification.version} stays in the history.</p> : null}
            </>
          ) : stepInfo ? (
            <>
              <h2 id="step-title">{stepInfo.title}</h2>
              <p className="muted">{stepInfo.description}</p>
              {stepInfo.questions.some((x) => fresh.has(x.id)) ? (
                <Banner kind="info" testId="recheck-step">
                  New or changed since the saved classification: {stepInfo.questions.filter((x) => fresh.has(x.id)).map((x) => x.id).join(', ')}. The other answers are kept.
                </Banner>
              ) : null}
              {stepInfo.questions.map((x) => (
                <QuestionInput key={x.id} question={x} value={answers[x.id]} error={errors[x.id]} onChange={(v) => answer(x.id, v)} />
              ))}
            </>
          ) : null}
          <div className="form-actions">
            {prev ? (
              <button type="button" className="btn" onClick={() => go(prev)}>
                Back
              </button>
            ) : null}
            {step === REVIEW ? (
              <button type="button" className="btn btn-primary" disabled={busy || missing.length > 0} onClick={() => void save()} data-testid="wizard-save">
                {busy ? 'Saving…' : 'Save classification'}
              </button>
            ) : (
              <button type="button" className="btn btn-primary" onClick={onNext}>
                Next
              </button>
            )}
            <Link to={back} className="btn btn-ghost" onClick={() => writeDraft(id, null)}>
              Cancel
            </Link>
          </div>
        </section>
      </div>
    </div>
  );
}
