// The risk criteria and the AI risk register (ISO/IEC 42001 6.1.2, 6.1.3, 8.2, 8.3): criteria with
// If-Match and their effect on existing risks, creating and changing risks (R-n ids, validation that
// changes nothing, If-Match, history), roles, formal acceptance (threshold, roles, expiry, withdrawal),
// the link to the Statement of Applicability, the heat map, paging, sorting and filters, and tenancy.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { startServer, startDemoServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients, parseCsv, setSegregation } from '../lib/http.mjs';
import { otherOrgClient } from '../lib/fixture.mjs';
import { RISKS, CRIT } from '../lib/paths.mjs';

const PW = 'risk role password';
const PW_OTHER = 'other organization password';

let srv, c, other;
const as = {};
let sysA, sysB; // AI systems of this organization
let otherSys; // an AI system of the other organization

/** A date `days` from today (UTC) as YYYY-MM-DD. */
const inDays = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  Object.assign(as, await memberClients(srv, ['viewer', 'auditor', 'contributor', 'manager'], PW));
  // The admin accepts the risks it registers here; segregation of duties has its own tests.
  await setSegregation(c, { risk_acceptance: false });
  sysA = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Credit scoring', purpose: 'Scores loans' } }), 201);
  sysB = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Chatbot', purpose: 'Answers customers' } }), 201);
  other = await otherOrgClient(srv, PW_OTHER);
  otherSys = assertJson(await other('POST', '/api/v1/systems', { json: { name: 'Other system', purpose: 'Elsewhere' } }), 201);
});

after(async () => {
  await stopServer(srv);
});

// ---- helpers -----------------------------------------------------------------------------------

const basic = (over = {}) => ({ title: 'A risk', inherent_likelihood: 3, inherent_impact: 3, ...over });

async function create(json, who = c) {
  const r = await who('POST', RISKS, { json });
  const risk = assertJson(r, 201);
  assert.equal(r.headers.get('location'), `${RISKS}/${risk.id}`);
  assert.equal(r.headers.get('etag'), `"v${risk.version}"`);
  return risk;
}

async function get(id, who = c) {
  return assertJson(await who('GET', `${RISKS}/${encodeURIComponent(id)}`));
}

const etagOf = async (id) => `"v${(await get(id)).version}"`;

async function patch(id, json, who = c) {
  return assertJson(await who('PATCH', `${RISKS}/${id}`, { json, headers: { 'if-match': await etagOf(id) } }));
}

/** Every risk of the organization as stored, and the history lengths: to check that nothing changed. */
async function snapshot(who = c) {
  const list = assertJson(await who('GET', `${RISKS}?limit=500`));
  const histories = {};
  for (const r of list.items) histories[r.id] = assertJson(await who('GET', `${RISKS}/${r.id}/history?limit=500`)).items.length;
  const crit = await who('GET', CRIT);
  return { items: list.items.map((r) => JSON.stringify(r)), histories, criteria: crit.text, etag: crit.headers.get('etag') };
}

async function criteria(who = c) {
  const r = await who('GET', CRIT);
  return { body: assertJson(r), etag: r.headers.get('etag') };
}

const putCriteria = (json, etag, who = c) => who('PUT', CRIT, { json, headers: etag === undefined ? {} : { 'if-match': etag } });

async function accept(id, json, who = c) {
  return who('POST', `${RISKS}/${id}/acceptance`, { json, headers: { 'if-match': await etagOf(id) } });
}

const fields = (p) => (p.errors || []).map((e) => e.field);

/** A 3 × 3 matrix with two levels, fine for small scores. */
const small = {
  likelihood: [{ label: 'Low' }, { label: 'Medium' }, { label: 'High' }],
  impact: [{ label: 'Low' }, { label: 'Medium' }, { label: 'High' }],
  levels: [{ id: 'ok', name: 'Acceptable', colour: '#2e7d32' }, { id: 'act', name: 'Act now', colour: '#c62828' }],
  matrix: [['ok', 'ok', 'act'], ['ok', 'act', 'act'], ['act', 'act', 'act']],
  acceptance_threshold: 'ok',
  accept_roles: ['manager', 'admin'],
};

// ---- criteria ------------------------------------------------------------------------------------

