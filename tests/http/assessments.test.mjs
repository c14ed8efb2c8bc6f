// Gap assessments (SPEC §4): create and validate, list and page, optimistic concurrency, answers
// and their rules, results (maturity, readiness, gaps in audit order) computed by hand from the
// catalog, comparison of two assessments, the roadmap, roles and tenant isolation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients, assertReadableById } from '../lib/http.mjs';
import { ASM } from '../lib/paths.mjs';

const PW = 'assessment role password';
const PW_OTHER = 'other organization password';
const ROLES = ['viewer', 'auditor', 'contributor', 'manager'];
const ASSESSMENT_FIELDS = ['id', 'name', 'approach', 'target_maturity', 'owner', 'assessment_date', 'status', 'item_count',
  'answered_count', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by'];
const ANSWER_FIELDS = ['item_id', 'kind', 'title', 'parent', 'answered', 'maturity', 'not_applicable', 'justification', 'notes',
  'evidence', 'owner', 'skipped', 'version'];
const ACTION_FIELDS = ['id', 'item_id', 'title', 'suggested_action', 'owner', 'effort', 'depends_on', 'phase', 'start_date',
  'target_date', 'status', 'version'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let srv, c;
const as = {}; // role -> client
let catalog; // iso42001 items in document order
let byId; // id -> catalog item

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  Object.assign(as, await memberClients(srv, ROLES, PW));
  const cat = assertJson(await c('GET', '/api/v1/catalog/frameworks/iso42001/items?limit=500'));
  assert.equal(cat.next, undefined);
  catalog = cat.items;
  byId = Object.fromEntries(catalog.map((i) => [i.id, i]));
});

after(async () => {
  await stopServer(srv);
});

// ---- helpers -----------------------------------------------------------------------------------

const utcToday = () => new Date().toISOString().slice(0, 10);
const round = (v, places) => Math.round(v * 10 ** places) / 10 ** places;
const addDays = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

/** The items of an approach in document order, as the catalog gives them. */
function scopeOf(approach) {
  return catalog.filter((i) => i.leaf && ((i.kind === 'clause' && approach !== 'annex_a') || (i.kind === 'control' && approach !== 'clauses')));
}

async function create(fields) {
  return assertJson(await c('POST', ASM, { json: fields }), 201);
}

async function get(id, who = c) {
  const r = await who('GET', `${ASM}/${id}`);
  return { body: assertJson(r), etag: r.headers.get('etag') };
}

async function allAssessments(who = c) {
  const r = assertJson(await who('GET', `${ASM}?limit=500`));
  assert.equal(r.next, undefined);
  return r.items;
}

const put = (id, item, json, headers = {}, who = c) => who('PUT', `${ASM}/${id}/answers/${encodeURIComponent(item)}`, { json, headers });

async function answer(id, item, json) {
  return assertJson(await put(id, item, json));
}

async function answers(id, who = c) {
  return assertJson(await who('GET', `${ASM}/${id}/answers`));
}

async function roadmap(id, who = c) {
  return assertJson(await who('GET', `${ASM}/${id}/roadmap`));
}

/** Everything stored about assessment `id` as the admin sees it (for "nothing changed" checks). */
async function state(id) {
  const rm = await roadmap(id);
  const { body, etag } = await get(id);
  return {
    body,
    etag,
    answers: await answers(id),
    results: assertJson(await c('GET', `${ASM}/${id}/results`)),
    roadmap: rm,
  };
}

function assertFields(p, fields, what = '') {
  assert.ok(Array.isArray(p.errors), `${what}: problem has no errors array`);
  assert.deepEqual([...new Set(p.errors.map((e) => e.field))].sort(), [...fields].sort(), `${what}: ${JSON.stringify(p.errors)}`);
  assert.ok(p.errors.every((e) => typeof e.message === 'string' && e.message.length > 0), `${what}: empty message`);
}

/**
 * The results document the scoring rules (src/domain/assessment/scoring.cpp) give for `answers`
 * ({item_id: {maturity, not_applicable}}): unanswered and skipped items count 0, not-applicable
 * items are left out, readiness = Σ min(m, target) / (target × applicable) × 100, gaps in audit
 * order (stage 1 first, then clauses with mandatory documented information, then the rest; larger
 * gap first; then document order).
 */
function expectedResults(approach, answersById, target) {
  const items = scopeOf(approach);
  const groups = new Map();
  let applicable = 0, answered = 0, na = 0, sum = 0, achieved = 0;
  const gaps = [];
  items.forEach((it, order) => {
    const gid = it.kind === 'control' ? it.id.split('.').slice(0, 2).join('.') : it.id.split('.')[0];
    if (!groups.has(gid)) groups.set(gid, { id: gid, items: 0, applicable: 0, answered: 0, below: 0, sum: 0 });
    const g = groups.get(gid);
    g.items++;
    const a = answersById[it.id];
    if (a?.not_applicable) {
      na++; answered++; g.answered++;
      return;
    }
    const has = a !== undefined && Number.isInteger(a.maturity);
    const m = has ? a.maturity : 0;
    if (has) { answered++; g.answered++; }
    applicable++; g.applicable++;
    sum += m; g.sum += m;
    achieved += Math.min(m, target);
    if (m < target) {
      g.below++;
      const priority = it.tags.includes('stage1') ? 0
        : it.kind === 'clause' && typeof it.documented_information === 'string' && it.documented_information !== '-' ? 1 : 2;
      gaps.push({ item_id: it.id, kind: it.kind, title: it.title, maturity: m, target, gap: target - m,
        priority: ['stage1', 'documented_information', 'other'][priority], answered: has, rank: priority, order });
    }
  });
  gaps.sort((x, y) => x.rank - y.rank || y.gap - x.gap || x.order - y.order);
  const group = (g) => ({ id: g.id, title: byId[g.id].title, items: g.items, answered: g.answered, below_target: g.below,
    maturity: g.applicable ? round(g.sum / g.applicable, 2) : null });
  const required = target * applicable;
  return {
    target_maturity: target,
    overall_maturity: applicable ? round(sum / applicable, 2) : null,
    readiness: { percent: required ? round((100 * achieved) / required, 1) : 0, achieved, required },
    answered,
    total: items.length,
    not_applicable: na,
    by_clause: [...groups.values()].filter((g) => !g.id.startsWith('A.')).map(group),
    by_area: [...groups.values()].filter((g) => g.id.startsWith('A.')).map(group),
    gaps: gaps.map(({ rank, order, ...g }) => g),
  };
}

