// EU AI Act classification and obligations (SPEC §3): the questionnaire, classifying a system
// (201/200, ETag, If-Match 428/412), 422 on incomplete or invalid answers with nothing changed,
// saved versions, the inventory fields and system history kept in step, obligations created,
// kept, retired and edited, the register's filters, sorting and paging, roles and tenancy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, memberClients } from '../lib/http.mjs';
import { serverForFile, otherOrgClient } from '../lib/fixture.mjs';
import { asked as askedIn, complete as completeIn, PRESETS } from '../lib/euact.mjs';
import { SYS, OBL } from '../lib/paths.mjs';

const Q = '/api/v1/eu-ai-act/questionnaire';
const PW = 'eu ai act role password';
const PW_OTHER = 'other organization password';
const ROLES = ['viewer', 'auditor', 'contributor', 'manager'];
const TODAY = new Date().toISOString().slice(0, 10);

let srv, c, questionnaire;
const as = {};

serverForFile(async (s) => {
  ({ srv, c } = s);
  Object.assign(as, await memberClients(srv, ROLES, PW));
  questionnaire = assertJson(await c('GET', Q));
});

// ---- helpers -----------------------------------------------------------------------------------

let n = 0;
async function system(fields = {}) {
  return assertJson(await c('POST', SYS, { json: { name: `EU system ${++n}`, purpose: 'Classified by the EU AI Act tests', owner: 'Owner ' + n, ...fields } }), 201);
}

const asked = (answers) => askedIn(questionnaire, answers);
const complete = (given) => completeIn(questionnaire, given);

const { hr: HIGH_RISK_4A, credit: HIGH_RISK_5B, chatbot: CHATBOT } = PRESETS;

const put = (id, answers, ifMatch, who = c, extra = {}) =>
  who('PUT', `${SYS}/${id}/classification`, { json: { answers, ...extra }, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });

async function classify(id, given, ifMatch) {
  const r = await put(id, complete(given), ifMatch);
  assert.ok([200, 201].includes(r.status), `${r.req}: ${r.status} ${r.text}`);
  return { body: assertJson(r, r.status), etag: r.headers.get('etag'), status: r.status, location: r.headers.get('location') };
}

async function obligations(query = '', who = c) {
  return assertJson(await who('GET', `${OBL}${query}`));
}

/** Every page of a list query (which starts with `?`), following `next`. */
async function allObligations(query, who = c) {
  const items = [];
  let next, total;
  do {
    const page = await obligations(`${query}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`, who);
    items.push(...page.items);
    ({ total, next } = page);
  } while (next);
  return { items, total };
}

/** What a system's classification state looks like, for "nothing changed" checks. */
async function state(id, who = c) {
  const sys = assertJson(await who('GET', `${SYS}/${id}`));
  const cls = await who('GET', `${SYS}/${id}/classification`);
  const history = assertJson(await who('GET', `${SYS}/${id}/classification/history`));
  const obs = await obligations(`?system=${id}&retired=all&limit=500`, who);
  const sysHistory = assertJson(await who('GET', `${SYS}/${id}/history`));
  return { sys, cls: cls.status === 200 ? cls.body : cls.status, history, obs, sysHistory };
}

function assertFields(p, fields, what = '') {
  assert.ok(Array.isArray(p.errors), `${what}: problem has no errors array`);
  assert.deepEqual([...new Set(p.errors.map((e) => e.field))].sort(), [...fields].sort(), `${what}: ${JSON.stringify(p.errors)}`);
}

// ---- the questionnaire ---------------------------------------------------------------------------

