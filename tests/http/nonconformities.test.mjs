// Nonconformities and corrective action (docs/nonconformity.md): the NC kind's rules (the
// requirement is a clause or Annex A control, source_ref a record of the organization whose kind
// its prefix names, status and closed_on only through the steps), the steps in order with who and
// when in the history and the audit log, corrective actions linked by nc_id, the effectiveness
// check by a verifier who is not the owner, "not effective" reopening the NC, closing only after
// an effective check, the overdue filter, the dashboard card, and every refusal: step out of
// order (409), stale If-Match (412), another organization (404), a viewer or auditor (403), bad
// input (400 / 422, nothing changed). The generic record contract covers the rest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertProblem, assertJson, stopServer, auditEntries } from '../lib/http.mjs';
import { roleClients, day } from '../lib/fixture.mjs';

const PW = 'nonconformity tests password';
const NC = '/api/v1/nonconformities';
const CAPA = '/api/v1/corrective-actions';
let srv, c, as, other, me, ids;

before(async () => {
  srv = await startServer();
  ({ c, as, other, me } = await roleClients(srv, PW));
  ids = {};
  for (const role of ['manager', 'contributor']) ids[role] = assertJson(await as[role]('GET', '/api/v1/me')).user.id;
});
after(() => stopServer(srv));

const ifMatch = (v) => ({ 'if-match': `"v${v}"` });
const body = (extra = {}) => ({ title: 'Model released without review', description: 'The model went live unreviewed.',
  source: 'internal_audit', requirement: '8.4', severity: 'major', owner: ids.contributor, opened_on: day(-3), due_date: day(30), ...extra });
const raise = async (extra = {}, who = c) => assertJson(await who('POST', NC, { json: body(extra) }), 201);
const get = async (nc) => assertJson(await c('GET', `${NC}/${nc.id}`));
const history = async (nc) => assertJson(await c('GET', `${NC}/${nc.id}/history`)).items;
const step = (nc, path, json, who = c, version = nc.version) => who('POST', `${NC}/${nc.id}/${path}`, { json, headers: ifMatch(version) });
const CONTAIN = { action: 'Release paused.' };
const ANALYSE = { method: 'five_whys', analysis: 'Why? No checklist. Why? No owner.', root_cause: 'The checklist has no owner.' };
const ELSEWHERE = { could_occur_elsewhere: true, where: 'Every release through the same checklist.' };
async function analysed(extra = {}) {
  let nc = await raise(extra);
  nc = assertJson(await step(nc, 'containment', CONTAIN));
  nc = assertJson(await step(nc, 'cause-analysis', ANALYSE));
  return nc;
}
async function planned(extra = {}) {
  return assertJson(await step(await analysed(extra), 'elsewhere-check', ELSEWHERE));
}
const action = async (nc, extra = {}, who = c) => assertJson(await who('POST', CAPA, { json: { nc_id: nc.id, title: 'Give the checklist an owner',
  owner: ids.manager, due_date: day(10), ...extra } }), 201);
const finish = async (a) => assertJson(await c('PATCH', `${CAPA}/${a.id}`, { json: { status: 'done', done_on: day(0) }, headers: ifMatch(a.version) }));
const CHECK = () => ({ criterion: 'Three releases in a row with a reviewed checklist.', due_date: day(20), verifier: me });

test('the requirement is a clause or Annex A control; source_ref names a record of the organization (400); nothing stored', async () => {
  const before = assertJson(await c('GET', `${NC}?limit=500`)).total;
  for (const requirement of ['11.1', 'A.99', 'clause 9', '']) {
    const p = assertProblem(await c('POST', NC, { json: body({ requirement }) }), 422);
    assert.ok(p.errors.some((e) => e.field === 'requirement'), `${requirement}: ${JSON.stringify(p.errors)}`);
  }
  for (const source_ref of ['INC-99', 'ZZZ-1', 'nonsense']) {
    const p = assertProblem(await c('POST', NC, { json: body({ source: 'incident', source_ref }) }), 400);
    assert.ok(p.errors.some((e) => e.field === 'source_ref'), `${source_ref}: ${JSON.stringify(p.errors)}`);
  }
  const dated = assertProblem(await c('POST', NC, { json: body({ due_date: day(-10) }) }), 422);
  assert.ok(dated.errors.some((e) => e.field === 'due_date'));
  const member = assertProblem(await c('POST', NC, { json: body({ owner: 'usr_nobody' }) }), 422);
  assert.ok(member.errors.some((e) => e.field === 'owner'));
  assert.equal(assertJson(await c('GET', `${NC}?limit=500`)).total, before);
  for (const requirement of ['9.2.2', 'A.6.2.4', '10.2']) assert.equal((await raise({ requirement })).requirement, requirement);
});

