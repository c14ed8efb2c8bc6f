// Management review (docs/management-review.md): attendance and top management from the
// attendees' role assignments, the start that compiles the input pack (one section per input of
// 9.3.2, with links, "no records" for kinds absent or empty) and freezes it (its SHA-256 in the
// review, its history and audit entry; re-reading never recomputes it), decisions as review
// actions, the three judgements required for the sign-off, the lock after it (409), the PDF
// minutes, the dashboard card, who may do what (403, nothing changed) and another organization (404).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, utcDay } from '../lib/server.mjs';
import { classifyAs } from '../lib/euact.mjs';
import { assertProblem, assertJson, stopServer } from '../lib/http.mjs';
import { roleClients } from '../lib/fixture.mjs';

const PW = 'management review tests password';
const MR = '/api/v1/management-reviews';
const MRA = '/api/v1/review-actions';
let srv, c, as, other, me;

before(async () => {
  srv = await startServer();
  ({ c, as, other, me } = await roleClients(srv, PW, { name: 'Elsewhere', email: 'else@x.test' }));
});
after(() => stopServer(srv));

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const ifMatch = (v) => ({ 'if-match': `"v${v}"` });
let n = 0;
async function plan(extra = {}, who = c) {
  return assertJson(await who('POST', MR, { json: { title: `Review ${++n}`, planned_on: day(7), ...extra } }), 201);
}
const get = async (id) => assertJson(await c('GET', `${MR}/${id}`));
const start = (r, who = c, version = r.version) => who('POST', `${MR}/${r.id}/start`, { headers: ifMatch(version) });
const signOff = (r, who = c, version = r.version) => who('POST', `${MR}/${r.id}/sign-off`, { headers: ifMatch(version) });
const CONCLUSION = {
  suitability: 'suitable', suitability_text: 'Fits the organization.',
  adequacy: 'adequate', adequacy_text: 'Enough for its requirements.',
  effectiveness: 'not_effective', effectiveness_text: 'Two objectives missed.',
};

/** RFC 8785 canonical JSON of plain JSON values (strings, integers, booleans, null, arrays, objects). */
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

test('attendance: top management is present only through a role assignment in force today; a warning otherwise', async () => {
  const r = await plan({ attendees: [me] });
  let a = assertJson(await c('GET', `${MR}/${r.id}/attendance`));
  assert.equal(a.top_management_present, false);
  assert.match(a.warning, /top management/);
  assert.equal(a.attendees[0].user_id, me);
  assert.deepEqual(a.attendees[0].roles, []);
  const top = assertJson(await c('POST', '/api/v1/aims-roles', { json: { name: 'Top management' } }), 201);
  const other_role = assertJson(await c('POST', '/api/v1/aims-roles', { json: { name: 'AIMS owner' } }), 201);
  // An assignment that ended yesterday does not count.
  assertJson(await c('POST', '/api/v1/role-assignments', { json: { person: me, role_id: top.id, from: day(-30), until: day(-1) } }), 201);
  assertJson(await c('POST', '/api/v1/role-assignments', { json: { person: me, role_id: other_role.id, from: day(-30) } }), 201);
  a = assertJson(await c('GET', `${MR}/${r.id}/attendance`));
  assert.equal(a.top_management_present, false);
  assert.deepEqual(a.attendees[0].roles.map((x) => x.name), ['AIMS owner']);
  assertJson(await c('POST', '/api/v1/role-assignments', { json: { person: me, role_id: top.id, from: day(-1) } }), 201);
  a = assertJson(await c('GET', `${MR}/${r.id}/attendance`));
  assert.equal(a.top_management_present, true);
  assert.equal(a.warning, null);
  assert.ok(a.attendees[0].roles.some((x) => x.top_management && x.path === `/aims-roles/${top.id}`));
  // An attendee must be a member of the organization.
  assertProblem(await c('POST', MR, { json: { title: 'X', planned_on: day(1), attendees: ['usr_nobody'] } }), 422);
});

