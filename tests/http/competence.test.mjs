// What is particular to AIMS roles, competence and training (ISO/IEC 42001 5.3, 7.2, 7.3); what
// every record kind keeps is in record_contract.test.mjs. The competence matrix (held, expiring,
// expired with the expiry derived from the competence's validity, gap, not needed; the role and
// person filters; paging people), training completions (the audience, the competence record made
// then renewed, recurrence and due dates, refused completions changing nothing), the kinds' rules,
// roles (a viewer's 403 changes nothing), the other organization's view and the dashboard card.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { day, otherOrgClient } from '../lib/fixture.mjs';

const PW = 'competence test password';
const MATRIX = '/api/v1/competence/matrix';
let srv, c, viewer, contributor, other, ids = {}, comp = {}, role;

const me = async (who) => assertJson(await who('GET', '/api/v1/me')).user.id;
const post = async (path, json) => assertJson(await c('POST', path, { json }), 201);
const matrix = async (q = '', who = c) => assertJson(await who('GET', `${MATRIX}${q}`));
const rowOf = (m, id) => m.items.find((p) => p.user_id === id);

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  ({ viewer, contributor } = await memberClients(srv, ['viewer', 'contributor'], PW));
  other = await otherOrgClient(srv, PW);
  ids = { admin: await me(c), viewer: await me(viewer), contributor: await me(contributor) };
  comp.yearly = await post('/api/v1/competences', { name: 'AI literacy', category: 'ai_literacy', validity_months: 12, ai_act_art4: true });
  comp.lasting = await post('/api/v1/competences', { name: 'Risk assessment', category: 'technical' });
  comp.other = await post('/api/v1/competences', { name: 'Auditing', category: 'domain' });
  role = await post('/api/v1/aims-roles', { name: 'AI system owner', competence_ids: [comp.yearly.id, comp.lasting.id] });
  await post('/api/v1/role-assignments', { person: ids.contributor, role_id: role.id, from: day(-30) });
  // An assignment that ended yesterday gives no role today.
  await post('/api/v1/role-assignments', { person: ids.viewer, role_id: role.id, from: day(-30), until: day(-1) });
});
after(() => stopServer(srv));

test('the matrix: an expiry derived from the validity, expired, expiring, held, gap and not needed', async () => {
  // Achieved 13 months ago without an expiry of its own: the 12-month validity ended a month ago.
  await post('/api/v1/competence-records', { person: ids.contributor, competence_id: comp.yearly.id, acquired_by: 'training', achieved_on: day(-400) });
  let m = await matrix();
  assert.deepEqual(m.competences.map((x) => x.id), [comp.yearly.id, comp.lasting.id, comp.other.id]);
  assert.equal(m.total, 3, 'every member is a row');
  let row = rowOf(m, ids.contributor);
  assert.deepEqual(row.roles, [{ id: role.id, name: 'AI system owner' }]);
  assert.equal(row.cells[comp.yearly.id].status, 'expired');
  assert.equal(row.cells[comp.yearly.id].expires_on < day(0), true);
  assert.equal(row.cells[comp.lasting.id].status, 'gap');
  assert.equal(row.cells[comp.other.id].status, 'not_needed');
  assert.equal(row.gaps, 2);
  assert.deepEqual(rowOf(m, ids.viewer).roles, [], 'an ended assignment holds no role');
  assert.equal(rowOf(m, ids.viewer).gaps, 0);

  await post('/api/v1/competence-records', { person: ids.contributor, competence_id: comp.lasting.id, acquired_by: 'assessment', achieved_on: day(-5), expires_on: day(10) });
  await post('/api/v1/competence-records', { person: ids.contributor, competence_id: comp.yearly.id, acquired_by: 'training', achieved_on: day(-1) });
  await post('/api/v1/competence-records', { person: ids.viewer, competence_id: comp.other.id, acquired_by: 'experience', achieved_on: day(-1) });
  m = await matrix();
  row = rowOf(m, ids.contributor);
  assert.equal(row.cells[comp.yearly.id].status, 'held', 'the latest record counts');
  assert.equal(row.cells[comp.lasting.id].status, 'expiring', 'within 30 days of its expiry');
  assert.equal(row.cells[comp.lasting.id].expires_on, day(10));
  assert.equal(row.gaps, 0);
  assert.equal(rowOf(m, ids.viewer).cells[comp.other.id].status, 'held', 'held though no role requires it');
  assert.equal(rowOf(m, ids.viewer).cells[comp.other.id].required, false);
});