test('raised from an incident: source_ref is checked and filters; another organization cannot name it', async () => {
  const sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'NC test system', purpose: 'Scores' } }), 201);
  const inc = assertJson(await c('POST', '/api/v1/incidents', { json: { title: 'Wrong scores', system_id: sys.id,
    occurred_at: new Date(Date.now() - 7200000).toISOString(), became_aware_at: new Date(Date.now() - 3600000).toISOString(),
    description: 'Scores were wrong.' } }), 201);
  const nc = await raise({ source: 'incident', source_ref: inc.id, requirement: 'A.8.4' });
  assert.equal(nc.source_ref, inc.id);
  assert.equal(nc.status, 'open');
  assert.equal(nc.next_step, 'containment');
  const found = assertJson(await c('GET', `${NC}?source_ref=${inc.id}`));
  assert.deepEqual(found.items.map((r) => r.id), [nc.id]);
  assert.equal(assertJson(await c('GET', `${NC}?source_ref=${inc.id.toLowerCase()}`)).total, 1);
  const theirs = assertProblem(await other('POST', NC, { json: { ...body({ source: 'incident', source_ref: inc.id }),
    owner: assertJson(await other('GET', '/api/v1/me')).user.id } }), 400);
  assert.match(theirs.errors[0].message, /no incident/);
  for (const [name, value] of [['source', 'incident'], ['severity', 'major'], ['status', 'open'], ['owner', ids.contributor]])
    assert.ok(assertJson(await c('GET', `${NC}?${name}=${value}&limit=500`)).items.some((r) => r.id === nc.id), name);
});

test('status and closed_on move only through the steps (422 on create and PATCH, nothing changed)', async () => {
  const p = assertProblem(await c('POST', NC, { json: body({ status: 'closed' }) }), 422);
  assert.ok(p.errors.some((e) => e.field === 'status'));
  const q = assertProblem(await c('POST', NC, { json: body({ closed_on: day(0) }) }), 422);
  assert.ok(q.errors.some((e) => e.field === 'closed_on'));
  const nc = await raise();
  for (const patch of [{ status: 'contained' }, { status: 'closed' }, { closed_on: day(0) }]) {
    const r = assertProblem(await c('PATCH', `${NC}/${nc.id}`, { json: patch, headers: ifMatch(nc.version) }), 422);
    assert.ok(r.errors.some((e) => e.field === Object.keys(patch)[0]), JSON.stringify(r.errors));
  }
  const same = await get(nc);
  assert.equal(same.version, nc.version);
  assert.equal(same.status, 'open');
  // Other fields change as on any record.
  const changed = assertJson(await c('PATCH', `${NC}/${nc.id}`, { json: { severity: 'minor' }, headers: ifMatch(nc.version) }));
  assert.equal(changed.severity, 'minor');
});

test('steps out of order are a 409 saying why; nothing changes', async () => {
  const nc = await raise();
  for (const [path, json] of [['cause-analysis', ANALYSE], ['elsewhere-check', ELSEWHERE], ['updates', { links: [nc.id], note: 'x' }],
    ['effectiveness-check', CHECK()], ['effectiveness-result', { result: 'effective' }], ['close', {}]]) {
    const p = assertProblem(await step(nc, path, json), 409);
    assert.match(p.detail, /is open/, `${path}: ${p.detail}`);
  }
  const contained = assertJson(await step(nc, 'containment', CONTAIN));
  const again = assertProblem(await step(contained, 'containment', CONTAIN), 409);
  assert.match(again.detail, /is contained/);
  assert.equal((await get(nc)).version, contained.version);
  // A corrective action waits for the cause analysis.
  const early = assertProblem(await c('POST', CAPA, { json: { nc_id: nc.id, title: 'Too early', owner: me } }), 409);
  assert.match(early.detail, /not analysed yet/);
});

