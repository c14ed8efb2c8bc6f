// GET /api/v1/dashboard answers "where do we stand and what next" first, on the demo organization:
// the latest completed assessment's maturity and readiness (the assessment the SoA takes its answers
// from), its roadmap's next five open actions, what is due this month (each item equal to what the
// list of its own area says), then the cards. The demo has one completed assessment and a newer
// draft. The systems list names each system's roles as its saved classification does. The audit
// log's filters accept only the record types and operations the log writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, login } from '../lib/server.mjs';
import { sharedDashboard } from '../lib/dashboard.mjs';
import { client, assertJson, assertProblem, stopServer, memberClients } from '../lib/http.mjs';

const PW = 'dashboard lead member password';
let srv, c, as;

before(async () => {
  srv = await startDemoServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  as = await memberClients(srv, ['viewer'], PW);
});

after(async () => {
  await stopServer(srv);
});

const get = async (who, path) => assertJson(await who('GET', path));
/** Every item of a list endpoint (following `next`). */
async function every(who, path) {
  const out = [];
  let next = null;
  do {
    const page = await get(who, `${path}${path.includes('?') ? '&' : '?'}limit=500${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
    out.push(...page.items);
    next = page.next;
  } while (next);
  return out;
}

test('the demo has one completed assessment and a draft started later; the SoA shows its maturity', async () => {
  const all = await every(c, '/api/v1/assessments');
  assert.equal(all.length, 2);
  const [draft, done] = all;  // newest first
  assert.equal(done.status, 'completed');
  assert.equal(done.answered_count, done.item_count, 'every item answered');
  assert.equal(draft.status, 'in_progress');
  assert.ok(draft.answered_count > 0 && draft.answered_count < draft.item_count, 'a few answers');
  assert.ok(draft.created_at > done.created_at && draft.assessment_date > done.assessment_date, 'the draft started later');
  const soa = await get(c, '/api/v1/soa');
  assert.equal(soa.answers_from.assessment_id, done.id);
  assert.ok(soa.items.filter((e) => e.latest_answer && Number.isInteger(e.latest_answer.maturity)).length > 20, 'the SoA shows maturity');
  const results = await get(c, `/api/v1/assessments/${done.id}/results`);
  assert.ok(results.overall_maturity > 0 && results.readiness.percent > 0);
  const roadmap = await get(c, `/api/v1/assessments/${done.id}/roadmap`);
  assert.equal(roadmap.saved, true);
  assert.deepEqual(roadmap.actions.slice(0, 3).map((a) => a.status), ['done', 'done', 'in_progress']);
  assert.ok((await get(c, `/api/v1/assessments/${draft.id}/suggestions`)).items.length > 0, 'the draft gets suggestions');
});

/** The due items the areas' own lists name, up to `until`, as "source|due_on|link|title". */
async function dueFromLists(who, today, until) {
  const out = [];
  const add = (source, dueOn, link, title) => out.push(`${source}|${dueOn}|${link}|${title}`);
  for (const r of await every(who, '/api/v1/risks')) {
    const title = `R-${r.number} ${r.title}`;
    if (r.review_date && r.review_date <= until && r.status !== 'closed') add('risk_review', r.review_date, `/risks/${r.id}`, title);
    const lapses = r.acceptance?.expires_on;
    if (r.acceptance_state === 'accepted' && lapses && lapses >= today && lapses <= until) add('acceptance_lapsing', lapses, `/risks/${r.id}`, title);
  }
  for (const o of await every(who, '/api/v1/objectives?status=active')) {
    const next = o.derived.next_reading_due;
    if (next && next <= until) add('objective_reading', next, `/objectives/${o.id}`, `${o.key} ${o.title}`);
  }
  for (const o of await every(who, '/api/v1/obligations')) {
    if (o.due <= until && ['not_started', 'in_progress'].includes(o.status))
      add('obligation', o.due, `/obligations?system=${o.system_id}`, `${o.system_name}: ${o.article} ${o.title}`);
  }
  for (const i of await every(who, '/api/v1/impact-assessments')) {
    if (i.next_review_date && i.next_review_date <= until) add('impact_review', i.next_review_date, `/impact/${i.id}`, `${i.ref} ${i.title}`);
  }
  const days = Math.round((Date.parse(until) - Date.parse(today)) / 86400000);
  const fresh = await get(who, `/api/v1/evidence/freshness?within_days=${days}`);
  for (const e of [...fresh.expired, ...fresh.expiring]) add('evidence_expiring', e.expires_on, `/evidence/${e.id}`, `${e.number} ${e.title}`);
  for (const e of (await get(who, '/api/v1/communication/overdue')).items) add('communication_overdue', e.due_on, `/communication-plan/${e.id}`, `${e.id} ${e.title}`);
  return out.sort();
}

/** Checks the lead sections of `who`'s dashboard against the endpoints; returns the answer. */
async function leadsMatch(who) {
  const d = await get(who, '/api/v1/dashboard');
  assert.deepEqual(Object.keys(d), ['where_we_stand', 'next_actions', 'due_this_month', 'cards', 'errors'], 'where we stand comes first');
  assert.deepEqual(d.errors, {});

  const soa = await get(who, '/api/v1/soa');
  const id = soa.answers_from.assessment_id;
  const a = await get(who, `/api/v1/assessments/${id}`);
  const results = await get(who, `/api/v1/assessments/${id}/results`);
  const newest = (await get(who, '/api/v1/assessments?limit=1')).items[0];
  assert.deepEqual(d.where_we_stand, {
    assessment: { id, name: a.name, assessment_date: a.assessment_date, answered_count: a.answered_count, item_count: a.item_count },
    overall_maturity: results.overall_maturity, target_maturity: results.target_maturity, readiness: results.readiness,
    draft: newest.status === 'completed' ? null
      : { id: newest.id, name: newest.name, answered_count: newest.answered_count, item_count: newest.item_count },
  });

  const roadmap = await get(who, `/api/v1/assessments/${id}/roadmap`);
  const open = roadmap.actions.filter((x) => x.status !== 'done');
  const byStart = open.map((x, i) => [x, i]).sort(([x, i], [y, j]) => (x.start_date < y.start_date ? -1 : x.start_date > y.start_date ? 1 : i - j));
  assert.deepEqual(d.next_actions, {
    assessment_id: id, saved: roadmap.saved, total_open: open.length, link: `/assessments/${id}/roadmap`,
    items: byStart.slice(0, 5).map(([x]) => ({
      id: x.id, item_id: x.item_id, title: x.title, phase: x.phase, owner: x.owner, start_date: x.start_date, target_date: x.target_date, status: x.status,
    })),
  });

  const { today, until, items } = d.due_this_month;
  assert.equal(today, new Date().toISOString().slice(0, 10));
  const end = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0)).toISOString().slice(0, 10);
  assert.equal(until, end, 'the last day of this month');
  assert.deepEqual(items.map((x) => `${x.source}|${x.due_on}|${x.link}|${x.title}`).sort(), await dueFromLists(who, today, until));
  assert.deepEqual(items.map((x) => x.due_on), items.map((x) => x.due_on).sort(), 'by date');
  for (const x of items) assert.equal(x.overdue, x.due_on < today, x.title);
  return d;
}

test('where we stand, the next actions and what is due this month come first, each equal to its source', async () => {
  const d = await leadsMatch(c);
  assert.equal(d.where_we_stand.assessment.name, 'Initial gap assessment');
  assert.equal(d.where_we_stand.draft.name, 'Follow-up gap assessment');
  assert.equal(d.next_actions.items.length, 5);
  assert.ok(d.next_actions.items.every((x) => x.status !== 'done'));
  assert.ok(d.due_this_month.items.some((x) => x.overdue), 'the demo has something overdue');
  assert.deepEqual(sharedDashboard(await leadsMatch(as.viewer)), sharedDashboard(d), 'the viewer reads what the admin reads, but for their own figures');
});

test('after changes the lead sections follow: an action done, a new review due, the draft completed', async () => {
  const before = await leadsMatch(c);
  const first = before.next_actions.items[0];
  const id = before.where_we_stand.assessment.id;
  const action = (await get(c, `/api/v1/assessments/${id}/roadmap`)).actions.find((x) => x.id === first.id);
  assertJson(await c('PATCH', `/api/v1/assessments/${id}/roadmap/actions/${first.id}`, { json: { status: 'done' }, headers: { 'if-match': `"v${action.version}"` } }));
  let now = await leadsMatch(c);
  assert.equal(now.next_actions.total_open, before.next_actions.total_open - 1);
  assert.ok(!now.next_actions.items.some((x) => x.id === first.id));

  const today = now.due_this_month.today;
  const r = assertJson(await c('POST', '/api/v1/risks', { json: { title: 'Due this month risk', inherent_likelihood: 2, inherent_impact: 2, review_date: today } }), 201);
  now = await leadsMatch(c);
  assert.ok(now.due_this_month.items.some((x) => x.link === `/risks/${r.id}` && x.source === 'risk_review' && !x.overdue));

  // Completing the draft makes it where we stand (it is dated later).
  const draft = now.where_we_stand.draft;
  const cur = await get(c, `/api/v1/assessments/${draft.id}`);
  assertJson(await c('PATCH', `/api/v1/assessments/${draft.id}`, { json: { status: 'completed' }, headers: { 'if-match': `"v${cur.version}"` } }));
  now = await leadsMatch(c);
  assert.equal(now.where_we_stand.assessment.id, draft.id);
  assert.equal(now.where_we_stand.draft, null);
});

test('another organization without assessments: where we stand says none, nothing is due', async () => {
  const { aims } = await import('../lib/server.mjs');
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Lead other', '--admin-email', 'lead-other@x.test'], PW + '\n');
  assert.equal(org.status, 0, org.stderr);
  const other = client(srv.url, await login(srv.url, 'lead-other@x.test', PW));
  const d = await get(other, '/api/v1/dashboard');
  assert.deepEqual(d.where_we_stand, { assessment: null, draft: null });
  assert.deepEqual(d.next_actions, { assessment_id: null, saved: false, total_open: 0, items: [] });
  assert.deepEqual(d.due_this_month.items, []);
});

test("the systems list names each system's roles as its saved classification does", async () => {
  const systems = await every(c, '/api/v1/systems');
  let classified = 0;
  for (const s of systems) {
    const r = await c('GET', `/api/v1/systems/${s.id}/classification`);
    const want = r.status === 200 ? r.body.result.roles : null;
    if (r.status !== 200) assertProblem(r, 404);
    else classified++;
    assert.deepEqual(s.eu_ai_act_roles, want, s.name);
  }
  assert.ok(classified > 0);
  const credit = systems.find((s) => s.name === 'Credit scoring model');
  assert.deepEqual([credit.organization_role, credit.eu_ai_act_roles], ['provider', ['provider', 'deployer']]);
  const viewed = await every(as.viewer, '/api/v1/systems?q=Credit');
  assert.deepEqual(viewed.find((s) => s.id === credit.id).eu_ai_act_roles, ['provider', 'deployer']);
});

test('the audit log filters take the record types and operations the log writes; others are 400 naming the value', async () => {
  const size = (await get(c, '/api/v1/audit/checkpoint')).size;
  const doc = await get(c, '/api/v1/openapi.json');
  const ops = doc.components.schemas.AuditOperation.enum;
  assert.ok(ops.includes('create') && ops.includes('reclassify'));
  for (const op of ops) assertJson(await c('GET', `/api/v1/audit/entries?limit=1&operation=${op}`));
  const kinds = (await get(c, '/api/v1/kinds')).items.map((k) => k.kind);
  for (const t of [...kinds, 'system', 'risk', 'objective', 'evidence', 'impact_assessment', 'classification', 'roadmap_action', 'soa_entry', 'membership'])
    assertJson(await c('GET', `/api/v1/audit/entries?limit=1&record_type=${t}`));
  for (const [query, field, value] of [
    ['record_type=no_such_type', 'record_type', 'no_such_type'],
    ['operation=frobnicate', 'operation', 'frobnicate'],
  ]) {
    const p = assertProblem(await c('GET', `/api/v1/audit/entries?${query}`), 400);
    assert.deepEqual(p.errors.map((e) => e.field), [field]);
    assert.match(p.errors[0].message, new RegExp(`'${value}' is not`));
  }
  assert.equal((await get(c, '/api/v1/audit/checkpoint')).size, size);
});
