// Strict tenant isolation (SPEC §11) and authentication on every route. The routes come from the
// OpenAPI document the server serves, so a new route is covered without touching this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer } from '../lib/http.mjs';
import { SYS } from '../lib/paths.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const OPEN = ['getHealth', 'getOpenApi', 'login', 'getInvitation', 'acceptInvitation', 'getPasswordReset', 'completePasswordReset'];
const PW_B = 'other organization password';
const PW_BOTH = 'member of both organizations';

let srv, doc, ops;
let adminA, adminB, tokenA, tokenB, both;
let orgA, orgB; // organization ids
let a1, aArchived, b1, bSameName; // systems

before(async () => {
  srv = await startServer();
  adminA = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  orgA = assertJson(await adminA('GET', '/api/v1/me')).organization.id;
  a1 = assertJson(await adminA('POST', SYS, { json: { name: 'Alpha secret system', purpose: 'Only Acme may see this', owner: 'Acme owner' } }), 201);
  aArchived = assertJson(await adminA('POST', SYS, { json: { name: 'Alpha archived system', purpose: 'Archived in Acme' } }), 201);
  aArchived = assertJson(await adminA('POST', `${SYS}/${aArchived.id}/archive`));

  // A second organization, created while the server runs.
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other', '--admin-email', 'other@x.test'], PW_B + '\n');
  assert.equal(org.status, 0, `aims org create: ${org.stderr}`);
  adminB = client(srv.url, await login(srv.url, 'other@x.test', PW_B));
  const meB = assertJson(await adminB('GET', '/api/v1/me'));
  assert.equal(meB.organization.name, 'Other');
  assert.equal(meB.organizations.length, 1);
  orgB = meB.organization.id;
  assert.notEqual(orgA, orgB);
  b1 = assertJson(await adminB('POST', SYS, { json: { name: 'Bravo system', purpose: 'Only Other may see this' } }), 201);
  // Names are unique per organization, not across organizations.
  bSameName = assertJson(await adminB('POST', SYS, { json: { name: 'Alpha secret system', purpose: 'Same name, other tenant' } }), 201);

  const ta = aims(['token', 'create', '--data', srv.dataDir, '--email', srv.admin.email, '--name', 'acme ci']);
  assert.equal(ta.status, 0, ta.stderr);
  tokenA = client(srv.url, { token: ta.stdout.trim() });
  const tb = aims(['token', 'create', '--data', srv.dataDir, '--email', 'other@x.test', '--name', 'other ci']);
  assert.equal(tb.status, 0, tb.stderr);
  tokenB = client(srv.url, { token: tb.stdout.trim() });

  // A user in both organizations: viewer in Acme (first), manager in Other.
  let r = aims(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', 'both@x.test', '--role', 'viewer'], PW_BOTH + '\n');
  assert.equal(r.status, 0, r.stderr);
  r = aims(['user', 'add', '--data', srv.dataDir, '--org', 'Other', '--email', 'both@x.test', '--role', 'manager'], PW_BOTH + '\n');
  assert.equal(r.status, 0, r.stderr);
  both = client(srv.url, await login(srv.url, 'both@x.test', PW_BOTH));

  doc = assertJson(await client(srv.url)('GET', '/api/v1/openapi.json'));
  ops = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const method of METHODS)
      if (item[method]) ops.push({ path, method: method.toUpperCase(), op: item[method], id: item[method].operationId });
});

after(async () => {
  await stopServer(srv);
});

// ---- helpers -----------------------------------------------------------------------------------

const PROBE = 'Cross-tenant probe';

function resolveParam(p) {
  return p?.$ref ? p.$ref.split('/').slice(1).reduce((n, k) => n[k], doc) : p;
}

function usesOrgHeader(o) {
  return (o.op.parameters || []).map(resolveParam).some((p) => p.in === 'header' && p.name.toLowerCase() === 'x-aims-org');
}

/** A request for operation `o` with its path parameters filled in: {id} is `id`. */
function requestFor(o, id) {
  const values = { id, framework: 'iso42001', item_id: 'A.6.2.4' };
  const path = o.path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(values[name] ?? 'x'));
  const opts = { headers: {} };
  const content = o.op.requestBody?.content || {};
  if (content['application/json']) {
    opts.json = o.id === 'login' ? { email: 'nobody@x.test', password: 'not a password' } : { name: PROBE, purpose: 'must never be stored' };
  } else if (content['text/csv']) {
    opts.body = `name,purpose\r\n${PROBE},must never be stored\r\n`;
    opts.headers['content-type'] = 'text/csv';
  }
  // Carry a matching If-Match so that a missing tenant check would not be hidden by a 428.
  if ((o.op.parameters || []).map(resolveParam).some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match'))
    opts.headers['if-match'] = '"v1"';
  return { path, opts };
}