test('stale or missing If-Match (412 / 428), another organization (404), viewer and auditor (403), bad bodies (400 / 422)', async () => {
  const nc = await raise();
  assertProblem(await step(nc, 'containment', CONTAIN, c, nc.version + 3), 412);
  assertProblem(await c('POST', `${NC}/${nc.id}/containment`, { json: CONTAIN }), 428);
  for (const who of [other]) {
    assertProblem(await step(nc, 'containment', CONTAIN, who), 404);
    assertProblem(await who('GET', `${NC}/${nc.id}`), 404);
  }
  for (const role of ['viewer', 'auditor']) {
    const p = assertProblem(await step(nc, 'containment', CONTAIN, as[role]), 403);
    assert.ok(p.detail.length > 0);
    assertProblem(await as[role]('POST', NC, { json: body() }), 403);
  }
  assertProblem(await step(nc, 'containment', { action: '' }), 422);
  assertProblem(await step(nc, 'containment', { action: 'x', done_on: day(2) }), 422);
  assertProblem(await step(nc, 'containment', { action: 'x', extra: 1 }), 422);
  const notObject = await c('POST', `${NC}/${nc.id}/containment`, { json: [1], headers: ifMatch(nc.version) });
  assert.equal(notObject.status, 400);
  assertProblem(await step({ id: 'NC-99999', version: 1 }, 'containment', CONTAIN), 404);
  const still = await get(nc);
  assert.equal(still.version, nc.version);
  assert.equal(still.containment, null);
  // A contributor works the NC.
  const byContributor = assertJson(await step(nc, 'containment', CONTAIN, as.contributor));
  assert.equal(byContributor.containment.by, 'contributor@acme.test');
  const cause = assertProblem(await step(byContributor, 'cause-analysis', { ...ANALYSE, method: 'guess' }), 422);
  assert.ok(cause.errors.some((e) => e.field === 'method'));
  const where = assertProblem(await step(assertJson(await step(byContributor, 'cause-analysis', ANALYSE)), 'elsewhere-check',
    { could_occur_elsewhere: true }), 422);
  assert.ok(where.errors.some((e) => e.field === 'where'));
});

test('the effectiveness check: a verifier who is not the owner and may approve, after every action is done', async () => {
  const nc = await planned({ owner: me });
  const none = assertProblem(await step(nc, 'effectiveness-check', { ...CHECK(), verifier: ids.manager }), 409);
  assert.match(none.detail, /no corrective action/);
  const a1 = await action(nc);
  const a2 = await action(nc, { title: 'Retrain the release managers' });
  await action(nc, { title: 'Dropped idea', status: 'cancelled' });
  const pending = assertProblem(await step(nc, 'effectiveness-check', { ...CHECK(), verifier: ids.manager }), 409);
  assert.match(pending.detail, new RegExp(`${a1.id}, ${a2.id}`));
  await finish(a1);
  await finish(a2);
  const owner = assertProblem(await step(nc, 'effectiveness-check', CHECK()), 422);  // the verifier is the owner (me)
  assert.match(owner.errors.find((e) => e.field === 'verifier').message, /owner/);
  const contributor = assertProblem(await step(nc, 'effectiveness-check', { ...CHECK(), verifier: ids.contributor }), 422);
  assert.match(contributor.errors.find((e) => e.field === 'verifier').message, /approve/);
  assertProblem(await step(nc, 'effectiveness-check', { ...CHECK(), verifier: 'usr_nobody' }), 422);
  const scheduled = assertJson(await step(nc, 'effectiveness-check', { ...CHECK(), verifier: ids.manager }));
  assert.equal(scheduled.status, 'verifying');
  assert.equal(scheduled.effectiveness_check.verifier, ids.manager);
  assert.equal(scheduled.next_step, 'effectiveness_result');
  // The owner cannot become the verifier afterwards.
  const swap = assertProblem(await c('PATCH', `${NC}/${nc.id}`, { json: { owner: ids.manager }, headers: ifMatch(scheduled.version) }), 422);
  assert.ok(swap.errors.some((e) => e.field === 'owner'));
  // Only the verifier records the result (the admin may approve but is not the verifier).
  const notVerifier = assertProblem(await step(scheduled, 'effectiveness-result', { result: 'effective' }), 403);
  assert.match(notVerifier.detail, /verifier/);
  assertProblem(await step(scheduled, 'effectiveness-result', { result: 'effective' }, as.contributor), 403);
  assertProblem(await step(scheduled, 'effectiveness-result', { result: 'not_effective' }, as.manager), 422);  // no reason
  // Closing before an effective result is refused, saying why.
  const early = assertProblem(await step(scheduled, 'close', {}), 409);
  assert.match(early.detail, /cannot be closed before an effectiveness check/);
});

