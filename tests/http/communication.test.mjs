// What is particular to the communication plan and log (clause 7.4, A.8); what every record kind
// keeps is in record_contract.test.mjs. The A.8 control of a plan entry (only controls of area A.8
// of the catalog), the audiences and schedules, the owner and sender as members, the log's plan
// entry reference, and the overdue planned communications (the list and the dashboard card agree).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';

const CP = '/api/v1/communication-plan';
const COM = '/api/v1/communications';
const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
let srv, c, viewer, me;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  ({ viewer } = await memberClients(srv, ['viewer'], 'communication test password'));
  me = assertJson(await c('GET', '/api/v1/me')).user.id;
});
after(() => stopServer(srv));

const entry = (extra = {}) => ({ title: 'Quarterly AI report to staff', audience: 'internal', schedule: 'quarterly', owner: me, control: 'A.8.5', ...extra });

test('a plan entry serves an A.8 control of the catalog; other controls and ids are refused and nothing is stored', async () => {
  for (const control of ['A.6.2.4', 'A.8', 'A.8.9', '7.4', 'a.8.2']) {
    const p = assertProblem(await c('POST', CP, { json: entry({ control }) }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), ['control'], control);
  }
  assertProblem(await c('POST', CP, { json: entry({ owner: 'usr_nobody' }) }), 422);
  assertProblem(await c('POST', CP, { json: entry({ audience: 'press' }) }), 422);
  assertProblem(await c('POST', CP, { json: entry({ schedule: 'weekly' }) }), 422);
  assert.equal(assertJson(await c('GET', `${CP}?archived=all`)).total, 0, 'nothing was stored');
  const schema = assertJson(await c('GET', '/api/v1/kinds')).items.find((k) => k.kind === 'communication_plan');
  const values = (name) => schema.fields.find((f) => f.name === name).values.map((v) => v.value);
  assert.deepEqual(values('control'), ['A.8.2', 'A.8.3', 'A.8.4', 'A.8.5']);
  assert.deepEqual(values('audience'), ['internal', 'external', 'authority', 'affected_persons', 'users']);
  assert.deepEqual(values('schedule'), ['event_driven', 'monthly', 'quarterly', 'annually', 'once']);
  const made = assertJson(await c('POST', CP, { json: entry() }), 201);
  assert.equal(made.control, 'A.8.5');
  assert.equal(made.owner, me);
});

test('a log entry names a plan entry of the organization and a member who sent it', async () => {
  const base = { title: 'Report sent', sent_on: day(0), audience: 'internal', sent_by: me };
  let p = assertProblem(await c('POST', COM, { json: { ...base, plan_entry: 'CP-99' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['plan_entry']);
  p = assertProblem(await c('POST', COM, { json: { ...base, sent_by: 'usr_nobody' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['sent_by']);
  p = assertProblem(await c('POST', COM, { json: { ...base, sent_on: '2026-02-30' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['sent_on']);
  assertProblem(await viewer('POST', COM, { json: base }), 403);
  assert.equal(assertJson(await c('GET', `${COM}?archived=all`)).total, 0, 'nothing was stored');
  const made = assertJson(await c('POST', COM, { json: { ...base, plan_entry: 'CP-1' } }), 201);
  assert.equal(made.plan_entry, 'CP-1');
  assert.deepEqual(assertJson(await c('GET', `${COM}?plan_entry=CP-1`)).items.map((x) => x.id), [made.id]);
});

test('overdue planned communications: a scheduled entry with nothing sent in its period; the dashboard card counts the same', async () => {
  const overdue = async (who = c) => assertJson(await who('GET', '/api/v1/communication/overdue'));
  const start = await overdue();
  assert.equal(start.total, 0, 'an entry without a first due date is due a period after it was planned');
  const monthly = assertJson(await c('POST', CP, { json: entry({ title: 'Monthly model notes', schedule: 'monthly', due_on: day(-10) }) }), 201);
  const once = assertJson(await c('POST', CP, { json: entry({ title: 'Launch notice', schedule: 'once', due_on: day(-1) }) }), 201);
  assertJson(await c('POST', CP, { json: entry({ title: 'Incident notice', schedule: 'event_driven', due_on: day(-100) }) }), 201);
  assertJson(await c('POST', CP, { json: entry({ title: 'Future report', schedule: 'annually', due_on: day(20) }) }), 201);
  let o = await overdue(viewer);
  assert.deepEqual(o.items.map((x) => x.id), [monthly.id, once.id], 'earliest due first');
  assert.equal(o.total, start.total + 2);
  assert.equal(o.planned, start.planned + 3, 'event-driven entries are not scheduled');
  assert.equal(o.items[0].due_on, day(-10));
  assert.equal(o.items[0].last_sent_on, null);
  let card = assertJson(await c('GET', '/api/v1/dashboard')).cards.communication;
  assert.deepEqual(card, { planned: o.planned, overdue: o.total });
  // A communication sent 45 days ago under the monthly entry: due again 30-31 days after, still overdue.
  assertJson(await c('POST', COM, { json: { title: 'Notes of last month', plan_entry: monthly.id, sent_on: day(-45), audience: 'internal', sent_by: me } }), 201);
  o = await overdue();
  assert.equal(o.items.find((x) => x.id === monthly.id).last_sent_on, day(-45));
  // Sent today: no longer overdue; the "once" entry is done for good once sent.
  assertJson(await c('POST', COM, { json: { title: 'Notes of this month', plan_entry: monthly.id, sent_on: day(0), audience: 'internal', sent_by: me } }), 201);
  assertJson(await c('POST', COM, { json: { title: 'Launch notice sent', plan_entry: once.id, sent_on: day(-3), audience: 'internal', sent_by: me } }), 201);
  o = await overdue();
  assert.equal(o.total, start.total);
  assert.equal(o.items.some((x) => x.id === monthly.id || x.id === once.id), false);
  card = assertJson(await c('GET', '/api/v1/dashboard')).cards.communication;
  assert.equal(card.overdue, start.total);
});
