// The obligations register on the record mechanism (docs/records.md): every filter and every sort
// in both directions gives what the whole register says it should, pages neither repeat nor skip,
// a bad role and a text search (which it has not) are a 400 naming them and change nothing, and
// obligations whose list facets are missing (rows stored before them) are listed the same after a
// restart. What every kind keeps is in record_contract.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { startServer } from '../lib/server.mjs';
import { assertProblem, assertJson, stopServer } from '../lib/http.mjs';
import { adminClient, sqlite } from '../lib/fixture.mjs';
import { complete as completeIn, answersFor, PRESETS } from '../lib/euact.mjs';
import { SYS, OBL } from '../lib/paths.mjs';

const TODAY = new Date().toISOString().slice(0, 10);
const STATUSES = ['not_started', 'in_progress', 'met', 'not_applicable'];

let srv, c, dataDir, questionnaire;
const sys = {};

const sql = (q) => sqlite(dataDir, q);

async function start() {
  srv = await startServer(dataDir ? { dataDir, keepData: true } : { keepData: true });
  dataDir = srv.dataDir;
  c = await adminClient(srv);
}

async function classify(id, given, ifMatch) {
  const r = await c('PUT', `${SYS}/${id}/classification`, { json: { answers: completeIn(questionnaire, given) },
    headers: ifMatch ? { 'if-match': ifMatch } : {} });
  assert.ok([200, 201].includes(r.status), `${r.status} ${r.text}`);
}

const page = async (q) => assertJson(await c('GET', `${OBL}?${q}`));
const key = (o) => `${o.system_id}/${o.obligation_id}`;

