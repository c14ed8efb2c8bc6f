// The standards catalog: frameworks, items, filters, pagination, search and maturity levels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer } from '../lib/http.mjs';

let srv, c;
const ITEMS = '/api/v1/catalog/frameworks/iso42001/items';
const ITEM_FIELDS = ['id', 'uid', 'framework', 'kind', 'parent', 'leaf', 'title', 'summary', 'evidence', 'questions',
  'documented_information', 'suggested_action', 'tags', 'order', 'children'];

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
});

after(async () => {
  await stopServer(srv);
});

/** Walks every page of `path` (which already has a query string or not) with `limit`. */
async function walk(path, limit) {
  const sep = path.includes('?') ? '&' : '?';
  const pages = [];
  let cursor;
  for (let guard = 0; guard < 1000; guard++) {
    const url = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = assertJson(await c('GET', url));
    pages.push(page);
    if (page.next === undefined) return pages;
    assert.equal(typeof page.next, 'string');
    cursor = page.next;
  }
  throw new Error('pagination does not end');
}

test('GET /catalog/frameworks lists iso42001 (110 items) and iso22989 (7 items)', async () => {
  const body = assertJson(await c('GET', '/api/v1/catalog/frameworks'));
  assert.ok(Array.isArray(body.items));
  const byId = Object.fromEntries(body.items.map((f) => [f.id, f]));
  assert.ok(byId.iso42001, 'iso42001 is listed');
  assert.ok(byId.iso22989, 'iso22989 is listed');
  assert.equal(byId.iso42001.item_count, 110);
  assert.equal(byId.iso22989.item_count, 7);
  for (const f of body.items) {
    for (const k of ['id', 'title', 'version', 'source', 'licence']) {
      assert.equal(typeof f[k], 'string', `${f.id}.${k}`);
      assert.ok(f[k].length > 0, `${f.id}.${k} is empty`);
    }
    assert.ok(Array.isArray(f.kinds) && f.kinds.length > 0, `${f.id}.kinds`);
  }
  for (const k of ['clause', 'annex_a_area', 'control', 'ai_objective', 'risk_source'])
    assert.ok(byId.iso42001.kinds.includes(k), `iso42001 kinds include ${k}`);
  assert.deepEqual(byId.iso22989.kinds, ['lifecycle_stage']);
});

test('items filtered by kind: 38 controls and 43 clauses in ISO/IEC 42001', async () => {
  const controls = assertJson(await c('GET', `${ITEMS}?kind=control&limit=500`));
  assert.equal(controls.total, 38);
  assert.equal(controls.items.length, 38);
  assert.equal(controls.next, undefined);
  assert.ok(controls.items.every((i) => i.kind === 'control' && i.framework === 'iso42001'));
  assert.ok(controls.items.every((i) => /^A\.\d+(\.\d+)+$/.test(i.id)), 'control ids look like A.n.n');
  const clauses = assertJson(await c('GET', `${ITEMS}?kind=clause&limit=500`));
  assert.equal(clauses.total, 43);
  assert.equal(clauses.items.length, 43);
  assert.ok(clauses.items.every((i) => i.kind === 'clause'));
  assert.equal(clauses.items.filter((i) => i.leaf).length, 32, 'clauses 4–10 have 32 leaf subclauses');
  const areas = assertJson(await c('GET', `${ITEMS}?kind=annex_a_area`));
  assert.equal(areas.total, 9, 'Annex A has 9 areas');
  const stages = assertJson(await c('GET', '/api/v1/catalog/frameworks/iso22989/items'));
  assert.equal(stages.total, 7);
  assert.ok(stages.items.every((i) => i.kind === 'lifecycle_stage' && i.framework === 'iso22989'));
});

test('every item has the documented fields, in document order', async () => {
  const all = assertJson(await c('GET', `${ITEMS}?limit=500`));
  assert.equal(all.total, 110);
  assert.equal(all.items.length, 110);
  for (const it of all.items) {
    for (const f of ITEM_FIELDS) assert.ok(f in it, `${it.id} lacks ${f}`);
    assert.ok(Array.isArray(it.children) && Array.isArray(it.questions) && Array.isArray(it.evidence));
    assert.ok(it.questions.length <= 4, `${it.id} has more than 4 questions`);
    assert.ok(['M', 'R', 'M+R', '-', null].includes(it.documented_information), `${it.id}.documented_information`);
  }
  const ids = all.items.map((i) => i.id);
  assert.equal(new Set(ids).size, 110, 'ids are unique');
  // Parents come before their children, and children lists agree with parent links.
  const pos = new Map(ids.map((id, i) => [id, i]));
  for (const it of all.items) {
    if (it.parent !== null) {
      assert.ok(pos.has(it.parent), `${it.id}: parent ${it.parent} is not an item`);
      assert.ok(pos.get(it.parent) < pos.get(it.id), `${it.id} comes before its parent`);
      assert.ok(all.items[pos.get(it.parent)].children.includes(it.id), `${it.parent}.children lacks ${it.id}`);
    }
  }
});

test('pagination with limit and cursor covers every item exactly once', async () => {
  const whole = assertJson(await c('GET', `${ITEMS}?limit=500`)).items.map((i) => i.id);
  for (const limit of [1, 7, 50]) {
    const pages = await walk(ITEMS, limit);
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    assert.deepEqual(ids, whole, `limit=${limit}: the pages differ from the whole list`);
    assert.equal(pages.length, Math.ceil(110 / limit));
    for (const p of pages) {
      assert.equal(p.total, 110);
      assert.ok(p.items.length <= limit);
    }
    assert.equal(pages.at(-1).next, undefined, 'next is absent on the last page');
  }
  // Filters and pages combine.
  const pages = await walk(`${ITEMS}?kind=control`, 10);
  assert.deepEqual(pages.map((p) => p.items.length), [10, 10, 10, 8]);
  assert.equal(new Set(pages.flatMap((p) => p.items.map((i) => i.id))).size, 38);
});