test('not effective reopens the NC; a new action and check, effective, then closed; every step in the history and the audit log', async () => {
  const auditBefore = (await auditEntries(c)).filter((e) => e.record_type === 'nonconformity').length;
  let nc = await planned();
  const risk = assertJson(await c('POST', '/api/v1/risks', { json: { title: 'Release without review', inherent_likelihood: 3, inherent_impact: 2 } }), 201);
  const bad = assertProblem(await step(nc, 'updates', { links: [risk.id, 'R-9999'], note: 'Risk updated.' }), 400);
  assert.ok(bad.errors.some((e) => e.field === 'links'));
  nc = assertJson(await step(nc, 'updates', { links: [risk.id], note: 'The risk now names the missing review.' }));
  assert.deepEqual(nc.updates.map((u) => u.links), [[risk.id]]);
  const a1 = await finish(await action(nc));
  assert.equal(a1.status, 'done');
  nc = assertJson(await step(nc, 'effectiveness-check', { ...CHECK(), verifier: ids.manager }));
  nc = assertJson(await step(nc, 'effectiveness-result', { result: 'not_effective', reason: 'The next release skipped the review again.' }, as.manager));
  assert.equal(nc.status, 'actions_planned');
  assert.equal(nc.effectiveness_check, null);
  assert.equal(nc.earlier_checks.length, 1);
  assert.equal(nc.earlier_checks[0].result, 'not_effective');
  assert.equal(nc.earlier_checks[0].result_by, 'manager@acme.test');
  assert.match(nc.earlier_checks[0].reason, /skipped/);
  assertProblem(await step(nc, 'close', {}), 409);
  const again = assertProblem(await step(nc, 'effectiveness-check', { ...CHECK(), verifier: ids.manager }), 409);
  assert.match(again.detail, /not effective: record a new corrective action/);
  const a2 = await finish(await action(nc, { title: 'Block the release pipeline without a review' }));
  assert.equal(a2.nc_id, nc.id);
  nc = assertJson(await step(nc, 'effectiveness-check', { ...CHECK(), verifier: ids.manager }));
  nc = assertJson(await step(nc, 'effectiveness-result', { result: 'effective' }, as.manager));
  assert.equal(nc.status, 'verifying');
  assert.equal(nc.next_step, 'close');
  assertProblem(await step(nc, 'effectiveness-result', { result: 'effective' }, as.manager), 409);
  nc = assertJson(await step(nc, 'close', {}, as.contributor));
  assert.equal(nc.status, 'closed');
  assert.equal(nc.closed_on, day(0));
  assert.equal(nc.next_step, null);
  assert.match(assertProblem(await step(nc, 'close', {}), 409).detail, /closed already/);
  // The closed NC itself no longer changes and is not archived.
  assert.match(assertProblem(await c('PATCH', `${NC}/${nc.id}`, { json: { severity: 'major' }, headers: ifMatch(nc.version) }), 409).detail,
    /is closed; its record no longer changes/);
  assertProblem(await c('POST', `${NC}/${nc.id}/archive`, { headers: ifMatch(nc.version) }), 409);
  assert.equal(assertJson(await c('GET', `${NC}/${nc.id}`)).version, nc.version);
  // Actions of a closed NC no longer change; none is added.
  assertProblem(await c('PATCH', `${CAPA}/${a2.id}`, { json: { title: 'Changed' }, headers: ifMatch(a2.version) }), 409);
  assertProblem(await c('POST', CAPA, { json: { nc_id: nc.id, title: 'Late', owner: me } }), 409);
  const ops = (await history(nc)).map((h) => h.operation).reverse();
  assert.deepEqual(ops, ['create', 'containment', 'cause_analysis', 'elsewhere_check', 'aims_update', 'effectiveness_check',
    'effectiveness_result', 'effectiveness_check', 'effectiveness_result', 'close']);
  const h = await history(nc);
  assert.ok(h.every((e) => e.actor && e.at), 'who and when');
  assert.equal(h.find((e) => e.operation === 'close').actor, 'contributor@acme.test');
  const audit = (await auditEntries(c)).filter((e) => e.record_type === 'nonconformity').length;
  assert.ok(audit - auditBefore >= ops.length, `${audit - auditBefore} audit entries for ${ops.length} changes`);
  assert.equal(assertJson(await c('GET', `${CAPA}?nc_id=${nc.id}`)).total, 2);
});