test('the matrix filters by AIMS role and person, pages people, and refuses bad parameters', async () => {
  const byRole = await matrix(`?role=${role.id}`);
  assert.deepEqual(byRole.items.map((p) => p.user_id), [ids.contributor]);
  assert.equal(byRole.total, 1);
  assert.deepEqual((await matrix(`?person=${ids.viewer}`)).items.map((p) => p.user_id), [ids.viewer]);
  const seen = [];
  let next;
  do {
    const page = await matrix(`?limit=1${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
    assert.ok(page.items.length <= 1);
    seen.push(...page.items.map((p) => p.user_id));
    next = page.next;
  } while (next);
  assert.deepEqual(seen, (await matrix()).items.map((p) => p.user_id), 'the pages are the whole matrix');
  assert.equal(new Set(seen).size, 3);
  for (const [q, field] of [['?rol=x', 'rol'], ['?limit=0', 'limit'], ['?limit=201', 'limit'], ['?role=ROLE-99', 'role'],
    ['?person=usr_nope', 'person'], ['?cursor=zzz', 'cursor']]) {
    const p = assertProblem(await c('GET', `${MATRIX}${q}`), 400);
    assert.deepEqual(p.errors.map((e) => e.field), [field], q);
  }
  assert.equal((await matrix('', viewer)).total, 3, 'every role may read the matrix');
});

test('completing a training creates, then renews, the competence record; the audience and who is due', async () => {
  const trn = await post('/api/v1/training-campaigns', {
    title: 'Auditing basics', competence_ids: [comp.other.id], audience_role_ids: [role.id], due_date: day(20), recurrence: 'annual',
  });
  const at = `/api/v1/training-campaigns/${trn.id}/completions`;
  let list = assertJson(await c('GET', at));
  assert.deepEqual(list.items.map((p) => [p.person, p.status]), [[ids.contributor, 'due']]);
  assert.equal(list.completed, 0);

  const done = assertJson(await c('POST', at, { json: { person: ids.contributor, completed_on: day(-400) } }), 201);
  assert.equal(done.competence_records.length, 1);
  const cr = `/api/v1/competence-records/${done.competence_records[0]}`;
  let rec = assertJson(await c('GET', cr));
  assert.deepEqual([rec.person, rec.competence_id, rec.acquired_by, rec.achieved_on], [ids.contributor, comp.other.id, 'training', day(-400)]);
  assert.ok(rec.expires_on < day(0), 'annual: valid for twelve months from completion');
  list = assertJson(await c('GET', at));
  assert.equal(list.items[0].status, 'overdue', 'the annual retraining was due a month ago');
  assert.equal(list.items[0].next_due, rec.expires_on);

  // Retrained today: the same record is renewed (a new version), not a second one made.
  const again = assertJson(await c('POST', at, { json: { person: ids.contributor } }), 201);
  assert.deepEqual(again.competence_records, done.competence_records);
  rec = assertJson(await c('GET', cr));
  assert.equal(rec.version, 2);
  assert.equal(rec.achieved_on, day(0));
  assert.ok(rec.expires_on > day(300));
  list = assertJson(await c('GET', at));
  assert.deepEqual([list.items[0].status, list.items[0].completed_on, list.completed], ['completed', day(0), 1]);
  const hist = assertJson(await c('GET', `${cr}/history`));
  assert.deepEqual(hist.items.map((h) => h.operation), ['update', 'create']);
});

test('refused completions change nothing: not in the audience, twice a day, in the future, a campaign not open, a viewer', async () => {
  const trn = await post('/api/v1/training-campaigns', {
    title: 'Once only', competence_ids: [comp.lasting.id], audience_member_ids: [ids.contributor], recurrence: 'none',
  });
  const at = `/api/v1/training-campaigns/${trn.id}/completions`;
  const records = async () => assertJson(await c('GET', '/api/v1/competence-records?limit=500')).total;
  const before = await records();
  assert.deepEqual(assertProblem(await c('POST', at, { json: { person: ids.viewer } }), 422).errors.map((e) => e.field), ['person']);
  assert.deepEqual(assertProblem(await c('POST', at, { json: { person: ids.contributor, completed_on: day(3) } }), 422)
    .errors.map((e) => e.field), ['completed_on']);
  assertProblem(await c('POST', at, { json: { person: ids.contributor, extra: 1 } }), 422);
  assertProblem(await viewer('POST', at, { json: { person: ids.contributor } }), 403);
  assertProblem(await other('POST', at, { json: { person: ids.contributor } }), 404);
  assertProblem(await c('POST', '/api/v1/training-campaigns/TRN-99/completions', { json: { person: ids.contributor } }), 404);
  assert.equal(await records(), before, 'nothing was recorded');
  assert.equal(assertJson(await c('GET', at)).completed, 0);

  assertJson(await c('POST', at, { json: { person: ids.contributor } }), 201);
  assertProblem(await c('POST', at, { json: { person: ids.contributor } }), 409);
  assert.equal(await records(), before, 'the record the contributor held was renewed, no second one made');
  const planned = await post('/api/v1/training-campaigns', {
    title: 'Not yet', competence_ids: [comp.lasting.id], audience_member_ids: [ids.contributor], status: 'planned',
  });
  assertProblem(await c('POST', `/api/v1/training-campaigns/${planned.id}/completions`, { json: { person: ids.contributor } }), 409);
  assert.equal(await records(), before);
  // A one-off campaign gives the competence's validity (none here): completed, never due again.
  const list = assertJson(await c('GET', at));
  assert.deepEqual([list.items[0].status, list.items[0].next_due], ['completed', null]);
  assertProblem(await other('GET', at), 404);
  assertJson(await viewer('GET', at));
});

test('the kinds refuse what makes no sense: recurrence months, an audience, dates in order, members and refs of the organization', async () => {
  const base = { title: 'T', competence_ids: [comp.yearly.id], audience_member_ids: [ids.admin] };
  const fields = async (path, json) => assertProblem(await c('POST', path, { json }), 422).errors.map((e) => e.field);
  assert.deepEqual(await fields('/api/v1/training-campaigns', { ...base, recurrence: 'months' }), ['recurrence_months']);
  assert.deepEqual(await fields('/api/v1/training-campaigns', { ...base, recurrence_months: 6 }), ['recurrence_months']);
  assert.deepEqual(await fields('/api/v1/training-campaigns', { ...base, audience_member_ids: [] }), ['audience_role_ids']);
  const every6 = assertJson(await c('POST', '/api/v1/training-campaigns', { json: { ...base, recurrence: 'months', recurrence_months: 6 } }), 201);
  assert.equal(every6.recurrence_months, 6);
  assert.deepEqual(await fields('/api/v1/role-assignments', { person: ids.admin, role_id: role.id, from: day(0), until: day(-1) }), ['until']);
  assert.deepEqual(await fields('/api/v1/competence-records', {
    person: ids.admin, competence_id: comp.yearly.id, acquired_by: 'training', achieved_on: day(0), expires_on: day(-1),
  }), ['expires_on']);
  const otherAdmin = await me(other);
  assert.deepEqual(await fields('/api/v1/role-assignments', { person: otherAdmin, role_id: role.id }), ['person']);
  assert.deepEqual(await fields('/api/v1/aims-roles', { name: 'R', competence_ids: ['COMP-99'] }), ['competence_ids']);
  assertProblem(await viewer('POST', '/api/v1/aims-roles', { json: { name: 'R' } }), 403);
  // The other organization sees none of ours.
  const theirs = assertJson(await other('GET', MATRIX));
  assert.deepEqual(theirs.items.map((p) => p.user_id), [otherAdmin]);
  assert.deepEqual(theirs.competences, []);
  assertProblem(await other('GET', `/api/v1/aims-roles/${role.id}`), 404);
});

test('the dashboard card counts the gaps and expired competences of the matrix', async () => {
  const m = await matrix('?limit=200');
  const gaps = m.items.reduce((n, p) => n + p.gaps, 0);
  const expired = m.items.reduce((n, p) => n + Object.values(p.cells).filter((x) => x.status === 'expired').length, 0);
  const card = assertJson(await c('GET', '/api/v1/dashboard')).cards.competence;
  assert.deepEqual([card.gaps, card.expired, card.people, card.link], [gaps, expired, m.total, '/competence']);
});

test('a gap cell shows the open competence action that closes it and is due first; a viewer may not add one', async () => {
  const oversight = await post('/api/v1/competences', { name: 'Human oversight', category: 'ai_literacy' });
  const overseer = await post('/api/v1/aims-roles', { name: 'Overseer', competence_ids: [oversight.id] });
  await post('/api/v1/role-assignments', { person: ids.contributor, role_id: overseer.id, from: day(-1) });
  const cell = async () => rowOf(await matrix(`?person=${ids.contributor}`), ids.contributor).cells[oversight.id];
  assert.deepEqual(await cell(), { status: 'gap', required: true });

  const body = { person: ids.contributor, competence_id: oversight.id, action_type: 'training', due_date: day(20) };
  const count = async () => assertJson(await c('GET', '/api/v1/competence-actions?archived=all')).total;
  const before = await count();
  assertProblem(await viewer('POST', '/api/v1/competence-actions', { json: body }), 403);
  assertProblem(await c('POST', '/api/v1/competence-actions', { json: { ...body, action_type: 'coaching' } }), 422);
  assertProblem(await c('POST', '/api/v1/competence-actions', { json: { ...body, person: 'usr_nobody' } }), 422);
  assert.equal(await count(), before, 'refused actions store nothing');

  // Done, cancelled or not closing the gap: the cell shows none.
  await post('/api/v1/competence-actions', { ...body, status: 'done' });
  await post('/api/v1/competence-actions', { ...body, status: 'cancelled' });
  await post('/api/v1/competence-actions', { ...body, closes_gap: false });
  assert.equal((await cell()).action, undefined);
  const later = await post('/api/v1/competence-actions', body);
  assert.equal(later.status, 'open', 'an action starts open');
  assert.deepEqual((await cell()).action, { id: later.id, action_type: 'training', due_date: day(20), status: 'open' });
  const sooner = await post('/api/v1/competence-actions', { ...body, action_type: 'mentoring', due_date: day(5), status: 'in_progress' });
  assert.deepEqual((await cell()).action, { id: sooner.id, action_type: 'mentoring', due_date: day(5), status: 'in_progress' });
  // Once the competence is held, the cell is no gap and shows no action.
  await post('/api/v1/competence-records', { person: ids.contributor, competence_id: oversight.id, acquired_by: 'training', achieved_on: day(0) });
  assert.deepEqual(await cell(), { status: 'held', required: true });
  // The action is the kind's: evidence of it links like any record's.
  const ev = assertJson(await c('POST', '/api/v1/evidence?filename=course.txt', {
    body: Buffer.from('course certificate'), headers: { 'content-type': 'application/octet-stream' },
  }), 201);
  assertJson(await c('POST', `/api/v1/evidence/${ev.id}/links`, { json: { target: `competence_action:${sooner.id}` } }), 201);
  assert.deepEqual(assertJson(await c('GET', `/api/v1/evidence?linked_to=competence_action:${sooner.id}`)).items.map((e) => e.id), [ev.id]);
});

test('the competence card describes itself for the web: title, page and figures', async () => {
  const card = assertJson(await c('GET', '/api/v1/dashboard')).cards.competence;
  assert.equal(card.title, 'Competence');
  assert.equal(card.link, '/competence');
  assert.deepEqual(card.figures.map((f) => [f.key, f.value]), [
    ['people_with_gaps', card.people_with_gaps], ['gaps', card.gaps], ['expired', card.expired], ['expiring', card.expiring],
  ]);
});
