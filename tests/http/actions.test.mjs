// The action tracker (docs/actions.md): every source of this build appears in one list (risk
// treatments, EU AI Act obligations with a due date, competence actions, roadmap actions) with its
// link; status and overdue (from today's date); "mine"; paging through every action with the
// cursor; sorts; unknown or bad parameters (400, nothing read); another organization's actions never
// appear; a change of the source record (title, status, archive) is reflected at once; the
// dashboard card counts my open and overdue actions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { otherOrgClient, day } from '../lib/fixture.mjs';
import { classifyAs } from '../lib/euact.mjs';

const PW = 'action tracker password';
const ACT = '/api/v1/actions';
let srv, c, contributor, viewer, other, ids = {}, sys, risk, treatmentless, capa, assessment;

const me = async (who) => assertJson(await who('GET', '/api/v1/me')).user.id;
const post = async (path, json, who = c) => assertJson(await who('POST', path, { json }), 201);
const list = async (q = '', who = c) => assertJson(await who('GET', `${ACT}${q}`));
/** Every action of the query, following the cursor pages of `limit`. */
async function all(q = '', limit = 500, who = c) {
  const out = [];
  let next;
  for (let guard = 0; guard < 500; ++guard) {
    const sep = q ? '&' : '?';
    const page = await list(`${q}${sep}limit=${limit}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`, who);
    out.push(...page.items);
    if (!page.next) return out;
    assert.equal(page.items.length, limit);
    next = page.next;
  }
  throw new Error('paging did not end');
}
const patch = async (path, json) => {
  const cur = await c('GET', path);
  return assertJson(await c('PATCH', path, { json, headers: { 'if-match': cur.headers.get('etag') } }));
};

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  ({ contributor, viewer } = await memberClients(srv, ['contributor', 'viewer'], PW));
  other = await otherOrgClient(srv, PW);
  ids = { admin: await me(c), contributor: await me(contributor) };

  // A risk treated (modify) by the contributor, overdue; a retained risk holds no action.
  risk = await post('/api/v1/risks', { title: 'Drift in the scoring model', inherent_likelihood: 4, inherent_impact: 4,
    treatment: 'modify', treatment_plan: 'Retrain monthly', owner: ids.contributor, due_date: day(-3), status: 'treating' });
  treatmentless = await post('/api/v1/risks', { title: 'Accepted small risk', inherent_likelihood: 1, inherent_impact: 1,
    treatment: 'retain', owner: ids.contributor, due_date: day(-3) });
  // A training gap of the contributor, due in ten days.
  const comp = await post('/api/v1/competences', { name: 'Model monitoring', category: 'technical' });
  capa = await post('/api/v1/competence-actions', { person: ids.contributor, competence_id: comp.id, action_type: 'training', due_date: day(10) });
  // A high-risk AI system: its EU AI Act obligations have due dates.
  sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Applicant ranking', purpose: 'Ranks applicants' } }), 201);
  await classifyAs(c, sys.id, 'high_risk', { roles: ['provider'] });
  // A gap assessment's roadmap.
  assessment = await post('/api/v1/assessments', { name: 'Gaps', approach: 'annex_a', target_maturity: 3 });
  assertJson(await c('PUT', `/api/v1/assessments/${assessment.id}/answers/A.10.3`, { json: { maturity: 1 } }));
  assertJson(await c('POST', `/api/v1/assessments/${assessment.id}/roadmap`, { json: { start_date: day(-60), capacity: 2 } }));
});
after(() => stopServer(srv));

test('every source of this build appears, each action with its owner, due date, status and link', async () => {
  const items = await all();
  const by = (source) => items.filter((a) => a.source === source);
  // The treated risk, not the retained one.
  const treat = by('risk');
  assert.equal(treat.length, 1);
  assert.equal(treat[0].record_id, risk.id);
  assert.equal(treat[0].sub_id, 'treatment');
  assert.equal(treat[0].owner, ids.contributor);
  assert.equal(treat[0].owner_name, assertJson(await contributor('GET', '/api/v1/me')).user.name || 'contributor@acme.test');
  assert.equal(treat[0].due_date, day(-3));
  assert.equal(treat[0].status, 'in_progress');
  assert.equal(treat[0].link, `/risks/${risk.id}`);
  assert.equal(treat[0].api, `/api/v1/risks/${risk.id}`);
  assert.match(treat[0].title, /Drift in the scoring model/);
  assert.ok(!items.some((a) => a.record_id === treatmentless.id));
  // The competence action.
  const ca = by('competence_action');
  assert.equal(ca.length, 1);
  assert.deepEqual([ca[0].record_id, ca[0].owner, ca[0].due_date, ca[0].status, ca[0].link],
    [capa.id, ids.contributor, day(10), 'open', `/competence-actions/${capa.id}`]);
  // Every current obligation of the system with a due date, no other.
  const obligations = assertJson(await c('GET', `/api/v1/obligations?system=${sys.id}&limit=500`)).items.filter((o) => o.due);
  assert.ok(obligations.length > 0);
  assert.deepEqual(by('obligation').map((a) => a.record_id).sort(), obligations.map((o) => o.obligation_id).sort());
  assert.ok(by('obligation').every((a) => a.parent_id === sys.id && a.api.startsWith(`/api/v1/obligations/${sys.id}/`)));
  // Every roadmap action.
  const rm = assertJson(await c('GET', `/api/v1/assessments/${assessment.id}/roadmap`));
  assert.ok(rm.actions.length > 0);
  assert.deepEqual(by('roadmap_action').map((a) => a.record_id).sort(), rm.actions.map((a) => a.id).sort());
  assert.ok(by('roadmap_action').every((a) => a.link === `/assessments/${assessment.id}/roadmap` && a.parent_id === assessment.id));
  // Nothing else, and the total says so.
  assert.equal(items.length, 1 + 1 + obligations.length + rm.actions.length);
  assert.equal((await list('?limit=1')).total, items.length);
});

