// Retention periods (clause 7.5.3) and legal holds. Admins alone set the periods (403 for a
// manager, nothing changed; If-Match 428 / 412; unknown kinds and bad months 422 naming them); each
// record's detail shows its period and the date it is kept until, by kind or kind and type. A
// record under legal hold cannot be archived (409, nothing changed) until released; hold and
// release are admin-only, in the audit log and the hold's history; another organization's record
// cannot be held (404). AI systems are held the same way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { otherOrgClient } from '../lib/fixture.mjs';
import { CI } from '../lib/paths.mjs';

const PW = 'retention test password';
let srv, c, manager, viewer, other;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  ({ manager, viewer } = await memberClients(srv, ['manager', 'viewer'], PW));
  other = await otherOrgClient(srv, PW);
});
after(() => stopServer(srv));

const issue = (title) => ({ title, origin: 'internal', category: 'legal', effect: 'risk', relevance: 'low' });
const checkpointSize = async () => assertJson(await c('GET', '/api/v1/audit/checkpoint')).size;

test('only admins set retention periods; bad kinds and months are refused; nothing changes when refused', async () => {
  const start = assertJson(await viewer('GET', '/api/v1/retention'));
  assert.deepEqual(start.periods, {});
  assert.equal(start.version, 0);
  assert.ok(start.kinds.includes('context_issue') && start.kinds.includes('risk'));
  let p = assertProblem(await manager('PUT', '/api/v1/retention', { json: { periods: { risk: 84 } }, headers: { 'if-match': '"v0"' } }), 403);
  assert.match(p.detail, /manager/);
  assertProblem(await c('PUT', '/api/v1/retention', { json: { periods: { risk: 84 } } }), 428);
  assertProblem(await c('PUT', '/api/v1/retention', { json: { periods: { risk: 84 } }, headers: { 'if-match': '"v3"' } }), 412);
  p = assertProblem(await c('PUT', '/api/v1/retention', {
    json: { periods: { risk: 0, planet: 12, 'document:Policy!': 12, context_issue: 12.5 } }, headers: { 'if-match': '"v0"' },
  }), 422);
  assert.deepEqual(p.errors.map((e) => e.field).sort(), ['periods.context_issue', 'periods.document:Policy!', 'periods.planet', 'periods.risk']);
  assertProblem(await c('PUT', '/api/v1/retention', { json: { periods: [] }, headers: { 'if-match': '"v0"' } }), 422);
  assert.deepEqual(assertJson(await c('GET', '/api/v1/retention')), start, 'nothing changed');
  const saved = assertJson(await c('PUT', '/api/v1/retention', {
    json: { periods: { context_issue: 36, 'context_issue:legal': 120, risk: 84 } }, headers: { 'if-match': '"v0"' },
  }));
  assert.equal(saved.version, 1);
  assert.equal(saved.updated_by, srv.admin.email);
  // A second save starts from the stored periods: a period removed and one changed.
  const again = assertJson(await c('PUT', '/api/v1/retention', {
    json: { periods: { context_issue: 36, 'context_issue:legal': 120 } }, headers: { 'if-match': '"v1"' },
  }));
  assert.equal(again.version, 2);
  assert.deepEqual(again.periods, { context_issue: 36, 'context_issue:legal': 120 });
  const h = assertJson(await c('GET', '/api/v1/audit/entries?limit=500')).items.filter((e) => e.record_type === 'retention_settings');
  assert.equal(h.length, 2, 'each save is in the audit log');
  assert.deepEqual(assertJson(await other('GET', '/api/v1/retention')).periods, {}, 'the other organization keeps its own');
});

test('each record shows its retention period and the date it is kept until', async () => {
  const made = assertJson(await c('POST', CI, { json: issue('Kept issue') }), 201);
  const read = assertJson(await c('GET', `${CI}/${made.id}`));
  const until = new Date(made.updated_at);
  assert.equal(read.retention.period_months, 36);
  assert.equal(read.retention.period_of, 'context_issue');
  assert.equal(read.retention.keep_until.slice(0, 4), String(until.getUTCFullYear() + 3));
  assert.equal(read.retention.keep_until.slice(5), made.updated_at.slice(5, 10));
  assert.equal(read.legal_hold, null);
  // Without a period the record says so.
  const r = assertJson(await c('POST', '/api/v1/raci-activities', {
    json: { title: 'Hold review', process: 'document_control', responsible: [assertJson(await c('GET', '/api/v1/me')).user.id], accountable: [assertJson(await c('GET', '/api/v1/me')).user.id] },
  }), 201);
  assert.equal(assertJson(await c('GET', `/api/v1/raci-activities/${r.id}`)).retention, null);
});

