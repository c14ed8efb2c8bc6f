// AI system impact assessments (SPEC §6; ISO/IEC 42001 6.1.4, 8.4, A.5) against a real server:
// creation pre-filled from the inventory, validation that changes nothing, If-Match, the list's
// paging, sorting and filters, the thresholds and the derived outcome, review and approval with
// the roles the thresholds ask for, immutable versions, re-assessment when the AI system changes,
// the Art. 27 view, PDF and JSON exports (the JSON against tests/golden/impact-export.json with
// volatile values replaced; UPDATE_GOLDEN=1 rewrites it), history and tenant isolation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients, setSegregation } from '../lib/http.mjs';
import { otherOrgClient } from '../lib/fixture.mjs';
import { classifyAs, answersFor } from '../lib/euact.mjs';
import { SYS, IA } from '../lib/paths.mjs';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'impact-export.json');
const PW = 'impact role password';
const PW_OTHER = 'other organization password';
const ROLES = ['viewer', 'auditor', 'contributor', 'manager'];

let srv, c;
const as = {};
let cv, bot, forecast; // AI systems

const inAYear = () => new Date(Date.now() + 365 * 86400e3).toISOString().slice(0, 10);

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  Object.assign(as, await memberClients(srv, ROLES, PW));
  // The admin submits and approves its own assessments here; segregation of duties has its own tests.
  await setSegregation(c, { impact_approval: false });
  cv = assertJson(await c('POST', SYS, {
    json: {
      name: 'CV screener', purpose: 'Ranks job applications', intended_use: 'Helps recruiters read the best matches first',
      foreseeable_misuse: 'Automatic rejection', model_type: 'Fine-tuned language model', data_sources: ['Applicant CVs', 'Job descriptions'],
      deployment_context: 'Applicant tracking system of the HR team', affected_people: ['Job applicants', 'Recruiters'],
      human_oversight: 'human_in_the_loop', human_oversight_notes: 'A recruiter reviews every ranking.',
      organization_role: 'deployer', lifecycle_stage: 'design_and_development',
    },
  }), 201);
  // The EU AI Act fields come from the classification.
  // A deployer that provides public services: Art. 27 applies (Annex III point 4(a)).
  await classifyAs(c, cv.id, 'high_risk', { answers: { ...answersFor('high_risk'), 'deployer-public-service': true } });
  cv = assertJson(await c('GET', `${SYS}/${cv.id}`));
  bot = assertJson(await c('POST', SYS, { json: { name: 'Chatbot', purpose: 'Answers customer questions', organization_role: 'deployer' } }), 201);
  await classifyAs(c, bot.id, 'transparency');
  bot = assertJson(await c('GET', `${SYS}/${bot.id}`));
  forecast = assertJson(await c('POST', SYS, { json: { name: 'Forecasting', purpose: 'Forecasts demand', organization_role: 'provider' } }), 201);
});

after(async () => {
  await stopServer(srv);
});

// ---- helpers -----------------------------------------------------------------------------------

const get = async (id, who = c) => {
  const r = await who('GET', `${IA}/${id}`);
  return { body: assertJson(r), etag: r.headers.get('etag') };
};
const create = async (json, who = c) => {
  const r = await who('POST', IA, { json });
  const body = assertJson(r, 201);
  assert.equal(r.headers.get('location'), `${IA}/${body.id}`);
  assert.equal(r.headers.get('etag'), '"v1"');
  return body;
};
const patch = (id, json, ifMatch, who = c) => who('PATCH', `${IA}/${id}`, { json, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });
/** Patches with the current ETag and expects 200. */
const edit = async (id, json, who = c) => assertJson(await patch(id, json, (await get(id)).etag, who));
const history = async (id) => assertJson(await c('GET', `${IA}/${id}/history`)).items;
const list = async (query = '', who = c) => assertJson(await who('GET', `${IA}${query}`));

/** The record, its history and the organization's list (for "nothing changed" checks). */
async function snapshot(id) {
  return { rec: (await get(id)).body, history: await history(id), list: await list('?limit=500') };
}

function assertFields(p, fields, what = '') {
  assert.ok(Array.isArray(p.errors), `${what}: problem has no errors array`);
  assert.deepEqual([...new Set(p.errors.map((e) => e.field))].sort(), [...fields].sort(), `${what}: ${JSON.stringify(p.errors)}`);
  assert.ok(p.errors.every((e) => typeof e.message === 'string' && e.message.length > 0), `${what}: empty message`);
}

const harm = (severity, likelihood, extra = {}) => ({
  category: 'individual', type: 'harm', affected_party: 'Job applicants', description: `Harm ${severity}x${likelihood}`, severity, likelihood, ...extra,
});
const benefit = (extra = {}) => ({ category: 'society', type: 'benefit', affected_party: 'Employers', description: 'Faster hiring', severity: 2, likelihood: 4, ...extra });

/** A complete assessment of `system` ready for review. */
async function complete(system, impacts, extra = {}) {
  return create({
    system_id: system.id, scope: 'Hiring in the EU offices', next_review_date: inAYear(), impacts,
    deployment_context: 'HR', purpose: 'Ranking', intended_uses: 'Decision support', ...extra,
  });
}