test('an obligation\'s AI system is named by its name, read for the page\'s rows when served; archived, by its id and why', async () => {
  const named = (await all('?source=obligation')).filter((a) => a.parent_id === sys.id);
  assert.ok(named.length > 0);
  for (const a of named) {
    assert.match(a.title, /^Art\. \d+.* \(Applicant ranking\)$/, a.title);
    assert.ok(!a.title.includes(sys.id), 'not by its id');
  }
  // Renamed: the tracker names it anew (the name is read when the page is served, never stored).
  const cur = await c('GET', `/api/v1/systems/${sys.id}`);
  assertJson(await c('PATCH', `/api/v1/systems/${sys.id}`, { json: { name: 'Applicant ranker' }, headers: { 'if-match': cur.headers.get('etag') } }));
  const renamed = (await all('?source=obligation')).filter((a) => a.parent_id === sys.id);
  assert.ok(renamed.every((a) => a.title.endsWith('(Applicant ranker)')), JSON.stringify(renamed.map((a) => a.title)));
  // Search still finds the actions by the system's id.
  assert.ok((await all(`?q=${encodeURIComponent(sys.id)}`)).length >= named.length);
  // An archived system: its id, and that it is archived. A page of one names its one system.
  const old = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Retired screener', purpose: 'Screens' } }), 201);
  await classifyAs(c, old.id, 'high_risk', { roles: ['provider'] });
  assertJson(await c('POST', `/api/v1/systems/${old.id}/archive`));
  const gone = (await all('?source=obligation')).filter((a) => a.parent_id === old.id);
  assert.ok(gone.length > 0, 'the archived system\'s obligations stay on the tracker');
  for (const a of gone) assert.ok(a.title.endsWith(`(${old.id} — archived system)`), a.title);
  const one = await list('?source=obligation&limit=1');
  assert.equal(one.items.length, 1);
  assert.doesNotMatch(one.items[0].title, /\(sys_[^ ]+\)$/, 'named, not a bare id');
});

test('overdue is a due date before today while open or in progress; status filters the normalized status', async () => {
  const overdue = await all('?overdue=true');
  assert.ok(overdue.length >= 1);
  assert.ok(overdue.every((a) => a.overdue && a.due_date < day(0) && ['open', 'in_progress'].includes(a.status)));
  assert.ok(overdue.some((a) => a.record_id === risk.id));
  const notOverdue = await all('?overdue=false');
  assert.ok(notOverdue.every((a) => !a.overdue));
  assert.equal(overdue.length + notOverdue.length, (await all()).length);
  const open = await all('?status=open');
  assert.ok(open.length > 0 && open.every((a) => a.status === 'open'));
  const either = await all('?status=open,in_progress');
  assert.ok(either.length > open.length);
  const before = await all(`?due_before=${day(0)}`);
  assert.ok(before.every((a) => a.due_date && a.due_date < day(0)));
  assert.deepEqual((await all('?source=risk,competence_action')).map((a) => a.source).sort(), ['competence_action', 'risk']);
  assert.deepEqual((await all(`?q=${encodeURIComponent('DRIFT in')}`)).map((a) => a.record_id), [risk.id]);
});

test('"mine" lists the caller\'s actions; owner names anyone\'s', async () => {
  const mine = await all('?mine=true', 500, contributor);
  assert.deepEqual(mine.map((a) => a.record_id).sort(), [capa.id, risk.id].sort());
  const myOverdue = await all('?mine=true&overdue=true', 500, contributor);
  assert.deepEqual(myOverdue.map((a) => a.record_id), [risk.id]);
  assert.deepEqual((await all(`?owner=${ids.contributor}`)).map((a) => a.record_id).sort(), [capa.id, risk.id].sort());
  assert.equal((await list('?mine=true', viewer)).total, 0);
});