test('GET /eu-ai-act/questionnaire: steps, questions with conditions, the amending act and its notes', async () => {
  const q = questionnaire;
  assert.deepEqual(q.amending_acts, ['Regulation (EU) 2026/1744']);
  assert.ok(q.notes.length >= 2 && q.notes.every((x) => typeof x === 'string' && x.length > 20));
  const ids = q.questions.map((x) => x.id);
  assert.equal(new Set(ids).size, ids.length, 'question ids are unique');
  assert.equal(ids[0], 'roles');
  for (const id of ['art2-scope', 'art25-1', 'art5-1-a', 'art5-1-h', 'art5-1-ba', 'art5-1-bb', 'art5-1-ba-foreseeable', 'art6-1', 'annex1-section', 'annex3-areas', 'annex3-1-a', 'annex3-8-b',
    'art6-3-profiling', 'art6-3-a', 'art6-3-d', 'deployer-public-service', 'deployer-public-authority', 'art111-2', 'art50-1',
    'art50-4', 'gpai-model', 'gpai-systemic-risk'])
    assert.ok(ids.includes(id), `${id} is a question`);
  assert.equal(ids.filter((id) => /^annex3-\d(-[a-e])?$/.test(id)).length, 25, 'every Annex III point');
  const steps = new Set(q.steps.map((s) => s.id));
  for (const x of q.questions) {
    assert.ok(steps.has(x.step), `${x.id}: unknown step ${x.step}`);
    assert.ok(['yes_no', 'single_choice', 'multi_choice'].includes(x.type));
    assert.ok(x.text.length > 10 && x.article.length > 0);
  }
  assert.deepEqual(q.questions[0].options.map((o) => o.value),
    ['provider', 'deployer', 'importer', 'distributor', 'product_manufacturer', 'authorised_representative']);
  // Conditional structure: a point is asked only when its area is picked; nothing after a prohibited practice.
  const base = complete({ roles: ['provider'] });
  assert.ok(!asked(base).some((x) => x.id === 'annex3-4-a'));
  assert.ok(asked({ ...base, 'annex3-areas': ['4'] }).some((x) => x.id === 'annex3-4-a'));
  assert.ok(asked({ ...base, 'art5-1-c': true }).every((x) => ['role', 'scope', 'prohibited'].includes(x.step)));
  assert.ok(asked({ ...base, 'art2-scope': ['art2-6'] }).every((x) => ['role', 'scope'].includes(x.step)), 'an Art. 2 exclusion ends it');
  const ncii = q.questions.find((x) => x.id === 'art5-1-ba');
  assert.equal(ncii.article, 'Art. 5(1)(ba)');
  assert.ok(!q.notes.some((x) => /did not check/.test(x)), 'no note says the data is unverified');
});

// ---- classify ------------------------------------------------------------------------------------

test('a system without a classification answers 404; the first PUT answers 201 with ETag "v1" and the result', async () => {
  const s = await system();
  const p = assertProblem(await c('GET', `${SYS}/${s.id}/classification`), 404);
  assert.match(p.detail, /not been classified/);
  const r = await classify(s.id, HIGH_RISK_4A);
  assert.equal(r.status, 201);
  assert.equal(r.etag, '"v1"');
  assert.equal(r.location, `${SYS}/${s.id}/classification`);
  const cl = r.body;
  assert.equal(cl.system_id, s.id);
  assert.equal(cl.version, 1);
  assert.equal(cl.classified_by, srv.admin.email);
  assert.equal(cl.questionnaire_version, questionnaire.version);
  assert.equal(cl.recheck, null, 'answered with the current questionnaire: nothing to re-check');
  assert.equal(cl.result.class, 'high_risk');
  assert.equal(cl.result.basis, 'Annex III point 4(a)');
  assert.equal(cl.result.applies_from, '2027-12-02');
  assert.deepEqual(cl.result.roles, ['provider', 'deployer']);
  assert.equal(cl.result.organization_role, 'provider');
  assert.deepEqual(cl.result.high_risk.annex_iii_points, ['4(a)']);
  assert.equal(cl.result.high_risk.profiling, true);
  assert.match(cl.result.rationale, /^High-risk under Annex III point 4\(a\)/);
  const q4a = questionnaire.questions.find((x) => x.id === 'annex3-4-a');
  assert.ok(cl.result.rationale.includes(q4a.text), 'the rationale names the answer that led to it');
  assert.ok(cl.result.reasons.some((x) => x.question === 'annex3-4-a' && x.answer === 'yes'));
  // The answers are kept with the result, only those asked, in questionnaire order.
  assert.equal(cl.answers['annex3-4-a'], true);
  assert.equal(Object.keys(cl.answers)[0], 'roles');
  assert.ok(cl.result.obligations.some((o) => o.id === 'art9' && o.applies_from === '2027-12-02'));
  const got = await c('GET', `${SYS}/${s.id}/classification`);
  assert.deepEqual(assertJson(got), cl);
  assert.equal(got.headers.get('etag'), '"v1"');
});

