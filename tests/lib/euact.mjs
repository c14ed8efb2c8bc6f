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

/**
 * Answers that give each EU AI Act class (to be completed); `roles` defaults to the deployer's
 * where the class allows it (a general-purpose AI model is answered by its provider).
 */
export function answersFor(cls, roles = ['deployer']) {
  const annex4a = { 'annex3-areas': ['4'], 'annex3-4-a': true };
  switch (cls) {
    case 'high_risk': return { roles, ...annex4a, 'art6-3-profiling': true };
    case 'high_risk_exempt': return { roles: ['provider'], ...annex4a, 'art6-3-profiling': false, 'art6-3-d': true };
    case 'gpai_model': return { roles: ['provider'], 'gpai-model': true };
    case 'gpai_systemic': return { roles: ['provider'], 'gpai-model': true, 'gpai-systemic-risk': true };
    case 'transparency': return { roles, 'art50-3': true };
    case 'prohibited': return { roles, 'art5-1-a': true };
    case 'minimal': return { roles };
    default: throw new Error(`no answers for class ${cls}`);
  }
}

const questionnaires = new Map(); // per client

/**
 * Classifies an AI system through the API (the only way its EU AI Act fields are set) so that
 * it gets `cls` (from `answers`, by default answersFor(cls, roles)); `c` is a client of
 * tests/lib/http.mjs. Returns the saved classification.
 */
export async function classifyAs(c, systemId, cls, { roles, answers } = {}) {
  if (!questionnaires.has(c)) questionnaires.set(c, (await c('GET', '/api/v1/eu-ai-act/questionnaire')).body);
  const path = `/api/v1/systems/${encodeURIComponent(systemId)}/classification`;
  const current = await c('GET', path);
  const headers = current.status === 200 ? { 'if-match': current.headers.get('etag') } : {};
  const r = await c('PUT', path, { json: { answers: complete(questionnaires.get(c), answers ?? answersFor(cls, roles)) }, headers });
  if (r.status !== 200 && r.status !== 201) throw new Error(`${r.req}: ${r.status} ${r.text}`);
  if (r.body.result.class !== cls) throw new Error(`classified as ${r.body.result.class}, not ${cls}`);
  return r.body;
}
