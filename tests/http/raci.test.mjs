// What is particular to the RACI register (clause 5.3, A.3.2); what every record kind keeps is in
// record_contract.test.mjs. Exactly one Accountable member (a clear field error otherwise, nothing
// stored), an AIMS process or an AI system (exactly one), members of the organization only, the
// warning where the Responsible is also the Accountable, and the matrix per process and per AI
// system (letters by member, warnings, archived activities left out, another organization's AI
// system 404, bad parameters 400).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { otherOrgClient } from '../lib/fixture.mjs';

const RA = '/api/v1/raci-activities';
const PW = 'raci test password';
let srv, c, viewer, other, me, manager, sys;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  const members = await memberClients(srv, ['manager', 'viewer'], PW);
  viewer = members.viewer;
  me = assertJson(await c('GET', '/api/v1/me')).user.id;
  manager = assertJson(await members.manager('GET', '/api/v1/me')).user.id;
  sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Loan scoring', purpose: 'Scores loans' } }), 201);
  other = await otherOrgClient(srv, PW);
});
after(() => stopServer(srv));

const total = async () => assertJson(await c('GET', `${RA}?archived=all`)).total;

test('exactly one Accountable member: none or two are refused with a field error and nothing is stored', async () => {
  const base = { title: 'Approve risk treatment plans', process: 'risk_management', responsible: [manager] };
  for (const accountable of [[], [me, manager]]) {
    const p = assertProblem(await c('POST', RA, { json: { ...base, accountable } }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), ['accountable']);
    assert.match(p.errors[0].message, /exactly one accountable member/);
  }
  assertProblem(await c('POST', RA, { json: base }), 422);
  const p = assertProblem(await c('POST', RA, { json: { ...base, accountable: me } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['accountable'], 'a single id is not a list');
  assert.equal(await total(), 0, 'nothing was stored');
  const made = assertJson(await c('POST', RA, { json: { ...base, accountable: [me] } }), 201);
  assert.deepEqual(made.accountable, [me]);
  assert.deepEqual(made.warnings, []);
  // A change that names a second Accountable is refused too, and the record stays as it was.
  const q = assertProblem(await c('PATCH', `${RA}/${made.id}`, { json: { accountable: [me, manager] }, headers: { 'if-match': '"v1"' } }), 422);
  assert.deepEqual(q.errors.map((e) => e.field), ['accountable']);
  assert.equal(assertJson(await c('GET', `${RA}/${made.id}`)).version, 1);
});

test('an activity belongs to an AIMS process or to an AI system, exactly one; at least one Responsible; members only', async () => {
  const before = await total();
  const base = { title: 'Monitor drift', responsible: [me], accountable: [manager] };
  let p = assertProblem(await c('POST', RA, { json: base }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['process']);
  p = assertProblem(await c('POST', RA, { json: { ...base, process: 'monitoring', system_id: sys.id } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['system_id']);
  p = assertProblem(await c('POST', RA, { json: { ...base, process: 'monitoring', responsible: [] } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['responsible']);
  p = assertProblem(await c('POST', RA, { json: { ...base, process: 'astrology' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['process']);
  p = assertProblem(await c('POST', RA, { json: { ...base, process: 'monitoring', consulted: ['usr_nobody'] } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['consulted']);
  assert.match(p.errors[0].message, /no member usr_nobody/);
  // The other organization's admin is no member of this one.
  const stranger = assertJson(await other('GET', '/api/v1/me')).user.id;
  p = assertProblem(await c('POST', RA, { json: { ...base, process: 'monitoring', informed: [stranger] } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['informed']);
  assert.equal(await total(), before, 'nothing was stored');
  const made = assertJson(await c('POST', RA, { json: { ...base, system_id: sys.id } }), 201);
  assert.equal(made.system_id, sys.id);
  assert.equal(made.process, null);
  assertProblem(await viewer('POST', RA, { json: { ...base, process: 'monitoring' } }), 403);
  assert.equal(await total(), before + 1);
});

test('one member both Responsible and Accountable is a warning, served on the record, not an error', async () => {
  const made = assertJson(await c('POST', RA, {
    json: { title: 'Validate the model', process: 'model_development', responsible: [me, manager], accountable: [me], informed: [manager] },
  }), 201);
  assert.equal(made.warnings.length, 1);
  assert.equal(made.warnings[0].code, 'responsible_is_accountable');
  assert.equal(made.warnings[0].user_id, me);
  assert.deepEqual(assertJson(await c('GET', `${RA}/${made.id}`)).warnings, made.warnings);
  const fixed = assertJson(await c('PATCH', `${RA}/${made.id}`, { json: { responsible: [manager] }, headers: { 'if-match': '"v1"' } }));
  assert.deepEqual(fixed.warnings, []);
});

test('the matrix of a process and of an AI system: letters by member, warnings marked, archived activities left out', async () => {
  const a = assertJson(await c('POST', RA, {
    json: { title: 'Review incidents', process: 'incident_handling', responsible: [me], accountable: [me], consulted: [manager] },
  }), 201);
  const b = assertJson(await c('POST', RA, {
    json: { title: 'Notify the authority', process: 'incident_handling', responsible: [manager], accountable: [me], informed: [manager] },
  }), 201);
  let m = assertJson(await c('GET', '/api/v1/raci/matrix?process=incident_handling'));
  assert.equal(m.title, 'Incident handling');
  assert.deepEqual(m.activities.map((x) => x.id), [a.id, b.id]);
  assert.deepEqual(m.activities[0].letters, { [me]: 'R/A', [manager]: 'C' });
  assert.deepEqual(m.activities[1].letters, { [me]: 'A', [manager]: 'R/I' });
  assert.equal(m.activities[0].warnings.length, 1);
  assert.equal(m.warnings, 1);
  assert.deepEqual(m.people.map((p) => p.user_id).sort(), [me, manager].sort());
  assert.equal(m.people.find((p) => p.user_id === manager).email, 'manager@acme.test');
  // Archived activities leave the matrix.
  assertJson(await c('POST', `${RA}/${a.id}/archive`, { headers: { 'if-match': '"v1"' } }));
  m = assertJson(await c('GET', '/api/v1/raci/matrix?process=incident_handling'));
  assert.deepEqual(m.activities.map((x) => x.id), [b.id]);
  assert.equal(m.warnings, 0);
  // By AI system; a viewer reads it.
  m = assertJson(await viewer('GET', `/api/v1/raci/matrix?system_id=${sys.id}`));
  assert.equal(m.title, 'Loan scoring');
  assert.equal(m.activities.length, 1);
  const index = assertJson(await viewer('GET', '/api/v1/raci'));
  assert.equal(index.processes.find((p) => p.value === 'incident_handling').activities, 1);
  assert.deepEqual(index.systems.map((s) => [s.id, s.name, s.activities]), [[sys.id, 'Loan scoring', 1]]);
});

test('the matrix names exactly one process or AI system of the organization', async () => {
  for (const q of ['', '?process=risk_management&system_id=x', '?process=astrology', '?proces=risk_management']) {
    const p = assertProblem(await c('GET', `/api/v1/raci/matrix${q}`), 400);
    assert.ok(p.errors.length === 1, q);
  }
  assertProblem(await other('GET', `/api/v1/raci/matrix?system_id=${sys.id}`), 404);
  const theirs = assertJson(await other('GET', '/api/v1/raci/matrix?process=incident_handling'));
  assert.deepEqual(theirs.activities, [], 'another organization sees none of ours');
  assert.deepEqual(assertJson(await other('GET', '/api/v1/raci')).systems, []);
});