test('a record under legal hold cannot be archived until released; hold and release are admin-only and audited', async () => {
  const made = assertJson(await c('POST', CI, { json: issue('Disputed decision') }), 201);
  const hold = { kind: 'context_issue', record_id: made.id, reason: 'Litigation 2026-17' };
  let before = await checkpointSize();
  assertProblem(await manager('POST', '/api/v1/legal-holds', { json: hold }), 403);
  assertProblem(await viewer('POST', '/api/v1/legal-holds', { json: hold }), 403);
  let p = assertProblem(await c('POST', '/api/v1/legal-holds', { json: { ...hold, reason: '' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['reason']);
  p = assertProblem(await c('POST', '/api/v1/legal-holds', { json: { ...hold, kind: 'planet' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['kind']);
  assertProblem(await c('POST', '/api/v1/legal-holds', { json: { ...hold, record_id: 'CI-999' } }), 404);
  assertProblem(await other('POST', '/api/v1/legal-holds', { json: hold }), 404);
  assert.equal(await checkpointSize(), before, 'nothing was logged');
  assert.deepEqual(assertJson(await c('GET', '/api/v1/legal-holds')).items, []);

  const held = assertJson(await c('POST', '/api/v1/legal-holds', { json: hold }), 201);
  assert.equal(held.id, `context_issue:${made.id}`);
  assert.equal(held.active, true);
  assert.equal(held.held_by, srv.admin.email);
  assertProblem(await c('POST', '/api/v1/legal-holds', { json: hold }), 409);
  const shown = assertJson(await viewer('GET', `${CI}/${made.id}`));
  assert.equal(shown.legal_hold.reason, 'Litigation 2026-17');
  assert.deepEqual(assertJson(await viewer('GET', '/api/v1/legal-holds')).items.map((h) => h.id), [held.id]);
  assert.deepEqual(assertJson(await other('GET', '/api/v1/legal-holds')).items, []);

  before = await checkpointSize();
  p = assertProblem(await c('POST', `${CI}/${made.id}/archive`, { headers: { 'if-match': '"v1"' } }), 409);
  assert.match(p.detail, /under legal hold/);
  const still = assertJson(await c('GET', `${CI}/${made.id}`));
  assert.equal(still.archived, false);
  assert.equal(still.version, 1);
  assert.equal(await checkpointSize(), before, 'nothing changed');

  assertProblem(await manager('POST', '/api/v1/legal-holds/release', { json: { ...hold, reason: 'Settled' } }), 403);
  assert.equal(assertJson(await c('GET', `${CI}/${made.id}`)).legal_hold.reason, 'Litigation 2026-17');
  const released = assertJson(await c('POST', '/api/v1/legal-holds/release', { json: { ...hold, reason: 'Settled' } }));
  assert.equal(released.active, false);
  assert.equal(released.release_reason, 'Settled');
  assertProblem(await c('POST', '/api/v1/legal-holds/release', { json: { ...hold, reason: 'Again' } }), 409);
  const entries = assertJson(await c('GET', `/api/v1/audit/entries?from=${before}&limit=10`)).items;
  assert.equal(entries.length, 1, 'the release is in the audit log');
  assert.equal(assertJson(await c('GET', `${CI}/${made.id}`)).legal_hold, null);
  assert.equal(assertJson(await c('POST', `${CI}/${made.id}/archive`, { headers: { 'if-match': '"v1"' } })).archived, true);
  assert.deepEqual(assertJson(await c('GET', '/api/v1/legal-holds?all=true')).items.map((h) => [h.id, h.active]), [[held.id, false]]);
  assertProblem(await c('GET', '/api/v1/legal-holds?all=maybe'), 400);
});

test('an AI system under legal hold cannot be archived', async () => {
  const sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Held system', purpose: 'Evidence in a dispute' } }), 201);
  assertJson(await c('POST', '/api/v1/legal-holds', { json: { kind: 'system', record_id: sys.id, reason: 'Regulator inquiry' } }), 201);
  const p = assertProblem(await c('POST', `/api/v1/systems/${sys.id}/archive`), 409);
  assert.match(p.detail, /legal hold/);
  assert.equal(assertJson(await c('GET', `/api/v1/systems/${sys.id}`)).archived, false);
});