test('saving updates the inventory fields in step, with a "classify" history entry, and list filters see it', async () => {
  const s = await system({ organization_role: 'deployer' });
  await classify(s.id, HIGH_RISK_5B);
  const after = assertJson(await c('GET', `${SYS}/${s.id}`));
  assert.equal(after.eu_ai_act_class, 'high_risk');
  assert.equal(after.eu_ai_act_basis, 'Annex III point 5(b)');
  assert.match(after.eu_ai_act_rationale, /^High-risk under Annex III point 5\(b\)/);
  assert.equal(after.organization_role, 'provider');
  assert.equal(after.version, 2);
  const h = assertJson(await c('GET', `${SYS}/${s.id}/history`)).items;
  assert.equal(h[0].operation, 'classify');
  assert.equal(h[0].actor, srv.admin.email);
  assert.deepEqual(h[0].changes.map((x) => x.field).sort(), ['eu_ai_act_basis', 'eu_ai_act_class', 'eu_ai_act_rationale', 'organization_role']);
  assert.deepEqual(h[0].changes.find((x) => x.field === 'eu_ai_act_class'), { field: 'eu_ai_act_class', from: 'unclassified', to: 'high_risk' });
  const list = assertJson(await c('GET', `${SYS}?eu_ai_act_class=high_risk&limit=500`));
  assert.ok(list.items.some((x) => x.id === s.id && x.eu_ai_act_basis === 'Annex III point 5(b)'));
  // Re-classifying to a chatbot changes them again.
  await classify(s.id, CHATBOT, '"v1"');
  const again = assertJson(await c('GET', `${SYS}/${s.id}`));
  assert.equal(again.eu_ai_act_class, 'transparency');
  assert.equal(again.eu_ai_act_basis, 'Art. 50(1)');
  const tr = assertJson(await c('GET', `${SYS}?eu_ai_act_class=transparency&limit=500`));
  assert.ok(tr.items.some((x) => x.id === s.id));
  assert.ok(!assertJson(await c('GET', `${SYS}?eu_ai_act_class=high_risk&limit=500`)).items.some((x) => x.id === s.id));
});

test('incomplete answers answer 422 naming each missing question, and nothing changes', async () => {
  const s = await system();
  const before = await state(s.id);
  let p = assertProblem(await put(s.id, {}), 422);
  const missing = p.errors.map((e) => e.field);
  for (const id of ['roles', 'art2-scope', 'art5-1-a', 'art5-1-ba', 'art5-1-bb']) assert.ok(missing.includes(`answers.${id}`), id);
  assert.match(p.detail, /not answered/);
  const partial = complete(HIGH_RISK_4A);
  delete partial['art6-3-profiling'];
  delete partial['art50-2'];
  p = assertProblem(await put(s.id, partial), 422);
  assertFields(p, ['answers.art6-3-profiling', 'answers.art50-2']);
  assert.ok(p.errors.every((e) => e.message.length > 10));
  // A yes opens follow-ups that then need answers too.
  p = assertProblem(await put(s.id, { ...complete({ roles: ['provider'] }), 'annex3-areas': ['1'] }), 422);
  assertFields(p, ['answers.annex3-1-a', 'answers.annex3-1-b', 'answers.annex3-1-c']);
  assert.deepEqual(await state(s.id), before);
});

test('invalid answers and bodies answer 422, 400 or 415, and nothing changes', async () => {
  const s = await system();
  await classify(s.id, CHATBOT);
  const before = await state(s.id);
  const good = complete(CHATBOT);
  const cases = [
    [{ ...good, 'art5-1-a': 'no' }, ['answers.art5-1-a']],
    [{ ...good, 'no-such-question': true }, ['answers.no-such-question']],
    [{ ...good, roles: [] }, ['answers.roles']],
    [{ ...good, roles: ['boss'] }, ['answers.roles']],
    [{ ...good, 'annex3-areas': '4' }, ['answers.annex3-areas']],
    [{ ...good, 'art2-scope': ['art2-99'] }, ['answers.art2-scope']],
    [{ ...good, 'art2-scope': 'art2-6' }, ['answers.art2-scope']],
    [{ ...good, 'art5-1-ba-foreseeable': 'maybe' }, ['answers.art5-1-ba-foreseeable']],
    [{ ...good, 'deployer-public': true }, ['answers.deployer-public']],
  ];
  for (const [answers, fields] of cases) assertFields(assertProblem(await put(s.id, answers, '"v1"'), 422), fields, JSON.stringify(fields));
  assertFields(assertProblem(await c('PUT', `${SYS}/${s.id}/classification`, { json: { note: 'no answers' }, headers: { 'if-match': '"v1"' } }), 422), ['answers']);
  assertFields(assertProblem(await c('PUT', `${SYS}/${s.id}/classification`, { json: { answers: good, result: { class: 'minimal' } }, headers: { 'if-match': '"v1"' } }), 422), ['result']);
  assertFields(assertProblem(await c('PUT', `${SYS}/${s.id}/classification`, { json: { answers: [] }, headers: { 'if-match': '"v1"' } }), 422), ['answers']);
  assertProblem(await c('PUT', `${SYS}/${s.id}/classification`, { json: [], headers: { 'if-match': '"v1"' } }), 400);
  assertProblem(await c('PUT', `${SYS}/${s.id}/classification`, { body: '{', headers: { 'content-type': 'application/json', 'if-match': '"v1"' } }), 400);
  assertProblem(await c('PUT', `${SYS}/${s.id}/classification`, { body: 'answers', headers: { 'content-type': 'text/plain', 'if-match': '"v1"' } }), 415);
  assert.deepEqual(await state(s.id), before);
});