test('overdue: NCs and corrective actions due before today and not finished; the dashboard card counts them', async () => {
  const card0 = assertJson(await c('GET', '/api/v1/dashboard')).cards.nonconformities;
  const late = await analysed({ opened_on: day(-30), due_date: day(-2) });
  const onTime = await raise({ due_date: day(5) });
  const overdue = assertJson(await c('GET', `${NC}?overdue=true&limit=500`)).items.map((r) => r.id);
  assert.ok(overdue.includes(late.id));
  assert.ok(!overdue.includes(onTime.id));
  assertProblem(await c('GET', `${NC}?overdue=false`), 400);
  assertProblem(await c('GET', `${NC}?overdu=true`), 400);
  const lateAction = await action(late, { due_date: day(-1) });
  await action(late, { due_date: day(-1), status: 'done', done_on: day(0) });
  const actions = assertJson(await c('GET', `${CAPA}?overdue=true&limit=500`)).items.map((r) => r.id);
  assert.ok(actions.includes(lateAction.id));
  const card = assertJson(await c('GET', '/api/v1/dashboard')).cards.nonconformities;
  assert.equal(card.open, card0.open + 2);
  assert.equal(card.overdue, card0.overdue + 1);
  assert.equal(card.overdue_actions, card0.overdue_actions + 1);
  assert.equal(card.title, 'Nonconformities');
  assert.ok(card.figures.some((f) => f.key === 'checks_due'));
});

test('improvements: the register with decisions; a rejected one has no due date; source_ref is checked', async () => {
  const ofi = assertJson(await c('POST', '/api/v1/improvements', { json: { title: 'Remind evidence owners', source: 'staff', owner: me } }), 201);
  assert.equal(ofi.decision, 'proposed');
  assert.match(ofi.id, /^OFI-\d+$/);
  const p = assertProblem(await c('POST', '/api/v1/improvements', { json: { title: 'x', source: 'metrics', decision: 'rejected', due_date: day(3) } }), 422);
  assert.ok(p.errors.some((e) => e.field === 'due_date'));
  assertProblem(await c('POST', '/api/v1/improvements', { json: { title: 'x', source: 'internal_audit', source_ref: 'AF-999' } }), 400);
  const accepted = assertJson(await c('PATCH', `/api/v1/improvements/${ofi.id}`, { json: { decision: 'accepted', due_date: day(40) }, headers: ifMatch(ofi.version) }));
  assert.equal(accepted.decision, 'accepted');
  assert.ok(assertJson(await c('GET', '/api/v1/improvements?decision=accepted')).items.some((r) => r.id === ofi.id));
});
