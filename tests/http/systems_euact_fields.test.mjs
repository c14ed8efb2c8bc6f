// The inventory's EU AI Act fields (eu_ai_act_class, eu_ai_act_basis, eu_ai_act_rationale) are
// derived from the saved classification: create, PATCH and CSV import refuse another value with a
// problem naming the field (and change nothing), accept the current value back unchanged, and an
// exported file re-imported changes nothing; the classes of their own are listed and filtered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, parseCsv } from '../lib/http.mjs';
import { classifyAs } from '../lib/euact.mjs';
import { SYS } from '../lib/paths.mjs';

const DERIVED = ['eu_ai_act_class', 'eu_ai_act_basis', 'eu_ai_act_rationale'];
let srv, c;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
});

after(async () => {
  await stopServer(srv);
});

let n = 0;
const create = async (fields = {}) =>
  assertJson(await c('POST', SYS, { json: { name: `Derived ${++n}`, purpose: 'EU AI Act fields', ...fields } }), 201);
const count = async () => assertJson(await c('GET', `${SYS}?archived=all&limit=1`)).total;
const get = async (id) => {
  const r = await c('GET', `${SYS}/${id}`);
  return { body: assertJson(r), etag: r.headers.get('etag') };
};
const importCsv = (csv) => c('POST', `${SYS}/import`, { body: csv, headers: { 'content-type': 'text/csv' } });
const csvOf = (rows) => rows.map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n';

function assertRefused(p, fields) {
  assert.deepEqual(p.errors.map((e) => e.field).sort(), [...fields].sort(), JSON.stringify(p.errors));
  for (const e of p.errors) assert.match(e.message, /set by the EU AI Act classification.*classify the system/, e.message);
}

test('create: another EU AI Act value answers 422 naming each field, nothing stored; the defaults are accepted', async () => {
  const before = await count();
  for (const [field, value] of [['eu_ai_act_class', 'high_risk'], ['eu_ai_act_class', 'gpai_model'], ['eu_ai_act_basis', 'Annex III point 4(a)'], ['eu_ai_act_rationale', 'Because']]) {
    assertRefused(assertProblem(await c('POST', SYS, { json: { name: `Refused ${field}`, purpose: 'x', [field]: value } }), 422), [field]);
  }
  const p = assertProblem(await c('POST', SYS, { json: { name: 'Refused all', purpose: 'x', eu_ai_act_class: 'minimal', eu_ai_act_basis: 'b', eu_ai_act_rationale: 'r' } }), 422);
  assertRefused(p, DERIVED);
  assert.equal(await count(), before, 'nothing was stored');
  const s = await create({ eu_ai_act_class: 'unclassified', eu_ai_act_basis: '', eu_ai_act_rationale: '' });
  assert.equal(s.eu_ai_act_class, 'unclassified');
  assert.equal(s.version, 1);
});

test('PATCH: another value answers 422 and changes nothing; a GET→PATCH round trip with the same values is fine', async () => {
  const s = await create({ organization_role: 'deployer' });
  await classifyAs(c, s.id, 'high_risk');
  const { body: classified, etag } = await get(s.id);
  assert.equal(classified.eu_ai_act_class, 'high_risk');
  const path = `${SYS}/${s.id}`;
  for (const [field, value] of [['eu_ai_act_class', 'minimal'], ['eu_ai_act_basis', 'Annex III point 5(b)'], ['eu_ai_act_rationale', 'Edited']]) {
    const p = assertProblem(await c('PATCH', path, { json: { purpose: 'Should not be saved', [field]: value }, headers: { 'if-match': etag } }), 422);
    assertRefused(p, [field]);
    if (field === 'eu_ai_act_class') assert.match(p.errors[0].message, /now 'high_risk'/);
  }
  const after = await get(s.id);
  assert.deepEqual(after.body, classified, 'nothing changed');
  assert.equal(after.etag, etag);

  // Every editable field sent back as read, with one real change.
  const { id, archived, version, created_at, updated_at, created_by, updated_by, scope, ...editable } = classified;
  const r = assertJson(await c('PATCH', path, { json: { ...editable, purpose: 'Round trip' }, headers: { 'if-match': etag } }));
  assert.equal(r.purpose, 'Round trip');
  for (const f of DERIVED) assert.equal(r[f], classified[f], f);
  assert.equal(r.version, classified.version + 1);
  const h = assertJson(await c('GET', `${path}/history`)).items[0];
  assert.equal(h.operation, 'update');
  assert.deepEqual(h.changes.map((x) => x.field), ['purpose']);
  // The same values alone change nothing (no new version).
  const same = assertJson(await c('PATCH', path, { json: { eu_ai_act_class: 'high_risk' }, headers: { 'if-match': `"v${r.version}"` } }));
  assert.equal(same.version, r.version);
});

