// The evidence list on the record mechanism (docs/records.md): every filter and every sort in both
// directions gives what the whole list says it should, pages neither repeat nor skip, bad filter
// values are a 400 naming them and change nothing, and evidence whose list facets are missing
// (rows stored before them) is listed the same after a restart. What every kind keeps (unknown
// parameters, a cursor of another sort, …) is in record_contract.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startServer } from '../lib/server.mjs';
import { assertProblem, assertJson, stopServer } from '../lib/http.mjs';
import { adminClient, sqlite, day } from '../lib/fixture.mjs';
import { EV } from '../lib/paths.mjs';

let srv, c, dataDir, system;

const sql = (q) => sqlite(dataDir, q);

async function start() {
  srv = await startServer(dataDir ? { dataDir, keepData: true } : { keepData: true });
  dataDir = srv.dataDir;
  c = await adminClient(srv);
}

async function upload(name, bytes, query = {}) {
  const qs = new URLSearchParams({ filename: name });
  for (const [k, v] of Object.entries(query)) for (const x of [].concat(v)) qs.append(k, x);
  return assertJson(await c('POST', `${EV}?${qs}`, { body: Buffer.from(bytes), headers: { 'content-type': 'application/octet-stream' } }), 201);
}

before(async () => {
  await start();
  system = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Evidence list system', purpose: 'Has evidence' } }), 201);
  const specs = [
    ['bravo.txt', { title: 'Bravo policy', owner: 'Ann', classification: 'internal', expires_on: day(-3) }],
    ['alpha.txt', { title: 'alpha log', owner: 'bob', classification: 'public', expires_on: day(10), effective_date: day(-30) }],
    ['charlie.txt', { title: 'Charlie test report', owner: 'ann', classification: 'restricted', link: `system:${system.id}` }],
    ['delta.txt', { title: 'Delta', classification: 'confidential', expires_on: day(200), effective_date: day(-1) }],
    ['echo.txt', { title: 'echo minutes', owner: 'Bob', classification: 'internal', expires_on: day(0), link: `system:${system.id}` }],
    ['foxtrot.txt', { title: 'Foxtrot', owner: 'Cy', classification: 'internal', effective_date: day(-400) }],
    ['golf.txt', { title: 'Golf gone', owner: 'Cy', classification: 'public', expires_on: day(-1) }],
  ];
  for (const [i, [name, q]] of specs.entries()) await upload(name, `${name} ${'x'.repeat(i * 7 % 5)}`, q);
  const golf = assertJson(await c('GET', `${EV}?q=golf`)).items[0];
  const r = await c('DELETE', `${EV}/${golf.id}`, { headers: { 'if-match': `"v${golf.version}"` } });
  assert.equal(r.status, 204, r.text);
});

after(async () => {
  await stopServer(srv);
  rmSync(dataDir, { recursive: true, force: true });
});

const page = async (q) => assertJson(await c('GET', `${EV}?${q}`));