test('the default page size is 50', async () => {
  const p = assertJson(await c('GET', ITEMS));
  assert.equal(p.items.length, 50);
  assert.equal(p.total, 110);
  assert.equal(typeof p.next, 'string');
});

test('q searches case-insensitively: "verification" finds A.6.2.4', async () => {
  for (const q of ['verification', 'VERIFICATION', ' Verification ']) {
    const r = assertJson(await c('GET', `${ITEMS}?q=${encodeURIComponent(q)}&limit=500`));
    assert.ok(r.items.some((i) => i.id === 'A.6.2.4'), `q=${q} does not find A.6.2.4`);
    assert.equal(r.total, r.items.length);
  }
  const none = assertJson(await c('GET', `${ITEMS}?q=zzqqxxnothing`));
  assert.equal(none.total, 0);
  assert.deepEqual(none.items, []);
  // Search by id.
  const byId = assertJson(await c('GET', `${ITEMS}?q=A.6.2.4`));
  assert.ok(byId.items.some((i) => i.id === 'A.6.2.4'));
});

test('parent lists the direct children of an item', async () => {
  const r = assertJson(await c('GET', `${ITEMS}?parent=A.6.2&limit=500`));
  assert.ok(r.items.length > 0);
  assert.ok(r.items.every((i) => i.parent === 'A.6.2'));
  assert.ok(r.items.some((i) => i.id === 'A.6.2.4'));
  const parent = assertJson(await c('GET', `${ITEMS}/A.6.2`));
  assert.deepEqual(r.items.map((i) => i.id), parent.children);
});

test('GET item A.6.2.4: "AI system verification and validation", parent A.6.2, 2–4 questions', async () => {
  const it = assertJson(await c('GET', `${ITEMS}/A.6.2.4`));
  assert.equal(it.id, 'A.6.2.4');
  assert.equal(it.framework, 'iso42001');
  assert.equal(it.kind, 'control');
  assert.equal(it.title, 'AI system verification and validation');
  assert.equal(it.parent, 'A.6.2');
  assert.equal(it.leaf, true);
  assert.ok(it.questions.length >= 2 && it.questions.length <= 4, `${it.questions.length} questions`);
  assert.ok(it.questions.every((q) => typeof q === 'string' && q.length > 0));
  assert.equal(typeof it.summary, 'string');
  assert.ok(it.summary.length > 0);
  assert.deepEqual(it.children, []);
  for (const f of ITEM_FIELDS) assert.ok(f in it, `lacks ${f}`);
  // A clause id with dots works too.
  const clause = assertJson(await c('GET', `${ITEMS}/6.1.3`));
  assert.equal(clause.kind, 'clause');
  assert.equal(clause.parent, '6.1');
});

test('an unknown framework or item answers 404 problem', async () => {
  assertProblem(await c('GET', '/api/v1/catalog/frameworks/iso9999/items'), 404);
  assertProblem(await c('GET', '/api/v1/catalog/frameworks/iso9999/items/A.6.2.4'), 404);
  assertProblem(await c('GET', `${ITEMS}/A.99.1`), 404);
  assertProblem(await c('GET', '/api/v1/catalog/frameworks/iso22989/items/A.6.2.4'), 404);
});

test('maturity levels are 0..5 with names and descriptions', async () => {
  const body = assertJson(await c('GET', '/api/v1/catalog/maturity-levels'));
  assert.deepEqual(body.items.map((m) => m.level), [0, 1, 2, 3, 4, 5]);
  for (const m of body.items) {
    assert.equal(typeof m.name, 'string');
    assert.ok(m.name.length > 0);
    assert.equal(typeof m.description, 'string');
    assert.ok(m.description.length > 0);
  }
  const names = body.items.map((m) => m.name.toLowerCase());
  assert.deepEqual(names, ['none', 'initial', 'managed', 'defined', 'measured', 'optimizing']);
});

test('the catalog needs credentials', async () => {
  const anon = client(srv.url);
  assertProblem(await anon('GET', '/api/v1/catalog/frameworks'), 401);
  assertProblem(await anon('GET', '/api/v1/catalog/maturity-levels'), 401);
  assertProblem(await anon('GET', ITEMS), 401);
  assertProblem(await anon('GET', `${ITEMS}/A.6.2.4`), 401);
});

test('bad list parameters answer 400 problem with field errors', async () => {
  let p = assertProblem(await c('GET', `${ITEMS}?kind=bogus`), 400);
  assert.ok(p.errors?.some((e) => e.field === 'kind' && typeof e.message === 'string'), JSON.stringify(p.errors));
  const wrong = [];
  for (const limit of ['0', '501', 'ten', '-1', '1.5']) {
    try {
      p = assertProblem(await c('GET', `${ITEMS}?limit=${limit}`), 400);
      assert.ok(p.errors?.some((e) => e.field === 'limit'), `no error for field limit: ${JSON.stringify(p.errors)}`);
    } catch (e) {
      wrong.push(`GET ${ITEMS}?limit=${limit}: ${e.message.split('\n')[0].replace(/^GET \S+: /, '')}`);
    }
  }
  assert.deepEqual(wrong, []);
  p = assertProblem(await c('GET', `${ITEMS}?cursor=not-a-cursor`), 400);
  assert.ok(p.errors?.some((e) => e.field === 'cursor'), JSON.stringify(p.errors));
  p = assertProblem(await c('GET', `${ITEMS}?q=${'x'.repeat(201)}`), 400);
  assert.ok(p.errors?.some((e) => e.field === 'q'), JSON.stringify(p.errors));
});
