// AI objectives and impact assessments on the generic record mechanism, in an organization of
// their own: every list filter and sort, both directions, keyset paging without gaps or repeats
// (in the store and, for the parameters that depend on today's date, readings, thresholds or the
// AI system, in memory), history is 404 before a bad cursor, and stored rows whose list facets are
// missing get them back at start-up. What every kind keeps is in record_contract.test.mjs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, setSegregation } from '../lib/http.mjs';
import { SYS, IA, OBJ } from '../lib/paths.mjs';

let dataDir;
after(() => { if (dataDir) rmSync(dataDir, { recursive: true, force: true }); });

function sql(dir, q) {
  const r = spawnSync('sqlite3', [join(dir, 'aims.db'), q], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** A UTC calendar date `days` from today, as YYYY-MM-DD. */
function day(days) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every item of a list, read by pages of two; each page has the same total. */
async function paged(c, path, query) {
  const items = [];
  let cursor, total;
  do {
    const page = assertJson(await c('GET', `${path}?${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    if (total === undefined) total = page.total;
    assert.equal(page.total, total, `${query}: the total changes between pages`);
    assert.ok(page.items.length <= 2);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  assert.equal(items.length, total, `${query}: every item once`);
  return items;
}

/** Each sort both ways: the whole list in one page equals the list read by pages of two, and the
 * descending order is the ascending one reversed (ties keep a total order). */
async function checkSorts(c, path, sorts, filter = '') {
  const orders = {};
  for (const sort of sorts) {
    const up = assertJson(await c('GET', `${path}?sort=${sort}&limit=500${filter}`)).items.map((i) => i.id);
    const down = assertJson(await c('GET', `${path}?sort=-${sort}&limit=500${filter}`)).items.map((i) => i.id);
    assert.deepEqual(down, [...up].reverse(), `sort ${sort}: descending is ascending reversed`);
    assert.deepEqual((await paged(c, path, `sort=${sort}${filter}`)).map((i) => i.id), up, `paging sort=${sort}`);
    assert.deepEqual((await paged(c, path, `sort=-${sort}${filter}`)).map((i) => i.id), down, `paging sort=-${sort}`);
    orders[sort] = up;
  }
  return orders;
}

const byKeyThenId = (key) => (x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

test('objectives and impact assessments: filters, sorts, paging, history 404 before a bad cursor, facets derived again at start-up', async () => {
  let srv = await startServer({ keepData: true });
  dataDir = srv.dataDir;
  let c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  await setSegregation(c, { impact_approval: false });
  const credit = assertJson(await c('POST', SYS, { json: { name: 'Credit scoring', purpose: 'Scores loans' } }), 201);
  const chat = assertJson(await c('POST', SYS, { json: { name: 'Chatbot', purpose: 'Answers questions', organization_role: 'deployer' } }), 201);

  // ---- objectives ----
  const obj = {};
  const spec = {
    A: { title: 'echo', owner: 'Bob', due_date: day(30), system_id: credit.id, annex_c_objective: 'C.2.5' },
    B: { title: 'Delta', owner: 'amy', due_date: day(10), annex_c_objective: 'C.2.8' },
    C: { title: 'charlie', owner: 'Bob', due_date: day(20), status: 'achieved', system_id: credit.id, annex_c_objective: 'C.2.5' },
    D: { title: 'bravo', owner: 'Cy', due_date: day(10), status: 'retired', annex_c_objective: 'C.2.5' },
    E: { title: 'alpha', owner: 'AMY', due_date: day(40), annex_c_objective: 'C.2.5' },
  };
  for (const [k, over] of Object.entries(spec))
    obj[k] = assertJson(await c('POST', OBJ, { json: { measure: 'Ratio', target_value: 0.9, warning_threshold: 0.8, ...over } }), 201);
  assertJson(await c('POST', `${OBJ}/${obj.A.id}/readings`, { json: { value: 0.99 } }), 201);
  assertJson(await c('POST', `${OBJ}/${obj.B.id}/readings`, { json: { value: 0.1 } }), 201);
  const etag = (await c('GET', `${OBJ}/${obj.C.id}`)).headers.get('etag');
  assertJson(await c('PATCH', `${OBJ}/${obj.C.id}`, { json: { description: 'Changed last' }, headers: { 'if-match': etag } }));
  const ids = (...ks) => ks.map((k) => obj[k].id);
  const listed = async (q) => assertJson(await c('GET', `${OBJ}?limit=500&${q}`)).items.map((o) => o.id);
  const all = assertJson(await c('GET', `${OBJ}?limit=500`));
  assert.equal(all.total, 5);
  const served = Object.fromEntries(all.items.map((o) => [o.id, o]));

  const o = await checkSorts(c, OBJ, ['key', 'title', 'due_date', 'status', 'derived_status', 'owner', 'updated_at', 'created_at']);
  assert.deepEqual(o.key, ids('A', 'B', 'C', 'D', 'E'));
  assert.deepEqual(o.title, ids('E', 'D', 'C', 'B', 'A'));
  assert.deepEqual(o.due_date, ids('B', 'D', 'C', 'A', 'E'), 'equal due dates in the order of keys');
  assert.deepEqual(o.status, ids('A', 'B', 'E', 'C', 'D'));
  assert.deepEqual(o.owner, ids('B', 'E', 'A', 'C', 'D'));
  const rank = ['off_track', 'at_risk', 'no_data', 'on_track'];
  const number = (id) => served[id].number;
  assert.deepEqual(o.derived_status, [...o.key].sort((x, y) =>
    rank.indexOf(served[x].derived.status) - rank.indexOf(served[y].derived.status) || number(x) - number(y)), 'worst first, then by key');
  assert.equal(served[obj.B.id].derived.status, 'off_track');
  assert.deepEqual(o.updated_at, all.items.slice().sort(byKeyThenId((i) => i.updated_at)).map((i) => i.id));
  assert.equal(o.updated_at.at(-1), obj.C.id);
  assert.deepEqual(o.created_at, all.items.slice().sort(byKeyThenId((i) => i.created_at)).map((i) => i.id));

  assert.deepEqual(await listed(`system_id=${credit.id}`), ids('A', 'C'));
  assert.deepEqual(await listed('system_id=none'), ids('B', 'D', 'E'));
  assert.deepEqual(await listed('system_id=%20'), ids('A', 'B', 'C', 'D', 'E'), 'a blank system filters nothing');
  assert.deepEqual(await listed('status=active'), ids('A', 'B', 'E'));
  assert.deepEqual(await listed('owner=%20AMY'), ids('B', 'E'));
  assert.deepEqual(await listed('annex_c_objective=C.2.8'), ids('B'));
  assert.deepEqual(await listed('derived_status=off_track'), ids('B'));
  assert.deepEqual(await listed('overdue=false'), o.key.filter((id) => !served[id].derived.reading_overdue));
  assert.deepEqual(await listed('overdue=true'), o.key.filter((id) => served[id].derived.reading_overdue));
  assert.deepEqual(await listed('q=CHARL'), ids('C'));
  assert.deepEqual(await listed('q=credit%20scor'), ids('A', 'C'), 'the text search covers the AI system name');
  assert.deepEqual(await listed('q=credit%20scor&sort=-title'), ids('A', 'C'));
  // A memory filter with a SQL sort pages the same way.
  await checkSorts(c, OBJ, ['title', 'key'], '&overdue=false');
  await checkSorts(c, OBJ, ['owner'], '&q=credit');

  assertProblem(await c('GET', `${OBJ}/obj_none/history?cursor=x`), 404);

  // ---- impact assessments ----
  const harm = (severity, likelihood) => ({
    category: 'individual', type: 'harm', affected_party: 'Applicants', description: `Harm ${severity}x${likelihood}`, severity, likelihood,
  });
  const complete = { scope: 'Loans', deployment_context: 'Branch', purpose: 'Scoring', intended_uses: 'Decision support' };
  const ia = {};
  ia.A = assertJson(await c('POST', IA, { json: { system_id: credit.id, title: 'Zulu', impacts: [harm(1, 1)] } }), 201);
  ia.B = assertJson(await c('POST', IA, { json: { system_id: chat.id, title: 'yankee', impacts: [harm(4, 4)], next_review_date: day(300) } }), 201);
  ia.C = assertJson(await c('POST', IA, { json: { system_id: credit.id, title: 'X-ray', impacts: [harm(2, 3)], next_review_date: day(200), ...complete } }), 201);
  ia.D = assertJson(await c('POST', IA, { json: { system_id: chat.id, title: 'whiskey', next_review_date: day(200), ...complete, impacts: [harm(1, 2)] } }), 201);
  assertJson(await c('POST', `${IA}/${ia.C.id}/submit`));
  assertJson(await c('POST', `${IA}/${ia.D.id}/submit`));
  assertJson(await c('POST', `${IA}/${ia.D.id}/approve`, { json: {} }), 201);
  const iaIds = (...ks) => ks.map((k) => ia[k].id);
  const iaListed = async (q) => assertJson(await c('GET', `${IA}?limit=500${q ? `&${q}` : ''}`)).items.map((i) => i.id);
  const iaAll = assertJson(await c('GET', `${IA}?limit=500&sort=ref`));
  const iaServed = Object.fromEntries(iaAll.items.map((i) => [i.id, i]));
  assert.deepEqual(iaAll.items.map((i) => i.status), ['draft', 'draft', 'in_review', 'approved']);

  const s = await checkSorts(c, IA, ['updated_at', 'created_at', 'title', 'ref', 'status', 'outcome', 'next_review_date']);
  assert.deepEqual(s.ref, iaIds('A', 'B', 'C', 'D'));
  assert.deepEqual(s.title, iaIds('D', 'C', 'B', 'A'));
  assert.deepEqual(s.status, [...iaIds('A', 'B').sort(), ia.C.id, ia.D.id], 'drafts, in review, approved; ties by id');
  assert.deepEqual(s.next_review_date, [ia.A.id, ...[ia.C.id, ia.D.id].sort(), ia.B.id], 'none first; equal dates by id');
  const level = ['normal', 'sensitive', 'restricted'];
  assert.deepEqual(s.outcome, iaAll.items.slice().sort(byKeyThenId((i) => level.indexOf(i.outcome))).map((i) => i.id));
  assert.deepEqual(s.updated_at, iaAll.items.slice().sort(byKeyThenId((i) => i.updated_at)).map((i) => i.id));
  assert.deepEqual(s.created_at, iaAll.items.slice().sort(byKeyThenId((i) => i.created_at)).map((i) => i.id));
  assert.deepEqual(await iaListed(''), [...s.updated_at].reverse(), 'the newest change first by default');

  assert.deepEqual(await iaListed(`system_id=${chat.id}&sort=ref`), iaIds('B', 'D'));
  assert.deepEqual(await iaListed('system_id=sys_unknown'), []);
  assert.deepEqual(await iaListed('status=draft&sort=ref'), iaIds('A', 'B'));
  assert.deepEqual(await iaListed('status=approved'), iaIds('D'));
  for (const l of level)
    assert.deepEqual(await iaListed(`outcome=${l}&sort=ref`), s.ref.filter((id) => iaServed[id].outcome === l), `outcome=${l}`);
  assert.ok(level.filter((l) => s.ref.some((id) => iaServed[id].outcome === l)).length >= 2, 'more than one outcome to filter');
  for (const d of [true, false])
    assert.deepEqual(await iaListed(`reassessment_due=${d}&sort=ref`), s.ref.filter((id) => iaServed[id].reassessment_due.due === d));
  assert.deepEqual(await iaListed('q=X-RAY'), iaIds('C'));
  assert.deepEqual(await iaListed(`q=${ia.B.ref.toLowerCase()}`), iaIds('B'));
  assert.deepEqual(await iaListed('q=chatb&sort=ref'), iaIds('B', 'D'), 'the text search covers the AI system name');
  await checkSorts(c, IA, ['title', 'ref'], '&outcome=normal');

  // ---- facets taken away (rows stored before them had none) and one document broken ----
  const objBefore = {};
  for (const q of ['sort=title', 'sort=-owner', 'status=active', 'system_id=none', 'annex_c_objective=C.2.8', 'q=charl', 'sort=due_date'])
    objBefore[q] = await listed(q);
  const iaBefore = {};
  for (const q of ['sort=title', 'sort=-status', 'status=draft', 'sort=next_review_date', 'q=x-ray'])
    iaBefore[q] = await iaListed(q);
  await stopServer(srv);
  const wipe = "facet0 = '', facet1 = '', facet2 = '', facet3 = '', facet4 = '', facet5 = '', facet6 = '', facet7 = '', facet_search = '', facet_rev = 0";
  sql(dataDir, `UPDATE records SET ${wipe} WHERE kind IN ('objective', 'impact_assessment')`);
  sql(dataDir, `UPDATE records SET doc = '{"title":' WHERE kind = 'objective' AND id = '${obj.E.id}'`);
  srv = await startServer({ dataDir, keepData: true });
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  const without = (ids) => ids.filter((id) => id !== obj.E.id);
  for (const [q, want] of Object.entries(objBefore)) assert.deepEqual(without(await listed(q)), without(want), `objectives ${q}`);
  const again = assertJson(await c('GET', `${OBJ}?limit=500`));
  assert.equal(again.total, 5);
  assert.ok(again.items.some((i) => i.id === obj.E.id && i.error), 'the unreadable objective is an error row');
  for (const [q, want] of Object.entries(iaBefore)) assert.deepEqual(await iaListed(q), want, `impact assessments ${q}`);
  const rev = sql(dataDir, "SELECT COUNT(*) FROM records WHERE kind IN ('objective', 'impact_assessment') AND facet_rev = 0").trim();
  assert.equal(rev, '0', 'every objective and impact assessment has its facets again');
  await stopServer(srv);
});