test('re-classifying needs If-Match: 428 without, 412 when stale; a new system refuses a made-up version', async () => {
  const s = await system();
  assertProblem(await put(s.id, complete(CHATBOT), '"v1"'), 412);
  await classify(s.id, CHATBOT);
  const before = await state(s.id);
  assertProblem(await put(s.id, complete(HIGH_RISK_4A)), 428);
  assertProblem(await put(s.id, complete(HIGH_RISK_4A), '"v2"'), 412);
  assertProblem(await put(s.id, complete(HIGH_RISK_4A), 'v1'), 412);
  assert.deepEqual(await state(s.id), before);
  const r = await classify(s.id, HIGH_RISK_4A, '"v1"');
  assert.equal(r.status, 200);
  assert.equal(r.etag, '"v2"');
  assertProblem(await put(s.id, complete(CHATBOT), '"v1"'), 412);
});

test('history keeps every saved version newest first, with answers, result and note; it pages', async () => {
  const s = await system();
  await classify(s.id, CHATBOT);
  let r = await put(s.id, complete(HIGH_RISK_4A), '"v1"', c, { note: 'Now also screens CVs' });
  assertJson(r);
  r = await put(s.id, complete({ roles: ['deployer'] }), '"v2"');
  assertJson(r);
  const h = assertJson(await c('GET', `${SYS}/${s.id}/classification/history`)).items;
  assert.deepEqual(h.map((x) => x.version), [3, 2, 1]);
  assert.deepEqual(h.map((x) => x.result.class), ['minimal', 'high_risk', 'transparency']);
  assert.equal(h[1].note, 'Now also screens CVs');
  assert.equal(h[2].answers['art50-1'], true);
  assert.deepEqual(h[0], assertJson(await c('GET', `${SYS}/${s.id}/classification`)));
  const p1 = assertJson(await c('GET', `${SYS}/${s.id}/classification/history?limit=2`));
  assert.deepEqual(p1.items.map((x) => x.version), [3, 2]);
  assert.equal(typeof p1.next, 'string');
  const p2 = assertJson(await c('GET', `${SYS}/${s.id}/classification/history?limit=2&cursor=${p1.next}`));
  assert.deepEqual(p2.items.map((x) => x.version), [1]);
  assert.equal(p2.next, undefined);
  assertFields(assertProblem(await c('GET', `${SYS}/${s.id}/classification/history?cursor=abc`), 400), ['cursor']);
  assertFields(assertProblem(await c('GET', `${SYS}/${s.id}/classification/history?limit=0`), 400), ['limit']);
});

test('archived systems cannot be classified (409) and unknown systems answer 404', async () => {
  const s = await system();
  assertJson(await c('POST', `${SYS}/${s.id}/archive`));
  const before = await state(s.id);
  assertProblem(await put(s.id, complete(CHATBOT)), 409);
  assert.deepEqual(await state(s.id), before);
  for (const [m, suffix] of [['GET', ''], ['PUT', ''], ['GET', '/history']]) {
    const r = await c(m, `${SYS}/sys_does_not_exist/classification${suffix}`, m === 'PUT' ? { json: { answers: complete(CHATBOT) } } : {});
    assertProblem(r, 404);
  }
});

// ---- obligations ----------------------------------------------------------------------------------

