// The classification questionnaire in the browser: which questions are asked for the answers so
// far (the server's conditions, evaluated the same way), the wizard's steps, what is missing, and
// the answers to send. Pure functions.
import type { Answers, AnswerValue, Condition, Question, Questionnaire } from './api';

/** True if the condition holds for answers of the questions asked so far. */
export function holds(q: Questionnaire, cond: Condition | undefined, answers: Answers): boolean {
  if (cond === null || cond === undefined) return true;
  if (cond.all) return cond.all.every((c) => holds(q, c, answers));
  if (cond.any) return cond.any.some((c) => holds(q, c, answers));
  if (cond.not !== undefined) return !holds(q, cond.not, answers);
  if (cond.condition) return holds(q, q.conditions[cond.condition], answers);
  if (!cond.answer) return false;
  const a = answers[cond.answer];
  if (a === undefined) return false;
  if (cond.is !== undefined) return a === cond.is;
  if (!Array.isArray(a)) return false;
  if (cond.includes !== undefined) return a.includes(cond.includes);
  return (cond.includes_any ?? []).some((v) => a.includes(v));
}

/** The questions asked for these answers, in order; answers to other questions do not count. */
export function askedQuestions(q: Questionnaire, answers: Answers): Question[] {
  const effective: Answers = {};
  const out: Question[] = [];
  for (const question of q.questions) {
    if (!holds(q, question.show_if, effective)) continue;
    out.push(question);
    if (question.id in answers) effective[question.id] = answers[question.id];
  }
  return out;
}

/** Only the answers to questions asked (what the server keeps). */
export function keptAnswers(q: Questionnaire, answers: Answers): Answers {
  const out: Answers = {};
  for (const question of askedQuestions(q, answers)) if (question.id in answers) out[question.id] = answers[question.id];
  return out;
}

export function isAnswered(question: Question, v: AnswerValue | undefined): boolean {
  if (v === undefined) return false;
  if (question.type === 'multi_choice') return Array.isArray(v) && v.length >= (question.min_items ?? 0);
  return question.type === 'yes_no' ? typeof v === 'boolean' : typeof v === 'string' && v !== '';
}

export interface WizardStep {
  id: string;
  title: string;
  description: string;
  questions: Question[];
}

export const REVIEW = 'review';

/** The steps with at least one question asked, in order. */
export function wizardSteps(q: Questionnaire, answers: Answers): WizardStep[] {
  const asked = askedQuestions(q, answers);
  return q.steps
    .map((s) => ({ ...s, questions: asked.filter((x) => x.step === s.id) }))
    .filter((s) => s.questions.length > 0);
}

/** Ids of the questions asked but not answered (in order). */
export function missingQuestions(q: Questionnaire, answers: Answers): string[] {
  return askedQuestions(q, answers)
    .filter((x) => !isAnswered(x, answers[x.id]))
    .map((x) => x.id);
}

/**
 * The steps one may open: every step up to and including the first with a missing answer, and
 * the review once nothing is missing.
 */
export function reachableSteps(q: Questionnaire, answers: Answers): string[] {
  const out: string[] = [];
  for (const s of wizardSteps(q, answers)) {
    out.push(s.id);
    if (s.questions.some((x) => !isAnswered(x, answers[x.id]))) return out;
  }
  out.push(REVIEW);
  return out;
}

/** The step to show for a `step` URL parameter: it if reachable, else the last reachable one. */
export function currentStep(q: Questionnaire, answers: Answers, wanted: string | null): string {
  const reachable = reachableSteps(q, answers);
  if (wanted && reachable.includes(wanted)) return wanted;
  return reachable[0];
}

/** The step before and after `step` (the review comes last). */
export function neighbours(q: Questionnaire, answers: Answers, step: string): { prev: string | null; next: string | null } {
  const ids = [...wizardSteps(q, answers).map((s) => s.id), REVIEW];
  const i = ids.indexOf(step);
  return { prev: i > 0 ? ids[i - 1] : null, next: i >= 0 && i + 1 < ids.length ? ids[i + 1] : null };
}

/** The step a question is on (for server errors named `answers.<id>`). */
export function stepOfQuestion(q: Questionnaire, id: string): string | null {
  return q.questions.find((x) => x.id === id)?.step ?? null;
}

/** An answer for people: Yes/No, or the options' labels. */
export function answerText(question: Question, v: AnswerValue | undefined): string {
  if (v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  const label = (x: string) => question.options?.find((o) => o.value === x)?.label ?? x;
  if (Array.isArray(v)) return v.length ? v.map(label).join(', ') : 'None';
  return label(v);
}

/** A multi-choice answer with `value` ticked or unticked, in the options' order. */
export function toggle(question: Question, v: AnswerValue | undefined, value: string, on: boolean): string[] {
  const set = new Set(Array.isArray(v) ? v : []);
  if (on) set.add(value);
  else set.delete(value);
  return (question.options ?? []).map((o) => o.value).filter((x) => set.has(x));
}