const submit = (id, who = c) => who('POST', `${IA}/${id}/submit`);
const approve = (id, json, who = c, headers = {}) => who('POST', `${IA}/${id}/approve`, { json, headers });

function pdfText(bytes) {
  const r = spawnSync('pdftotext', ['-layout', '-', '-'], { input: bytes });
  assert.equal(r.status, 0, `pdftotext failed: ${r.stderr}`);
  return r.stdout.toString('utf8');
}

async function download(path) {
  const res = await c('GET', path);
  return res;
}

// ---- creation ----------------------------------------------------------------------------------

test('a new assessment is a draft numbered IA-n and pre-filled from the AI system inventory', async () => {
  const a = await create({ system_id: cv.id });
  assert.match(a.id, /^ia_[a-z0-9]+$/);
  assert.match(a.ref, /^IA-\d+$/);
  assert.equal(a.status, 'draft');
  assert.equal(a.version, 1);
  assert.equal(a.title, 'Impact assessment of CV screener');
  assert.equal(a.purpose, cv.purpose);
  assert.equal(a.intended_uses, cv.intended_use);
  assert.equal(a.unintended_uses, 'Automatic rejection');
  assert.deepEqual(a.data_sources, ['Applicant CVs', 'Job descriptions']);
  assert.equal(a.model_type, 'Fine-tuned language model');
  assert.equal(a.deployment_context, cv.deployment_context);
  assert.match(a.human_oversight, /Human in the loop/);
  assert.match(a.human_oversight, /A recruiter reviews every ranking\./);
  assert.deepEqual(a.interested_parties.map((p) => [p.name, p.relation]), [['Job applicants', 'affected'], ['Recruiters', 'affected']]);
  assert.deepEqual(a.impacts, []);
  assert.equal(a.outcome, 'normal');
  assert.deepEqual(a.system, { id: cv.id, name: 'CV screener', archived: false, organization_role: 'deployer', eu_ai_act_class: 'high_risk', eu_ai_act_basis: 'Annex III point 4(a)' });
  assert.equal(a.fria_required, true);
  assert.deepEqual(a.reassessment_due, { due: false, reasons: [], next_review_date: null, changed_fields: [] });
  assert.equal(a.created_by, srv.admin.email);
  assert.equal(a.approved_version, null);
  assert.deepEqual((await get(a.id)).body, a);

  // Given fields win over the pre-fill; numbers go up.
  const b = await create({ system_id: bot.id, title: 'Chatbot review', purpose: 'Own words' });
  assert.equal(b.title, 'Chatbot review');
  assert.equal(b.purpose, 'Own words');
  assert.equal(b.fria_required, false, 'a transparency-duty system needs no FRIA');
  assert.equal(Number(b.ref.slice(3)), Number(a.ref.slice(3)) + 1);
  const h = await history(a.id);
  assert.equal(h.length, 1);
  assert.equal(h[0].operation, 'create');
  assert.equal(h[0].actor, srv.admin.email);
});

test('creating with a bad body answers 422 naming each field and stores nothing', async () => {
  const archived = assertJson(await c('POST', SYS, { json: { name: 'Old system', purpose: 'Gone' } }), 201);
  assertJson(await c('POST', `${SYS}/${archived.id}/archive`));
  const before = await list('?limit=500');
  const cases = [
    [{}, ['system_id']],
    [{ system_id: 'sys_doesnotexist' }, ['system_id']],
    [{ system_id: archived.id }, ['system_id']],
    [{ system_id: 42 }, ['system_id']],
    [{ system_id: cv.id, status: 'approved', ref: 'IA-99' }, ['status', 'ref']],
    [{ system_id: cv.id, colour: 'red', title: '' }, ['colour', 'title']],
    [{ system_id: cv.id, next_review_date: '2027-13-01', assessors: 'me' }, ['next_review_date', 'assessors']],
    [{ system_id: cv.id, impacts: [{ type: 'risk', category: 'planet', affected_party: '', description: 'x', severity: 0, likelihood: 5 }] },
      ['impacts[0].type', 'impacts[0].category', 'impacts[0].affected_party', 'impacts[0].severity', 'impacts[0].likelihood']],
    [{ system_id: cv.id, impacts: [harm(2, 2, { measures: [{ owner: 'x', status: 'done' }] })] },
      ['impacts[0].measures[0].description', 'impacts[0].measures[0].status']],
    [{ system_id: cv.id, impacts: [harm(1, 1, { id: 'same' }), harm(1, 2, { id: 'same' })] }, ['impacts[1].id']],
    [{ system_id: cv.id, impacts: 'none' }, ['impacts']],
    [{ system_id: cv.id, interested_parties: [{ name: 'X', relation: 'boss', vulnerable: 'yes' }] },
      ['interested_parties[0].relation', 'interested_parties[0].vulnerable']],
    [{ system_id: cv.id, scope: 'x'.repeat(8001) }, ['scope']],
  ];
  for (const [json, fields] of cases) assertFields(assertProblem(await c('POST', IA, { json }), 422), fields, JSON.stringify(json).slice(0, 120));
  assertProblem(await c('POST', IA, { body: '{"system_id":', headers: { 'content-type': 'application/json' } }), 400);
  assertProblem(await c('POST', IA, { body: 'x', headers: { 'content-type': 'text/plain' } }), 415);
  assert.deepEqual(await list('?limit=500'), before, 'nothing was stored');
  // The counter did not move either: the next one gets the next number.
  const next = await create({ system_id: forecast.id });
  assert.equal(Number(next.ref.slice(3)), Math.max(...before.items.map((i) => Number(i.ref.slice(3)))) + 1);
});