test('classification creates the obligations per role with dates, owner and ISO/IEC 42001 mapping', async () => {
  const s = await system({ owner: 'Head of HR' });
  await classify(s.id, { ...HIGH_RISK_4A, roles: ['deployer'] });
  const all = await obligations(`?system=${s.id}`);
  // AI literacy (Art. 4, since 2 February 2025) first, then the high-risk duties of a deployer.
  assert.deepEqual(all.items.map((o) => o.obligation_id), ['art4', 'art25', 'art26', 'art73', 'art86']);
  assert.equal(all.total, 5);
  assert.equal(all.items[0].applies_from, '2025-02-02');
  const l = { items: all.items.slice(1) };
  for (const o of l.items) {
    assert.equal(o.system_id, s.id);
    assert.equal(o.system_name, s.name);
    assert.deepEqual(o.roles, ['deployer']);
    assert.equal(o.applies_from, '2027-12-02');
    assert.equal(o.due, '2027-12-02');
    assert.equal(o.status, 'not_started');
    assert.equal(o.owner, 'Head of HR', 'new obligations take the system owner');
    assert.equal(o.retired, false);
    assert.equal(o.overdue, false);
    assert.equal(o.version, 1);
    assert.ok(o.iso42001_controls.length > 0);
    assert.ok(o.evidence_examples.length >= 2);
    assert.ok(o.summary.length > 50);
  }
  assert.equal(l.items[1].article, 'Art. 26');
  assert.ok(l.items[1].iso42001_controls.includes('A.9.2'));
  const one = await c('GET', `${OBL}/${s.id}/art26`);
  assert.deepEqual(assertJson(one), l.items[1]);
  assert.equal(one.headers.get('etag'), '"v1"');
  assertProblem(await c('GET', `${OBL}/${s.id}/art9`), 404);
});

test('re-classification keeps the status of obligations that still apply and retires the others', async () => {
  const s = await system();
  await classify(s.id, HIGH_RISK_4A);
  let art73 = await c('GET', `${OBL}/${s.id}/art73`);
  const edited = assertJson(await c('PATCH', `${OBL}/${s.id}/art73`, {
    json: { status: 'in_progress', owner: 'Incident desk', evidence_refs: ['PROC-7 incident procedure'], notes: 'Draft under review' },
    headers: { 'if-match': art73.headers.get('etag') },
  }));
  assert.equal(edited.version, 2);
  const art9 = assertJson(await c('GET', `${OBL}/${s.id}/art9`));
  // 4(a) → 5(b): still high-risk; Art. 27 now follows for the deployer (credit scoring).
  await classify(s.id, HIGH_RISK_5B, '"v1"');
  const now = assertJson(await c('GET', `${OBL}/${s.id}/art73`));
  assert.equal(now.status, 'in_progress');
  assert.equal(now.owner, 'Incident desk');
  assert.deepEqual(now.evidence_refs, ['PROC-7 incident procedure']);
  assert.equal(now.notes, 'Draft under review');
  assert.equal(now.version, 2, 'unchanged obligations are not rewritten');
  assert.deepEqual(assertJson(await c('GET', `${OBL}/${s.id}/art9`)), art9);
  assert.equal(assertJson(await c('GET', `${OBL}/${s.id}/art27`)).status, 'not_started');
  // High-risk → chatbot: the high-risk obligations are retired (hidden by default), Art. 50(1) follows.
  await classify(s.id, CHATBOT, '"v2"');
  const current = await obligations(`?system=${s.id}`);
  assert.deepEqual(current.items.map((o) => o.obligation_id), ['art4', 'art50-1-disclose']);
  assert.equal(current.items[1].applies_from, '2026-08-02');
  const retired = await obligations(`?system=${s.id}&retired=true&limit=500`);
  assert.ok(retired.items.length >= 18);
  assert.ok(retired.items.every((o) => o.retired === true && typeof o.retired_at === 'string'));
  const r73 = retired.items.find((o) => o.obligation_id === 'art73');
  assert.equal(r73.status, 'in_progress', 'a retired obligation keeps what was recorded');
  assert.equal((await obligations(`?system=${s.id}&retired=all&limit=500`)).total, retired.total + 2);
  // A retired obligation cannot be edited.
  const snap = await state(s.id);
  assertProblem(await c('PATCH', `${OBL}/${s.id}/art73`, { json: { status: 'met' }, headers: { 'if-match': `"v${r73.version}"` } }), 409);
  assert.deepEqual(await state(s.id), snap);
  // Back to high-risk: the retired ones are reinstated with what they had.
  await classify(s.id, HIGH_RISK_5B, '"v3"');
  const back = assertJson(await c('GET', `${OBL}/${s.id}/art73`));
  assert.equal(back.retired, false);
  assert.equal(back.status, 'in_progress');
  assert.equal(back.owner, 'Incident desk');
  assert.equal((await obligations(`?system=${s.id}&article=art50-1-disclose&retired=true`)).total, 1);
});

