// The overview of one AI system (docs/inventory.md, "Overview"): on the demo organization its
// figures are the filtered list endpoints' figures, each "missing" finding comes and goes with its
// cause, another organization's system is not found, and a viewer can read it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, login, aims } from '../lib/server.mjs';
import { client, assertJson, assertProblem, stopServer, memberClients } from '../lib/http.mjs';
import { otherOrgClient } from '../lib/fixture.mjs';
import { classifyAs } from '../lib/euact.mjs';
import { SYS } from '../lib/paths.mjs';

const PW = 'overview member password';
const inDays = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

let srv, c, credit;

before(async () => {
  srv = await startDemoServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  credit = assertJson(await c('GET', `${SYS}?q=${encodeURIComponent('Credit scoring model')}`)).items[0];
  assert.ok(credit, 'the demo has the credit-scoring system');
});

after(async () => {
  await stopServer(srv);
});

const overview = async (id, who = c) => assertJson(await who('GET', `${SYS}/${encodeURIComponent(id)}/overview`));
const total = async (path) => assertJson(await c('GET', path)).total;
const codes = (o) => o.missing.map((m) => m.code);

test('the demo credit-scoring system: every figure is the filtered list endpoint\'s figure', async () => {
  const o = await overview(credit.id);
  const id = credit.id;
  assert.equal(o.system.id, id);
  const cl = assertJson(await c('GET', `${SYS}/${id}/classification`));
  assert.equal(o.classification.classified, true);
  assert.equal(o.classification.class, cl.result.class);
  assert.deepEqual(o.classification.roles, cl.result.roles);
  assert.equal(o.classification.obligations.total, await total(`/api/v1/obligations?system=${id}&limit=500`));
  for (const [status, n] of Object.entries(o.classification.obligations.by_status))
    assert.equal(n, await total(`/api/v1/obligations?system=${id}&status=${status}&limit=1`), `obligations ${status}`);

  const risks = assertJson(await c('GET', `/api/v1/risks?system_id=${id}&sort=-residual&limit=3`));
  assert.ok(risks.total > 0, 'the demo system has risks');
  assert.equal(o.risks.total, risks.total);
  assert.deepEqual(o.risks.items.map((r) => r.number), risks.items.map((r) => r.number));
  assert.deepEqual(o.risks.highest_residual, risks.items[0].residual);
  for (const [status, n] of Object.entries(o.risks.by_status))
    assert.equal(n, await total(`/api/v1/risks?system_id=${id}&status=${status}&limit=1`), `risks ${status}`);
  assert.equal(o.risks.acceptance_lapsed, await total(`/api/v1/risks?system_id=${id}&acceptance=expired&limit=1`));

  assert.equal(o.impact_assessments.total, await total(`/api/v1/impact-assessments?system_id=${id}&limit=1`));
  assert.equal(o.impact_assessments.approved, await total(`/api/v1/impact-assessments?system_id=${id}&status=approved&limit=1`));
  assert.equal(o.objectives.total, await total(`/api/v1/objectives?system_id=${id}&limit=1`));
  assert.ok(o.objectives.total > 0, 'the demo system has objectives');
  assert.equal(o.objectives.off_track, await total(`/api/v1/objectives?system_id=${id}&derived_status=off_track&limit=1`));
  const ev = await total(`/api/v1/evidence?linked_to=${encodeURIComponent(`system:${id}`)}&limit=1`);
  assert.ok(ev > 0, 'the demo links evidence to the system');
  assert.equal(o.evidence.total, ev);
  assert.ok(!codes(o).includes('no_evidence'));
  assert.ok(!codes(o).includes('not_classified'));

  const history = assertJson(await c('GET', `${SYS}/${id}/history?limit=3`));
  assert.deepEqual(o.history, history.items);
  for (const m of o.missing) {
    assert.equal(typeof m.sentence, 'string');
    assert.ok(m.link.startsWith('/'), m.link);
  }
});

test('each finding appears with its cause and goes when the cause is fixed', async () => {
  const sys = assertJson(await c('POST', SYS, { json: { name: 'Overview findings system', purpose: 'Tests the findings' } }), 201);
  let o = await overview(sys.id);
  assert.deepEqual(codes(o).sort(), ['no_evidence', 'not_classified']);
  assert.equal(o.classification.class, 'unclassified');
  assert.deepEqual(o.classification.roles, []);
  assert.equal(o.missing.find((m) => m.code === 'not_classified').link, `/systems/${sys.id}/classification/wizard`);

  // Classified high-risk: no longer unclassified, but no approved impact assessment.
  await classifyAs(c, sys.id, 'high_risk');
  o = await overview(sys.id);
  assert.deepEqual(codes(o).sort(), ['no_approved_impact_assessment', 'no_evidence']);
  assert.equal(o.classification.class, 'high_risk');

  // Minimal risk: an impact assessment is no longer asked for.
  await classifyAs(c, sys.id, 'minimal');
  o = await overview(sys.id);
  assert.deepEqual(codes(o), ['no_evidence']);

  // Evidence linked to the system.
  const qs = new URLSearchParams({ filename: 'overview.txt', link: `system:${sys.id}` });
  const ev = assertJson(await c('POST', `/api/v1/evidence?${qs}`, { body: Buffer.from('proof'), headers: { 'content-type': 'application/octet-stream' } }), 201);
  o = await overview(sys.id);
  assert.deepEqual(codes(o), []);
  assert.equal(o.evidence.total, 1);
  assert.equal(o.evidence.items[0].id, ev.id);

  // A risk past its review date; then reviewed later.
  const risk = assertJson(await c('POST', '/api/v1/risks', { json: { title: 'Overview risk', system_id: sys.id, inherent_likelihood: 2, inherent_impact: 2, review_date: inDays(-3) } }), 201);
  o = await overview(sys.id);
  assert.deepEqual(codes(o), ['risk_review_overdue']);
  assert.equal(o.missing[0].link, `/risks?system_id=${sys.id}&overdue=true`);
  assert.equal(o.risks.total, 1);
  const cur = await c('GET', `/api/v1/risks/${risk.id}`);
  assertJson(await c('PATCH', `/api/v1/risks/${risk.id}`, { json: { review_date: inDays(30) }, headers: { 'if-match': cur.headers.get('etag') } }));
  assert.deepEqual(codes(await overview(sys.id)), []);
});

test('another organization\'s system and a missing one are not found; a viewer can read', async () => {
  const other = await otherOrgClient(srv, PW);
  assertProblem(await other('GET', `${SYS}/${credit.id}/overview`), 404);
  assertProblem(await c('GET', `${SYS}/sys_doesnotexist/overview`), 404);
  const { viewer } = await memberClients(srv, ['viewer'], PW);
  const seen = await overview(credit.id, viewer);
  const mine = await overview(credit.id);
  assert.deepEqual(seen.missing, mine.missing);
  assert.equal(seen.risks.total, mine.risks.total);
  assertProblem(await client(srv.url)('GET', `${SYS}/${credit.id}/overview`), 401);
});