test('start compiles the pack with every section, freezes it, and the hash is in the review, its history and the audit log', async () => {
  // Records the sections read: a risk, an incident, an earlier review's action overdue, an NC written by kind name.
  const sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Review pack system', purpose: 'Ranks' } }), 201);
  await classifyAs(c, sys.id, 'high_risk', { roles: ['provider'] });
  const risk = assertJson(await c('POST', '/api/v1/risks', { json: { title: 'Pack risk', system_id: sys.id, inherent_likelihood: 3, inherent_impact: 3 } }), 201);
  const inc = assertJson(await c('POST', '/api/v1/incidents', { json: {
    title: 'Pack incident', system_id: sys.id, occurred_at: new Date(Date.now() - 50 * 3600000).toISOString(),
    became_aware_at: new Date(Date.now() - 48 * 3600000).toISOString(), description: 'Something happened.', severity: 'high' } }), 201);
  const issue = assertJson(await c('POST', '/api/v1/context-issues', { json: { title: 'Pack issue', origin: 'external', category: 'legal', effect: 'risk' } }), 201);
  const earlier = await plan();
  const action = assertJson(await c('POST', MRA, { json: { review_id: earlier.id, type: 'resources', title: 'Hire an auditor', owner: me, due_date: day(-3) } }), 201);
  const r = await plan({ attendees: [me] });
  assertProblem(await c('GET', `${MR}/${r.id}/pack`), 409);
  assertProblem(await c('GET', `${MR}/${r.id}/minutes`), 409);
  assertProblem(await c('POST', `${MR}/${r.id}/start`), 428);
  assertProblem(await start(r, c, r.version + 1), 412);
  const started = assertJson(await start(r));
  assert.equal(started.status, 'in_progress');
  assert.equal(started.held_on, utcDay());
  assert.match(started.pack_hash, /^[0-9a-f]{64}$/);
  assert.equal(started.started_by, srv.admin.email);
  const pack = assertJson(await c('GET', `${MR}/${r.id}/pack`));
  assert.equal(pack.sha256, started.pack_hash);
  assert.equal(pack.matches_review, true);
  const { sha256, matches_review, ...content } = pack;
  assert.equal(createHash('sha256').update(canonical(content)).digest('hex'), sha256);
  assert.deepEqual(pack.sections.map((s) => s.key),
    ['previous_actions', 'changes', 'nonconformities', 'monitoring', 'audits', 'risks', 'incidents', 'improvements', 'ai_specific']);
  const section = (k) => pack.sections.find((s) => s.key === k);
  // Kinds this server may not have (nonconformity, internal_audit, improvement) say so, never fail.
  for (const k of ['nonconformities', 'audits', 'improvements']) {
    assert.equal(section(k).empty, true, k);
    assert.equal(section(k).summary, 'No records.');
  }
  const prev = section('previous_actions');
  assert.equal(prev.figures.overdue, 1);
  assert.ok(prev.items.some((i) => i.id === action.id && i.path === `/review-actions/${action.id}` && /overdue/.test(i.note)));
  assert.ok(section('risks').items.some((i) => i.id === risk.id && i.path === `/risks/${risk.id}`));
  assert.equal(section('risks').figures.new, 1);
  assert.ok(section('incidents').items.some((i) => i.id === inc.id && i.path === `/incidents/${inc.id}`));
  assert.equal(section('incidents').figures.since_previous, 1);
  assert.ok(section('changes').items.some((i) => i.id === issue.id && i.note.startsWith('added')));
  // An EU AI Act obligation is named with its AI system's name, not its id.
  const obligations = section('changes').items.filter((i) => i.kind === 'obligation');
  assert.ok(obligations.length > 0, 'the classified system\'s obligations were added');
  for (const o of obligations) {
    assert.match(o.title, /^Art\. .* \(Review pack system\)$/, o.title);
    assert.equal(o.path, `/obligations?system=${sys.id}`);
  }
  assert.equal(pack.since, null);  // the first review held
  // History and audit log: the start with the pack's hash.
  const history = assertJson(await c('GET', `${MR}/${r.id}/history`)).items;
  const entry = history.find((h) => h.operation === 'start');
  assert.ok(entry.changes.some((ch) => ch.field === 'pack_hash' && ch.to === sha256), JSON.stringify(entry));
  const audit = assertJson(await c('GET', '/api/v1/audit/entries?order=newest&limit=50')).items;
  assert.ok(audit.some((e) => e.record_id === r.id && e.seq === entry.audit_seq), JSON.stringify(audit.slice(0, 3)));
  assert.ok(audit.some((e) => e.record_id === `${r.id}/pack`));

  // Frozen: records changed afterwards do not change the pack; a second start is a 409.
  assertJson(await c('POST', '/api/v1/context-issues', { json: { title: 'Later issue', origin: 'internal', category: 'legal', effect: 'risk' } }), 201);
  assertJson(await c('PATCH', `/api/v1/context-issues/${issue.id}`, { json: { title: 'Pack issue, reworded' }, headers: { 'if-match': `"v${issue.version}"` } }));
  assert.deepEqual(assertJson(await c('GET', `${MR}/${r.id}/pack`)), pack);
  assertProblem(await start(started), 409);

  // The next review counts changes since this one was held.
  const next = await plan();
  const nextStarted = assertJson(await start(next));
  const nextPack = assertJson(await c('GET', `${MR}/${nextStarted.id}/pack`));
  assert.equal(nextPack.since, started.started_at);
  const changes = nextPack.sections.find((s) => s.key === 'changes');
  assert.ok(changes.items.some((i) => i.title === 'Later issue' && i.note.startsWith('added')));
  // A record changed since: listed as changed, with the fields its history shows changed.
  const reworded = changes.items.find((i) => i.id === issue.id);
  assert.ok(reworded, JSON.stringify(changes.items));
  assert.match(reworded.note, /^changed \(context issues\) on \d{4}-\d{2}-\d{2}: title$/);
  assert.equal(changes.figures.changed_total, 1);
});

