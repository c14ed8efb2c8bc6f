// The generic record mechanism seen through the risk register: an unknown list parameter is a 400
// naming it and changes nothing; history answers 404 for a record that is not the organization's
// before it checks its parameters; stored risks whose list facets are missing (rows written before
// the facets existed, or by older rules) get them back at start-up, while a risk whose document
// cannot be read neither stops the start nor breaks the list.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer } from '../lib/http.mjs';
import { RISKS } from '../lib/paths.mjs';

let dataDir;
let srv;
after(async () => {
  await srv?.kill();  // left running only when a step failed
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function sql(dir, q) {
  const r = spawnSync('sqlite3', [join(dir, 'aims.db'), q], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('list parameters are checked by name, history is 404 before 400, and facets are derived again at start-up', async () => {
  srv = await startServer({ keepData: true });
  dataDir = srv.dataDir;
  let c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  const made = [];
  for (const [title, status, owner] of [['Bravo', 'open', 'Zed'], ['alpha', 'closed', 'Amy'], ['Charlie', 'treating', 'amy']])
    made.push(assertJson(await c('POST', RISKS, { json: { title, status, owner, inherent_likelihood: 2, inherent_impact: 2, treatment: 'modify' } }), 201));
  const before = assertJson(await c('GET', `${RISKS}?limit=500`));

  const p = assertProblem(await c('GET', `${RISKS}?statsu=open&sort=title`), 400);
  assert.deepEqual(p.errors.map((e) => e.field), ['statsu']);
  assert.deepEqual(assertJson(await c('GET', `${RISKS}?limit=500`)), before, 'nothing changed');
  // Empty segments are no parameters (a trailing or doubled `&`); an empty name with a value is one.
  assert.deepEqual(assertJson(await c('GET', `${RISKS}?&limit=500&&`)), before);
  const unnamed = assertProblem(await c('GET', `${RISKS}?=x`), 400);
  assert.equal(unnamed.errors.length, 1, JSON.stringify(unnamed));

  assertProblem(await c('GET', `${RISKS}/R-999/history?limit=0`), 404);
  assertProblem(await c('GET', `${RISKS}/R-999/history?cursor=x`), 404);
  assertProblem(await c('GET', `${RISKS}/${made[0].id}/history?limit=0`), 400);

  const titles = async (q) => assertJson(await c('GET', `${RISKS}?${q}`)).items.map((r) => r.title);
  const expected = {
    'sort=title': ['alpha', 'Bravo', 'Charlie'],
    'sort=-owner': ['Bravo', 'Charlie', 'alpha'],
    'owner=AMY': ['alpha', 'Charlie'],
    'status=open': ['Bravo'],
    'q=charl': ['Charlie'],
  };
  for (const [q, want] of Object.entries(expected)) assert.deepEqual(await titles(q), want, q);

  // Take the facets away (as rows stored before them had none) and break one document.
  await stopServer(srv);
  sql(dataDir, "UPDATE records SET facet0 = '', facet1 = '', facet2 = '', facet3 = '', facet_search = '', facet_rev = 0 WHERE kind = 'risk'");
  sql(dataDir, `UPDATE records SET doc = '{"title":' WHERE kind = 'risk' AND id = '${made[2].id}'`);
  srv = await startServer({ dataDir, keepData: true });
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  assert.deepEqual(await titles('sort=title&status=open'), ['Bravo']);
  assert.deepEqual(await titles('owner=amy'), ['alpha']);
  const all = assertJson(await c('GET', `${RISKS}?sort=title`));
  assert.equal(all.total, 3);
  assert.deepEqual(all.items.filter((r) => !r.error).map((r) => r.title), ['alpha', 'Bravo']);
  assert.ok(all.items.some((r) => r.id === made[2].id && r.error), 'the unreadable risk is an error row');
  const rev = sql(dataDir, "SELECT COUNT(*) FROM records WHERE kind = 'risk' AND facet_rev = 0").trim();
  assert.equal(rev, '0', 'every risk has its facets again');
  await stopServer(srv);
});