// ---- changes -----------------------------------------------------------------------------------

test('PATCH needs If-Match (428 without, 412 stale), keeps fields not sent, scores the rows and returns to draft', async () => {
  const a = await create({ system_id: cv.id });
  const before = await snapshot(a.id);
  assertProblem(await patch(a.id, { scope: 'x' }), 428);
  assertProblem(await patch(a.id, { scope: 'x' }, '"v7"'), 412);
  assertProblem(await patch(a.id, { scope: 'x' }, 'v1'), 412);
  assert.deepEqual(await snapshot(a.id), before);

  let r = await patch(a.id, { scope: 'All hiring', impacts: [harm(3, 2), benefit()] }, '"v1"');
  let b = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v2"');
  assert.equal(b.version, 2);
  assert.equal(b.scope, 'All hiring');
  assert.equal(b.purpose, a.purpose, 'fields not sent are kept');
  assert.deepEqual(b.impacts.map((e) => [e.type, e.score, e.level]), [['harm', 6, 'sensitive'], ['benefit', 8, null]]);
  assert.ok(b.impacts.every((e) => /^imp_[a-z0-9]+$/.test(e.id)), 'new rows get ids');
  assert.equal(b.outcome, 'sensitive');
  assert.deepEqual(b.summary, { benefits: 1, harms: 1, measures: 0, highest_harm_score: 6 });

  // Rows keep their ids when sent back (with their derived score and level, which are ignored).
  const ids = b.impacts.map((e) => e.id);
  b.impacts[0].severity = 4;
  b.impacts[0].score = 99;
  r = await patch(a.id, { impacts: b.impacts }, '"v2"');
  b = assertJson(r);
  assert.deepEqual(b.impacts.map((e) => e.id), ids);
  assert.equal(b.impacts[0].score, 8);

  // An unchanged body changes nothing, not even the version.
  r = await patch(a.id, { scope: 'All hiring' }, '"v3"');
  assert.equal(assertJson(r).version, 3);
  assert.equal(r.headers.get('etag'), '"v3"');
  assertProblem(await patch(a.id, { scope: 'Lost update' }, '"v2"'), 412);
  const h = await history(a.id);
  assert.deepEqual(h.map((e) => [e.version, e.operation]), [[3, 'update'], [2, 'update'], [1, 'create']]);
  assert.ok(h[1].changes.some((ch) => ch.field === 'scope' && ch.from === '' && ch.to === 'All hiring'));
});

test('an invalid change answers 422 naming the fields (rows by index) and changes nothing', async () => {
  const a = await create({ system_id: cv.id, impacts: [harm(2, 2)] });
  const before = await snapshot(a.id);
  const cases = [
    [{ system_id: bot.id }, ['system_id']],
    [{ status: 'approved', outcome: 'normal', version: 9 }, ['status', 'outcome', 'version']],
    [{ impacts: [harm(2, 2), harm(5, 1, { description: '' })] }, ['impacts[1].severity', 'impacts[1].description']],
    [{ impacts: [harm(2, 2, { measures: [{ description: 'ok' }, { description: 'x'.repeat(2001) }] })] }, ['impacts[0].measures[1].description']],
    [{ impacts: [harm(2, 2, { id: 'bad id!' })] }, ['impacts[0].id']],
    [{ title: '   ' }, ['title']],
    [{ next_review_date: 'tomorrow' }, ['next_review_date']],
    [{ data_sources: [''] }, ['data_sources']],
  ];
  for (const [json, fields] of cases) assertFields(assertProblem(await patch(a.id, json, '"v1"'), 422), fields, JSON.stringify(json).slice(0, 100));
  assertProblem(await c('PATCH', `${IA}/${a.id}`, { body: 'x', headers: { 'content-type': 'text/plain', 'if-match': '"v1"' } }), 415);
  assertProblem(await patch('ia_doesnotexist', { scope: 'x' }, '"v1"'), 404);
  assert.deepEqual(await snapshot(a.id), before);
});

// ---- list ----------------------------------------------------------------------------------------

