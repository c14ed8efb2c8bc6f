// What is particular to the context issues register (clause 4.1); what every record kind keeps is
// in record_contract.test.mjs. The cross-field rule (an open issue of high relevance needs a next
// review date, a closed one has none), the enum values, the AI systems an issue names (which must
// be the organization's), the relevance sort by rank, and an evidence link to an issue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer } from '../lib/http.mjs';
import { CI } from '../lib/paths.mjs';

let srv, c, sys;

const base = { title: 'Rules for AI in lending', origin: 'external', category: 'legal', effect: 'risk' };

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Loan scoring', purpose: 'Scores loans' } }), 201);
});
after(() => stopServer(srv));

test('an open issue of high relevance needs a review date; a closed one has none; nothing is stored when refused', async () => {
  const p = assertProblem(await c('POST', CI, { json: { ...base, relevance: 'high' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['review_date']);
  const q = assertProblem(await c('POST', CI, { json: { ...base, status: 'closed', review_date: '2027-01-01' } }), 422);
  assert.deepEqual(q.errors.map((e) => e.field), ['review_date']);
  assert.equal(assertJson(await c('GET', CI)).total, 0, 'nothing was stored');

  const made = assertJson(await c('POST', CI, { json: { ...base, relevance: 'high', review_date: '2027-01-31' } }), 201);
  assert.equal(made.id, 'CI-1');
  assert.equal(made.number, 'CI-1');
  assert.equal(made.status, 'open', 'the default status');
  assert.equal(made.description, null);
  assert.deepEqual(made.system_ids, null);
  // Clearing the date of the open, high issue breaks the rule; closing it with the date too.
  const r1 = assertProblem(await c('PATCH', `${CI}/CI-1`, { json: { review_date: null }, headers: { 'if-match': '"v1"' } }), 422);
  assert.deepEqual(r1.errors.map((e) => e.field), ['review_date']);
  assertProblem(await c('PATCH', `${CI}/CI-1`, { json: { status: 'closed' }, headers: { 'if-match': '"v1"' } }), 422);
  const closed = assertJson(await c('PATCH', `${CI}/CI-1`, { json: { status: 'closed', review_date: null }, headers: { 'if-match': '"v1"' } }));
  assert.equal(closed.status, 'closed');
  assert.equal(closed.review_date, null);
  assert.equal(closed.version, 2);
});

test('enum fields take only their values; the AI systems must be the organization\'s', async () => {
  for (const [field, value] of [['origin', 'both'], ['category', 'Legal'], ['effect', 'threat'], ['relevance', 'urgent'], ['status', 'done']]) {
    const p = assertProblem(await c('POST', CI, { json: { ...base, [field]: value } }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), [field], `${field}=${value}`);
  }
  const schema = assertJson(await c('GET', '/api/v1/kinds')).items.find((k) => k.kind === 'context_issue');
  const values = (name) => schema.fields.find((f) => f.name === name).values.map((v) => v.value);
  assert.deepEqual(values('origin'), ['internal', 'external']);
  assert.deepEqual(values('effect'), ['risk', 'opportunity', 'both']);
  assert.deepEqual(values('relevance'), ['high', 'medium', 'low']);
  assert.deepEqual(values('status'), ['open', 'monitored', 'closed']);
  assert.equal(values('category').length, 7);
  const p = assertProblem(await c('POST', CI, { json: { ...base, system_ids: [sys.id, 'sys_nope'] } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['system_ids']);
  const made = assertJson(await c('POST', CI, { json: { ...base, system_ids: [sys.id] } }), 201);
  assert.deepEqual(made.system_ids, [sys.id]);
});

test('relevance sorts by rank (high first), and an issue is an evidence link target', async () => {
  for (const relevance of ['low', 'medium'])
    assertJson(await c('POST', CI, { json: { ...base, title: `Relevance ${relevance}`, relevance } }), 201);
  const ranks = assertJson(await c('GET', `${CI}?sort=relevance&status=open`)).items.map((r) => r.relevance);
  const order = ['high', 'medium', 'low'];
  assert.deepEqual(ranks, [...ranks].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  assert.ok(ranks.includes('low') && ranks.includes('medium'));
  const ev = assertJson(await c('POST', '/api/v1/evidence?filename=note.txt', {
    body: Buffer.from('context review notes'), headers: { 'content-type': 'application/octet-stream' },
  }), 201);
  const link = assertJson(await c('POST', `/api/v1/evidence/${ev.id}/links`, { json: { target: 'context_issue:CI-2' } }), 201);
  assert.equal(link.target_type, 'context_issue');
  assert.match(link.label, /^CI-2 /);
  assertProblem(await c('POST', `/api/v1/evidence/${ev.id}/links`, { json: { target: 'context_issue:CI-99' } }), 422);
});
