// The member directory (GET /api/v1/org/directory): the active members by name, with their role,
// whether it may approve and the AIMS roles they hold today, for every role that may submit for
// approval (contributors, managers, admins); never an email; paged and searched in the database;
// bad parameters are 400 problems; another organization is 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { MEMBERS } from '../lib/paths.mjs';

const DIR = '/api/v1/org/directory';
const PW = 'a sturdy passphrase 42';
let srv, admin, as, ids;

/** Every page of the directory with `query`, `limit` at a time; checks each page's total. */
async function walk(c, query = '', limit = 2) {
  const out = [];
  let cursor;
  let total;
  do {
    const qs = new URLSearchParams(query);
    qs.set('limit', String(limit));
    if (cursor) qs.set('cursor', cursor);
    const page = assertJson(await c('GET', `${DIR}?${qs}`));
    assert.ok(page.items.length <= limit);
    total ??= page.total;
    assert.equal(page.total, total, 'the total is the same on every page');
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  assert.equal(out.length, total);
  return out;
}

before(async () => {
  srv = await startServer();
  admin = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  as = await memberClients(srv, ['viewer', 'auditor', 'contributor', 'manager'], PW);
  as.admin = admin;
  const names = { admin: 'Ada Admin', manager: 'Mia Manager', contributor: 'Carl Contributor', auditor: 'Aude Auditor', viewer: 'Vic Viewer' };
  ids = {};
  for (const [role, c] of Object.entries(as)) ids[role] = assertJson(await c('PATCH', '/api/v1/me', { json: { name: names[role] } })).user.id;
  // A member who leaves: deactivated, so not in the directory.
  const add = aims(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', 'gone@acme.test', '--role', 'manager'], PW + '\n');
  assert.equal(add.status, 0, add.stderr);
  const gone = client(srv.url, await login(srv.url, 'gone@acme.test', PW));
  ids.gone = assertJson(await gone('PATCH', '/api/v1/me', { json: { name: 'Gwen Gone' } })).user.id;
  assert.equal((await admin('POST', `${MEMBERS}/gone@acme.test/deactivate`)).status, 204);
});

after(async () => {
  await stopServer(srv);
});

test('contributors, managers and admins read the directory; auditors and viewers get 403', async () => {
  for (const role of ['admin', 'manager', 'contributor']) {
    const page = assertJson(await as[role]('GET', DIR));
    assert.equal(page.total, 5, `${role}: the five active members`);
  }
  for (const role of ['auditor', 'viewer']) {
    const p = assertProblem(await as[role]('GET', DIR), 403);
    assert.match(p.detail, new RegExp(`\\(${role}\\)`));
  }
});

test('active members by name, no email, the role and whether it may approve; deactivated members are left out', async () => {
  const page = assertJson(await as.contributor('GET', DIR));
  assert.deepEqual(page.items.map((m) => m.name), ['Ada Admin', 'Aude Auditor', 'Carl Contributor', 'Mia Manager', 'Vic Viewer']);
  assert.equal(page.next, undefined);
  for (const m of page.items) {
    assert.deepEqual(Object.keys(m).sort(), ['aims_roles', 'id', 'may_approve', 'name', 'role']);
    assert.equal(m.may_approve, m.role === 'admin' || m.role === 'manager');
    assert.ok(!JSON.stringify(m).includes('@'), 'no email in the directory');
  }
  assert.equal(page.items.find((m) => m.name === 'Mia Manager').id, ids.manager);
  assert.ok(!page.items.some((m) => m.id === ids.gone));
  // Reactivated, they are back.
  assert.equal((await admin('POST', `${MEMBERS}/gone@acme.test/reactivate`)).status, 204);
  assert.ok(assertJson(await as.manager('GET', DIR)).items.some((m) => m.id === ids.gone));
  assert.equal((await admin('POST', `${MEMBERS}/gone@acme.test/deactivate`)).status, 204);
});

test('q searches the name (any case); limit and cursor walk every member once, in order', async () => {
  assert.deepEqual(assertJson(await as.manager('GET', `${DIR}?q=${encodeURIComponent('  aUD ')}`)).items.map((m) => m.name), ['Aude Auditor']);
  const ma = assertJson(await as.manager('GET', `${DIR}?q=ma`));
  assert.deepEqual(ma.items.map((m) => m.name), ['Mia Manager']);
  assert.equal(ma.total, 1);
  assert.equal(assertJson(await as.manager('GET', `${DIR}?q=zzz`)).total, 0);
  assert.equal(assertJson(await as.manager('GET', `${DIR}?q=${encodeURIComponent('%')}`)).total, 0, '% is a literal');
  const all = await walk(as.manager, '', 2);
  assert.deepEqual(all.map((m) => m.name), ['Ada Admin', 'Aude Auditor', 'Carl Contributor', 'Mia Manager', 'Vic Viewer']);
  const a = await walk(as.manager, 'q=a', 1);
  assert.deepEqual(a.map((m) => m.name), ['Ada Admin', 'Aude Auditor', 'Carl Contributor', 'Mia Manager']);
});

test('bad parameters are 400 problems naming the parameter', async () => {
  const first = assertJson(await as.manager('GET', `${DIR}?limit=1`));
  for (const [query, field] of [
    ['limit=0', 'limit'], ['limit=501', 'limit'], ['limit=two', 'limit'], ['cursor=bogus', 'cursor'],
    ['role=admin', 'role'], ['sort=-name', 'sort'], ['sort=email', 'sort'], [`q=${'x'.repeat(201)}`, 'q'],
  ]) {
    const p = assertProblem(await as.manager('GET', `${DIR}?${query}`), 400);
    assert.ok(p.errors?.some((e) => e.field === field), `${query}: ${JSON.stringify(p)}`);
  }
  // A cursor of another list is refused.
  const risks = assertJson(await admin('GET', '/api/v1/risks?limit=1'));
  if (risks.next) assertProblem(await as.manager('GET', `${DIR}?cursor=${encodeURIComponent(risks.next)}`), 400);
  assert.ok(first.next);
});

test('the AIMS roles each member holds today', async () => {
  const role = assertJson(await admin('POST', '/api/v1/aims-roles', { json: { name: 'AIMS owner' } }), 201);
  const ended = assertJson(await admin('POST', '/api/v1/aims-roles', { json: { name: 'Former auditor' } }), 201);
  assertJson(await admin('POST', '/api/v1/role-assignments', { json: { person: ids.manager, role_id: role.id } }), 201);
  assertJson(await admin('POST', '/api/v1/role-assignments', { json: { person: ids.manager, role_id: ended.id, from: '2020-01-01', until: '2020-12-31' } }), 201);
  const page = assertJson(await as.contributor('GET', DIR));
  assert.deepEqual(page.items.find((m) => m.id === ids.manager).aims_roles, ['AIMS owner']);
  assert.deepEqual(page.items.find((m) => m.id === ids.viewer).aims_roles, []);
});

test('another organization: X-Aims-Org of one the caller is not in is 404; its members never show', async () => {
  const made = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other Org', '--admin-email', 'other@x.test'], 'other organization password\n');
  assert.equal(made.status, 0, made.stderr);
  const other = client(srv.url, await login(srv.url, 'other@x.test', 'other organization password'));
  const otherOrg = assertJson(await other('GET', '/api/v1/me')).organization.id;
  assertProblem(await as.manager('GET', DIR, { org: otherOrg }), 404);
  const theirs = assertJson(await other('GET', DIR));
  assert.equal(theirs.total, 1);
  assert.ok(!theirs.items.some((m) => Object.values(ids).includes(m.id)));
  assert.ok(!assertJson(await as.manager('GET', DIR)).items.some((m) => m.id === theirs.items[0].id));
});

test('aims user directory prints the directory (contributor token); a viewer\'s token exits 1 with the server\'s words', () => {
  const token = (email, name) => {
    const r = aims(['token', 'create', '--data', srv.dataDir, '--email', email, '--name', name]);
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };
  const env = (t) => ['--url', srv.url, '--token', t];
  const contributor = token('contributor@acme.test', 'directory cli');
  let r = aims(['user', 'directory', ...env(contributor)]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\S+\s+Mia Manager\s+manager\s+yes\s+AIMS owner$/m);
  assert.match(r.stdout, /^\S+\s+Vic Viewer\s+viewer\s+no\s*$/m);
  assert.ok(!r.stdout.includes('@'), 'no emails');
  r = aims(['user', 'directory', '--q', 'carl', '--json', ...env(contributor)]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((m) => m.name), ['Carl Contributor']);
  r = aims(['user', 'directory', '--all', '--json', ...env(contributor)]);
  assert.equal(JSON.parse(r.stdout).items.length, 5);
  r = aims(['user', 'directory', ...env(token('viewer@acme.test', 'directory cli'))]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /viewer/);
});
