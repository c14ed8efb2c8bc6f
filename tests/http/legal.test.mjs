// What is particular to the legal and contractual obligations register (clauses 4.1 and 4.2): the
// source types and statuses, a requirement found not to apply says why, the links to Annex A
// controls, risks and AI systems; and the EU AI Act obligations of the AI systems stay in the
// obligations register (the register's page and its `eu-ai-act` sub-resource read them from there),
// never copied into it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, assertJson, client, memberClients } from '../lib/http.mjs';
import { aims, login } from '../lib/server.mjs';
import { serverForFile } from '../lib/fixture.mjs';
import { classifyAs } from '../lib/euact.mjs';

const LR = '/api/v1/legal-requirements';
const PW = 'legal test password';
let c, srv, sys;

serverForFile(async ({ srv: server, c: admin }) => {
  srv = server;
  c = admin;
  sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'CV ranking', purpose: 'Ranks job applications' } }), 201);
});

const base = { source: 'GDPR', source_type: 'law', reference: 'Art. 35', requirement: 'Assess the impact of risky processing first.' };
const count = async () => assertJson(await c('GET', `${LR}?archived=all`)).total;

test('source types and statuses are the listed ones; a requirement that does not apply says why', async () => {
  const schema = assertJson(await c('GET', '/api/v1/kinds')).items.find((k) => k.kind === 'legal_requirement');
  const values = (name) => schema.fields.find((f) => f.name === name).values.map((v) => v.value);
  assert.deepEqual(values('source_type'), ['law', 'contract', 'standard', 'voluntary', 'other']);
  assert.deepEqual(values('status'), ['identified', 'implementing', 'met', 'not_met', 'not_applicable']);
  for (const [field, value] of [['source_type', 'treaty'], ['status', 'done'], ['source', ''], ['requirement', null]]) {
    const p = assertProblem(await c('POST', LR, { json: { ...base, [field]: value } }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), [field], `${field}=${value}`);
  }
  const p = assertProblem(await c('POST', LR, { json: { ...base, status: 'not_applicable' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['notes']);
  assert.equal(await count(), 0, 'nothing was stored');
  const made = assertJson(await c('POST', LR, { json: base }), 201);
  assert.equal(made.id, 'LR-1');
  assert.equal(made.status, 'identified');
  const q = assertProblem(await c('PATCH', `${LR}/LR-1`, { json: { status: 'not_applicable' }, headers: { 'if-match': '"v1"' } }), 422);
  assert.deepEqual(q.errors.map((e) => e.field), ['notes']);
  const na = assertJson(await c('PATCH', `${LR}/LR-1`, { json: { status: 'not_applicable', notes: 'We process no personal data.' }, headers: { 'if-match': '"v1"' } }));
  assert.equal(na.status, 'not_applicable');
  assert.deepEqual(assertJson(await c('GET', `${LR}?status=not_applicable`)).items.map((r) => r.id), ['LR-1']);
});

test('links name Annex A controls, risks and AI systems of the organization', async () => {
  for (const [field, value] of [['control_ids', ['A.6.2.4', 'A.6.2']], ['risk_ids', ['R-5']], ['system_ids', ['sys_nope']]]) {
    const before = await count();
    const p = assertProblem(await c('POST', LR, { json: { ...base, [field]: value } }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), [field]);
    assert.equal(await count(), before, 'nothing was stored');
  }
  const made = assertJson(await c('POST', LR, { json: { ...base, source: 'Customer contract 2025-14', source_type: 'contract', control_ids: ['A.10.4'], system_ids: [sys.id] } }), 201);
  assert.deepEqual(made.control_ids, ['A.10.4']);
  assert.deepEqual(made.system_ids, [sys.id]);
  assert.deepEqual(assertJson(await c('GET', `${LR}?source_type=contract`)).items.map((r) => r.id), [made.id]);
});

test("the EU AI Act obligations of a system stay in the obligations register and are not copied into this one", async () => {
  const before = await count();
  await classifyAs(c, sys.id, 'high_risk', { roles: ['deployer'] });
  const obligations = assertJson(await c('GET', `/api/v1/obligations?system=${sys.id}`));
  assert.ok(obligations.total > 0, 'a high-risk system has obligations');
  assert.equal(await count(), before, 'the register holds only what was entered in it');
});

test('the legal register serves the EU AI Act obligations beside its entries, read from the obligations register', async () => {
  const EU = `${LR}/eu-ai-act`;
  const before = await count();
  const page = assertJson(await c('GET', EU));
  assert.equal(page.source, 'EU AI Act (Regulation (EU) 2024/1689)');
  assert.equal(page.register, '/api/v1/obligations');
  const all = assertJson(await c('GET', '/api/v1/obligations?sort=system&limit=500'));
  assert.ok(all.total > 0, 'the classified system has obligations (the test before)');
  assert.equal(page.total, all.total);
  assert.deepEqual(page.items.map((o) => [o.system_id, o.obligation_id]), all.items.slice(0, page.items.length).map((o) => [o.system_id, o.obligation_id]));
  // The same filters, sorts and pages as the obligations register; a change there shows here at once.
  const one = all.items[0];
  const filtered = assertJson(await c('GET', `${EU}?system=${sys.id}&article=${one.obligation_id}&limit=1`));
  assert.deepEqual(filtered.items.map((o) => o.obligation_id), [one.obligation_id]);
  const path = `/api/v1/obligations/${sys.id}/${one.obligation_id}`;
  assertJson(await c('PATCH', path, { json: { status: 'in_progress' }, headers: { 'if-match': `"v${one.version}"` } }));
  assert.deepEqual(assertJson(await c('GET', `${EU}?status=in_progress`)).items.map((o) => o.obligation_id), [one.obligation_id]);
  // A bad parameter is a 400 that names it; nothing is copied into the register.
  const p = assertProblem(await c('GET', `${EU}?colour=red`), 400);
  assert.deepEqual(p.errors.map((e) => e.field), ['colour']);
  assertProblem(await c('GET', `${EU}?sort=colour`), 400);
  assert.equal(await count(), before, 'the register holds only what was entered in it');
  // Every role of the organization reads it; another organization sees only its own (none).
  const { viewer } = await memberClients(srv, ['viewer'], PW);
  assert.equal(assertJson(await viewer('GET', EU)).total, all.total);
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other legal', '--admin-email', 'other-legal@x.test'], PW + '\n');
  assert.equal(org.status, 0, org.stderr);
  const other = client(srv.url, await login(srv.url, 'other-legal@x.test', PW));
  assert.equal(assertJson(await other('GET', EU)).total, 0);
});