function assertResults(actual, expected, id) {
  assert.equal(actual.assessment_id, id);
  assert.equal(actual.target_maturity, expected.target_maturity);
  assert.equal(actual.overall_maturity, expected.overall_maturity, 'overall_maturity');
  assert.equal(actual.readiness.percent, expected.readiness.percent, 'readiness.percent');
  assert.equal(actual.readiness.achieved, expected.readiness.achieved, 'readiness.achieved');
  assert.equal(actual.readiness.required, expected.readiness.required, 'readiness.required');
  assert.equal(typeof actual.readiness.formula, 'string');
  assert.ok(actual.readiness.formula.length > 0);
  assert.equal(actual.answered, expected.answered, 'answered');
  assert.equal(actual.total, expected.total, 'total');
  assert.equal(actual.not_applicable, expected.not_applicable, 'not_applicable');
  assert.deepEqual(actual.by_clause, expected.by_clause, 'by_clause');
  assert.deepEqual(actual.by_area, expected.by_area, 'by_area');
  assert.deepEqual(actual.gaps.map((g) => g.item_id), expected.gaps.map((g) => g.item_id), 'gap order');
  assert.deepEqual(actual.gaps, expected.gaps, 'gaps');
}

const EFFORT_DAYS = { S: 7, M: 21, L: 42 };

/** The roadmap's invariants: valid actions, existing prerequisites, dates, phases and capacity. */
function assertRoadmapConsistent(rm, { capacity, start }) {
  assert.equal(rm.capacity, capacity);
  assert.equal(rm.start_date, start);
  if (rm.saved) assert.match(rm.generated_at, RFC3339);
  else assert.equal(rm.generated_at, null, 'a preview was never generated');
  const ids = new Map(rm.actions.map((a) => [a.id, a]));
  assert.equal(ids.size, rm.actions.length, 'action ids are unique');
  for (const a of rm.actions) {
    for (const f of ACTION_FIELDS) assert.ok(f in a, `action ${a.id} lacks ${f}`);
    assert.ok(['S', 'M', 'L'].includes(a.effort), `${a.id} effort ${a.effort}`);
    assert.ok([1, 2, 3].includes(a.phase), `${a.id} phase ${a.phase}`);
    assert.equal(a.status, 'open');
    assert.equal(a.version, 1);
    assert.match(a.start_date, DATE);
    assert.match(a.target_date, DATE);
    assert.ok(a.start_date >= start, `${a.id} starts ${a.start_date}, before the roadmap's start ${start}`);
    assert.ok(a.target_date >= a.start_date, `${a.id}: target ${a.target_date} before start ${a.start_date}`);
    assert.equal(a.target_date, addDays(a.start_date, EFFORT_DAYS[a.effort]), `${a.id}: duration of effort ${a.effort}`);
    assert.equal(new Set(a.depends_on).size, a.depends_on.length, `${a.id}: repeated prerequisite`);
    for (const d of a.depends_on) {
      assert.notEqual(d, a.id, `${a.id} depends on itself`);
      assert.ok(ids.has(d), `${a.id} depends on ${d}, which is not an action of the roadmap`);
      const dep = ids.get(d);
      assert.ok(a.start_date >= dep.target_date, `${a.id} starts ${a.start_date} before its prerequisite ${d} ends ${dep.target_date}`);
      assert.ok(dep.phase <= a.phase, `prerequisite ${d} (phase ${dep.phase}) is in a later phase than ${a.id} (${a.phase})`);
    }
  }
  // No more than `capacity` actions run on any day.
  const days = new Set(rm.actions.map((a) => a.start_date));
  for (const day of days) {
    const running = rm.actions.filter((a) => a.start_date <= day && day < a.target_date).length;
    assert.ok(running <= capacity, `${running} actions run on ${day}, capacity ${capacity}`);
  }
  // The phase summary agrees with the actions.
  assert.deepEqual(rm.phases.map((p) => p.phase), [1, 2, 3]);
  for (const p of rm.phases) {
    const mine = rm.actions.filter((a) => a.phase === p.phase);
    assert.equal(p.actions, mine.length, `phase ${p.phase} count`);
    assert.equal(typeof p.name, 'string');
    assert.ok(p.name.length > 0);
    assert.equal(p.start_date, mine.length ? mine.map((a) => a.start_date).sort()[0] : null);
    assert.equal(p.end_date, mine.length ? mine.map((a) => a.target_date).sort().at(-1) : null);
  }
}

// ---- create and validate -----------------------------------------------------------------------

test('POST /assessments creates: 201, Location, ETag "v1", defaults (both, target 3, today), 70 items', async () => {
  const day0 = utcToday();
  const r = await c('POST', ASM, { json: { name: 'First gap assessment' } });
  const day1 = utcToday();
  const a = assertJson(r, 201);
  for (const f of ASSESSMENT_FIELDS) assert.ok(f in a, `response lacks ${f}`);
  assert.match(a.id, /\S/);
  assert.equal(r.headers.get('location'), `${ASM}/${a.id}`);
  assert.equal(r.headers.get('etag'), '"v1"');
  assert.equal(a.name, 'First gap assessment');
  assert.equal(a.approach, 'both');
  assert.equal(a.target_maturity, 3);
  assert.equal(a.owner, '');
  assert.ok([day0, day1].includes(a.assessment_date), `assessment_date ${a.assessment_date} is not today (UTC)`);
  assert.equal(a.status, 'in_progress');
  assert.equal(a.item_count, 70);
  assert.equal(a.answered_count, 0);
  assert.equal(a.version, 1);
  assert.equal(a.created_by, srv.admin.email);
  assert.equal(a.updated_by, srv.admin.email);
  assert.match(a.created_at, RFC3339);
  assert.match(a.updated_at, RFC3339);
  const got = await c('GET', r.headers.get('location'));
  assert.deepEqual(assertJson(got), a);
  assert.equal(got.headers.get('etag'), '"v1"');
});

test('item_count is 32 for clauses, 38 for annex_a and 70 for both; given fields are kept', async () => {
  for (const [approach, n] of [['clauses', 32], ['annex_a', 38], ['both', 70]]) {
    const a = await create({ name: `Approach ${approach}`, approach, target_maturity: 4, owner: 'Quality lead', assessment_date: '2026-03-31' });
    assert.equal(a.approach, approach);
    assert.equal(a.item_count, n, approach);
    assert.equal(scopeOf(approach).length, n, `catalog scope of ${approach}`);
    assert.equal(a.target_maturity, 4);
    assert.equal(a.owner, 'Quality lead');
    assert.equal(a.assessment_date, '2026-03-31');
  }
});