async function snapshot(c) {
  const list = assertJson(await c('GET', `${SYS}?archived=all&limit=500`));
  const histories = {};
  for (const s of list.items) histories[s.id] = assertJson(await c('GET', `${SYS}/${s.id}/history`)).items.length;
  return { items: list.items.map((s) => JSON.stringify(s)).sort(), histories };
}

const idOps = () => ops.filter((o) => o.path.includes('{id}'));
const memberOps = () => ops.filter(usesOrgHeader);

// ---- authentication on every route -------------------------------------------------------------

test('the OpenAPI document names exactly /healthz, openapi.json, log-in and the one-time link pages as open; they answer without credentials', async () => {
  const open = ops.filter((o) => Array.isArray(o.op.security) && o.op.security.length === 0).map((o) => o.id).sort();
  assert.deepEqual(open, [...OPEN].sort());
  const anon = client(srv.url);
  assertJson(await anon('GET', '/healthz'));
  assertJson(await anon('GET', '/api/v1/openapi.json'));
  assertJson(await anon('POST', '/api/v1/auth/login', { json: { email: srv.admin.email, password: srv.admin.password } }));
});

test('every other route of the OpenAPI document answers 401 problem without credentials, or with bad ones', async () => {
  const closed = ops.filter((o) => !OPEN.includes(o.id));
  assert.ok(closed.length >= 12, `only ${closed.length} routes found in the OpenAPI document`);
  const callers = {
    'no credentials': client(srv.url),
    'a bad bearer token': client(srv.url, { token: 'aims_not_a_real_token' }),
    'a forged session cookie': client(srv.url, { cookie: 'aims_session=forged', csrf: 'forged' }),
  };
  const wrong = [];
  const before = await snapshot(adminA);
  for (const o of closed) {
    const { path, opts } = requestFor(o, a1.id);
    for (const [how, c] of Object.entries(callers)) {
      const r = await c(o.method, path, opts);
      try {
        assertProblem(r, 401);
      } catch (e) {
        wrong.push(`${o.method} ${path} (${o.id}) with ${how}: expected 401 problem, got ${r.status} ${r.text.slice(0, 160)}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.deepEqual(await snapshot(adminA), before);
});

// ---- {id} routes across organizations -----------------------------------------------------------

test("every {id} route answers 404 when org B's admin uses org A's system id, and A's system does not change", async () => {
  const routes = idOps();
  const covered = routes.map((o) => o.id).sort();
  for (const id of ['getSystem', 'updateSystem', 'archiveSystem', 'restoreSystem', 'getSystemHistory'])
    assert.ok(covered.includes(id), `${id} is not among the {id} routes of the document: ${covered}`);
  const before = await snapshot(adminA);
  const wrong = [];
  for (const caller of [['admin B (session)', adminB], ['admin B (token)', tokenB]]) {
    for (const target of [a1, aArchived]) {
      for (const o of routes) {
        const { path, opts } = requestFor(o, target.id);
        const r = await caller[1](o.method, path, opts);
        try {
          assertProblem(r, 404);
        } catch (e) {
          wrong.push(`${caller[0]}: ${o.method} ${path} (${o.id}): expected 404 problem, got ${r.status} ${r.text.slice(0, 160)}`);
        }
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.deepEqual(await snapshot(adminA), before, "org A's systems changed");
});

test("a member of both organizations acting in B (X-Aims-Org, manager there) gets 404 on every {id} route for A's system", async () => {
  const before = await snapshot(adminA);
  const wrong = [];
  for (const o of idOps()) {
    const { path, opts } = requestFor(o, a1.id);
    const r = await both(o.method, path, { ...opts, org: orgB });
    try {
      assertProblem(r, 404);
    } catch (e) {
      wrong.push(`${o.method} ${path} (${o.id}) as both@x.test in Other: expected 404 problem, got ${r.status} ${r.text.slice(0, 160)}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.deepEqual(await snapshot(adminA), before);
  // Without the header they act in Acme (their first organization) and see the system.
  assert.equal(assertJson(await both('GET', `${SYS}/${a1.id}`)).id, a1.id);
});

// ---- lists and exports ---------------------------------------------------------------------------

test("B's lists, searches and exports never contain A's systems (and A's never contain B's)", async () => {
  const aIds = new Set([a1.id, aArchived.id]);
  const bIds = new Set([b1.id, bSameName.id]);
  for (const [c, mine, theirs, who] of [[adminB, bIds, aIds, 'B'], [tokenB, bIds, aIds, 'B token'], [adminA, aIds, bIds, 'A']]) {
    for (const query of ['', '?archived=all', '?archived=true', '?q=alpha&archived=all', '?q=secret', '?sort=-name&archived=all', '?status=planned&archived=all']) {
      const list = assertJson(await c('GET', `${SYS}${query}`));
      const ids = list.items.map((s) => s.id);
      assert.ok(ids.every((id) => mine.has(id)), `${who} ${SYS}${query} shows a system of the other organization: ${ids}`);
      assert.ok(!ids.some((id) => theirs.has(id)));
      assert.equal(list.total, list.items.length, `${who} ${SYS}${query}: total counts other organizations`);
    }
    for (const query of ['', '?archived=all', '?q=alpha&archived=all']) {
      const r = await c('GET', `${SYS}/export${query}`);
      assert.equal(r.status, 200);
      for (const id of theirs) assert.ok(!r.text.includes(id), `${who} export${query} contains ${id}`);
      const rowIds = r.text.trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0]);
      assert.ok(rowIds.every((id) => mine.has(id)), `${who} export${query}: ${rowIds}`);
    }
  }
  const bAll = assertJson(await adminB('GET', `${SYS}?archived=all`));
  assert.deepEqual(bAll.items.map((s) => s.id).sort(), [...bIds].sort());
  assert.ok(!JSON.stringify(bAll).includes('Only Acme may see this'));
  const bSearch = assertJson(await adminB('GET', `${SYS}?q=${encodeURIComponent('acme owner')}&archived=all`));
  assert.equal(bSearch.total, 0);
});

test("importing rows with A's ids into B fails (422) and changes nothing in either organization", async () => {
  const beforeA = await snapshot(adminA);
  const beforeB = await snapshot(adminB);
  const csv = `id,name,purpose\r\n${a1.id},Hijacked,Changed through B\r\n`;
  const p = assertProblem(await adminB('POST', `${SYS}/import`, { body: csv, headers: { 'content-type': 'text/csv' } }), 422);
  assert.deepEqual(p.errors.map((e) => [e.row, e.field]), [[2, 'id']]);
  assert.ok(!JSON.stringify(p).includes('Alpha secret system'), 'the problem must not reveal A\'s record');
  assert.deepEqual(await snapshot(adminA), beforeA);
  assert.deepEqual(await snapshot(adminB), beforeB);
});

// ---- X-Aims-Org ------------------------------------------------------------------------------------

test('X-Aims-Org naming an organization the caller is not in answers 404 on every member route, and nothing is stored', async () => {
  const routes = memberOps();
  assert.ok(routes.length >= 9, `only ${routes.length} routes take X-Aims-Org`);
  const beforeA = await snapshot(adminA);
  const beforeB = await snapshot(adminB);
  const wrong = [];
  const cases = [
    ['admin B naming org A', adminB, orgA, b1.id],
    ['admin B (token) naming org A', tokenB, orgA, b1.id],
    ['admin A naming org B', adminA, orgB, a1.id],
    ["admin A's token naming org B", tokenA, orgB, a1.id],
    ['admin B naming an unknown org', adminB, 'org_does_not_exist', b1.id],
    ['admin A naming an empty org', adminA, ' ', a1.id],
  ];
  for (const [how, c, org, ownId] of cases) {
    for (const o of routes) {
      const { path, opts } = requestFor(o, ownId);
      const r = await c(o.method, path, { ...opts, org });
      try {
        assertProblem(r, 404);
      } catch (e) {
        wrong.push(`${o.method} ${path} (${o.id}), ${how}: expected 404 problem, got ${r.status} ${r.text.slice(0, 160)}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.deepEqual(await snapshot(adminA), beforeA);
  assert.deepEqual(await snapshot(adminB), beforeB);
  for (const c of [adminA, adminB]) assert.equal(assertJson(await c('GET', `${SYS}?q=${encodeURIComponent(PROBE)}&archived=all`)).total, 0);
});

test("A's API token cannot act in B: B's systems are 404 to it, with or without X-Aims-Org", async () => {
  const beforeB = await snapshot(adminB);
  for (const org of [undefined, orgB]) {
    assertProblem(await tokenA('GET', `${SYS}/${b1.id}`, { org }), 404);
    assertProblem(await tokenA('GET', `${SYS}/${b1.id}/history`, { org }), 404);
    assertProblem(await tokenA('PATCH', `${SYS}/${b1.id}`, { org, json: { purpose: 'Changed by A' }, headers: { 'if-match': '"v1"' } }), 404);
    assertProblem(await tokenA('POST', `${SYS}/${b1.id}/archive`, { org }), 404);
    assertProblem(await tokenA('POST', `${SYS}/${b1.id}/restore`, { org }), 404);
  }
  assertProblem(await tokenA('POST', SYS, { org: orgB, json: { name: PROBE, purpose: 'x' } }), 404);
  assertProblem(await tokenA('GET', SYS, { org: orgB }), 404);
  assertProblem(await tokenA('GET', '/api/v1/me', { org: orgB }), 404);
  assert.deepEqual(await snapshot(adminB), beforeB);
  // Its own organization still works.
  const me = assertJson(await tokenA('GET', '/api/v1/me', { org: orgA }));
  assert.equal(me.organization.id, orgA);
  assert.equal(assertJson(await tokenA('GET', `${SYS}/${a1.id}`, { org: orgA })).id, a1.id);
});

test("the organization settings are per organization: B's admin turning segregation of duties off leaves A's on", async () => {
  const ORG = '/api/v1/org-settings';
  const a0 = assertJson(await adminA('GET', ORG));
  const rb = await adminB('GET', ORG);
  const b0 = assertJson(rb);
  const off = { impact_approval: false, risk_acceptance: false, soa_approval: false };
  const b1s = assertJson(await adminB('PUT', ORG, { json: { segregation_of_duties: off }, headers: { 'if-match': rb.headers.get('etag') } }));
  assert.deepEqual(b1s.segregation_of_duties, off);
  assert.deepEqual(assertJson(await adminA('GET', ORG)), a0, "B's change reached A");
  // B's admin naming A, and the member of both (viewer in A), cannot change A's settings.
  assertProblem(await adminB('PUT', ORG, { org: orgA, json: { segregation_of_duties: off }, headers: { 'if-match': '"v0"' } }), 404);
  assertProblem(await both('PUT', ORG, { org: orgA, json: { segregation_of_duties: off }, headers: { 'if-match': `"v${a0.version}"` } }), 403);
  assert.deepEqual(assertJson(await adminA('GET', ORG)), a0);
  assert.deepEqual(assertJson(await both('GET', ORG, { org: orgB })).segregation_of_duties, off);
  assert.notDeepEqual(b0.segregation_of_duties, off);
});

test('a member of both organizations acts in the one X-Aims-Org names, with the role held there', async () => {
  let me = assertJson(await both('GET', '/api/v1/me'));
  assert.deepEqual(me.organizations.map((o) => [o.name, o.role]), [[srv.org, 'viewer'], ['Other', 'manager']]);
  assert.equal(me.organization.id, orgA, 'the default is the first membership');
  assert.equal(me.organization.role, 'viewer');
  me = assertJson(await both('GET', '/api/v1/me', { org: orgB }));
  assert.equal(me.organization.id, orgB);
  assert.equal(me.organization.name, 'Other');
  assert.equal(me.organization.role, 'manager');

  const inB = assertJson(await both('GET', `${SYS}?archived=all`, { org: orgB }));
  assert.deepEqual(inB.items.map((s) => s.id).sort(), [b1.id, bSameName.id].sort());
  const inA = assertJson(await both('GET', `${SYS}?archived=all`, { org: orgA }));
  assert.deepEqual(inA.items.map((s) => s.id).sort(), [a1.id, aArchived.id].sort());

  // Viewer in A (the default): writes are refused and change nothing.
  const beforeA = await snapshot(adminA);
  assertProblem(await both('POST', SYS, { json: { name: 'Both in A', purpose: 'x' } }), 403);
  assertProblem(await both('POST', SYS, { org: orgA, json: { name: 'Both in A', purpose: 'x' } }), 403);
  assertProblem(await both('POST', `${SYS}/${a1.id}/archive`, { org: orgA }), 403);
  assert.deepEqual(await snapshot(adminA), beforeA);
  // Manager in B: the same request naming B creates in B, not in A.
  const made = assertJson(await both('POST', SYS, { org: orgB, json: { name: 'Both in B', purpose: 'x' } }), 201);
  assert.equal(assertJson(await adminB('GET', `${SYS}/${made.id}`)).name, 'Both in B');
  assertProblem(await adminA('GET', `${SYS}/${made.id}`), 404);
  assertProblem(await both('GET', `${SYS}/${made.id}`), 404); // without the header the request acts in A
  assert.deepEqual(await snapshot(adminA), beforeA);
  assert.equal(assertJson(await both('POST', `${SYS}/${b1.id}/archive`, { org: orgB })).archived, true);
  assert.equal(assertJson(await both('POST', `${SYS}/${b1.id}/restore`, { org: orgB })).archived, false);
});
