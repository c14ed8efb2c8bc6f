// Helpers shared by the EU AI Act tests (HTTP, CLI, browser): evaluating the questionnaire's
// conditions as the server does, and completing answers with "no" for every other question asked.

/** True if the condition holds for the answers (of questions asked so far). */
export function holds(questionnaire, cond, answers) {
  if (cond === null || cond === undefined) return true;
  if (cond.all) return cond.all.every((x) => holds(questionnaire, x, answers));
  if (cond.any) return cond.any.some((x) => holds(questionnaire, x, answers));
  if (cond.not) return !holds(questionnaire, cond.not, answers);
  if (cond.condition) return holds(questionnaire, questionnaire.conditions[cond.condition], answers);
  const a = answers[cond.answer];
  if (a === undefined) return false;
  if ('is' in cond) return a === cond.is;
  if (!Array.isArray(a)) return false;
  if ('includes' in cond) return a.includes(cond.includes);
  return cond.includes_any.some((v) => a.includes(v));
}

/** The questions asked for `answers`, in order (answers to questions not asked are ignored). */
export function asked(questionnaire, answers) {
  const eff = {};
  const out = [];
  for (const q of questionnaire.questions) {
    if (!holds(questionnaire, q.show_if, eff)) continue;
    out.push(q);
    if (q.id in answers) eff[q.id] = answers[q.id];
  }
  return out;
}

/** `given`, with every other question asked answered no (or none, or the first option). */
export function complete(questionnaire, given) {
  const a = { ...given };
  for (;;) {
    const q = asked(questionnaire, a).find((x) => !(x.id in a));
    if (!q) return a;
    a[q.id] = q.type === 'yes_no' ? false : q.type === 'single_choice' ? q.options[0].value : q.min_items ? [q.options[0].value] : [];
  }
}

/** Answers of a few typical systems (to be completed). */
export const PRESETS = {
  hr: { roles: ['provider', 'deployer'], 'annex3-areas': ['4'], 'annex3-4-a': true, 'art6-3-profiling': true },
  credit: { roles: ['provider', 'deployer'], 'annex3-areas': ['5'], 'annex3-5-b': true, 'art6-3-profiling': true },
  chatbot: { roles: ['provider', 'deployer'], 'art50-1': true },
};
