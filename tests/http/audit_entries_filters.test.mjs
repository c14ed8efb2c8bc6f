// The audit entries page as people read it: newest first, filters by record type, actor,
// operation and date that the database applies (pages keep their size), each entry named by its
// actor's name and its record's number and title, bad filters refused by name with nothing
// changed, and the roles that may read the whole log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { ENTRIES } from '../lib/paths.mjs';

const PW = 'audit filters password';

let srv, c, as, risk, sys, adminEmail;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  as = await memberClients(srv, ['viewer', 'contributor', 'auditor'], PW);
  adminEmail = srv.admin.email.toLowerCase();
  risk = assertJson(await c('POST', '/api/v1/risks', { json: { title: 'Drift in scoring', inherent_likelihood: 3, inherent_impact: 2 } }), 201);
  sys = assertJson(await as.contributor('POST', '/api/v1/systems', { json: { name: 'Scoring model', purpose: 'Filters' } }), 201);
  assertJson(await as.contributor('PATCH', `/api/v1/systems/${sys.id}`, { json: { purpose: 'Filters, again' }, headers: { 'If-Match': `"v${sys.version}"` } }));
});

after(async () => {
  await stopServer(srv);
});

/** Every entry of a query, page by page (small pages, so paging is exercised). */
async function all(query = '', who = c) {
  const out = [];
  let cursor;
  for (;;) {
    const page = assertJson(await who('GET', `${ENTRIES}?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`));
    assert.ok(page.items.length <= 2);
    out.push(...page.items);
    if (!page.next) return out;
    assert.equal(page.items.length, 2, 'a page before the last is full');
    cursor = page.next;
  }
}

test('newest first is the oldest-first log reversed, with the same paging', async () => {
  const oldest = await all();
  const newest = await all('&order=newest');
  assert.ok(oldest.length >= 5);
  assert.deepEqual(newest.map((e) => e.seq), oldest.map((e) => e.seq).reverse());
  assert.deepEqual(oldest.map((e) => e.seq), oldest.map((_, i) => i));
  const first = assertJson(await c('GET', `${ENTRIES}?order=newest&limit=1`));
  assert.equal(first.items[0].seq, first.size - 1);
  assert.equal(first.next, String(first.size - 2));
});

test('each filter keeps exactly the entries that match it', async () => {
  const everything = await all();
  const cases = [
    ['record_type=system', (e) => e.record_type === 'system'],
    ['record_type=risk', (e) => e.record_type === 'risk'],
    [`actor=${encodeURIComponent('contributor@acme.test')}`, (e) => e.actor === 'contributor@acme.test'],
    ['operation=update', (e) => e.op === 'update'],
    ['operation=create&record_type=system', (e) => e.op === 'create' && e.record_type === 'system'],
  ];
  for (const [query, keep] of cases) {
    const want = everything.filter(keep);
    assert.ok(want.length > 0, query);
    for (const order of ['', '&order=newest']) {
      const got = await all(`&${query}${order}`);
      const seqs = want.map((e) => e.seq);
      assert.deepEqual(got.map((e) => e.seq), order ? seqs.reverse() : seqs, query + order);
    }
  }
  assert.deepEqual(await all('&record_type=impact_settings'), [], 'a type the log writes, none here');
  assert.deepEqual(await all('&actor=nobody%40acme.test'), []);
});

test('the date range is inclusive by UTC day', async () => {
  const everything = await all();
  const today = everything[everything.length - 1].at.slice(0, 10);
  assert.equal((await all(`&from_date=${today}&to_date=${today}`)).length, everything.filter((e) => e.at.startsWith(today)).length);
  assert.equal((await all(`&from_date=${today}`)).length, everything.filter((e) => e.at.slice(0, 10) >= today).length);
  assert.deepEqual(await all('&to_date=2000-01-01'), []);
  assert.deepEqual(await all('&from_date=2999-12-31'), []);
  assert.equal((await all('&from_date=2000-01-01&to_date=2999-12-31')).length, everything.length);
});

test("entries name people and records: the user's name, the record's number and title", async () => {
  const items = await all();
  const riskCreated = items.find((e) => e.record_type === 'risk' && e.record_id === risk.id);
  assert.equal(riskCreated.record_title, `${risk.id} Drift in scoring`);
  assert.equal(riskCreated.actor, adminEmail);
  const me = assertJson(await c('GET', '/api/v1/me'));
  assert.equal(riskCreated.actor_name, me.user.name || me.user.email);
  assert.notEqual(riskCreated.actor_name, riskCreated.actor);
  for (const e of items.filter((x) => x.record_type === 'system' && x.record_id === sys.id))
    assert.equal(e.record_title, 'Scoring model');
  const org = items.find((e) => e.record_type === 'organization');
  assert.equal(org.actor_name, org.actor);  // "system" is nobody's account
  assert.equal(org.record_title, org.record_id);  // no title kept for it: named by its id
});

test('bad filters are 400 problems naming each one, and change nothing', async () => {
  const before = assertJson(await c('GET', '/api/v1/audit/checkpoint')).size;
  for (const [query, fields] of [
    ['order=sideways', ['order']],
    ['record_type=Risk', ['record_type']],
    ['record_type=risk%3B', ['record_type']],
    ['record_type=no_such_type', ['record_type']],
    ['operation=DROP', ['operation']],
    ['from_date=2026-13-01', ['from_date']],
    ['to_date=yesterday', ['to_date']],
    ['from_date=2026-05-02&to_date=2026-05-01', ['to_date']],
    ['actor=', ['actor']],
    ['order=up&operation=x1&limit=0', ['order', 'operation', 'limit']],
  ]) {
    const p = assertProblem(await c('GET', `${ENTRIES}?${query}`), 400);
    assert.deepEqual(p.errors.map((e) => e.field).sort(), [...fields].sort(), query);
    for (const f of fields) assert.match(p.detail, new RegExp(f), query);
  }
  assert.equal(assertJson(await c('GET', '/api/v1/audit/checkpoint')).size, before);
});

test('only auditors, managers and admins list entries, filtered or not', async () => {
  for (const who of ['viewer', 'contributor']) assertProblem(await as[who]('GET', `${ENTRIES}?order=newest&record_type=risk`), 403);
  const page = assertJson(await as.auditor('GET', `${ENTRIES}?order=newest&record_type=system`));
  assert.ok(page.items.length > 0 && page.items.every((e) => e.record_type === 'system'));
});
