// Re-check state everywhere: a classification stored before the classes of their own (an Art.
// 6(3) derogation saved as `minimal`) still reads, says it needs a re-check, and shows up in
// GET /eu-ai-act/rechecks and on the obligations register (`recheck_needed`, filter `recheck`);
// classifying it again gives the new class and clears it. Obligations name their system's class
// (`system_class`) and filter by it. Other organizations see none of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, memberClients } from '../lib/http.mjs';
import { serverForFile, sqlite } from '../lib/fixture.mjs';
import { classifyAs } from '../lib/euact.mjs';
import { SYS, OBL } from '../lib/paths.mjs';

const RECHECKS = '/api/v1/eu-ai-act/rechecks';
let srv, c, viewer;

serverForFile(async (s) => {
  ({ srv, c } = s);
  ({ viewer } = await memberClients(srv, ['viewer'], 'recheck viewer password'));
});

/** Runs SQL on the server's SQLite database (WAL allows a second writer between requests). */
const sql = (q) => sqlite(srv.dataDir, q);

async function system(name) {
  return assertJson(await c('POST', SYS, { json: { name, purpose: 'Re-check tests' } }), 201);
}

let old, current;

test('a derogation stored as minimal before the new classes still reads and needs a re-check', async () => {
  old = await system('Old derogation');
  await classifyAs(c, old.id, 'high_risk_exempt');
  current = await system('Current high-risk');
  await classifyAs(c, current.id, 'high_risk');
  assert.deepEqual(assertJson(await c('GET', RECHECKS)), { total: 0, items: [] }, 'nothing to re-check yet');
  // As stored by the earlier version: the same answers with the class minimal.
  sql(`UPDATE records SET doc = json_set(doc, '$.result.class', 'minimal') WHERE kind IN ('classification', 'classification_version') AND (id = '${old.id}' OR parent_id = '${old.id}');
       UPDATE systems SET eu_ai_act_class = 'minimal', class_rank = '1', doc = json_set(doc, '$.eu_ai_act_class', 'minimal') WHERE id = '${old.id}';`);
  const sys = assertJson(await c('GET', `${SYS}/${old.id}`));
  assert.equal(sys.eu_ai_act_class, 'minimal', 'the stored value still reads');
  const cl = assertJson(await c('GET', `${SYS}/${old.id}/classification`));
  assert.equal(cl.result.class, 'minimal');
  assert.equal(cl.recheck.needed, true);
  assert.equal(cl.recheck.questionnaire_version, cl.recheck.current_version);
  assert.deepEqual(cl.recheck.new_questions, []);
  assert.ok(cl.recheck.changes.includes('Class: minimal becomes high_risk_exempt.'), JSON.stringify(cl.recheck.changes));
  assert.equal(assertJson(await c('GET', `${SYS}/${current.id}/classification`)).recheck, null);
});

test('GET /eu-ai-act/rechecks lists it, for every member role', async () => {
  for (const who of [c, viewer]) {
    const r = assertJson(await who('GET', RECHECKS));
    assert.equal(r.total, 1);
    assert.deepEqual(r.items.map((x) => [x.system_id, x.system_name, x.archived]), [[old.id, 'Old derogation', false]]);
    assert.equal(r.items[0].recheck.needed, true);
  }
});

test('the obligations register marks its obligations and filters by recheck', async () => {
  const all = assertJson(await c('GET', `${OBL}?limit=500`));
  assert.ok(all.items.some((o) => o.system_id === old.id) && all.items.some((o) => o.system_id === current.id));
  for (const o of all.items) assert.equal(o.recheck_needed, o.system_id === old.id, `${o.system_id}/${o.obligation_id}`);
  const only = assertJson(await c('GET', `${OBL}?recheck=true&limit=500`));
  assert.ok(only.total > 0);
  assert.ok(only.items.every((o) => o.system_id === old.id && o.recheck_needed));
  const others = assertJson(await c('GET', `${OBL}?recheck=false&limit=500`));
  assert.equal(others.total + only.total, all.total);
  assert.ok(others.items.every((o) => o.system_id !== old.id));
  const p = assertProblem(await c('GET', `${OBL}?recheck=maybe`), 400);
  assert.deepEqual(p.errors.map((e) => e.field), ['recheck']);
});

test('each obligation names its system\'s class, and the register filters by it', async () => {
  const all = assertJson(await c('GET', `${OBL}?limit=500`));
  for (const o of all.items) assert.equal(o.system_class, o.system_id === old.id ? 'minimal' : 'high_risk', `${o.system_id}/${o.obligation_id}`);
  const high = assertJson(await c('GET', `${OBL}?system_class=high_risk&limit=500`));
  assert.ok(high.total > 0);
  assert.ok(high.items.every((o) => o.system_id === current.id && o.system_class === 'high_risk'));
  const minimal = assertJson(await c('GET', `${OBL}?system_class=minimal&limit=500`));
  assert.equal(high.total + minimal.total, all.total);
  assert.equal(assertJson(await c('GET', `${OBL}?system_class=gpai_model`)).total, 0);
  const one = all.items.find((o) => o.system_id === current.id);
  const got = await c('GET', `${OBL}/${one.system_id}/${one.obligation_id}`);
  assert.equal(assertJson(got).system_class, 'high_risk');
  const p = assertProblem(await c('GET', `${OBL}?system_class=risky`), 400);
  assert.deepEqual(p.errors.map((e) => e.field), ['system_class']);
  assert.match(p.errors[0].message, /high_risk_exempt/);
});

test('another organization sees none of it', async () => {
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other recheck', '--admin-email', 'other-rc@x.test'], 'other recheck password\n');
  assert.equal(org.status, 0, org.stderr);
  const b = client(srv.url, await login(srv.url, 'other-rc@x.test', 'other recheck password'));
  assert.deepEqual(assertJson(await b('GET', RECHECKS)), { total: 0, items: [] });
  assert.equal(assertJson(await b('GET', `${OBL}?recheck=true`)).total, 0);
});

test('classifying it again gives the new class and clears the re-check', async () => {
  const cl = await classifyAs(c, old.id, 'high_risk_exempt');
  assert.equal(cl.recheck, null);
  assert.equal(assertJson(await c('GET', `${SYS}/${old.id}`)).eu_ai_act_class, 'high_risk_exempt');
  assert.deepEqual(assertJson(await c('GET', RECHECKS)), { total: 0, items: [] });
  assert.equal(assertJson(await c('GET', `${OBL}?recheck=true`)).total, 0);
});