test('decisions, conclusion and sign-off: judgements required (422), approve roles only (403), then locked (409); the PDF minutes', async () => {
  const r = await plan({ attendees: [me] });
  assertProblem(await signOff(r), 409);  // not started
  let cur = assertJson(await start(r));
  const decisions = [];
  for (const [type, status] of [['improvement', 'open'], ['aims_change', 'in_progress'], ['resources', 'done']])
    decisions.push(assertJson(await c('POST', MRA, { json: { review_id: r.id, type, title: `Decide ${type}`, owner: me, due_date: day(30), status } }), 201));
  assertProblem(await c('POST', MRA, { json: { review_id: r.id, type: 'budget', title: 'X', owner: me, due_date: day(1) } }), 422);
  assertProblem(await c('POST', MRA, { json: { review_id: 'MR-999', type: 'resources', title: 'X', owner: me, due_date: day(1) } }), 422);
  const listed = assertJson(await c('GET', `${MRA}?review_id=${r.id}`)).items;
  assert.deepEqual(listed.map((x) => x.id).sort(), decisions.map((x) => x.id).sort());

  // A judgement needs its reasons (422, nothing stored).
  assertProblem(await c('PATCH', `${MR}/${r.id}`, { json: { suitability: 'suitable' }, headers: ifMatch(cur.version) }), 422);
  assertProblem(await signOff(cur), 422);
  cur = assertJson(await c('PATCH', `${MR}/${r.id}`, { json: { suitability: 'suitable', suitability_text: 'Fits.' }, headers: ifMatch(cur.version) }));
  const missing = assertProblem(await signOff(cur), 422);
  assert.ok(JSON.stringify(missing).includes('adequacy'), JSON.stringify(missing));
  cur = assertJson(await c('PATCH', `${MR}/${r.id}`, { json: CONCLUSION, headers: ifMatch(cur.version) }));
  for (const role of ['contributor', 'auditor', 'viewer']) assertProblem(await signOff(cur, as[role]), 403);
  assert.equal((await get(r.id)).status, 'in_progress');
  const signed = assertJson(await signOff(cur, as.manager));
  assert.equal(signed.status, 'signed_off');
  assert.equal(signed.signed_off_by, 'manager@acme.test');
  assert.match(signed.sign_off_hash, /^[0-9a-f]{64}$/);
  const history = assertJson(await c('GET', `${MR}/${r.id}/history`)).items;
  assert.ok(history.some((h) => h.operation === 'sign_off' && h.changes.some((ch) => ch.field === 'sign_off_hash' && ch.to === signed.sign_off_hash)));

  // Locked: edits, archive, a second sign-off and a start are 409s and change nothing.
  for (const res of [
    await c('PATCH', `${MR}/${r.id}`, { json: { agenda: 'Changed' }, headers: ifMatch(signed.version) }),
    await c('POST', `${MR}/${r.id}/archive`, { headers: ifMatch(signed.version) }),
    await signOff(signed),
    await start(signed),
  ]) assertProblem(res, 409);
  assert.equal((await get(r.id)).version, signed.version);

  // Its decisions are final: no action is added to it, none moved off it, a decided action keeps
  // its type and title (409, nothing stored); carrying an action out stays open.
  const before = assertJson(await c('GET', `${MRA}?review_id=${r.id}`)).total;
  assertProblem(await c('POST', MRA, { json: { review_id: r.id, type: 'resources', title: 'Late', owner: me, due_date: day(5) } }), 409);
  const later = await plan();
  const open = decisions[0];
  for (const body of [{ review_id: later.id }, { title: 'Renamed' }, { type: 'resources' }])
    assertProblem(await c('PATCH', `${MRA}/${open.id}`, { json: body, headers: ifMatch(open.version) }), 409);
  assert.equal(assertJson(await c('GET', `${MRA}?review_id=${r.id}`)).total, before);
  const done = assertJson(await c('PATCH', `${MRA}/${open.id}`, { json: { status: 'done' }, headers: ifMatch(open.version) }));
  assert.equal(done.status, 'done');
  assert.equal(done.title, open.title);

  const pdf = await c('GET', `${MR}/${r.id}/minutes`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.ct, 'application/pdf');
  assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdf.headers.get('content-disposition'), new RegExp(`attachment; filename="Acme AI ${r.id} Review \\d+ minutes \\d{4}-\\d{2}-\\d{2}\\.pdf"`));
  // An auditor reads the minutes and the pack.
  assert.equal((await as.auditor('GET', `${MR}/${r.id}/minutes`)).status, 200);
  assertJson(await as.auditor('GET', `${MR}/${r.id}/pack`));
});