test('invalid input answers 422 naming each field, and nothing is stored', async () => {
  const n = (await allAssessments()).length;
  const cases = [
    [{}, ['name']],
    [{ name: '   ' }, ['name']],
    [{ name: 'x'.repeat(201) }, ['name']],
    [{ name: 42 }, ['name']],
    [{ name: 'Bad approach', approach: 'iso' }, ['approach']],
    [{ name: 'Target 0', target_maturity: 0 }, ['target_maturity']],
    [{ name: 'Target 6', target_maturity: 6 }, ['target_maturity']],
    [{ name: 'Target text', target_maturity: '3' }, ['target_maturity']],
    [{ name: 'Target fraction', target_maturity: 2.5 }, ['target_maturity']],
    [{ name: 'Feb 30', assessment_date: '2026-02-30' }, ['assessment_date']],
    [{ name: 'Month 13', assessment_date: '2026-13-01' }, ['assessment_date']],
    [{ name: 'Date-time', assessment_date: '2026-01-01T00:00:00Z' }, ['assessment_date']],
    [{ name: 'Unknown', colour: 'red' }, ['colour']],
    [{ name: 'Many', approach: 'x', target_maturity: 9, assessment_date: 'soon' }, ['approach', 'target_maturity', 'assessment_date']],
  ];
  for (const field of ['id', 'status', 'version', 'item_count', 'answered_count', 'created_at', 'updated_at'])
    cases.push([{ name: `Read-only ${field}`, [field]: field === 'status' ? 'completed' : field.endsWith('count') || field === 'version' ? 3 : 'x' }, [field]]);
  for (const [body, fields] of cases) {
    const p = assertProblem(await c('POST', ASM, { json: body }), 422);
    assertFields(p, fields, JSON.stringify(body));
  }
  assertProblem(await c('POST', ASM, { json: ['name'] }), 400);
  assertProblem(await c('POST', ASM, { body: '{"name": ', headers: { 'content-type': 'application/json' } }), 400);
  assertProblem(await c('POST', ASM, { body: '{"name":"Plain"}', headers: { 'content-type': 'text/plain' } }), 415);
  assert.equal((await allAssessments()).length, n);
});

// ---- list and page -----------------------------------------------------------------------------