test('the list pages with a cursor, sorts, filters by system, status, outcome and text, and rejects bad parameters', async () => {
  const all = await list('?limit=500&sort=ref');
  assert.ok(all.total >= 5);
  assert.equal(all.items.length, all.total);
  const refs = all.items.map((i) => Number(i.ref.slice(3)));
  assert.deepEqual(refs, [...refs].sort((x, y) => x - y));
  for (const i of all.items) {
    for (const k of ['id', 'ref', 'system', 'title', 'status', 'outcome', 'summary', 'fria_required', 'reassessment_due', 'version'])
      assert.ok(k in i, `list item lacks ${k}`);
    assert.ok(!('impacts' in i) && !('scope' in i), 'list items leave out the long fields');
  }
  // Paging by two, both directions of a sort, no gaps or repeats.
  for (const sort of ['ref', '-ref', 'title', '-updated_at', 'outcome', '-status']) {
    const seen = [];
    let cursor;
    do {
      const page = await list(`?limit=2&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(page.total, all.total);
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next;
    } while (cursor);
    assert.equal(seen.length, all.total, `sort ${sort}`);
    assert.equal(new Set(seen).size, all.total, `sort ${sort}: repeats`);
    if (sort === '-ref') assert.deepEqual(seen, [...all.items].reverse().map((i) => i.id));
  }
  const bySystem = await list(`?system_id=${bot.id}`);
  assert.ok(bySystem.total >= 1);
  assert.ok(bySystem.items.every((i) => i.system_id === bot.id));
  assert.equal((await list('?system_id=sys_unknown')).total, 0);
  const sensitive = await list('?outcome=sensitive&limit=500');
  assert.ok(sensitive.items.every((i) => i.outcome === 'sensitive'));
  assert.equal(sensitive.total, all.items.filter((i) => i.outcome === 'sensitive').length);
  assert.equal((await list('?status=approved')).total, all.items.filter((i) => i.status === 'approved').length);
  assert.equal((await list('?q=chatbot%20review')).total, 1);
  assert.equal((await list(`?q=${encodeURIComponent('cv screen')}&limit=500`)).total, all.items.filter((i) => i.system_id === cv.id).length);
  for (const q of ['?sort=colour', '?status=done', '?outcome=high', '?reassessment_due=maybe', '?limit=0', '?limit=501', '?cursor=zzz',
    `?cursor=${encodeURIComponent((await list('?limit=1&sort=ref')).next)}&sort=title`])
    assertProblem(await c('GET', `${IA}${q}`), 400);
});

// ---- settings and outcome ------------------------------------------------------------------------

test('thresholds: defaults at v0, only admins change them under If-Match, and outcomes follow', async () => {
  let r = await c('GET', `${IA}/settings`);
  const s0 = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v0"');
  assert.deepEqual({ ...s0, scales: undefined }, {
    sensitive_score: 6, restricted_score: 12, restricted_approver: 'admin', measures_required_from: 'restricted',
    scales: undefined, version: 0, updated_at: null, updated_by: null,
  });
  assert.deepEqual(s0.scales.severity.map((s) => s.name), ['minor', 'moderate', 'serious', 'critical']);
  assert.deepEqual(s0.scales.likelihood.map((s) => s.name), ['rare', 'possible', 'likely', 'almost certain']);
  for (const role of ROLES) assertJson(await as[role]('GET', `${IA}/settings`));

  const a = await create({ system_id: forecast.id, impacts: [harm(2, 2), harm(3, 3)] });
  assert.equal(a.outcome, 'sensitive');
  const body = { sensitive_score: 4, restricted_score: 9, restricted_approver: 'manager', measures_required_from: 'sensitive' };
  for (const role of ['viewer', 'auditor', 'contributor', 'manager'])
    assertProblem(await as[role]('PUT', `${IA}/settings`, { json: body, headers: { 'if-match': '"v0"' } }), 403);
  assertProblem(await c('PUT', `${IA}/settings`, { json: body }), 428);
  assertProblem(await c('PUT', `${IA}/settings`, { json: body, headers: { 'if-match': '"v3"' } }), 412);
  for (const [json, fields] of [
    [{ ...body, restricted_score: 3 }, ['restricted_score']],
    [{ ...body, sensitive_score: 0, restricted_approver: 'viewer' }, ['sensitive_score', 'restricted_approver']],
    [{ sensitive_score: 4 }, ['restricted_score', 'restricted_approver', 'measures_required_from']],
    [{ ...body, colour: 1 }, ['colour']],
  ]) assertFields(assertProblem(await c('PUT', `${IA}/settings`, { json, headers: { 'if-match': '"v0"' } }), 422), fields);
  assert.deepEqual(assertJson(await c('GET', `${IA}/settings`)), s0, 'nothing changed');

  r = await c('PUT', `${IA}/settings`, { json: body, headers: { 'if-match': '"v0"' } });
  const s1 = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v1"');
  assert.equal(s1.updated_by, srv.admin.email);
  const now = (await get(a.id)).body;
  assert.equal(now.outcome, 'restricted', 'the same harms under lower thresholds');
  assert.deepEqual(now.impacts.map((e) => e.level), ['sensitive', 'restricted']);
  assert.equal(now.version, a.version, 'the record itself did not change');

  // Back to the defaults for the tests that follow.
  r = await c('PUT', `${IA}/settings`, { json: { sensitive_score: 6, restricted_score: 12, restricted_approver: 'admin', measures_required_from: 'restricted' }, headers: { 'if-match': '"v1"' } });
  assert.equal(assertJson(r).version, 2);
  assert.equal((await get(a.id)).body.outcome, 'sensitive');
});

// ---- workflow ------------------------------------------------------------------------------------

test('submit needs a complete record; roles; approval rules for a restricted use; 201 with a numbered version', async () => {
  const a = await create({ system_id: cv.id, scope: '', deployment_context: '' });
  let before = await snapshot(a.id);
  for (const role of ['viewer', 'auditor']) assertProblem(await submit(a.id, as[role]), 403);
  assertFields(assertProblem(await submit(a.id), 422), ['scope', 'deployment_context', 'impacts']);
  assert.deepEqual(await snapshot(a.id), before);

  await edit(a.id, { scope: 'Hiring', deployment_context: 'HR', impacts: [harm(4, 3), benefit()] });
  assertProblem(await c('POST', `${IA}/${a.id}/submit`, { headers: { 'if-match': '"v1"' } }), 412);
  let r = await submit(a.id, as.contributor);
  const inReview = assertJson(r);
  assert.equal(inReview.status, 'in_review');
  assert.equal(inReview.submitted_by, 'contributor@acme.test');
  assert.equal(r.headers.get('etag'), `"v${inReview.version}"`);
  assertProblem(await submit(a.id), 409);
  assertProblem(await approve(a.id, { note: 'x' }, as.contributor), 403);
  assertProblem(await approve(a.id, { note: 'x' }, as.viewer), 403);

  before = await snapshot(a.id);
  assertProblem(await approve(a.id, { note: 'Acceptable' }, as.manager), 403, 'a restricted use needs an admin');
  assertFields(assertProblem(await approve(a.id, {}), 422), ['note', 'impacts[0].measures', 'next_review_date']);
  assertFields(assertProblem(await approve(a.id, { note: 'x', colour: 1 }), 422), ['colour']);
  assertProblem(await approve(a.id, { note: 'x' }, c, { 'if-match': '"v1"' }), 412);
  assert.deepEqual(await snapshot(a.id), before, 'refused approvals change nothing');
  assert.deepEqual(assertJson(await c('GET', `${IA}/${a.id}/versions`)).items, []);

  // Fixing it is a change, which withdraws it from review.
  const fixed = await edit(a.id, {
    next_review_date: inAYear(),
    impacts: [harm(4, 3, { measures: [{ description: 'Recruiters read beyond the ranking', owner: 'Head of Recruiting', status: 'implemented' }] }), benefit()],
  });
  assert.equal(fixed.status, 'draft');
  assertProblem(await approve(a.id, { note: 'x' }), 409, 'a draft cannot be approved');
  assertJson(await submit(a.id));
  const etag = (await get(a.id)).etag;
  r = await approve(a.id, { note: 'Accepted with the reading rule' }, c, { 'if-match': etag });
  const v1 = assertJson(r, 201);
  assert.equal(r.headers.get('location'), `${IA}/${a.id}/versions/1`);
  assert.equal(v1.number, 1);
  assert.equal(v1.outcome, 'restricted');
  assert.equal(v1.approved_by, srv.admin.email);
  assert.equal(v1.note, 'Accepted with the reading rule');
  assert.equal(v1.system.name, 'CV screener');
  assert.equal(v1.system.model_type, 'Fine-tuned language model');
  assert.equal(v1.assessment.impacts[0].level, 'restricted');
  const after = (await get(a.id)).body;
  assert.equal(after.status, 'approved');
  assert.equal(after.approved_version, 1);
  assert.equal(after.approved_by, srv.admin.email);
  assertProblem(await approve(a.id, { note: 'again' }), 409);
  assertProblem(await submit(a.id), 409);
  assert.deepEqual((await history(a.id)).slice(0, 2).map((h) => h.operation), ['approve', 'submit']);
});

test('a sensitive use may be approved by a manager with a note; a normal one without', async () => {
  const s = await complete(forecast, [harm(3, 2)]);
  assertJson(await submit(s.id));
  assertFields(assertProblem(await approve(s.id, {}, as.manager), 422), ['note']);
  assert.equal(assertJson(await approve(s.id, { note: 'Monitored monthly' }, as.manager), 201).outcome, 'sensitive');
  const n = await complete(forecast, [harm(1, 2)]);
  assertJson(await submit(n.id, as.contributor));
  const r = await c('POST', `${IA}/${n.id}/approve`, { headers: {} }); // no body at all
  assert.equal(assertJson(r, 201).outcome, 'normal');
});

test('approved versions are immutable: later edits start a new draft, versions stay as approved, no write routes', async () => {
  const a = await complete(cv, [harm(2, 2)], { title: 'Immutable' });
  assertJson(await submit(a.id));
  const v1 = assertJson(await approve(a.id, {}), 201);
  assert.deepEqual(assertJson(await c('GET', `${IA}/${a.id}/versions/1`)), v1);

  const draft = await edit(a.id, { title: 'Immutable, changed', impacts: [harm(2, 3)] });
  assert.equal(draft.status, 'draft');
  assert.equal(draft.approved_version, 1, 'the approved version is still there');
  assert.deepEqual(assertJson(await c('GET', `${IA}/${a.id}/versions/1`)), v1, 'version 1 unchanged by the edit');
  for (const m of ['PATCH', 'PUT', 'DELETE', 'POST']) {
    const r = await c(m, `${IA}/${a.id}/versions/1`, { json: { title: 'x' }, contract: false }); // no such operation
    assertProblem(r, 405);
    assert.match(r.headers.get('allow'), /GET/);
  }
  assertJson(await submit(a.id));
  const v2 = assertJson(await approve(a.id, { note: 'Second review' }), 201);
  assert.equal(v2.number, 2);
  assert.equal(v2.assessment.title, 'Immutable, changed');
  const vs = assertJson(await c('GET', `${IA}/${a.id}/versions`)).items;
  assert.deepEqual(vs.map((v) => [v.number, v.title]), [[2, 'Immutable, changed'], [1, 'Immutable']]);
  assert.deepEqual(assertJson(await c('GET', `${IA}/${a.id}/versions/1`)), v1);
  assertProblem(await c('GET', `${IA}/${a.id}/versions/3`), 404);
  assertProblem(await c('GET', `${IA}/${a.id}/versions/x`), 400);
  assertProblem(await c('GET', `${IA}/${a.id}/versions/0`), 400);
});

// ---- re-assessment -----------------------------------------------------------------------------

test('re-assessment is due when a significant field of the AI system changes after approval, with the fields listed', async () => {
  const sys = assertJson(await c('POST', SYS, { json: { name: 'Triage model', purpose: 'Routes claims', model_type: 'Trees', lifecycle_stage: 'design_and_development' } }), 201);
  const a = await complete(sys, [harm(1, 1)]);
  assertJson(await submit(a.id));
  assertJson(await approve(a.id, {}), 201);
  const review = (await get(a.id)).body.reassessment_due;
  assert.deepEqual(review, { due: false, reasons: [], next_review_date: inAYear(), changed_fields: [] });

  // Changing the name, owner or tags is not significant.
  let s = assertJson(await c('PATCH', `${SYS}/${sys.id}`, { json: { name: 'Triage model v2', owner: 'Claims', tags: ['claims'] }, headers: { 'if-match': '"v1"' } }));
  assert.equal((await get(a.id)).body.reassessment_due.due, false);
  assert.ok(!(await list('?reassessment_due=true&limit=500')).items.some((i) => i.id === a.id));

  s = assertJson(await c('PATCH', `${SYS}/${sys.id}`, {
    json: { model_type: 'Neural network', lifecycle_stage: 'deployment' }, headers: { 'if-match': `"v${s.version}"` },
  }));
  const due = (await get(a.id)).body.reassessment_due;
  assert.equal(due.due, true);
  assert.deepEqual(due.reasons, ['system_changed']);
  assert.deepEqual(due.changed_fields, [
    { field: 'model_type', from: 'Trees', to: 'Neural network' },
    { field: 'lifecycle_stage', from: 'design_and_development', to: 'deployment' },
  ]);
  assert.ok((await list('?reassessment_due=true&limit=500')).items.some((i) => i.id === a.id));
  assert.ok(!(await list('?reassessment_due=false&limit=500')).items.some((i) => i.id === a.id));
  assert.equal((await get(a.id)).body.status, 'approved', 'the record itself is unchanged');

  // A new approval takes a new snapshot: no longer due.
  await edit(a.id, { model_type: 'Neural network' });
  assertJson(await submit(a.id));
  assertJson(await approve(a.id, {}), 201);
  assert.equal((await get(a.id)).body.reassessment_due.due, false);
});

test('the next review date must be after today to approve (the date rule is unit-tested with a pinned clock)', async () => {
  const a = await complete(forecast, [harm(1, 1)], { next_review_date: new Date().toISOString().slice(0, 10) });
  assertJson(await submit(a.id));
  assertFields(assertProblem(await approve(a.id, {}), 422), ['next_review_date']);
});

// ---- FRIA ----------------------------------------------------------------------------------------

test('the Art. 27 view fills each element from the record or flags it, and says whether an FRIA is required', async () => {
  const a = await create({ system_id: cv.id, processes: '', period_and_frequency: '' });
  let f = assertJson(await c('GET', `${IA}/${a.id}/fria`));
  assert.equal(f.assessment_id, a.id);
  assert.equal(f.applicability.required, true);
  assert.equal(f.applicability.organization_role, 'deployer');
  assert.equal(f.applicability.eu_ai_act_class, 'high_risk');
  assert.equal(f.applicability.classified, true);
  assert.deepEqual(f.applicability.roles, ['deployer']);
  assert.deepEqual(f.elements.map((e) => e.reference), ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => `Art. 27(1)(${k})`));
  assert.deepEqual(f.elements.map((e) => e.status), ['missing', 'missing', 'filled', 'missing', 'filled', 'missing'],
    'affected people and human oversight come from the inventory pre-fill');
  assert.deepEqual(f.missing, ['a', 'b', 'd', 'f']);
  assert.equal(f.complete, false);
  assert.deepEqual(f.source, { kind: 'working', version: 1 });

  await edit(a.id, {
    processes: 'Shortlisting', period_and_frequency: 'Every application from 2027',
    impacts: [harm(4, 2, { category: 'group', affected_party: 'Older applicants', measures: [{ description: 'Age-bias test', owner: 'HR analytics' }] })],
  });
  f = assertJson(await c('GET', `${IA}/${a.id}/fria`));
  assert.deepEqual(f.missing, ['f']);
  assert.equal(f.elements[5].status, 'partial', 'measures without governance and complaints');
  assert.deepEqual(f.elements[2].items.map((p) => p.name), ['Job applicants', 'Recruiters', 'Older applicants']);
  assert.deepEqual(f.elements[3].items.map((h) => [h.affected_party, h.score, h.level]), [['Older applicants', 8, 'sensitive']]);
  await edit(a.id, { governance_and_complaints: 'Complaints through the careers page; reviewed by the HR director' });
  f = assertJson(await c('GET', `${IA}/${a.id}/fria`));
  assert.equal(f.complete, true);
  assert.deepEqual(f.missing, []);

  const b = await create({ system_id: bot.id });
  f = assertJson(await c('GET', `${IA}/${b.id}/fria`));
  assert.equal(f.applicability.required, false);
  assert.match(f.applicability.reason, /no Art\. 27 obligation follows/);

  // Of a version: the elements as approved, the applicability of the classification now.
  await edit(a.id, { scope: 'Hiring', next_review_date: inAYear() });
  assertJson(await submit(a.id));
  assertJson(await approve(a.id, { note: 'ok' }), 201);
  f = assertJson(await c('GET', `${IA}/${a.id}/fria?version=1`));
  assert.deepEqual(f.source.kind, 'version');
  assert.equal(f.complete, true);
  assertProblem(await c('GET', `${IA}/${a.id}/fria?version=9`), 404);
  assertProblem(await c('GET', `${IA}/${a.id}/fria?version=x`), 400);
});

// ---- exports -------------------------------------------------------------------------------------

/** The export with its volatile values (ids, times, dates, numbers) replaced by placeholders. */
function stable(doc) {
  const s = JSON.stringify(doc, (k, v) => {
    if (typeof v !== 'string') return k === 'version' && typeof v === 'number' ? '<version>' : v;
    if (/^ia_[a-z0-9]+$/.test(v)) return '<assessment-id>';
    if (/^sys_[a-z0-9]+$/.test(v)) return '<system-id>';
    if (/^imp_[a-z0-9]+$/.test(v)) return '<row-id>';
    if (/^IA-\d+$/.test(v)) return '<ref>';
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v)) return '<time>';
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return '<date>';
    return v;
  });
  return JSON.parse(s);
}

test('exports: JSON matches the golden file, PDF text shows the record and the Art. 27 view; attachments; bad format 400', async () => {
  const sys = assertJson(await c('POST', SYS, {
    json: { name: 'Export model', purpose: 'Scores loan applications', intended_use: 'Decision support for credit officers',
      organization_role: 'deployer', affected_people: ['Loan applicants'],
      deployment_context: 'Branches and online', human_oversight: 'human_in_the_loop', model_type: 'Gradient-boosted trees' },
  }), 201);
  await classifyAs(c, sys.id, 'high_risk', { answers: { roles: ['deployer'], 'annex3-areas': ['5'], 'annex3-5-b': true, 'art6-3-profiling': true } });
  const a = await create({
    system_id: sys.id, scope: 'Consumer loans up to 50,000 EUR', assessors: ['Risk lead', 'DPO'],
    processes: 'Credit decision on consumer loans', period_and_frequency: 'Every application, continuously',
    data_quality: 'Bureau data checked monthly', model_information: 'Trees over 40 features',
    governance_and_complaints: 'Applicants can ask a credit officer to review the decision.',
    interested_parties: [{ name: 'Loan applicants', relation: 'affected', vulnerable: true, notes: 'Includes first-time borrowers' }],
    impacts: [
      harm(3, 3, { category: 'individual', affected_party: 'Loan applicants', description: 'A creditworthy applicant is refused',
        measures: [{ description: 'Officer reviews every refusal', owner: 'Head of Credit', status: 'implemented' }] }),
      benefit({ description: 'Faster and more consistent decisions' }),
    ],
    next_review_date: inAYear(),
  });
  assertJson(await submit(a.id));
  assertJson(await approve(a.id, { note: 'Accepted; refusals are reviewed by an officer.' }), 201);

  let r = await download(`${IA}/${a.id}/export?format=json`);
  assert.equal(r.status, 200);
  assert.match(r.ct, /^application\/json/);
  // Named for people (organization, what, the export's day), with the exact name as filename*.
  const named = (which, ext) => new RegExp(`^attachment; filename="${srv.org} impact assessment ${a.ref} ${which} \\d{4}-\\d\\d-\\d\\d\\.${ext}"; filename\\*=UTF-8''`);
  assert.match(r.headers.get('content-disposition'), named('working copy', 'json'));
  const doc = JSON.parse(r.text);
  assert.equal(doc.format, 'aims.impact-assessment');
  assert.equal(doc.format_version, 1);
  assert.equal(doc.organization, srv.org);
  assert.equal(doc.assessment.id, a.id);
  assert.equal(doc.assessment.outcome, 'sensitive');
  assert.equal(doc.fria.applicability.required, true);
  assert.equal(doc.fria.complete, true);
  assert.equal(doc.versions.length, 1);
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(stable(doc), null, 2)}\n`);
  assert.deepEqual(stable(doc), JSON.parse(readFileSync(GOLDEN, 'utf8')));

  r = await download(`${IA}/${a.id}/export?format=json&version=1`);
  assert.match(r.headers.get('content-disposition'), named('v1', 'json'));
  const v = JSON.parse(r.text);
  assert.deepEqual(v.source.kind, 'version');
  assert.equal(v.source.note, 'Accepted; refusals are reviewed by an officer.');
  assert.equal(v.assessment.status, 'approved');

  const res = await fetch(`${srv.url}${IA}/${a.id}/export?format=pdf`, { headers: { cookie: (await login(srv.url, srv.admin.email, srv.admin.password)).cookie } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.match(res.headers.get('content-disposition'), named('working copy', 'pdf'));
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(bytes);
  for (const s of ['AI SYSTEM IMPACT ASSESSMENT', a.title, a.ref, 'Export model', 'Consumer loans up to 50,000 EUR', 'Bureau data checked monthly',
    'A creditworthy applicant is refused', 'Officer reviews every refusal', 'Head of Credit', 'Sensitive',
    'EU AI Act fundamental-rights impact assessment (Art. 27)', 'FRIA required: Yes', 'Art. 27(1)(f)', 'Credit decision on consumer loans',
    'Every element of Art. 27(1) is filled', 'Approved versions', 'Accepted;'])
    assert.ok(text.includes(s), `PDF lacks "${s}"`);
  assert.match(text, /Page 1 of \d/);

  for (const q of ['', '?format=xlsx', '?format=pdf&version=0']) assertProblem(await c('GET', `${IA}/${a.id}/export${q}`), 400);
  assertProblem(await c('GET', `${IA}/${a.id}/export?format=pdf&version=5`), 404);
  assertProblem(await c('GET', `${IA}/ia_nope/export?format=pdf`), 404);
  for (const role of ['viewer', 'auditor']) assert.equal((await as[role]('GET', `${IA}/${a.id}/export?format=json`)).status, 200);
});

// ---- roles and tenancy --------------------------------------------------------------------------

test('viewers and auditors read everything but every write is 403 and changes nothing', async () => {
  const a = await complete(forecast, [harm(1, 1)]);
  for (const role of ['viewer', 'auditor']) {
    const who = as[role];
    const before = await snapshot(a.id);
    assertJson(await who('GET', `${IA}/${a.id}`));
    assertJson(await who('GET', `${IA}/${a.id}/history`));
    assertJson(await who('GET', `${IA}/${a.id}/versions`));
    assertJson(await who('GET', `${IA}/${a.id}/fria`));
    assertJson(await who('GET', IA));
    assertProblem(await who('POST', IA, { json: { system_id: forecast.id } }), 403);
    assertProblem(await patch(a.id, { scope: 'x' }, '"v1"', who), 403);
    assertProblem(await submit(a.id, who), 403);
    assertProblem(await approve(a.id, { note: 'x' }, who), 403);
    assert.deepEqual(await snapshot(a.id), before, role);
  }
  // A contributor creates, edits and submits but does not approve.
  const mine = await create({ system_id: forecast.id, scope: 'x', intended_uses: 'z', deployment_context: 'y', impacts: [harm(1, 1)] }, as.contributor);
  assert.equal(mine.created_by, 'contributor@acme.test');
  assertJson(await submit(mine.id, as.contributor));
  assertProblem(await approve(mine.id, {}, as.contributor), 403);
});

test("another organization sees none of this organization's assessments: 404 on every route, lists empty, its systems not assessable", async () => {
  const a = await complete(cv, [harm(1, 1)], { title: 'Tenant secret' });
  const b = await otherOrgClient(srv, PW_OTHER, { name: 'Other impact org', email: 'other-impact@x.test' });
  const before = await snapshot(a.id);
  for (const [m, p, json] of [
    ['GET', `${IA}/${a.id}`], ['PATCH', `${IA}/${a.id}`, { scope: 'x' }], ['GET', `${IA}/${a.id}/history`], ['POST', `${IA}/${a.id}/submit`],
    ['POST', `${IA}/${a.id}/approve`, { note: 'x' }], ['GET', `${IA}/${a.id}/versions`], ['GET', `${IA}/${a.id}/versions/1`],
    ['GET', `${IA}/${a.id}/fria`], ['GET', `${IA}/${a.id}/export?format=pdf`], ['GET', `${IA}/${a.id}/export`],
  ]) assertProblem(await b(m, p, { json, headers: { 'if-match': '"v1"' } }), 404);
  assertFields(assertProblem(await b('POST', IA, { json: { system_id: cv.id } }), 422), ['system_id']);
  assert.equal((await list('', b)).total, 0);
  assert.equal((await list(`?system_id=${cv.id}`, b)).total, 0);
  const s = assertJson(await b('GET', `${IA}/settings`));
  assert.equal(s.version, 0, "the other organization has its own thresholds");
  assert.deepEqual(await snapshot(a.id), before);
});