describe('risk criteria', () => {
  test('the defaults: 5 × 5, four levels with colours, medium acceptable by managers and admins, version 0', async () => {
    const { body, etag } = await criteria();
    assert.equal(etag, '"v0"');
    assert.equal(body.version, 0);
    assert.equal(body.updated_at, null);
    assert.deepEqual(body.likelihood.map((s) => s.label), ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    assert.deepEqual(body.impact.map((s) => s.label), ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe']);
    assert.ok(body.likelihood.every((s) => s.description.length > 10));
    assert.deepEqual(body.levels.map((l) => l.id), ['low', 'medium', 'high', 'critical']);
    assert.ok(body.levels.every((l) => /^#[0-9a-f]{6}$/.test(l.colour)));
    assert.equal(body.matrix.length, 5);
    assert.deepEqual(body.matrix[4], ['medium', 'high', 'high', 'critical', 'critical']);
    assert.equal(body.acceptance_threshold, 'medium');
    assert.deepEqual(body.accept_roles, ['admin', 'manager']);
    for (const role of ['viewer', 'auditor', 'contributor']) assert.deepEqual(assertJson(await as[role]('GET', CRIT)), body);
  });

  test('PUT needs If-Match (428 without, 412 stale) and an admin (403 otherwise, managers too); refusals change nothing', async () => {
    const { body } = await criteria();
    const before = await snapshot();
    assertProblem(await putCriteria(body, undefined), 428);
    assertProblem(await putCriteria(body, '"v7"'), 412);
    for (const role of ['viewer', 'auditor', 'contributor', 'manager']) assertProblem(await putCriteria(body, '"v0"', as[role]), 403);
    assert.deepEqual(await snapshot(), before);
  });

  test('invalid criteria answer 422 naming each field, and nothing changes', async () => {
    const { body } = await criteria();
    const before = await snapshot();
    const cases = [
      [{ ...body, likelihood: body.likelihood.slice(0, 2) }, 'likelihood'],
      [{ ...body, impact: [...body.impact, ...body.impact.map((s) => ({ label: `${s.label} 2` }))].slice(0, 8) }, 'impact'],
      [{ ...body, levels: body.levels.map((l, i) => (i === 2 ? { ...l, colour: 'orange' } : l)) }, 'levels[2].colour'],
      [{ ...body, levels: body.levels.map((l, i) => (i === 1 ? { ...l, id: 'low' } : l)) }, 'levels[1].id'],
      [{ ...body, matrix: body.matrix.map((row, l) => (l === 4 ? [...row.slice(0, 4), 'low'] : row)) }, 'matrix[4][4]'],
      [{ ...body, matrix: body.matrix.map((row, l) => (l === 0 ? [...row.slice(0, 3), 'extreme', row[4]] : row)) }, 'matrix[0][3]'],
      [{ ...body, matrix: body.matrix.slice(0, 4) }, 'matrix'],
      [{ ...body, acceptance_threshold: 'moderate' }, 'acceptance_threshold'],
      [{ ...body, accept_roles: ['viewer'] }, 'accept_roles'],
      [{ ...body, accept_roles: [] }, 'accept_roles'],
      [{ ...body, appetite: 'low' }, 'appetite'],
    ];
    for (const [json, field] of cases) {
      const p = assertProblem(await putCriteria(json, '"v0"'), 422);
      assert.ok(fields(p).includes(field), `${field}: ${JSON.stringify(p.errors)}`);
    }
    assertProblem(await c('PUT', CRIT, { body: 'not json', headers: { 'content-type': 'application/json', 'if-match': '"v0"' } }), 400);
    assertProblem(await c('PUT', CRIT, { body: '{}', headers: { 'content-type': 'text/plain', 'if-match': '"v0"' } }), 415);
    assert.deepEqual(await snapshot(), before);
  });

  test('an admin replaces the criteria; levels of existing risks are derived again; a matrix their scores do not fit is refused', async () => {
    const r1 = await create(basic({ title: 'Scored on the big scale', inherent_likelihood: 4, inherent_impact: 2, residual_likelihood: 2, residual_impact: 2 }));
    assert.equal(r1.inherent.level.id, 'medium');
    const { body, etag } = await criteria();
    const before = await snapshot();
    // 3 × 3 cannot hold likelihood 4.
    let p = assertProblem(await putCriteria(small, etag), 422);
    assert.deepEqual(fields(p), ['likelihood']);
    assert.match(p.errors[0].message, new RegExp(`${r1.id} uses likelihood 4`));
    assert.deepEqual(await snapshot(), before, 'a refused matrix changes nothing');

    // The same 5 × 5 scales with a stricter matrix: the risk is re-levelled on read.
    const strict = { ...body, matrix: body.matrix.map((row) => row.map((cell) => (cell === 'medium' ? 'high' : cell))) };
    let r = await putCriteria(strict, etag);
    const saved = assertJson(r);
    assert.equal(r.headers.get('etag'), '"v1"');
    assert.equal(saved.version, 1);
    assert.equal(saved.updated_by, srv.admin.email);
    assert.equal((await get(r1.id)).inherent.level.id, 'high');
    const history = assertJson(await c('GET', `${RISKS}/${r1.id}/history`)).items;
    assert.equal(history.length, 1, 'the risk itself did not change');

    // Back to the defaults (an unchanged PUT keeps the version).
    r = await putCriteria({ ...body, version: 1, updated_at: null }, '"v1"');
    assert.equal(assertJson(r).version, 2);
    assert.equal(assertJson(await putCriteria(body, '"v2"')).version, 2);
    assert.equal((await get(r1.id)).inherent.level.id, 'medium');
  });
});

// ---- creating and changing risks ---------------------------------------------------------------

describe('the register: create, read, change, history', () => {
  test('create answers 201 with R-n, Location, ETag, defaults and derived scores', async () => {
    const r = await create({
      title: '  Biased credit decisions  ',
      description: 'Postcode works as a proxy.\nSee the fairness report.',
      system_id: sysA.id,
      risk_sources: ['C.3.4'],
      objectives: ['C.2.5', 'C.2.11'],
      inherent_likelihood: 4,
      inherent_impact: 4,
      existing_controls: ['Officer review'],
      treatment: 'modify',
      treatment_plan: 'Rebalance the data.',
      planned_controls: ['A.7.4', 'Quarterly fairness review'],
      residual_likelihood: 2,
      owner: 'Head of Credit Risk',
      due_date: inDays(30),
      review_date: inDays(90),
      status: 'treating',
    });
    assert.match(r.id, /^R-\d+$/);
    assert.equal(r.number, Number(r.id.slice(2)));
    assert.equal(r.title, 'Biased credit decisions');
    assert.equal(r.system_name, 'Credit scoring');
    assert.deepEqual(r.inherent, { likelihood: 4, impact: 4, score: 16, level: { id: 'critical', name: 'Critical', colour: r.inherent.level.colour } });
    assert.equal(r.residual_impact, 4, 'the residual impact defaults to the inherent one');
    assert.deepEqual([r.residual.score, r.residual.level.id], [8, 'medium']);
    assert.equal(r.acceptance, null);
    assert.equal(r.acceptance_state, 'none');
    assert.equal(r.review_overdue, false);
    assert.equal(r.treatment_overdue, false);
    assert.equal(r.version, 1);
    assert.equal(r.created_by, srv.admin.email);
    const minimal = await create({ title: 'Minimal', inherent_likelihood: 1, inherent_impact: 2 });
    assert.equal(minimal.number, r.number + 1);
    assert.deepEqual([minimal.status, minimal.treatment, minimal.system_id, minimal.residual_likelihood], ['open', null, null, 1]);
    assert.deepEqual(await get(minimal.id), minimal);
  });

  test('invalid risks answer 422 naming the fields, store nothing and use up no number', async () => {
    const before = await snapshot();
    const cases = [
      [{}, ['title', 'inherent_likelihood', 'inherent_impact']],
      [basic({ title: '' }), ['title']],
      [basic({ inherent_likelihood: 6 }), ['inherent_likelihood', 'residual_likelihood']],
      [basic({ inherent_impact: 0 }), ['inherent_impact']],
      [basic({ risk_sources: ['C.3.8'] }), ['risk_sources']],
      [basic({ objectives: ['C.3.1'] }), ['objectives']],
      [basic({ planned_controls: ['A.6.2.4', 'A.6.2.99'] }), ['planned_controls']],
      [basic({ residual_likelihood: 4 }), ['residual_likelihood']],
      [basic({ status: 'treating' }), ['treatment']],
      [basic({ treatment: 'transfer', status: 'finished' }), ['treatment', 'status']],
      [basic({ due_date: '2026-02-30' }), ['due_date']],
      [basic({ system_id: otherSys.id }), ['system_id']],
      [basic({ system_id: 'sys_does_not_exist' }), ['system_id']],
      [basic({ id: 'R-99', acceptance_state: 'accepted' }), ['id', 'acceptance_state']],
      [basic({ likelihood: 3 }), ['likelihood']],
    ];
    for (const [json, expected] of cases) {
      const p = assertProblem(await c('POST', RISKS, { json }), 422);
      assert.deepEqual(fields(p), expected, JSON.stringify(json));
    }
    const ro = assertProblem(await c('POST', RISKS, { json: basic({ version: 3 }) }), 422);
    assert.equal(ro.errors[0].message, 'is read-only');
    const rationale = assertProblem(await c('POST', RISKS, { json: basic({ residual_impact: 5 }) }), 422);
    assert.match(rationale.errors[0].message, /residual_rationale/);
    assertProblem(await c('POST', RISKS, { body: '[1]', headers: { 'content-type': 'application/json' } }), 400);
    assertProblem(await c('POST', RISKS, { body: '{', headers: { 'content-type': 'application/json' } }), 400);
    assertProblem(await c('POST', RISKS, { body: '{}', headers: { 'content-type': 'text/plain' } }), 415);
    assert.deepEqual(await snapshot(), before);
    const last = Math.max(0, ...before.items.map((t) => JSON.parse(t).number));
    const next = await create(basic({ title: 'After the refusals', residual_impact: 5, residual_rationale: 'Automation widens the reach.' }));
    assert.equal(next.number, last + 1, 'refused creates use up no number');
  });

  test('valid changes bump the version and write history; a no-op with a weak ETag keeps it', async () => {
    const r = await create(basic({ title: 'Patch me' }));
    let res = await c('PATCH', `${RISKS}/${r.id}`, { json: { owner: 'Risk team', system_id: sysB.id }, headers: { 'if-match': '"v1"' } });
    let u = assertJson(res);
    assert.equal(res.headers.get('etag'), '"v2"');
    assert.deepEqual([u.owner, u.system_name, u.version], ['Risk team', 'Chatbot', 2]);
    res = await c('PATCH', `${RISKS}/${r.id}`, { json: { owner: 'Risk team' }, headers: { 'if-match': 'W/"v2"' } });
    assert.equal(assertJson(res).version, 2, 'an unchanged PATCH is not a new version');
    u = await patch(r.id, { system_id: null, treatment: 'avoid', status: 'closed', review_date: inDays(-1) });
    assert.deepEqual([u.system_id, u.system_name, u.status, u.version, u.review_overdue], [null, null, 'closed', 3, false]);
    const h = assertJson(await c('GET', `${RISKS}/${r.id}/history`)).items;
    assert.deepEqual(h.map((e) => [e.version, e.operation]), [[3, 'update'], [2, 'update'], [1, 'create']]);
    assert.deepEqual(h[1].changes.map((x) => x.field), ['system_id', 'owner']);
    assert.deepEqual(h[1].changes[1], { field: 'owner', from: '', to: 'Risk team' });
    assert.equal(h[0].actor, srv.admin.email);
    const page = assertJson(await c('GET', `${RISKS}/${r.id}/history?limit=2`));
    assert.equal(page.items.length, 2);
    assert.deepEqual(assertJson(await c('GET', `${RISKS}/${r.id}/history?cursor=${page.next}`)).items.map((e) => e.version), [1]);
  });

  test('invalid changes answer 422 and change nothing; an unknown id is 404 before its body is read', async () => {
    const r = await create(basic({ title: 'Stays as it is', inherent_likelihood: 2, inherent_impact: 2 }));
    const before = await snapshot();
    for (const [json, expected] of [
      [{ residual_likelihood: 3 }, ['residual_likelihood']],
      [{ status: 'monitoring' }, ['treatment']],
      [{ inherent_impact: 9 }, ['inherent_impact']],
      [{ system_id: otherSys.id }, ['system_id']],
      [{ title: '' }, ['title']],
      [{ number: 5 }, ['number']],
    ]) {
      const p = assertProblem(await c('PATCH', `${RISKS}/${r.id}`, { json, headers: { 'if-match': '"v1"' } }), 422);
      assert.deepEqual(fields(p), expected, JSON.stringify(json));
    }
    assertProblem(await c('PATCH', `${RISKS}/R-9999`, { json: { title: '' } }), 404);
    assert.deepEqual(await snapshot(), before);
  });
});

// ---- roles -------------------------------------------------------------------------------------

describe('roles', () => {
  test('viewer and auditor read everything but every write is 403 and changes nothing', async () => {
    const r = await create(basic({ title: 'Read by all', inherent_likelihood: 1, inherent_impact: 1 }));
    for (const role of ['viewer', 'auditor']) {
      const w = as[role];
      assert.equal((await get(r.id, w)).id, r.id);
      assertJson(await w('GET', RISKS));
      assertJson(await w('GET', `${RISKS}/heatmap`));
      assertJson(await w('GET', `${RISKS}/${r.id}/history`));
      const before = await snapshot();
      assertProblem(await w('POST', RISKS, { json: basic() }), 403);
      assertProblem(await w('PATCH', `${RISKS}/${r.id}`, { json: { owner: role }, headers: { 'if-match': '"v1"' } }), 403);
      assertProblem(await w('POST', `${RISKS}/${r.id}/acceptance`, { json: { rationale: 'x', expires_on: inDays(30) }, headers: { 'if-match': '"v1"' } }), 403);
      assertProblem(await w('POST', `${RISKS}/${r.id}/acceptance/withdraw`, { headers: { 'if-match': '"v1"' } }), 403);
      assert.deepEqual(await snapshot(), before, `${role}: a refused write changed something`);
    }
  });

  test('a contributor creates and changes risks but may not accept them (403) under the default criteria', async () => {
    const r = await create(basic({ title: 'By a contributor', inherent_likelihood: 2, inherent_impact: 2 }), as.contributor);
    assert.equal(r.created_by, 'contributor@acme.test');
    assert.equal((await patch(r.id, { owner: 'Me' }, as.contributor)).owner, 'Me');
    const before = await snapshot();
    const p = assertProblem(await accept(r.id, { rationale: 'Small', expires_on: inDays(30) }, as.contributor), 403);
    assert.match(p.detail, /admin, manager/);
    assert.deepEqual(await snapshot(), before);
    const ok = assertJson(await accept(r.id, { rationale: 'Small', expires_on: inDays(30) }, as.manager));
    assert.equal(ok.acceptance.accepted_by, 'manager@acme.test');
    assert.equal(ok.acceptance.accepted_role, 'manager');
  });
});

// ---- acceptance ----------------------------------------------------------------------------------

describe('formal acceptance', () => {
  test('only within the threshold: a high residual level is 422 with the reason, and nothing changes', async () => {
    const r = await create(basic({ title: 'Too high to accept', inherent_likelihood: 4, inherent_impact: 3 }));
    const before = await snapshot();
    const p = assertProblem(await accept(r.id, { rationale: 'We can live with it', expires_on: inDays(60) }), 422);
    assert.match(p.detail, /residual level is High .*up to Medium/);
    assert.deepEqual(fields(p), ['residual']);
    assert.deepEqual(await snapshot(), before);
  });

  test('rationale and a future expiry within five years are required; If-Match too; a closed risk cannot be accepted', async () => {
    const r = await create(basic({ title: 'Acceptable', inherent_likelihood: 2, inherent_impact: 2 }));
    const before = await snapshot();
    for (const [json, expected] of [
      [{}, ['rationale', 'expires_on']],
      [{ rationale: '  ', expires_on: inDays(10) }, ['rationale']],
      [{ rationale: 'ok', expires_on: inDays(0) }, ['expires_on']],
      [{ rationale: 'ok', expires_on: inDays(-3) }, ['expires_on']],
      [{ rationale: 'ok', expires_on: inDays(6 * 366) }, ['expires_on']],
      [{ rationale: 'ok', expires_on: 'next year' }, ['expires_on']],
      [{ rationale: 'ok', expires_on: inDays(10), by: 'me' }, ['by']],
    ]) {
      const p = assertProblem(await accept(r.id, json), 422);
      assert.deepEqual(fields(p).sort(), expected.sort(), JSON.stringify(json));
    }
    assertProblem(await c('POST', `${RISKS}/${r.id}/acceptance`, { json: { rationale: 'ok', expires_on: inDays(10) } }), 428);
    assertProblem(await c('POST', `${RISKS}/${r.id}/acceptance`, { json: { rationale: 'ok', expires_on: inDays(10) }, headers: { 'if-match': '"v5"' } }), 412);
    assertProblem(await c('POST', `${RISKS}/R-9999/acceptance`, { json: {}, headers: { 'if-match': '"v1"' } }), 404);
    assert.deepEqual(await snapshot(), before);
    const closed = await create(basic({ title: 'Closed one', inherent_likelihood: 1, inherent_impact: 1, status: 'closed' }));
    const p = assertProblem(await accept(closed.id, { rationale: 'ok', expires_on: inDays(10) }), 422);
    assert.deepEqual(fields(p), ['status']);
  });

  test('accepting records who, when, why, until when and the residual cell; withdrawing keeps the record; a residual change withdraws it', async () => {
    const r = await create(basic({ title: 'Accepted then changed', inherent_likelihood: 3, inherent_impact: 3, treatment: 'retain' }));
    const expires = inDays(200);
    let res = await accept(r.id, { rationale: 'Within appetite', expires_on: expires });
    let a = assertJson(res);
    assert.equal(res.headers.get('etag'), '"v2"');
    assert.equal(a.acceptance_state, 'accepted');
    assert.deepEqual(
      [a.acceptance.accepted_by, a.acceptance.accepted_role, a.acceptance.rationale, a.acceptance.expires_on, a.acceptance.residual_level],
      [srv.admin.email, 'admin', 'Within appetite', expires, 'medium'],
    );
    assert.match(a.acceptance.accepted_at, /^\d{4}-\d{2}-\d{2}T/);
    // Renewal replaces it.
    a = assertJson(await accept(r.id, { rationale: 'Reviewed again', expires_on: inDays(300) }));
    assert.equal(a.acceptance.rationale, 'Reviewed again');
    // Other fields leave it in force; a new residual score withdraws it.
    a = await patch(r.id, { owner: 'Ops' });
    assert.equal(a.acceptance_state, 'accepted');
    a = await patch(r.id, { residual_impact: 2 });
    assert.equal(a.acceptance_state, 'withdrawn');
    assert.match(a.acceptance.withdrawn_reason, /3 × 3 to 3 × 2/);
    // Withdrawing an acceptance that is not in force is a conflict.
    const before = await snapshot();
    assertProblem(await c('POST', `${RISKS}/${r.id}/acceptance/withdraw`, { headers: { 'if-match': await etagOf(r.id) } }), 409);
    assert.deepEqual(await snapshot(), before);
    // Accept again, then withdraw by hand with a reason.
    assertJson(await accept(r.id, { rationale: 'Lower now', expires_on: inDays(100) }));
    res = await c('POST', `${RISKS}/${r.id}/acceptance/withdraw`, { json: { reason: 'The supplier changed.' }, headers: { 'if-match': await etagOf(r.id) } });
    a = assertJson(res);
    assert.equal(a.acceptance_state, 'withdrawn');
    assert.equal(a.acceptance.withdrawn_reason, 'The supplier changed.');
    assert.equal(a.acceptance.withdrawn_by, srv.admin.email);
    const ops = assertJson(await c('GET', `${RISKS}/${r.id}/history`)).items.map((e) => e.operation);
    assert.deepEqual(ops, ['withdraw_acceptance', 'accept', 'update', 'update', 'accept', 'accept', 'create']);
    const accepted = assertJson(await c('GET', `${RISKS}/${r.id}/history`)).items[1];
    assert.deepEqual(accepted.changes.map((x) => x.field), ['acceptance']);
  });

  test('a contributor may accept once the criteria allow it; stricter criteria put an acceptance above the threshold', async () => {
    const r = await create(basic({ title: 'Contributor accepts', inherent_likelihood: 2, inherent_impact: 3 }));
    const { body, etag } = await criteria();
    assertJson(await putCriteria({ ...body, accept_roles: ['contributor', 'manager', 'admin'] }, etag));
    let a = assertJson(await accept(r.id, { rationale: 'Fine', expires_on: inDays(40) }, as.contributor));
    assert.equal(a.acceptance.accepted_role, 'contributor');
    const now = await criteria();
    assertJson(await putCriteria({ ...now.body, acceptance_threshold: 'low' }, now.etag));
    a = await get(r.id);
    assert.equal(a.acceptance_state, 'exceeds_threshold');
    assert.ok(assertJson(await c('GET', `${RISKS}?acceptance=exceeds_threshold`)).items.some((x) => x.id === r.id));
    const back = await criteria();
    assertJson(await putCriteria({ ...body }, back.etag));
    assert.equal((await get(r.id)).acceptance_state, 'accepted');
  });
});

// ---- the Statement of Applicability ---------------------------------------------------------------

describe('link to the Statement of Applicability', () => {
  const linked = async (control) => assertJson(await c('GET', '/api/v1/soa')).items.find((e) => e.control_id === control).linked_risks;

  test('a treatment selecting an Annex A control shows on its SoA entry; closing or removing it updates the entry; versions freeze it', async () => {
    const before = await linked('A.8.4');
    const r = await create(basic({ title: 'Incident not reported', treatment: 'modify', planned_controls: ['A.8.4', 'Own incident drill'] }));
    assert.deepEqual(await linked('A.8.4'), [...before, r.id]);
    const r2 = await create(basic({ title: 'Second treatment', treatment: 'modify', planned_controls: ['A.8.4'] }));
    assert.deepEqual(await linked('A.8.4'), [...before, r.id, r2.id]);
    assert.ok(assertJson(await c('GET', `${RISKS}?control=A.8.4`)).items.every((x) => x.planned_controls.includes('A.8.4')));

    // Exports: CSV column, XLSX and PDF reasons.
    const csv = await c('GET', '/api/v1/soa/export?format=csv');
    const rows = parseCsv(csv.text);
    const col = rows[0].indexOf('linked_risks');
    assert.ok(col > 0, rows[0].join(','));
    assert.equal(rows.find((x) => x[0] === 'A.8.4')[col], [...before, r.id, r2.id].join('; '));
    const pdf = await fetchBytes('/api/v1/soa/export?format=pdf');
    assert.match(pdfText(pdf), new RegExp(`Treats ${r.id}`));
    const sheet = await fetchBytes('/api/v1/soa/export?format=xlsx');
    const strings = await (await JSZip.loadAsync(sheet)).file('xl/sharedStrings.xml').async('string');
    assert.ok(strings.includes(`Treats ${[...before, r.id, r2.id].join(', ')}`), 'the XLSX reasons name the risks');

    const v = assertJson(await c('POST', '/api/v1/soa/versions', { json: { note: 'with risks' } }), 201);
    await patch(r.id, { status: 'closed' });
    assert.deepEqual(await linked('A.8.4'), [...before, r2.id]);
    await patch(r2.id, { planned_controls: ['A.8.5'] });
    assert.deepEqual(await linked('A.8.4'), before);
    assert.deepEqual(await linked('A.8.5'), [r2.id]);
    const frozen = assertJson(await c('GET', `/api/v1/soa/versions/${v.number}`)).items.find((e) => e.control_id === 'A.8.4');
    assert.deepEqual(frozen.linked_risks, [...before, r.id, r2.id], 'an approved version keeps the links it had');
    const d = assertJson(await c('GET', `/api/v1/soa/diff?from=${v.number}&to=working`)).changes.filter((x) => x.field === 'linked_risks');
    assert.deepEqual(d.map((x) => x.control_id).sort(), ['A.8.4', 'A.8.5']);
  });
});

async function fetchBytes(path) {
  const session = await login(srv.url, srv.admin.email, srv.admin.password);
  const r = await fetch(srv.url + path, { headers: { cookie: session.cookie } });
  assert.equal(r.status, 200, path);
  return Buffer.from(await r.arrayBuffer());
}

function pdfText(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'aims-risk-pdf-'));
  try {
    const file = join(dir, 'soa.pdf');
    writeFileSync(file, bytes);
    const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- heat map, lists, tenancy -------------------------------------------------------------------------

describe('heat map, paging, sorting and filters (a fresh organization)', () => {
  let w; // admin of a third organization, with only the risks made here
  let sys;
  const made = {};

  before(async () => {
    w = await otherOrgClient(srv, PW_OTHER, { name: 'Heat', email: 'heat@x.test' });
    assert.equal(assertJson(await w('GET', RISKS)).total, 0);
    sys = assertJson(await w('POST', '/api/v1/systems', { json: { name: 'Heat system', purpose: 'x' } }), 201);
    const mk = async (key, json) => { made[key] = await create(json, w); };
    await mk('a', { title: 'Alpha', system_id: sys.id, inherent_likelihood: 5, inherent_impact: 5, residual_likelihood: 2, residual_impact: 3, treatment: 'modify', status: 'treating', owner: 'Ann', review_date: inDays(-5), planned_controls: ['A.6.2.6'] });
    await mk('b', { title: 'Bravo', system_id: sys.id, inherent_likelihood: 5, inherent_impact: 5, residual_likelihood: 2, residual_impact: 3, treatment: 'modify', status: 'treating', owner: 'ann', due_date: inDays(-1) });
    await mk('c', { title: 'Charlie', inherent_likelihood: 1, inherent_impact: 2, treatment: 'retain', status: 'monitoring', owner: 'Bob', review_date: inDays(20) });
    await mk('d', { title: 'Delta', inherent_likelihood: 3, inherent_impact: 4, description: 'Mentions the needle word', review_date: inDays(-2) });
    await mk('e', { title: 'Echo', system_id: sys.id, inherent_likelihood: 4, inherent_impact: 4, status: 'closed', review_date: inDays(-9) });
    await setSegregation(w, { risk_acceptance: false }); // its admin accepts its own risk
    const acc = await w('POST', `${RISKS}/${made.c.id}/acceptance`, { json: { rationale: 'Low', expires_on: inDays(50) }, headers: { 'if-match': '"v1"' } });
    assertJson(acc);
  });

  test('the heat map counts open risks per cell, inherent and residual, by system or organization-wide', async () => {
    const m = assertJson(await w('GET', `${RISKS}/heatmap`));
    assert.equal(m.total, 4, 'closed risks are left out');
    assert.equal(m.inherent[4][4], 2);
    assert.equal(m.inherent[0][1], 1);
    assert.equal(m.inherent[2][3], 1);
    assert.equal(m.inherent[3][3], 0, 'the closed risk is not counted');
    assert.equal(m.residual[1][2], 2);
    assert.equal(m.residual[4][4], 0);
    assert.equal(m.inherent.flat().reduce((s, n) => s + n, 0), 4);
    assert.equal(m.residual.flat().reduce((s, n) => s + n, 0), 4);
    assert.deepEqual(m.by_level.inherent, { low: 1, medium: 0, high: 1, critical: 2 });
    assert.deepEqual(m.by_level.residual, { low: 1, medium: 2, high: 1, critical: 0 });
    assert.equal(m.overdue_reviews, 2);
    assert.equal(m.expired_acceptances, 0);
    assert.equal(m.matrix[4][4], 'critical');
    assert.equal(m.system_id, null);
    const bySystem = assertJson(await w('GET', `${RISKS}/heatmap?system_id=${sys.id}`));
    assert.equal(bySystem.total, 2);
    assert.equal(bySystem.system_id, sys.id);
    assert.equal(assertJson(await w('GET', `${RISKS}/heatmap?system_id=none`)).total, 2);
    // A cell of the map lists exactly its risks.
    const cell = assertJson(await w('GET', `${RISKS}?residual_likelihood=2&residual_impact=3`));
    assert.deepEqual(cell.items.map((r) => r.id), [made.a.id, made.b.id]);
    const inherentCell = assertJson(await w('GET', `${RISKS}?inherent_likelihood=3&inherent_impact=4`));
    assert.deepEqual(inherentCell.items.map((r) => r.id), [made.d.id]);
  });

  test('filters: system, status, levels, owner, treatment, overdue, acceptance, control, text; the count of overdue reviews', async () => {
    const ids = async (q) => assertJson(await w('GET', `${RISKS}${q}`)).items.map((r) => r.title);
    assert.deepEqual(await ids(''), ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
    assert.deepEqual(await ids(`?system_id=${sys.id}`), ['Alpha', 'Bravo', 'Echo']);
    assert.deepEqual(await ids('?system_id=none'), ['Charlie', 'Delta']);
    assert.deepEqual(await ids('?status=treating'), ['Alpha', 'Bravo']);
    assert.deepEqual(await ids('?inherent_level=critical'), ['Alpha', 'Bravo', 'Echo']);
    assert.deepEqual(await ids('?residual_level=low'), ['Charlie']);
    assert.deepEqual(await ids('?owner=ANN'), ['Alpha', 'Bravo']);
    assert.deepEqual(await ids('?treatment=none'), ['Delta', 'Echo']);
    assert.deepEqual(await ids('?treatment=retain'), ['Charlie']);
    assert.deepEqual(await ids('?overdue=true'), ['Alpha', 'Delta'], 'closed risks are never overdue');
    assert.deepEqual(await ids('?acceptance=accepted'), ['Charlie']);
    assert.deepEqual(await ids('?acceptance=none&status=open'), ['Delta']);
    assert.deepEqual(await ids('?control=A.6.2.6'), ['Alpha']);
    assert.deepEqual(await ids('?q=NEEDLE'), ['Delta']);
    assert.deepEqual(await ids(`?q=${encodeURIComponent('heat system')}`), ['Alpha', 'Bravo', 'Echo']);
    assert.deepEqual(await ids(`?q=${made.c.id}`), ['Charlie']);
    const all = assertJson(await w('GET', RISKS));
    assert.equal(all.total, 5);
    assert.equal(all.overdue_reviews, 2);
    assert.equal(assertJson(await w('GET', `${RISKS}?status=treating`)).overdue_reviews, 1);
    const b = all.items.find((r) => r.id === made.b.id);
    assert.deepEqual([b.treatment_overdue, b.review_overdue], [true, false]);
    for (const q of ['?status=done', '?inherent_level=extreme', '?treatment=transfer', '?overdue=yes', '?acceptance=maybe', '?residual_likelihood=6', '?inherent_impact=x', '?sort=colour', '?limit=0', '?limit=501', '?cursor=nonsense']) {
      const p = assertProblem(await w('GET', `${RISKS}${q}`), 400);
      assert.equal(p.errors.length, 1, q);
    }
  });

  test('sorting by each key, both ways, and keyset paging without gaps or repeats', async () => {
    const titles = async (q) => assertJson(await w('GET', `${RISKS}?${q}`)).items.map((r) => r.title);
    assert.deepEqual(await titles('sort=-number'), ['Echo', 'Delta', 'Charlie', 'Bravo', 'Alpha']);
    assert.deepEqual(await titles('sort=title'), ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
    assert.deepEqual(await titles('sort=-inherent'), ['Bravo', 'Alpha', 'Echo', 'Delta', 'Charlie']);
    assert.deepEqual(await titles('sort=residual'), ['Charlie', 'Alpha', 'Bravo', 'Delta', 'Echo']);
    assert.deepEqual(await titles('sort=status'), ['Delta', 'Alpha', 'Bravo', 'Charlie', 'Echo']);
    assert.deepEqual(await titles('sort=review_date'), ['Echo', 'Alpha', 'Delta', 'Charlie', 'Bravo'], 'risks without a review date last');
    assert.deepEqual(await titles('sort=-owner'), ['Charlie', 'Bravo', 'Alpha', 'Echo', 'Delta'], 'ties in the order of their numbers, reversed');
    for (const sort of ['number', '-number', 'title', '-inherent', 'residual', '-residual', 'status', 'due_date', '-review_date', 'owner', '-updated_at']) {
      const whole = await titles(`sort=${sort}`);
      const paged = [];
      let next;
      do {
        const page = assertJson(await w('GET', `${RISKS}?sort=${sort}&limit=2${next ? `&cursor=${next}` : ''}`));
        assert.equal(page.total, 5);
        paged.push(...page.items.map((r) => r.title));
        next = page.next;
      } while (next);
      assert.deepEqual(paged, whole, `paging ${sort}`);
    }
  });
});

describe('tenancy', () => {
  test("another organization's risks are 404 and never listed; its numbers start at R-1; its systems cannot be named", async () => {
    const mine = await create(basic({ title: 'Acme only secret' }));
    const theirs = await create(basic({ title: 'Other first' }), other);
    assert.equal(theirs.id, 'R-1');
    assert.notEqual((await get('R-1')).title, 'Other first');
    assert.notEqual(mine.id, 'R-1');
    const before = await snapshot();
    assertProblem(await other('POST', `${RISKS}/${mine.id}/acceptance`, { json: { rationale: 'x', expires_on: inDays(9) }, headers: { 'if-match': '"v1"' } }), 404);
    assert.deepEqual(await snapshot(), before);
    const list = assertJson(await other('GET', `${RISKS}?q=secret`));
    assert.equal(list.total, 0);
    assert.deepEqual(assertJson(await other('GET', RISKS)).items.map((r) => r.id), ['R-1']);
    assert.equal(assertJson(await other('GET', `${RISKS}/heatmap`)).total, 1);
    assert.equal(assertJson(await other('GET', CRIT)).version, 0, "this organization's criteria changes are not the other's");
    const p = assertProblem(await other('POST', RISKS, { json: basic({ system_id: sysA.id }) }), 422);
    assert.deepEqual(fields(p), ['system_id']);
    assert.ok(!JSON.stringify(p).includes('Credit scoring'));
  });
});

// ---- expiry, with the demo organization ---------------------------------------------------------------

describe('an acceptance lapses on its expiry date (demo organization, accepted a year ago)', () => {
  let demo, d;

  before(async () => {
    demo = await startDemoServer();
    const url = demo.url;
    d = client(url, await login(url, demo.admin.email, demo.admin.password));
  });

  after(async () => {
    await demo?.stop();
  });

  test('the lapsed acceptance reads as expired, is counted and filtered, and can be renewed', async () => {
    const expired = assertJson(await d('GET', `${RISKS}?acceptance=expired`));
    assert.equal(expired.total, 1);
    const r = expired.items[0];
    assert.equal(r.acceptance_state, 'expired');
    assert.ok(r.acceptance.expires_on <= inDays(0), `${r.acceptance.expires_on} is not past`);
    assert.equal(assertJson(await d('GET', `${RISKS}/heatmap`)).expired_acceptances, 1);
    assert.ok(assertJson(await d('GET', `${RISKS}?acceptance=accepted`)).total >= 2);
    assert.equal(assertJson(await d('GET', `${RISKS}?overdue=true`)).total, 1);
    // The demo's risks are recorded as the demo admin's work: segregation of duties would refuse its renewal.
    await setSegregation(d, { risk_acceptance: false });
    const renewed = assertJson(await d('POST', `${RISKS}/${r.id}/acceptance`, {
      json: { rationale: 'Reviewed at the management review', expires_on: inDays(365) },
      headers: { 'if-match': `"v${r.version}"` },
    }));
    assert.equal(renewed.acceptance_state, 'accepted');
    const soa = assertJson(await d('GET', '/api/v1/soa'));
    assert.ok(soa.items.filter((e) => e.linked_risks.length).length >= 5, 'the demo SoA shows treating risks');
  });
});