test('PATCH an obligation: If-Match 428/412, a reason for not applicable (422), owner and evidence edits', async () => {
  const s = await system();
  await classify(s.id, HIGH_RISK_4A);
  const path = `${OBL}/${s.id}/art12`;
  const before = await state(s.id);
  assertProblem(await c('PATCH', path, { json: { owner: 'x' } }), 428);
  assertProblem(await c('PATCH', path, { json: { owner: 'x' }, headers: { 'if-match': '"v2"' } }), 412);
  assertFields(assertProblem(await c('PATCH', path, { json: { status: 'not_applicable' }, headers: { 'if-match': '"v1"' } }), 422), ['not_applicable_reason']);
  assertFields(assertProblem(await c('PATCH', path, { json: { status: 'not_applicable', not_applicable_reason: '  ' }, headers: { 'if-match': '"v1"' } }), 422), ['not_applicable_reason']);
  assertFields(assertProblem(await c('PATCH', path, { json: { status: 'done', owner: 7, evidence_refs: 'x', due: '2030-01-01', colour: 'red' }, headers: { 'if-match': '"v1"' } }), 422),
    ['status', 'owner', 'evidence_refs', 'due', 'colour']);
  assertProblem(await c('PATCH', path, { json: [], headers: { 'if-match': '"v1"' } }), 400);
  assertProblem(await c('PATCH', `${OBL}/${s.id}/art99`, { json: { owner: 'x' }, headers: { 'if-match': '"v1"' } }), 404);
  assert.deepEqual(await state(s.id), before);

  let r = await c('PATCH', path, { json: { status: 'not_applicable', not_applicable_reason: 'Logging is done by the platform team under Art. 12 of another system' }, headers: { 'if-match': '"v1"' } });
  let o = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v2"');
  assert.equal(o.status, 'not_applicable');
  assert.equal(o.updated_by, srv.admin.email);
  r = await c('PATCH', path, { json: { status: 'met', owner: 'Platform lead', evidence_refs: ['LOG-SPEC-2', 'LOG-SPEC-2', 'Retention config'] }, headers: { 'if-match': '"v2"' } });
  o = assertJson(r);
  assert.equal(o.version, 3);
  assert.equal(o.status, 'met');
  assert.equal(o.owner, 'Platform lead');
  assert.deepEqual(o.evidence_refs, ['LOG-SPEC-2', 'Retention config']);
  // An unchanged PATCH keeps the version.
  r = await c('PATCH', path, { json: { owner: 'Platform lead' }, headers: { 'if-match': '"v3"' } });
  assert.equal(assertJson(r).version, 3);
  assert.equal(r.headers.get('etag'), '"v3"');
});