test('roles and organizations: viewers and auditors cannot plan or start (403, nothing changed); another organization sees 404', async () => {
  const r = await plan();
  for (const role of ['auditor', 'viewer']) {
    assertProblem(await as[role]('POST', MR, { json: { title: 'No', planned_on: day(1) } }), 403);
    assertProblem(await start(r, as[role]), 403);
  }
  assert.equal((await get(r.id)).status, 'planned');
  const byContributor = assertJson(await start(r, as.contributor));
  assert.equal(byContributor.status, 'in_progress');
  for (const [m, tail] of [['GET', ''], ['GET', '/attendance'], ['GET', '/pack'], ['GET', '/minutes'], ['POST', '/start'], ['POST', '/sign-off']])
    assertProblem(await other(m, `${MR}/${r.id}${tail}`, { headers: ifMatch(1) }), 404);
  assertProblem(await c('GET', `${MR}/MR-999/pack`), 404);
  assertProblem(await c('POST', `${MR}/MR-999/start`, { headers: ifMatch(1) }), 404);
});

test('the dashboard card: the next planned review and the review actions open and overdue', async () => {
  const soon = await plan({ planned_on: day(2) });
  const d = assertJson(await c('GET', '/api/v1/dashboard'));
  const card = d.cards.management_review;
  assert.ok(card, JSON.stringify(Object.keys(d.cards)));
  assert.ok(card.planned >= 1);
  assert.ok(card.next_review_on <= soon.planned_on);
  assert.ok(card.actions_open >= 1);
  assert.ok(card.actions_overdue >= 1);
  assert.equal(card.link, '/management-reviews');
});