test('paging with the cursor lists every action once, in each sort', async () => {
  for (const sort of ['due', '-due', 'updated', '-updated', 'title', '-title']) {
    const whole = await all(`?sort=${sort}`);
    const paged = await all(`?sort=${sort}`, 3);
    assert.deepEqual(paged.map((a) => a.id), whole.map((a) => a.id), sort);
    assert.equal(new Set(paged.map((a) => a.id)).size, paged.length);
  }
  // Due date first, actions without one last.
  const due = await all();
  const firstUndated = due.findIndex((a) => a.due_date === null);
  if (firstUndated >= 0) assert.ok(due.slice(firstUndated).every((a) => a.due_date === null));
  const dated = due.filter((a) => a.due_date).map((a) => a.due_date);
  assert.deepEqual(dated, [...dated].sort());
  // An obligation's system is named when served; the order is the obligation's title (then its system's id).
  const titles = (await all('?sort=title')).map((a) => (a.source === 'obligation' ? a.title.replace(/ \([^()]*\)$/, '') : a.title).toLowerCase());
  assert.deepEqual(titles, [...titles].sort());
});

test('an unknown parameter or a bad value is a 400 that names it', async () => {
  for (const [q, field] of [['?colour=red', 'colour'], ['?status=late', 'status'], ['?overdue=yes', 'overdue'],
    ['?mine=1', 'mine'], ['?source=spaceship', 'source'], ['?due_before=2026-13-01', 'due_before'], ['?sort=owner', 'sort'],
    ['?limit=0', 'limit'], ['?limit=501', 'limit'], ['?cursor=nonsense', 'cursor'], [`?q=${'x'.repeat(201)}`, 'q']]) {
    const p = assertProblem(await c('GET', `${ACT}${q}`), 400);
    assert.ok(p.errors.some((e) => e.field === field), `${q}: ${JSON.stringify(p.errors)}`);
  }
  // A cursor of another sort is refused.
  const page = await list('?limit=1');
  assert.ok(page.next);
  assertProblem(await c('GET', `${ACT}?sort=title&cursor=${encodeURIComponent(page.next)}`), 400);
});

test("another organization's actions never appear, and ours never appear there", async () => {
  const theirs = await all('', 500, other);
  assert.equal(theirs.length, 0);
  await post('/api/v1/risks', { title: 'Their risk', inherent_likelihood: 2, inherent_impact: 2, treatment: 'avoid', due_date: day(-1) }, other);
  const after = await all('', 500, other);
  assert.equal(after.length, 1);
  assert.ok(!(await all()).some((a) => a.title.includes('Their risk')));
  assert.equal((await list(`?q=${encodeURIComponent('their risk')}`)).total, 0);
});

test('a change of the source record is reflected at once', async () => {
  await patch(`/api/v1/risks/${risk.id}`, { title: 'Drift in the ranking model' });
  let a = (await all('?source=risk')).find((x) => x.record_id === risk.id);
  assert.match(a.title, /ranking model/);
  await patch(`/api/v1/risks/${risk.id}`, { status: 'monitoring' });
  a = (await all('?source=risk')).find((x) => x.record_id === risk.id);
  assert.equal(a.status, 'done');
  assert.equal(a.overdue, false);
  assert.ok(!(await all('?overdue=true')).some((x) => x.record_id === risk.id));
  // A competence action done, then archived: done, then gone.
  await patch(`/api/v1/competence-actions/${capa.id}`, { status: 'done' });
  assert.equal((await all('?source=competence_action'))[0].status, 'done');
  const cur = await c('GET', `/api/v1/competence-actions/${capa.id}`);
  assertJson(await c('POST', `/api/v1/competence-actions/${capa.id}/archive`, { headers: { 'if-match': cur.headers.get('etag') } }));
  assert.equal((await all('?source=competence_action')).length, 0);
  // A roadmap action's status and owner.
  const rm = assertJson(await c('GET', `/api/v1/assessments/${assessment.id}/roadmap`));
  const step = rm.actions[0];
  assertJson(await c('PATCH', `/api/v1/assessments/${assessment.id}/roadmap/actions/${step.id}`,
    { json: { status: 'in_progress', owner: ids.contributor }, headers: { 'if-match': `"v${step.version}"` } }));
  const listed = (await all('?mine=true', 500, contributor)).find((x) => x.record_id === step.id);
  assert.ok(listed, 'the roadmap action is the contributor\'s now');
  assert.equal(listed.status, 'in_progress');
});

test('the dashboard card counts my open and overdue actions and describes itself', async () => {
  const card = assertJson(await contributor('GET', '/api/v1/dashboard')).cards.actions;
  const mineOpen = (await all('?mine=true&status=open,in_progress', 500, contributor)).length;
  const mineOverdue = (await all('?mine=true&overdue=true', 500, contributor)).length;
  assert.equal(card.mine_open, mineOpen);
  assert.equal(card.mine_overdue, mineOverdue);
  assert.equal(card.overdue, (await all('?overdue=true')).length);
  assert.equal(card.link, '/actions');
  assert.deepEqual(card.figures.map((f) => f.key), ['mine_open', 'mine_overdue', 'overdue', 'open']);
});