async function paged(q, limit = 2) {
  const items = [];
  let next, total;
  do {
    const p = await page(`${q ? `${q}&` : ''}limit=${limit}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
    items.push(...p.items);
    ({ next, total } = p);
  } while (next);
  assert.equal(new Set(items.map((e) => e.id)).size, items.length, `${q}: pages repeat an item`);
  assert.equal(total, items.length, `${q}: total`);
  return items;
}

const within = (e, n) => e.expires_on && e.expires_on >= day(0) && e.expires_on <= day(n);

async function checkFilters() {
  const everything = (await page('deleted=all&limit=500')).items;
  assert.equal(everything.length, 7);
  const live = everything.filter((e) => !e.deleted);
  const cases = {
    '': live,
    'deleted=true': everything.filter((e) => e.deleted),
    'deleted=all': everything,
    'owner=ANN': live.filter((e) => e.owner.toLowerCase() === 'ann'),
    'owner=': live.filter((e) => e.owner === ''),
    'classification=internal': live.filter((e) => e.classification === 'internal'),
    [`linked_to=${encodeURIComponent(`system:${system.id}`)}`]: live.filter((e) => e.link_count > 0),
    'expired=true': live.filter((e) => e.freshness === 'expired'),
    'expired=true&deleted=all': everything.filter((e) => e.freshness === 'expired'),
    'expired=false': live.filter((e) => e.freshness !== 'expired'),
    'expiring_within=30': live.filter((e) => within(e, 30)),
    'expiring_within=0&classification=internal': live.filter((e) => within(e, 0) && e.classification === 'internal'),
    'q=REPORT': live.filter((e) => /report/i.test(e.title)),
  };
  for (const [q, want] of Object.entries(cases)) {
    const got = await paged(q);
    assert.deepEqual(got.map((e) => e.id).sort(), want.map((e) => e.id).sort(), `filter ${q}`);
    assert.ok(want.length > 0 || q === 'expiring_within=0&classification=internal', `filter ${q} selects something`);
  }
}

const sortValue = {
  uploaded_at: (e) => e.uploaded_at,
  title: (e) => e.title.toLowerCase(),
  owner: (e) => e.owner.toLowerCase(),
  number: (e) => String(Number(e.number.slice(3))).padStart(20, '0'),
  size: (e) => String(e.size).padStart(20, '0'),
  expires_on: (e) => e.expires_on ?? '~',
  effective_date: (e) => e.effective_date ?? '~',
};

async function checkSorts() {
  for (const sort of Object.keys(sortValue)) {
    for (const desc of [false, true]) {
      const s = `${desc ? '-' : ''}${sort}`;
      const whole = (await page(`sort=${s}&deleted=all&limit=500`)).items;
      const cmp = (x, y) => {
        const a = [sortValue[sort](x), x.id], b = [sortValue[sort](y), y.id];
        return a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
      };
      const want = [...whole].sort((x, y) => (desc ? -cmp(x, y) : cmp(x, y)));
      assert.deepEqual(whole.map((e) => e.id), want.map((e) => e.id), `sort=${s}`);
      assert.deepEqual((await paged(`sort=${s}&deleted=all`)).map((e) => e.id), whole.map((e) => e.id), `sort=${s}, paged`);
      assert.deepEqual((await paged(`sort=${s}&deleted=all&expired=false`)).map((e) => e.id),
        whole.filter((e) => e.freshness !== 'expired').map((e) => e.id), `sort=${s}, in memory`);
    }
  }
  assert.deepEqual((await page('limit=500')).items.map((e) => e.id), (await page('sort=-uploaded_at&limit=500')).items.map((e) => e.id),
    'newest first by default');
}

test('every filter and sort, both directions, and paging without gaps or repeats', async () => {
  await checkFilters();
  await checkSorts();
});

test('bad values of the evidence filters are a 400 naming each of them', async () => {
  const before = await page('deleted=all&limit=500');
  const p = assertProblem(await c('GET', `${EV}?deleted=maybe&expired=1&limit=501`), 400);
  assert.deepEqual(p.errors.map((e) => e.field).sort(), ['deleted', 'expired', 'limit']);
  assert.deepEqual(await page('deleted=all&limit=500'), before, 'nothing changed');
});

test('evidence stored without list facets is listed the same after a restart', async () => {
  const queries = ['limit=500', 'deleted=all&sort=title&limit=500', 'owner=cy&deleted=all', 'expired=true', 'sort=-size&limit=3'];
  const strip = (p) => ({ ...p, items: p.items.map((e) => ({ ...e, freshness: undefined })) });
  const before = [];
  for (const q of queries) before.push(strip(await page(q)));
  await stopServer(srv);
  sql(`UPDATE records SET facet0 = '', facet1 = '', facet2 = '', facet3 = '', facet4 = '', facet5 = '', facet6 = '',
       facet7 = '', facet_search = '', facet_number = 0, facet_rev = 0 WHERE kind = 'evidence'`);
  await start();
  for (const [i, q] of queries.entries()) assert.deepEqual(strip(await page(q)), before[i], q);
  assert.equal(sql("SELECT COUNT(*) FROM records WHERE kind = 'evidence' AND facet_rev = 0").trim(), '0');
  await checkFilters();
});