/** Every page of a query with `limit`, following `next`; checks that no item repeats. */
async function paged(q, limit = 3) {
  const items = [];
  let next, total;
  do {
    const p = await page(`${q ? `${q}&` : ''}limit=${limit}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
    assert.ok(p.items.length <= limit);
    items.push(...p.items);
    ({ next, total } = p);
  } while (next);
  assert.equal(new Set(items.map(key)).size, items.length, `${q}: pages repeat an item`);
  assert.equal(total, items.length, `${q}: total`);
  return items;
}

before(async () => {
  await start();
  questionnaire = assertJson(await c('GET', '/api/v1/eu-ai-act/questionnaire'));
  const make = async (name) => assertJson(await c('POST', SYS, { json: { name, purpose: 'Obligations list tests', owner: 'Ann' } }), 201);
  sys.gp = await make('delta GPAI model');
  await classify(sys.gp.id, { roles: ['provider'], 'gpai-model': true });
  sys.hr = await make('Alpha HR tool');
  await classify(sys.hr.id, { ...PRESETS.hr, roles: ['deployer'] });
  sys.bot = await make('charlie chatbot');
  await classify(sys.bot.id, PRESETS.chatbot);
  sys.credit = await make('Bravo credit');
  await classify(sys.credit.id, PRESETS.credit);
  // A re-classification retires what no longer applies; some statuses move on.
  sys.moved = await make('Echo moved');
  await classify(sys.moved.id, PRESETS.credit);
  await classify(sys.moved.id, answersFor('transparency'), '"v1"');
  const all = await page('limit=500');
  for (const [i, o] of all.items.entries()) {
    if (i % 3 === 0) continue;
    const body = i % 3 === 1 ? { status: 'met' } : { status: 'in_progress', owner: 'Bob' };
    assertJson(await c('PATCH', `${OBL}/${o.system_id}/${o.obligation_id}`, { json: body, headers: { 'if-match': `"v${o.version}"` } }));
  }
  // The credit system's stored classification now means something else: it needs a re-check.
  sql(`UPDATE records SET doc = json_set(doc, '$.result.class', 'minimal') WHERE kind = 'classification' AND id = '${sys.credit.id}'`);
});

after(async () => {
  await stopServer(srv);
  rmSync(dataDir, { recursive: true, force: true });
});

/** The article match of the register: an id, an article, or an article's prefix before "(". */
function articleMatches(want, o) {
  const w = want.toLowerCase(), a = (o.article ?? '').toLowerCase();
  return w === o.obligation_id.toLowerCase() || w === a || (a.startsWith(w) && a[w.length] === '(');
}

async function checkFilters() {
  const everything = (await page('retired=all&limit=500')).items;
  assert.ok(everything.length > 20, `${everything.length} obligations`);
  assert.ok(everything.some((o) => o.retired) && everything.some((o) => o.recheck_needed));
  const current = everything.filter((o) => !o.retired);
  const cases = {
    '': current,
    'retired=true': everything.filter((o) => o.retired),
    'retired=all': everything,
    'retired=false': current,
    [`system=${sys.hr.id}`]: current.filter((o) => o.system_id === sys.hr.id),
    'status=met': current.filter((o) => o.status === 'met'),
    'status=in_progress&retired=all': everything.filter((o) => o.status === 'in_progress'),
    'article=Art.%2050': current.filter((o) => articleMatches('Art. 50', o)),
    'article=ART26': current.filter((o) => articleMatches('art26', o)),
    'role=deployer': current.filter((o) => o.roles.includes('deployer')),
    'role=provider&status=not_started': current.filter((o) => o.roles.includes('provider') && o.status === 'not_started'),
    'applies_from=2027-12-02': current.filter((o) => o.applies_from === '2027-12-02'),
    'due_before=2026-12-02': current.filter((o) => o.due < '2026-12-02'),
    'overdue=true': current.filter((o) => o.overdue),
    'overdue=true&due_before=2025-09-01': current.filter((o) => o.overdue && o.due < '2025-09-01'),
    'recheck=true': current.filter((o) => o.recheck_needed),
    'recheck=false': current.filter((o) => !o.recheck_needed),
    'system_class=high_risk': current.filter((o) => o.system_class === 'high_risk'),
    'system_class=transparency&retired=true': everything.filter((o) => o.retired && o.system_class === 'transparency'),
  };
  for (const [q, want] of Object.entries(cases)) {
    const got = await paged(q);
    assert.deepEqual(got.map(key).sort(), want.map(key).sort(), `filter ${q}`);
  }
  assert.ok(cases['recheck=true'].length > 0 && cases['overdue=true'].length > 0 && cases['status=met'].length > 0);
}

const sortValue = {
  applies_from: (o) => o.applies_from,
  due: (o) => o.due,
  system: (o) => o.system_name.toLowerCase(),
  status: (o) => String(STATUSES.indexOf(o.status)),
};

async function checkSorts() {
  const byArticle = (await page('sort=article&retired=all&limit=500')).items;
  const articleRank = new Map();
  for (const o of byArticle) if (!articleRank.has(o.obligation_id)) articleRank.set(o.obligation_id, articleRank.size);
  sortValue.article = (o) => String(articleRank.get(o.obligation_id)).padStart(6, '0');
  for (const sort of ['applies_from', 'due', 'system', 'article', 'status']) {
    for (const desc of [false, true]) {
      const s = `${desc ? '-' : ''}${sort}`;
      const whole = (await page(`sort=${s}&retired=all&limit=500`)).items;
      // By the value, then the system, then the article order (the reverse when descending).
      const tuple = (o) => [sortValue[sort](o), o.system_id, sortValue.article(o)];
      const cmp = (x, y) => { for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1; return 0; };
      const want = [...whole].sort((x, y) => (desc ? -1 : 1) * cmp(tuple(x), tuple(y)));
      assert.deepEqual(whole.map(key), want.map(key), `sort=${s}`);
      assert.deepEqual((await paged(`sort=${s}&retired=all`, 4)).map(key), whole.map(key), `sort=${s}, paged`);
    }
  }
  // The default order is by application date.
  assert.deepEqual((await page('limit=500')).items.map(key), (await page('sort=applies_from&limit=500')).items.map(key));
}

test('every filter and sort, both directions, and paging without gaps or repeats', async () => {
  await checkFilters();
  await checkSorts();
});

test('the register has no text search, and a bad role is a 400; each is named', async () => {
  const before = await page('limit=500&retired=all');
  const p = assertProblem(await c('GET', `${OBL}?q=art&role=boss&limit=0`), 400);
  assert.deepEqual(p.errors.map((e) => e.field).sort(), ['limit', 'q', 'role']);
  assert.deepEqual(await page('limit=500&retired=all'), before, 'nothing changed');
});

test('obligations stored without list facets are listed the same after a restart', async () => {
  const queries = ['limit=500', 'retired=all&sort=-status&limit=500', 'role=provider&limit=500', 'overdue=true&limit=500',
    `system=${sys.hr.id}&sort=article&limit=500`, 'retired=true&limit=500'];
  const before = [];
  for (const q of queries) before.push(await page(q));
  await stopServer(srv);
  sql(`UPDATE records SET facet0 = '', facet1 = '', facet2 = '', facet3 = '', facet4 = '', facet5 = '', facet6 = '',
       facet7 = '', facet_search = '', facet_rev = 0 WHERE kind = 'obligation'`);
  await start();
  for (const [i, q] of queries.entries()) assert.deepEqual(await page(q), before[i], q);
  assert.equal(sql("SELECT COUNT(*) FROM records WHERE kind = 'obligation' AND facet_rev = 0").trim(), '0');
  await checkFilters();
});