test('CSV: an export re-imported changes nothing; a changed EU AI Act cell is a row error and nothing is imported', async () => {
  const exempt = await create();
  await classifyAs(c, exempt.id, 'high_risk_exempt');
  const model = await create();
  await classifyAs(c, model.id, 'gpai_systemic');
  const exported = (await c('GET', `${SYS}/export`)).text;
  const total = await count();
  assert.deepEqual(assertJson(await importCsv(exported)), { created: 0, updated: 0, dry_run: false, warnings: [] });

  const rows = parseCsv(exported);
  const header = rows[0];
  const iId = header.indexOf('id'), iClass = header.indexOf('eu_ai_act_class'), iBasis = header.indexOf('eu_ai_act_basis'), iPurpose = header.indexOf('purpose');
  const rowOf = (id) => rows.find((r) => r[iId] === id).slice();
  assert.equal(rowOf(exempt.id)[iClass], 'high_risk_exempt');
  assert.equal(rowOf(model.id)[iClass], 'gpai_systemic');
  const before = (await get(exempt.id)).body;

  const changed = rowOf(exempt.id);
  changed[iClass] = 'minimal';
  changed[iPurpose] = 'Edited in a spreadsheet';
  const other = rowOf(model.id);
  other[iBasis] = 'My own basis';
  const p = assertProblem(await importCsv(csvOf([header, changed, other])), 422);
  assert.deepEqual(p.errors.map((e) => [e.row, e.field]), [[2, 'eu_ai_act_class'], [3, 'eu_ai_act_basis']]);
  assertRefused(p, ['eu_ai_act_class', 'eu_ai_act_basis']);
  assert.deepEqual((await get(exempt.id)).body, before, 'nothing was imported');

  // New rows: only the default values.
  const fresh = assertProblem(await importCsv('name,purpose,eu_ai_act_class\nFresh high,x,high_risk\n'), 422);
  assert.deepEqual(fresh.errors.map((e) => [e.row, e.field]), [[2, 'eu_ai_act_class']]);
  assert.equal(await count(), total);
  assert.deepEqual(assertJson(await importCsv('name,purpose,eu_ai_act_class\nFresh default,x,unclassified\n')), { created: 1, updated: 0, dry_run: false, warnings: [] });
});

test('the classes of their own are filters of the list; an unknown class is a 400', async () => {
  const ids = {};
  for (const cls of ['high_risk_exempt', 'gpai_model', 'gpai_systemic']) {
    ids[cls] = (await create({ name: `Class ${cls}` })).id;
    await classifyAs(c, ids[cls], cls);
  }
  for (const cls of Object.keys(ids)) {
    const l = assertJson(await c('GET', `${SYS}?eu_ai_act_class=${cls}&q=class%20&limit=500`));
    assert.deepEqual(l.items.map((x) => x.id), [ids[cls]], cls);
  }
  const sorted = assertJson(await c('GET', `${SYS}?q=class%20&sort=-eu_ai_act_class`)).items.map((x) => x.eu_ai_act_class);
  assert.deepEqual(sorted, ['gpai_systemic', 'gpai_model', 'high_risk_exempt']);
  const p = assertProblem(await c('GET', `${SYS}?eu_ai_act_class=gpai`), 400);
  assert.deepEqual(p.errors.map((e) => e.field), ['eu_ai_act_class']);
  assert.match(p.errors[0].message, /high_risk_exempt/);
});