test('the register across systems: filters, default order by application date, sorting and paging', async () => {
  const gp = await system({ name: 'Register GPAI model' });
  await classify(gp.id, { roles: ['provider'], 'gpai-model': true });
  const hr = await system({ name: 'Register HR tool' });
  await classify(hr.id, { ...HIGH_RISK_4A, roles: ['deployer'] });
  const bot = await system({ name: 'Register chatbot' });
  await classify(bot.id, CHATBOT);
  const ban = await system({ name: 'Register banned app' });
  await classify(ban.id, { roles: ['deployer'], 'art5-1-ba': true });

  const all = await allObligations('?limit=2');
  const mine = all.items.filter((o) => [gp.id, hr.id, bot.id, ban.id].includes(o.system_id));
  // Art. 4 (AI literacy) for the three systems with a provider or deployer role, first by date.
  assert.deepEqual(mine.slice(0, 3).map((o) => `${o.obligation_id}@${o.applies_from}`), Array(3).fill('art4@2025-02-02'));
  assert.deepEqual(mine.slice(3).map((o) => `${o.obligation_id}@${o.applies_from}`),
    ['art53@2025-08-02', 'art50-1-disclose@2026-08-02', 'art5@2026-12-02', 'art25@2027-12-02', 'art26@2027-12-02', 'art73@2027-12-02',
      'art86@2027-12-02']);
  const dates = all.items.map((o) => o.applies_from);
  assert.deepEqual(dates, [...dates].sort(), 'ordered by application date');
  assert.equal(all.total, all.items.length);
  assert.equal(new Set(all.items.map((o) => `${o.system_id}/${o.obligation_id}`)).size, all.items.length, 'pages neither repeat nor skip');

  const desc = (await obligations('?sort=-applies_from&limit=500')).items.map((o) => o.applies_from);
  assert.deepEqual(desc, [...desc].sort().reverse());
  const bySystem = (await obligations('?sort=system&limit=500')).items.map((o) => o.system_name.toLowerCase());
  assert.deepEqual(bySystem, [...bySystem].sort());
  // The 2026/1744 ban applies from 2 December 2026.
  const art5 = (await obligations(`?system=${ban.id}`)).items;
  assert.deepEqual(art5.map((o) => [o.obligation_id, o.applies_from, o.variant]), [['art5', '2026-12-02', 'prohibited_2026_1744']]);

  const ids = async (q) => (await obligations(`${q}&limit=500`)).items.filter((o) => [gp.id, hr.id, bot.id, ban.id].includes(o.system_id)).map((o) => o.obligation_id).sort();
  assert.deepEqual(await ids(`?system=${hr.id}`), ['art25', 'art26', 'art4', 'art73', 'art86']);
  assert.deepEqual(await ids('?article=Art.%2050'), ['art50-1-disclose']);
  assert.deepEqual(await ids('?article=art26'), ['art26']);
  assert.deepEqual(await ids('?role=deployer'), ['art25', 'art26', 'art4', 'art4', 'art5', 'art73', 'art86']);
  assert.deepEqual(await ids('?applies_from=2027-12-02'), ['art25', 'art26', 'art73', 'art86']);
  assert.deepEqual(await ids('?due_before=2026-12-02'), ['art4', 'art4', 'art4', 'art50-1-disclose', 'art53']);
  const overdue = await ids('?overdue=true');
  assert.ok(overdue.includes('art53'), 'a model duty due 2 August 2025 and not started is overdue');
  assert.equal(overdue.includes('art50-1-disclose'), TODAY > '2026-08-02');
  assert.ok(!overdue.includes('art26'));
  const gpo = assertJson(await c('GET', `${OBL}/${gp.id}/art53`));
  assert.equal(gpo.overdue, true);
  assertJson(await c('PATCH', `${OBL}/${gp.id}/art53`, { json: { status: 'met' }, headers: { 'if-match': '"v1"' } }));
  assert.ok(!(await ids('?overdue=true')).includes('art53'), 'met obligations are never overdue');
  assert.deepEqual(await ids('?status=met'), ['art53']);

  const p = assertProblem(await c('GET', `${OBL}?status=done&role=boss&due_before=tomorrow&overdue=1&sort=title&limit=501&retired=maybe&applies_from=2027-13-01`), 400);
  assertFields(p, ['status', 'role', 'due_before', 'overdue', 'sort', 'limit', 'retired', 'applies_from']);
  const first = await obligations('?limit=1');
  assertFields(assertProblem(await c('GET', `${OBL}?limit=1&sort=due&cursor=${encodeURIComponent(first.next)}`), 400), ['cursor']);
});

// ---- the adopted text ------------------------------------------------------------------------------