test('GET /assessments lists newest first; limit/cursor pages have no gaps or repeats; next is absent at the end', async () => {
  const made = [];
  for (let i = 1; i <= 7; i++) made.push(await create({ name: `Paged ${i}`, approach: 'clauses' }));
  const all = await allAssessments();
  for (const a of all) for (const f of ASSESSMENT_FIELDS) assert.ok(f in a, `${a.id} lacks ${f}`);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].created_at >= all[i].created_at, 'list is newest first');
  const mine = all.filter((a) => a.name.startsWith('Paged ')).map((a) => a.name);
  assert.deepEqual(mine, made.map((a) => a.name).reverse(), 'the newest assessment comes first');
  const listed = all.find((a) => a.id === made[0].id);
  assert.deepEqual(listed, made[0]);

  for (const limit of [1, 3, all.length, all.length + 5]) {
    const seen = [];
    let cursor, pages = 0;
    for (;;) {
      const page = assertJson(await c('GET', `${ASM}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
      pages++;
      assert.ok(page.items.length <= limit);
      seen.push(...page.items.map((a) => a.id));
      if (page.next === undefined) break;
      assert.equal(typeof page.next, 'string');
      assert.equal(page.items.length, limit, 'only the last page is short');
      cursor = page.next;
      assert.ok(pages < 500, 'pagination does not end');
    }
    assert.deepEqual(seen, all.map((a) => a.id), `limit ${limit}: pages differ from the full list`);
    assert.equal(pages, Math.max(1, Math.ceil(all.length / limit)), `limit ${limit}: number of pages`);
  }
  // Default limit is 50.
  const def = assertJson(await c('GET', ASM));
  assert.equal(def.items.length, Math.min(50, all.length));
});

test('bad limit or cursor answers 400 naming the parameter', async () => {
  for (const limit of ['0', '501', 'abc', '-1', '2.5']) {
    const p = assertProblem(await c('GET', `${ASM}?limit=${limit}`), 400);
    assertFields(p, ['limit'], `limit=${limit}`);
  }
  const b64 = (s) => Buffer.from(s).toString('base64url');
  for (const cursor of ['zzz', '%%%', b64('[1,2]'), b64('{"c":1,"i":2}'), b64('not json')]) {
    const p = assertProblem(await c('GET', `${ASM}?cursor=${encodeURIComponent(cursor)}`), 400);
    assertFields(p, ['cursor'], `cursor=${cursor}`);
  }
});

test('GET /assessments/{id}: 200 with ETag; unknown id 404', async () => {
  await assertReadableById(c, ASM, await create({ name: 'Readable assessment' }), 'asm_does_not_exist');
});

// ---- change ------------------------------------------------------------------------------------

test('PATCH needs If-Match (428), refuses a stale one (412); a good one answers 200 with ETag "v2"', async () => {
  const a = await create({ name: 'Patch me', owner: 'Ana', approach: 'clauses' });
  const path = `${ASM}/${a.id}`;
  assertProblem(await c('PATCH', path, { json: { name: 'No If-Match' } }), 428);
  assertProblem(await c('PATCH', path, { json: { name: 'Stale' }, headers: { 'if-match': '"v2"' } }), 412);
  assertProblem(await c('PATCH', path, { json: { name: 'Stale' }, headers: { 'if-match': 'v1' } }), 412);
  assert.deepEqual((await get(a.id)).body, a);

  const r = await c('PATCH', path, { json: { name: 'Patched', target_maturity: 4, assessment_date: '2026-05-04' }, headers: { 'if-match': '"v1"' } });
  const u = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v2"');
  assert.equal(u.version, 2);
  assert.equal(u.name, 'Patched');
  assert.equal(u.target_maturity, 4);
  assert.equal(u.assessment_date, '2026-05-04');
  assert.equal(u.owner, 'Ana', 'fields not in the body are kept');
  assert.equal(u.approach, 'clauses');
  assert.equal(u.item_count, 32);
  assert.equal(u.created_at, a.created_at);
  assert.ok(u.updated_at >= a.updated_at);
  assert.deepEqual((await get(a.id)).body, u);
  assertProblem(await c('PATCH', path, { json: { name: 'Lost update' }, headers: { 'if-match': '"v1"' } }), 412);

  // Invalid changes: 422 naming the field, nothing changed.
  const im = { 'if-match': '"v2"' };
  for (const [body, fields] of [
    [{ name: '' }, ['name']],
    [{ target_maturity: 0 }, ['target_maturity']],
    [{ target_maturity: 6 }, ['target_maturity']],
    [{ assessment_date: '2026-02-30' }, ['assessment_date']],
    [{ status: 'archived' }, ['status']],
    [{ approach: 'annex_a' }, ['approach']],
    [{ version: 9 }, ['version']],
    [{ colour: 'red' }, ['colour']],
  ]) {
    assertFields(assertProblem(await c('PATCH', path, { json: body, headers: im }), 422), fields, JSON.stringify(body));
  }
  assert.deepEqual((await get(a.id)).body, u);
  assertProblem(await c('PATCH', `${ASM}/asm_nope`, { json: { name: 'x' }, headers: im }), 404);
});

// ---- answers -----------------------------------------------------------------------------------

test('GET answers lists the scope in document order with answered/total; GET one answer has ETag "v0"', async () => {
  for (const approach of ['clauses', 'annex_a', 'both']) {
    const a = await create({ name: `Answers ${approach}`, approach });
    const list = await answers(a.id);
    const scope = scopeOf(approach);
    assert.deepEqual(list.items.map((i) => i.item_id), scope.map((i) => i.id), `${approach}: document order`);
    assert.equal(list.total, scope.length);
    assert.equal(list.answered, 0);
    for (const it of list.items) {
      for (const f of ANSWER_FIELDS) assert.ok(f in it, `${it.item_id} lacks ${f}`);
      const ci = byId[it.item_id];
      assert.equal(it.kind, ci.kind);
      assert.equal(it.title, ci.title);
      assert.equal(it.parent, ci.parent);
      assert.equal(it.answered, false);
      assert.equal(it.maturity, null);
      assert.equal(it.not_applicable, false);
      assert.equal(it.skipped, false);
      assert.deepEqual(it.evidence, []);
      assert.equal(it.version, 0);
    }
  }
  const a = await create({ name: 'One answer', approach: 'both' });
  const r = await c('GET', `${ASM}/${a.id}/answers/A.6.2.4`);
  const one = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v0"');
  assert.equal(one.item_id, 'A.6.2.4');
  assert.equal(one.kind, 'control');
});

test('PUT answer: maturity 0–5 accepted, 6/-1/2.5/missing/null refused with 422 on maturity; versions count up', async () => {
  const a = await create({ name: 'Maturity rules', approach: 'both' });
  for (let m = 0; m <= 5; m++) {
    const r = await put(a.id, '4.1', { maturity: m, notes: `level ${m}`, owner: 'Ana' });
    const ans = assertJson(r);
    assert.equal(r.headers.get('etag'), `"v${m + 1}"`);
    assert.equal(ans.version, m + 1);
    assert.equal(ans.maturity, m);
    assert.equal(ans.answered, true);
    assert.equal(ans.skipped, false);
    assert.equal(ans.notes, `level ${m}`);
    assert.deepEqual(ans.evidence, []);
    assert.equal(ans.owner, 'Ana');
    assert.equal(ans.updated_by, srv.admin.email);
  }
  const before = await state(a.id);
  for (const body of [{ maturity: 6 }, { maturity: -1 }, { maturity: 2.5 }, { maturity: '3' }, {}, { maturity: null }, { notes: 'no level' }, { skipped: false }]) {
    const p = assertProblem(await put(a.id, '4.1', body), 422);
    assertFields(p, ['maturity'], JSON.stringify(body));
  }
  for (const [body, field] of [[{ maturity: 1, colour: 'x' }, 'colour'], [{ maturity: 1, version: 3 }, 'version'],
    [{ maturity: 1, evidence: 'one' }, 'evidence'], [{ maturity: 1, skipped: 'yes' }, 'skipped']]) {
    assertFields(assertProblem(await put(a.id, '4.1', body), 422), [field], JSON.stringify(body));
  }
  assert.deepEqual(await state(a.id), before, 'refused answers changed nothing');
  assert.equal(before.body.answered_count, 1);
  assert.equal(before.answers.answered, 1);
});

test('skipped items are saved but not counted as answered; not_applicable only for controls, with a justification', async () => {
  const a = await create({ name: 'Skip and N/A', approach: 'both' });
  const s = await answer(a.id, '4.2', { skipped: true, notes: 'come back later' });
  assert.equal(s.skipped, true);
  assert.equal(s.answered, false);
  assert.equal(s.maturity, null);
  assert.equal(s.version, 1);
  assert.equal((await get(a.id)).body.answered_count, 0);
  assert.equal((await answers(a.id)).answered, 0);

  // A clause can never be not applicable.
  let p = assertProblem(await put(a.id, '4.1', { not_applicable: true, justification: 'We think it does not apply' }), 422);
  assert.ok(p.errors.some((e) => e.field === 'not_applicable'), JSON.stringify(p.errors));
  // A control needs a justification.
  p = assertProblem(await put(a.id, 'A.2.2', { not_applicable: true }), 422);
  assertFields(p, ['justification'], 'N/A without justification');
  p = assertProblem(await put(a.id, 'A.2.2', { not_applicable: true, justification: '   ' }), 422);
  assertFields(p, ['justification'], 'N/A with a blank justification');
  // And no maturity at the same time.
  p = assertProblem(await put(a.id, 'A.2.2', { not_applicable: true, justification: 'x', maturity: 2 }), 422);
  assertFields(p, ['maturity'], 'N/A with a maturity');
  const list = await answers(a.id);
  assert.equal(list.items.find((i) => i.item_id === '4.1').version, 0);
  assert.equal(list.items.find((i) => i.item_id === 'A.2.2').version, 0);

  const na = await answer(a.id, 'A.2.2', { not_applicable: true, justification: 'No AI policy scope: we only resell' });
  assert.equal(na.not_applicable, true);
  assert.equal(na.answered, true);
  assert.equal(na.maturity, null);
  assert.equal(na.justification, 'No AI policy scope: we only resell');
  await answer(a.id, '4.3', { maturity: 2 });
  const { body } = await get(a.id);
  assert.equal(body.answered_count, 2, 'the N/A control and 4.3 count; the skipped 4.2 does not');
  const after = await answers(a.id);
  assert.equal(after.answered, 2);
  assert.equal(after.total, 70);
  assert.equal(after.items.filter((i) => i.answered).length, 2);
});

test('items outside the scope answer 404 (a control in a clauses assessment, 9.9, a non-leaf clause)', async () => {
  const a = await create({ name: 'Scope', approach: 'clauses' });
  const b = await create({ name: 'Scope controls', approach: 'annex_a' });
  for (const [id, item] of [[a.id, 'A.2.2'], [a.id, '9.9'], [a.id, '4'], [a.id, '6.1'], [b.id, '4.1'], [b.id, 'A.6'], [a.id, 'C.2.1']]) {
    assertProblem(await put(id, item, { maturity: 1 }), 404);
    assertProblem(await c('GET', `${ASM}/${id}/answers/${item}`), 404);
  }
  assertProblem(await put('asm_nope', '4.1', { maturity: 1 }), 404);
  assertProblem(await c('GET', `${ASM}/asm_nope/answers`), 404);
  assert.equal((await get(a.id)).body.answered_count, 0);
  assert.equal((await get(b.id)).body.answered_count, 0);
});

test('PUT answer honours If-Match when sent: "v0" for a new answer, 412 when stale', async () => {
  const a = await create({ name: 'Answer concurrency', approach: 'clauses' });
  assertProblem(await put(a.id, '5.1', { maturity: 1 }, { 'if-match': '"v1"' }), 412);
  let r = await put(a.id, '5.1', { maturity: 1 }, { 'if-match': '"v0"' });
  assert.equal(assertJson(r).maturity, 1);
  assert.equal(r.headers.get('etag'), '"v1"');
  const before = await state(a.id);
  assertProblem(await put(a.id, '5.1', { maturity: 4 }, { 'if-match': '"v0"' }), 412);
  assertProblem(await put(a.id, '5.1', { maturity: 4 }, { 'if-match': '"v7"' }), 412);
  assert.deepEqual(await state(a.id), before);
  r = await put(a.id, '5.1', { maturity: 4 }, { 'if-match': '"v1"' });
  assert.equal(assertJson(r).maturity, 4);
  assert.equal(r.headers.get('etag'), '"v2"');
  const g = await c('GET', `${ASM}/${a.id}/answers/5.1`);
  assert.equal(g.headers.get('etag'), '"v2"');
  assert.equal(assertJson(g).maturity, 4);
});

test('a completed assessment refuses answers with 409; reopening it allows them again', async () => {
  const a = await create({ name: 'Complete me', approach: 'clauses' });
  await answer(a.id, '4.1', { maturity: 2 });
  const r = await c('PATCH', `${ASM}/${a.id}`, { json: { status: 'completed' }, headers: { 'if-match': '"v1"' } });
  assert.equal(assertJson(r).status, 'completed');
  const before = await state(a.id);
  assertProblem(await put(a.id, '4.1', { maturity: 5 }), 409);
  assertProblem(await put(a.id, '4.2', { maturity: 1 }), 409);
  assert.deepEqual(await state(a.id), before);
  const re = await c('PATCH', `${ASM}/${a.id}`, { json: { status: 'in_progress' }, headers: { 'if-match': r.headers.get('etag') } });
  assert.equal(assertJson(re).status, 'in_progress');
  assert.equal(assertJson(await put(a.id, '4.1', { maturity: 5 })).maturity, 5);
  assert.equal((await get(a.id)).body.answered_count, 1);
});

// ---- results -----------------------------------------------------------------------------------

test('results of a hand-computed clauses assessment: overall maturity, readiness and gaps in audit order', async () => {
  const a = await create({ name: 'Scored clauses', approach: 'clauses', target_maturity: 3 });
  const given = { '4.1': 5, '4.2': 2, '4.3': 1, '5.2': 3, '9.1': 0, '10.2': 2 };
  for (const [item, m] of Object.entries(given)) await answer(a.id, item, { maturity: m });
  await answer(a.id, '7.2', { skipped: true });
  const res = assertJson(await c('GET', `${ASM}/${a.id}/results`));

  // By hand: 32 applicable clauses; sum 5+2+1+3+0+2 = 13; achieved 3+2+1+3+0+2 = 11 of 3×32 = 96.
  assert.equal(res.overall_maturity, 0.41);
  assert.deepEqual({ percent: res.readiness.percent, achieved: res.readiness.achieved, required: res.readiness.required },
    { percent: 11.5, achieved: 11, required: 96 });
  assert.equal(res.answered, 6, 'the skipped 7.2 is not answered');
  assert.equal(res.total, 32);
  assert.equal(res.not_applicable, 0);
  assert.deepEqual(res.by_area, []);
  const c4 = res.by_clause.find((g) => g.id === '4');
  assert.deepEqual({ ...c4, title: undefined }, { id: '4', title: undefined, items: 4, answered: 3, below_target: 3, maturity: 2 });
  const ids = res.gaps.map((g) => g.item_id);
  // Stage 1 first (gap 3 before 4.3's gap 2; 5.2 is at target), then documented information (9.1, 10.2 last with gap 1), then the rest.
  assert.deepEqual(ids.slice(0, 9), ['6.1.1', '6.1.2', '6.1.3', '6.1.4', '6.2', '7.5.1', '9.2.2', '9.3.3', '4.3']);
  assert.deepEqual(ids.slice(9, 16), ['7.2', '8.1', '8.2', '8.3', '8.4', '9.1', '10.2']);
  assert.equal(ids.at(-1), '4.2', 'the smallest gap of the last group comes last');
  assert.ok(!ids.includes('4.1') && !ids.includes('5.2'), 'items at or above target are not gaps');
  assert.equal(ids.length, 32 - 2);
  const g43 = res.gaps.find((g) => g.item_id === '4.3');
  assert.deepEqual(g43, { item_id: '4.3', kind: 'clause', title: byId['4.3'].title, maturity: 1, target: 3, gap: 2, priority: 'stage1', answered: true });
  const g72 = res.gaps.find((g) => g.item_id === '7.2');
  assert.equal(g72.answered, false);
  assert.equal(g72.maturity, 0);
  assert.equal(g72.priority, 'documented_information');

  // And every figure agrees with the rules applied to the catalog.
  const answersById = Object.fromEntries(Object.entries(given).map(([k, m]) => [k, { maturity: m }]));
  answersById['7.2'] = { maturity: null };
  assertResults(res, expectedResults('clauses', answersById, 3), a.id);

  // Raising the target changes the gaps and readiness.
  await c('PATCH', `${ASM}/${a.id}`, { json: { target_maturity: 5 }, headers: { 'if-match': '"v1"' } });
  const res5 = assertJson(await c('GET', `${ASM}/${a.id}/results`));
  assertResults(res5, expectedResults('clauses', answersById, 5), a.id);
  assert.equal(res5.readiness.achieved, 13);
  assert.equal(res5.readiness.required, 160);
  assert.equal(res5.gaps.length, 31, 'only 4.1 reaches 5');
});

test('results leave not-applicable controls out of maturity and readiness', async () => {
  const a = await create({ name: 'Scored controls', approach: 'annex_a', target_maturity: 2 });
  await answer(a.id, 'A.2.2', { not_applicable: true, justification: 'Group policy covers it' });
  await answer(a.id, 'A.2.3', { maturity: 2 });
  await answer(a.id, 'A.6.2.4', { maturity: 4 });
  await answer(a.id, 'A.10.4', { maturity: 1 });
  const res = assertJson(await c('GET', `${ASM}/${a.id}/results`));
  // 37 applicable controls; sum 7, achieved 2+2+1 = 5 of 2×37 = 74.
  assert.equal(res.overall_maturity, round(7 / 37, 2));
  assert.equal(res.readiness.achieved, 5);
  assert.equal(res.readiness.required, 74);
  assert.equal(res.readiness.percent, round(500 / 74, 1));
  assert.equal(res.not_applicable, 1);
  assert.equal(res.answered, 4);
  assert.deepEqual(res.by_clause, []);
  const a2 = res.by_area.find((g) => g.id === 'A.2');
  assert.equal(a2.items, 3);
  assert.equal(a2.answered, 2);
  assert.equal(a2.maturity, 1, 'A.2: (2 + 0) / 2 applicable');
  assert.ok(!res.gaps.some((g) => g.item_id === 'A.2.2'), 'a not-applicable control is never a gap');
  assert.ok(res.gaps.every((g) => g.kind === 'control' && g.priority !== 'documented_information'));
  assertResults(res, expectedResults('annex_a', {
    'A.2.2': { not_applicable: true, maturity: null }, 'A.2.3': { maturity: 2 }, 'A.6.2.4': { maturity: 4 }, 'A.10.4': { maturity: 1 },
  }, 2), a.id);
  assertProblem(await c('GET', `${ASM}/asm_nope/results`), 404);
});

test('compare: per-item delta and overall delta from other_id to id', async () => {
  const older = await create({ name: 'Baseline', approach: 'clauses', assessment_date: '2026-01-15' });
  const newer = await create({ name: 'Follow-up', approach: 'clauses', assessment_date: '2026-06-15' });
  const o = { '4.1': 1, '4.2': 2, '6.2': 4 };
  const n = { '4.1': 3, '4.2': 2, '5.1': 4, '6.2': 1 };
  for (const [k, m] of Object.entries(o)) await answer(older.id, k, { maturity: m });
  await answer(older.id, '4.3', { skipped: true });
  for (const [k, m] of Object.entries(n)) await answer(newer.id, k, { maturity: m });
  const cmp = assertJson(await c('GET', `${ASM}/${newer.id}/compare/${older.id}`));
  assert.equal(cmp.from, older.id);
  assert.equal(cmp.to, newer.id);
  assert.deepEqual(cmp.items.map((i) => i.item_id), scopeOf('clauses').map((i) => i.id));
  const at = Object.fromEntries(cmp.items.map((i) => [i.item_id, i]));
  assert.deepEqual(at['4.1'], { item_id: '4.1', title: byId['4.1'].title, from: 1, to: 3, delta: 2 });
  assert.deepEqual({ ...at['4.2'], title: 0 }, { item_id: '4.2', title: 0, from: 2, to: 2, delta: 0 });
  assert.deepEqual({ ...at['6.2'], title: 0 }, { item_id: '6.2', title: 0, from: 4, to: 1, delta: -3 });
  assert.deepEqual({ ...at['5.1'], title: 0 }, { item_id: '5.1', title: 0, from: null, to: 4, delta: null });
  assert.deepEqual({ ...at['4.3'], title: 0 }, { item_id: '4.3', title: 0, from: null, to: null, delta: null });
  // Overall: the mean maturity over 32 clauses, unanswered as 0: 7/32 → 0.22 and 10/32 → 0.31.
  const from = round(7 / 32, 2), to = round(10 / 32, 2);
  assert.deepEqual(cmp.overall, { from, to, delta: round(to - from, 2) });
  assert.equal(cmp.overall.delta, 0.09);
  // The other way round the signs flip.
  const back = assertJson(await c('GET', `${ASM}/${older.id}/compare/${newer.id}`));
  assert.equal(back.items.find((i) => i.item_id === '6.2').delta, 3);
  assert.equal(back.overall.delta, -0.09);
  assertProblem(await c('GET', `${ASM}/${newer.id}/compare/asm_nope`), 404);
  assertProblem(await c('GET', `${ASM}/asm_nope/compare/${newer.id}`), 404);
});

// ---- roadmap -----------------------------------------------------------------------------------

test('GET roadmap previews actions only for gaps, unsaved and writing nothing; the first POST (contributor) stores it', async () => {
  const a = await create({ name: 'Roadmap source', approach: 'both', target_maturity: 3, owner: 'Programme lead' });
  // Bring some items to target so they need no action, and give one an owner.
  for (const item of ['4.1', '4.2', '5.1', 'A.2.3', 'A.9.3']) await answer(a.id, item, { maturity: 3 });
  await answer(a.id, '4.3', { maturity: 1, owner: 'Ana' });
  await answer(a.id, 'A.7.5', { not_applicable: true, justification: 'We use no third-party data' });
  const today0 = utcToday();
  const size0 = assertJson(await c('GET', '/api/v1/audit/checkpoint')).size;
  const rm = await roadmap(a.id, as.viewer);
  const today1 = utcToday();
  assert.equal(assertJson(await c('GET', '/api/v1/audit/checkpoint')).size, size0, 'reading a roadmap appends nothing to the log');
  assert.equal(rm.assessment_id, a.id);
  assert.equal(rm.saved, false, 'a roadmap never generated is a preview');
  assert.equal(rm.generated_at, null);
  assert.ok([today0, today1].includes(rm.start_date), `default start ${rm.start_date} is today`);
  assertRoadmapConsistent(rm, { capacity: 2, start: rm.start_date });
  const res = assertJson(await c('GET', `${ASM}/${a.id}/results`));
  assert.deepEqual(rm.actions.map((x) => x.item_id).sort(), res.gaps.map((g) => g.item_id).sort(), 'one action per gap');
  for (const x of rm.actions) assert.equal(x.id, `act-${x.item_id}`);
  for (const item of ['4.1', '4.2', '5.1', 'A.2.3', 'A.9.3', 'A.7.5'])
    assert.ok(!rm.actions.some((x) => x.item_id === item), `${item} needs no action`);
  // Prerequisites at target need no action, so none points at them.
  assert.deepEqual(rm.actions.find((x) => x.id === 'act-4.3').depends_on, [], '4.3 depends only on 4.1 and 4.2, both at target');
  assert.equal(rm.actions.find((x) => x.id === 'act-4.3').owner, 'Ana', 'the answer\'s owner');
  assert.equal(rm.actions.find((x) => x.id === 'act-4.4').owner, 'Programme lead', 'else the assessment\'s owner');
  assert.ok(rm.actions.some((x) => x.depends_on.length > 0), 'some actions have prerequisites');
  // Stage 1 work comes in phase 1, Annex A controls that are not prerequisites of it in phase 3.
  assert.equal(rm.actions.find((x) => x.id === 'act-4.3').phase, 1);
  assert.equal(rm.actions.find((x) => x.id === 'act-A.10.4').phase, 3);
  // Reading again stores nothing: an action of the preview cannot be edited yet.
  assert.deepEqual(await roadmap(a.id), rm);
  const unsaved = assertProblem(await c('PATCH', `${ASM}/${a.id}/roadmap/actions/act-4.3`, { json: { title: 'x' }, headers: { 'if-match': '"v1"' } }), 404);
  assert.match(unsaved.detail, /not generated yet/);
  // A viewer may not store it; a contributor may, the first time.
  assertProblem(await as.viewer('POST', `${ASM}/${a.id}/roadmap`, { json: {} }), 403);
  assert.equal(assertJson(await c('GET', '/api/v1/audit/checkpoint')).size, size0, 'a refused generation logs nothing');
  const saved = assertJson(await as.contributor('POST', `${ASM}/${a.id}/roadmap`, { json: { start_date: rm.start_date } }));
  assert.equal(saved.saved, true);
  assert.match(saved.generated_at, /^\d{4}-\d\d-\d\dT/);
  assert.deepEqual(saved.actions, rm.actions, 'the stored roadmap is the preview');
  assert.deepEqual(await roadmap(a.id), saved, 'reading again gives the stored roadmap');
  assert.ok(assertJson(await c('GET', '/api/v1/audit/checkpoint')).size > size0, 'the generation is logged');
});

test('POST roadmap regenerates from a start date and capacity (manager/admin); contributor 403; bad input 422', async () => {
  const a = await create({ name: 'Replanned', approach: 'clauses' });
  await answer(a.id, '4.1', { maturity: 4 });
  const path = `${ASM}/${a.id}/roadmap`;
  const first = assertJson(await c('POST', path, { json: {} }));

  for (const [body, fields] of [[{ capacity: 0 }, ['capacity']], [{ capacity: 21 }, ['capacity']], [{ capacity: '2' }, ['capacity']],
    [{ start_date: '2027-02-30' }, ['start_date']], [{ colour: 1 }, ['colour']]]) {
    assertFields(assertProblem(await c('POST', path, { json: body }), 422), fields, JSON.stringify(body));
  }
  assertProblem(await c('POST', path, { body: 'x', headers: { 'content-type': 'text/plain' } }), 415);
  const before = await state(a.id);
  assertProblem(await as.contributor('POST', path, { json: { start_date: '2027-01-04', capacity: 1 } }), 403);
  assert.deepEqual(await state(a.id), before, 'a refused regeneration changed nothing');
  assert.deepEqual(before.roadmap, first);

  const one = assertJson(await c('POST', path, { json: { start_date: '2027-01-04', capacity: 1 } }));
  assertRoadmapConsistent(one, { capacity: 1, start: '2027-01-04' });
  assert.equal(one.actions.length, 31);
  assert.equal(one.actions.map((x) => x.start_date).sort()[0], '2027-01-04', 'work starts on the start date');
  assert.deepEqual(await roadmap(a.id), one, 'the new roadmap is stored');

  const three = assertJson(await as.manager('POST', path, { json: { start_date: '2027-03-01', capacity: 3 } }));
  assertRoadmapConsistent(three, { capacity: 3, start: '2027-03-01' });
  const end = (rm) => rm.actions.map((x) => x.target_date).sort().at(-1);
  assert.ok(end(three) < addDays(end(one), 56), 'three lanes finish sooner than one');
  assert.deepEqual(three.actions.map((x) => x.id).sort(), one.actions.map((x) => x.id).sort());
  assertProblem(await c('POST', `${ASM}/asm_nope/roadmap`, { json: {} }), 404);
});

test('PATCH roadmap action: If-Match required, edits title/status/dates, validates dates and prerequisites', async () => {
  const a = await create({ name: 'Action edits', approach: 'clauses' });
  const rm = assertJson(await c('POST', `${ASM}/${a.id}/roadmap`, { json: { start_date: '2027-01-04', capacity: 2 } }));
  const act = rm.actions.find((x) => x.id === 'act-5.2');
  assert.ok(act, 'act-5.2 exists');
  const path = `${ASM}/${a.id}/roadmap/actions/act-5.2`;
  const current = async () => (await roadmap(a.id)).actions.find((x) => x.id === 'act-5.2');

  assertProblem(await c('PATCH', path, { json: { title: 'No If-Match' } }), 428);
  assertProblem(await c('PATCH', path, { json: { title: 'Stale' }, headers: { 'if-match': '"v2"' } }), 412);
  assert.deepEqual(await current(), act);

  // Dates that keep the plan consistent: the same start (after its prerequisites), a shorter run
  // (so nothing that needs it starts before it ends).
  const day = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
  const s0 = act.start_date;
  const t0 = day(s0, 3);
  const r = await c('PATCH', path, {
    json: { title: 'Write and sign the AI policy', status: 'in_progress', start_date: s0, target_date: t0, owner: 'CEO office' },
    headers: { 'if-match': '"v1"' },
  });
  const u = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v2"');
  assert.equal(u.version, 2);
  assert.equal(u.title, 'Write and sign the AI policy');
  assert.equal(u.status, 'in_progress');
  assert.equal(u.start_date, s0);
  assert.equal(u.target_date, t0);
  assert.equal(u.owner, 'CEO office');
  assert.equal(u.item_id, '5.2');
  assert.deepEqual(u.depends_on, act.depends_on, 'fields not sent are kept');
  assert.deepEqual(await current(), u);
  assertProblem(await c('PATCH', path, { json: { status: 'done' }, headers: { 'if-match': '"v1"' } }), 412);

  const im = { 'if-match': '"v2"' };
  for (const [body, fields] of [
    [{ target_date: day(s0, -1) }, ['target_date']],
    [{ start_date: day(t0, 3) }, ['target_date']],
    [{ start_date: day(s0, 2), target_date: day(s0, 1) }, ['target_date']],
    [{ start_date: day(s0, -1) }, ['start_date']],
    [{ target_date: day(act.target_date, 60) }, ['target_date']],
    [{ depends_on: ['act-does-not-exist'] }, ['depends_on']],
    [{ depends_on: ['act-5.2'] }, ['depends_on']],
    [{ status: 'closed' }, ['status']],
    [{ effort: 'XL' }, ['effort']],
    [{ phase: 4 }, ['phase']],
    [{ title: '' }, ['title']],
    [{ start_date: '2027-02-30' }, ['start_date']],
    [{ item_id: '4.1' }, ['item_id']],
    [{ colour: 'red' }, ['colour']],
  ]) {
    assertFields(assertProblem(await c('PATCH', path, { json: body, headers: im }), 422), fields, JSON.stringify(body));
  }
  assert.deepEqual(await current(), u, 'refused edits changed nothing');
  const dep = assertJson(await c('PATCH', path, { json: { depends_on: ['act-4.1', 'act-4.2'], status: 'done' }, headers: im }));
  assert.deepEqual(dep.depends_on, ['act-4.1', 'act-4.2']);
  assert.equal(dep.status, 'done');
  assertProblem(await c('PATCH', `${ASM}/${a.id}/roadmap/actions/act-9.9`, { json: { title: 'x' }, headers: { 'if-match': '"v1"' } }), 404);

  // Regenerating keeps the edits of text, owner, dates and status (prerequisites are planned anew).
  const again = assertJson(await c('POST', `${ASM}/${a.id}/roadmap`, { json: { start_date: '2027-01-04', capacity: 2 } }));
  const fresh = again.actions.find((x) => x.id === 'act-5.2');
  assert.equal(fresh.version, dep.version + 1);
  const { edited, ...rest } = fresh;
  assert.deepEqual(rest, { ...act, title: u.title, owner: u.owner, target_date: t0, status: 'done', version: dep.version + 1 });
  assert.deepEqual(again.regeneration.kept, [{ action_id: 'act-5.2', fields: edited }]);
});

test('PATCH roadmap action refuses prerequisites that would make a cycle (422 on depends_on)', async () => {
  const a = await create({ name: 'Cycle check', approach: 'clauses' });
  const rm = assertJson(await c('POST', `${ASM}/${a.id}/roadmap`, { json: { start_date: '2027-01-04', capacity: 2 } }));
  // act-4.3 depends on act-4.1; making act-4.1 depend on act-4.3 closes a cycle nobody could ever schedule.
  assert.ok(rm.actions.find((x) => x.id === 'act-4.3').depends_on.includes('act-4.1'));
  const before = (await roadmap(a.id)).actions.find((x) => x.id === 'act-4.1');
  const p = assertProblem(await c('PATCH', `${ASM}/${a.id}/roadmap/actions/act-4.1`, { json: { depends_on: ['act-4.3'] }, headers: { 'if-match': '"v1"' } }), 422);
  assertFields(p, ['depends_on'], 'cycle');
  assert.deepEqual((await roadmap(a.id)).actions.find((x) => x.id === 'act-4.1'), before);
});

// ---- roles -------------------------------------------------------------------------------------

/** Writes on assessment `seed`, each a function of a client. */
function writesOn(seed) {
  const path = `${ASM}/${seed}`;
  return {
    create: (w, role) => w('POST', ASM, { json: { name: `Made by ${role}` } }),
    patch: async (w, role) => w('PATCH', path, { json: { owner: `Changed by ${role}` }, headers: { 'if-match': (await get(seed)).etag } }),
    'put answer': (w) => w('PUT', `${path}/answers/4.4`, { json: { maturity: 4 } }),
    'put answer (skip)': (w) => w('PUT', `${path}/answers/4.4`, { json: { skipped: true } }),
    'roadmap post': (w) => w('POST', `${path}/roadmap`, { json: { start_date: '2030-01-07', capacity: 5 } }),
    'roadmap action patch': async (w) => {
      const act = (await roadmap(seed)).actions.find((x) => x.id === 'act-6.2');
      return w('PATCH', `${path}/roadmap/actions/act-6.2`, { json: { status: 'done', title: 'Role change' }, headers: { 'if-match': `"v${act.version}"` } });
    },
  };
}

async function orgSnapshot(seed) {
  return { list: await allAssessments(), seed: await state(seed) };
}

async function readsEverything(w, seed, other) {
  assert.ok(assertJson(await w('GET', ASM)).items.some((x) => x.id === seed));
  assert.equal(assertJson(await w('GET', `${ASM}/${seed}`)).id, seed);
  assert.equal(assertJson(await w('GET', `${ASM}/${seed}/answers`)).total, 32);
  assert.equal(assertJson(await w('GET', `${ASM}/${seed}/answers/4.1`)).item_id, '4.1');
  assert.equal(assertJson(await w('GET', `${ASM}/${seed}/results`)).assessment_id, seed);
  assert.equal(assertJson(await w('GET', `${ASM}/${seed}/compare/${other}`)).to, seed);
  assert.equal(assertJson(await w('GET', `${ASM}/${seed}/roadmap`)).assessment_id, seed);
}

for (const role of ['viewer', 'auditor']) {
  test(`${role} reads every assessment route but gets 403 on every write, and nothing changes`, async () => {
    const seed = await create({ name: `Seed for ${role}`, approach: 'clauses' });
    const other = await create({ name: `Other for ${role}`, approach: 'clauses' });
    await answer(seed.id, '4.1', { maturity: 2 });
    assertJson(await c('POST', `${ASM}/${seed.id}/roadmap`, { json: {} }));
    await readsEverything(as[role], seed.id, other.id);
    const writes = writesOn(seed.id);
    for (const [op, write] of Object.entries(writes)) {
      const before = await orgSnapshot(seed.id);
      assertProblem(await write(as[role], role), 403);
      assert.deepEqual(await orgSnapshot(seed.id), before, `${role} ${op}: a refused write changed something`);
    }
  });
}

test('contributor creates, patches, answers and edits actions, but gets 403 regenerating a roadmap', async () => {
  const w = as.contributor;
  const seed = await create({ name: 'Seed for contributor', approach: 'clauses' });
  const other = await create({ name: 'Other for contributor', approach: 'clauses' });
  assertJson(await c('POST', `${ASM}/${seed.id}/roadmap`, { json: {} }));
  await readsEverything(w, seed.id, other.id);
  const writes = writesOn(seed.id);
  const made = assertJson(await writes.create(w, 'contributor'), 201);
  assert.equal(made.created_by, 'contributor@acme.test');
  assert.equal(assertJson(await writes.patch(w, 'contributor')).updated_by, 'contributor@acme.test');
  const ans = assertJson(await writes['put answer'](w));
  assert.equal(ans.updated_by, 'contributor@acme.test');
  assert.equal(assertJson(await writes['roadmap action patch'](w)).status, 'done');
  const before = await orgSnapshot(seed.id);
  assertProblem(await writes['roadmap post'](w), 403);
  assert.deepEqual(await orgSnapshot(seed.id), before);
  // The manager may.
  assert.equal(assertJson(await writes['roadmap post'](as.manager)).start_date, '2030-01-07');
});

// ---- tenancy -----------------------------------------------------------------------------------

test('another organization sees none of these assessments: 404 on every {id} route, and nothing changes', async () => {
  const mine = await create({ name: 'Acme private assessment', approach: 'clauses', owner: 'Acme' });
  await answer(mine.id, '4.1', { maturity: 2 });
  const rm = assertJson(await c('POST', `${ASM}/${mine.id}/roadmap`, { json: {} }));
  const act = rm.actions[0].id;
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other', '--admin-email', 'other@x.test'], PW_OTHER + '\n');
  assert.equal(org.status, 0, `aims org create: ${org.stderr}`);
  const b = client(srv.url, await login(srv.url, 'other@x.test', PW_OTHER));
  assert.equal(assertJson(await b('GET', '/api/v1/me')).organization.name, 'Other');
  assert.deepEqual(assertJson(await b('GET', ASM)).items, [], 'the other organization starts with no assessments');
  const theirs = assertJson(await b('POST', ASM, { json: { name: 'Other assessment', approach: 'clauses' } }), 201);

  const before = { list: await allAssessments(), mine: await state(mine.id) };
  const id = mine.id;
  const im = { 'if-match': '"v1"' };
  const probes = [
    ['GET', `${ASM}/${id}`],
    ['PATCH', `${ASM}/${id}`, { json: { name: 'Hijacked' }, headers: im }],
    ['GET', `${ASM}/${id}/answers`],
    ['GET', `${ASM}/${id}/answers/4.1`],
    ['PUT', `${ASM}/${id}/answers/4.1`, { json: { maturity: 5 } }],
    ['PUT', `${ASM}/${id}/answers/4.1`, { json: { maturity: 5 }, headers: im }],
    ['GET', `${ASM}/${id}/results`],
    ['GET', `${ASM}/${id}/compare/${theirs.id}`],
    ['GET', `${ASM}/${theirs.id}/compare/${id}`],
    ['GET', `${ASM}/${id}/roadmap`],
    ['POST', `${ASM}/${id}/roadmap`, { json: { capacity: 1 } }],
    ['PATCH', `${ASM}/${id}/roadmap/actions/${act}`, { json: { title: 'Hijacked' }, headers: im }],
  ];
  for (const [method, path, opts] of probes) assertProblem(await b(method, path, opts), 404);
  assert.deepEqual(assertJson(await b('GET', `${ASM}?limit=500`)).items.map((x) => x.id), [theirs.id]);
  assert.deepEqual({ list: await allAssessments(), mine: await state(mine.id) }, before, 'the other organization changed nothing');
  // And the other way round.
  assertProblem(await c('GET', `${ASM}/${theirs.id}`), 404);
  assertProblem(await c('GET', `${ASM}/${mine.id}/compare/${theirs.id}`), 404);
  assert.ok(!(await allAssessments()).some((x) => x.id === theirs.id));
});