test('as adopted: a derogation registers, a private hospital owes an FRIA only, research is out of scope, a re-brand makes a provider', async () => {
  const result = async (given) => {
    const s = await system();
    const r = await classify(s.id, given);
    return { ...r.body.result, ids: r.body.result.obligations.map((o) => o.id) };
  };
  const derogation = await result({ roles: ['provider'], 'annex3-areas': ['4'], 'annex3-4-a': true, 'art6-3-profiling': false, 'art6-3-a': true });
  assert.deepEqual(derogation.ids, ['art4', 'art6-4-record', 'art49-2']);
  assert.equal(derogation.class, 'high_risk_exempt', 'an Art. 6(3) derogation has a class of its own');
  assert.match(derogation.rationale, /Art\. 49\(2\)/);
  const hospital = await result({ roles: ['deployer'], 'annex3-areas': ['5'], 'annex3-5-a': true, 'art6-3-profiling': true,
    'deployer-public-service': true, 'deployer-public-authority': false });
  assert.ok(hospital.ids.includes('art27') && !hospital.ids.includes('art49'), hospital.ids.join());
  const research = await result({ roles: ['provider'], 'art2-scope': ['art2-6'] });
  assert.equal(research.class, 'minimal');
  assert.equal(research.basis, 'Outside the scope: Art. 2(6)');
  assert.deepEqual(research.scope, { excluded: true, exclusions: [{ id: 'art2-6', article: 'Art. 2(6)', title: 'Scientific research and development' }] });
  assert.deepEqual(research.ids, []);
  const rebrand = await result({ ...HIGH_RISK_4A, roles: ['deployer'], 'art25-1': ['art25-1-a'] });
  assert.deepEqual(rebrand.roles, ['provider', 'deployer']);
  assert.equal(rebrand.provider_by_art25, true);
  assert.equal(rebrand.organization_role, 'provider');
  assert.ok(rebrand.ids.includes('art16') && rebrand.ids.includes('art26'));
  const generator = await result({ roles: ['provider'], 'art5-1-ba-foreseeable': true });
  assert.equal(generator.class, 'prohibited');
  assert.equal(generator.basis, 'Art. 5(1)(ba)');
  const legacy = await result({ ...HIGH_RISK_5B, 'art111-2': true, 'art111-2-public': true });
  assert.deepEqual(legacy.high_risk.legacy, { public_authorities: true });
  assert.equal(legacy.obligations.find((o) => o.id === 'art9').due, '2030-08-02');
});

// ---- roles and tenancy ----------------------------------------------------------------------------

test('viewer and auditor read classifications and obligations but get 403 on every write, and nothing changes', async () => {
  const s = await system();
  await classify(s.id, HIGH_RISK_4A);
  for (const role of ['viewer', 'auditor']) {
    const who = as[role];
    assertJson(await who('GET', Q));
    assert.equal(assertJson(await who('GET', `${SYS}/${s.id}/classification`)).version, 1);
    assertJson(await who('GET', `${SYS}/${s.id}/classification/history`));
    assert.ok((await obligations(`?system=${s.id}`, who)).total > 0);
    const before = await state(s.id);
    assertProblem(await put(s.id, complete(CHATBOT), '"v1"', who), 403);
    assertProblem(await who('PATCH', `${OBL}/${s.id}/art9`, { json: { status: 'met' }, headers: { 'if-match': '"v1"' } }), 403);
    const fresh = await system();
    assertProblem(await put(fresh.id, complete(CHATBOT), undefined, who), 403);
    assert.deepEqual(await state(s.id), before, `${role}: a refused write changed something`);
    assertProblem(await c('GET', `${SYS}/${fresh.id}/classification`), 404);
  }
});

test('contributor and manager classify and edit obligations', async () => {
  for (const role of ['contributor', 'manager']) {
    const who = as[role];
    const s = await system();
    const r = await put(s.id, complete(HIGH_RISK_4A), undefined, who);
    assert.equal(assertJson(r, 201).classified_by, `${role}@acme.test`);
    const o = assertJson(await who('PATCH', `${OBL}/${s.id}/art9`, { json: { status: 'in_progress' }, headers: { 'if-match': '"v1"' } }));
    assert.equal(o.updated_by, `${role}@acme.test`);
    assert.equal(assertJson(await c('GET', `${SYS}/${s.id}`)).updated_by, `${role}@acme.test`);
  }
});

test("another organization sees none of this: 404 on A's classification and obligations, lists without them", async () => {
  const s = await system({ name: 'Tenant A high-risk system' });
  await classify(s.id, HIGH_RISK_4A);
  const b = await otherOrgClient(srv, PW_OTHER, { name: 'Other EU', email: 'other-eu@x.test' });
  const before = await state(s.id);
  assertProblem(await b('GET', `${SYS}/${s.id}/classification`), 404);
  assertProblem(await b('GET', `${SYS}/${s.id}/classification/history`), 404);
  assertProblem(await b('PUT', `${SYS}/${s.id}/classification`, { json: { answers: complete(CHATBOT) }, headers: { 'if-match': '"v1"' } }), 404);
  assertProblem(await b('GET', `${OBL}/${s.id}/art9`), 404);
  assertProblem(await b('PATCH', `${OBL}/${s.id}/art9`, { json: { status: 'met' }, headers: { 'if-match': '"v1"' } }), 404);
  const list = await obligations('?limit=500&retired=all', b);
  assert.equal(list.total, 0);
  assert.deepEqual(list.items, []);
  assert.equal((await obligations(`?system=${s.id}`, b)).total, 0);
  assert.deepEqual(await state(s.id), before);
});
