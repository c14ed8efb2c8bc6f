// The people who run the AIMS: the last log-in of each user (set by a successful log-in only), a
// user's change of their own name, an admin's rename of the organization, API tokens of a
// deactivated user, and the invitations list a page at a time. Every refusal is a problem that
// changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, memberClients, auditEntries, loginStatus as loginStatusAt, sessionAndToken } from '../lib/http.mjs';
import { serverForFile, sqlite } from '../lib/fixture.mjs';

const PW = 'a sturdy passphrase 42';
const MEMBERS = '/api/v1/org/members';
const INVITES = '/api/v1/org/invitations';
let srv, admin, as;

const sql = (q) => sqlite(srv.dataDir, q).trim();
/** What a refusal must leave alone: users, organizations, memberships, tokens (but their last use), history and the audit log. */
const state = () => ['users', 'organizations', 'memberships', 'history', 'audit_entries']
  .map((t) => sql(`SELECT * FROM ${t} ORDER BY 1, 2`))
  .concat(sql('SELECT id, user_id, name, token_hash, created_at, expires_at, scope FROM api_tokens ORDER BY 1'))
  .join('\n--\n');
const loginStatus = (email, password) => loginStatusAt(srv.url, email, password);
const lastLogin = (email) => sql(`SELECT last_login_at FROM users WHERE email = '${email}'`);
const member = async (email) => assertJson(await admin('GET', MEMBERS)).items.find((m) => m.email === email);

function addUser(email, role = 'viewer') {
  const r = aims(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', email, '--role', role], PW + '\n');
  assert.equal(r.status, 0, `aims user add ${email}: ${r.stderr}`);
}

const entries = () => auditEntries(admin);

serverForFile(async ({ srv: s, c }) => {
  srv = s;
  admin = c;
  as = await memberClients(srv, ['viewer', 'auditor', 'contributor', 'manager'], PW);
});

test('last log-in: none before the first, set by a successful log-in, never by a refused one; shown to admins and on /me', async () => {
  addUser('newcomer@acme.test');
  assert.equal(lastLogin('newcomer@acme.test'), '');
  assert.equal((await member('newcomer@acme.test')).last_login_at, null);

  assert.equal(await loginStatus('newcomer@acme.test', 'not the password at all'), 401);
  assert.equal(lastLogin('newcomer@acme.test'), '', 'a wrong password sets no last log-in');

  const s = await login(srv.url, 'newcomer@acme.test', PW);
  const first = lastLogin('newcomer@acme.test');
  assert.match(first, /^\d{4}-\d\d-\d\dT/);
  assert.equal((await member('newcomer@acme.test')).last_login_at, first);
  assert.equal(assertJson(await client(srv.url, s)('GET', '/api/v1/me')).user.last_login_at, first);

  // Refused with the right password: deactivated, or a password reset pending. Neither is a log-in.
  sql(`UPDATE users SET last_login_at = '2026-01-01T00:00:00.000Z' WHERE email = 'newcomer@acme.test'`);
  assert.equal((await admin('POST', `${MEMBERS}/newcomer@acme.test/deactivate`)).status, 204);
  assert.equal(await loginStatus('newcomer@acme.test', PW), 403);
  assert.equal((await admin('POST', `${MEMBERS}/newcomer@acme.test/reactivate`)).status, 204);
  assertJson(await admin('POST', `${MEMBERS}/newcomer@acme.test/reset-password`), 201);
  assert.equal(await loginStatus('newcomer@acme.test', PW), 403);
  assert.equal(lastLogin('newcomer@acme.test'), '2026-01-01T00:00:00.000Z', 'a refused log-in sets no last log-in');

  // An API token authenticates requests but is not a log-in.
  const adminBefore = lastLogin(srv.admin.email);
  const t = assertJson(await admin('POST', '/api/v1/tokens', { json: { name: 'not a log-in' } }), 201);
  assertJson(await client(srv.url, { token: t.token })('GET', '/api/v1/me'));
  assert.equal(lastLogin(srv.admin.email), adminBefore);
});

test('last log-in is an admin\'s to see: the members list stays 403 for every other role', async () => {
  for (const role of ['viewer', 'auditor', 'contributor', 'manager']) assertProblem(await as[role]('GET', MEMBERS), 403);
  // Everyone sees their own on /me.
  assert.match(assertJson(await as.viewer('GET', '/api/v1/me')).user.last_login_at, /^\d{4}-/);
});

test('changing one\'s own name: trimmed, audited in the organization; any role may; a read token may not', async () => {
  const before = state();
  const me = assertJson(await as.viewer('PATCH', '/api/v1/me', { json: { name: '  Vera Viewer  ' } }));
  assert.equal(me.user.name, 'Vera Viewer');
  assert.equal(me.user.email, 'viewer@acme.test');
  assert.notEqual(state(), before);
  assert.equal(assertJson(await as.viewer('GET', '/api/v1/me')).user.name, 'Vera Viewer');
  assert.equal((await member('viewer@acme.test')).name, 'Vera Viewer');
  const id = (await member('viewer@acme.test')).id;
  const e = (await entries()).filter((x) => x.record_type === 'membership' && x.record_id === id && x.op === 'update').at(-1);
  assert.ok(e, 'the name change is in the audit log');
  assert.equal(e.actor, 'viewer@acme.test');
  const h = sql(`SELECT changes FROM history WHERE record_type = 'membership' AND record_id = '${id}' ORDER BY version DESC LIMIT 1`);
  assert.deepEqual(JSON.parse(h), [{ field: 'name', from: 'viewer', to: 'Vera Viewer' }]);

  // The same name again changes nothing.
  const same = state();
  assertJson(await as.viewer('PATCH', '/api/v1/me', { json: { name: 'Vera Viewer' } }));
  assert.equal(state(), same);

  for (const role of ['auditor', 'contributor', 'manager'])
    assert.equal(assertJson(await as[role]('PATCH', '/api/v1/me', { json: { name: `The ${role}` } })).user.name, `The ${role}`);

  const read = assertJson(await as.manager('POST', '/api/v1/tokens', { json: { name: 'reader', scope: 'read' } }), 201);
  const unchanged = state();
  assertProblem(await client(srv.url, { token: read.token })('PATCH', '/api/v1/me', { json: { name: 'By a read token' } }), 403);
  assert.equal(state(), unchanged);
});

test('a bad own name is a 422 naming the field, and changes nothing', async () => {
  const before = state();
  for (const json of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(201) }, { name: 'two\nlines' }, { name: 'a\u0001b' },
    { name: 'tab\there' }, { name: 42 }, { name: null }, { name: 'Fine', email: 'x@acme.test' }]) {
    const p = assertProblem(await as.contributor('PATCH', '/api/v1/me', { json }), 422);
    assert.ok(p.errors.some((e) => e.field === (json.email ? 'email' : 'name')), JSON.stringify([json, p]));
  }
  assertProblem(await as.contributor('PATCH', '/api/v1/me', { json: [] }), 400);
  assert.equal(state(), before);
  assert.equal(assertJson(await as.contributor('PATCH', '/api/v1/me', { json: { name: 'é'.repeat(200) } })).user.name, 'é'.repeat(200));
});

test('renaming the organization: admin only; trimmed; the switcher\'s list and the audit log show it', async () => {
  for (const role of ['viewer', 'auditor', 'contributor', 'manager']) {
    const before = state();
    const p = assertProblem(await as[role]('PATCH', '/api/v1/org', { json: { name: 'Taken Over Ltd' } }), 403);
    assert.match(p.detail, /admin/);
    assert.equal(state(), before, `${role}: nothing changes`);
  }
  const org = assertJson(await admin('GET', '/api/v1/me')).organization;
  const r = assertJson(await admin('PATCH', '/api/v1/org', { json: { name: '  Acme Renamed  ' } }));
  assert.deepEqual(r, { id: org.id, name: 'Acme Renamed' });
  const me = assertJson(await as.viewer('GET', '/api/v1/me'));
  assert.equal(me.organization.name, 'Acme Renamed');
  assert.equal(me.organizations.find((o) => o.id === org.id).name, 'Acme Renamed');
  const e = (await entries()).filter((x) => x.record_type === 'organization' && x.op === 'update').at(-1);
  assert.ok(e, 'the rename is in the audit log');
  assert.equal(e.actor, srv.admin.email);
  const h = sql(`SELECT changes FROM history WHERE record_type = 'organization' AND record_id = '${org.id}' ORDER BY version DESC LIMIT 1`);
  assert.deepEqual(JSON.parse(h), [{ field: 'name', from: srv.org, to: 'Acme Renamed' }]);
  // The server's commands find it by its new name.
  assert.equal(aims(['user', 'add', '--data', srv.dataDir, '--org', 'Acme Renamed', '--email', 'late@acme.test', '--role', 'viewer'], PW + '\n').status, 0);
  assertJson(await admin('PATCH', '/api/v1/org', { json: { name: srv.org } }));
});

test('a bad organization name is a 422, a taken one a 409; nothing changes', async () => {
  assertJson(await admin('POST', '/api/v1/orgs', { json: { name: 'Other Org' } }), 201);
  const before = state();
  for (const json of [{}, { name: '' }, { name: '  ' }, { name: 'o'.repeat(201) }, { name: 'a\nb' }, { name: 'a\tb' }, { name: 7 }, { name: 'X', id: 'y' }]) {
    const p = assertProblem(await admin('PATCH', '/api/v1/org', { json }), 422);
    assert.ok(p.errors.length > 0, JSON.stringify(p));
  }
  const p = assertProblem(await admin('PATCH', '/api/v1/org', { json: { name: 'Other Org' } }), 409);
  assert.match(p.detail, /Other Org/);
  assert.equal(state(), before);
});

test('a deactivated user\'s API token is refused, even one that somehow outlived the deactivation', async () => {
  addUser('scripted@acme.test', 'contributor');
  const { tok: t, t: tc } = await sessionAndToken(srv, 'scripted@acme.test', PW, 'pipeline');
  assert.notEqual(sql(`SELECT last_used_at FROM api_tokens WHERE id = '${t.id}'`), '', 'the last use is noted');
  // Marked deactivated behind the service's back: the token row stays, and still does not let them in.
  sql(`UPDATE users SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE email = 'scripted@acme.test'`);
  assertProblem(await tc('GET', '/api/v1/me'), 401);
  sql(`UPDATE users SET disabled_at = '' WHERE email = 'scripted@acme.test'`);
  assert.equal((await admin('POST', `${MEMBERS}/scripted@acme.test/deactivate`)).status, 204);
  assertProblem(await tc('GET', '/api/v1/me'), 401);
  assert.equal(sql(`SELECT count(*) FROM api_tokens WHERE id = '${t.id}'`), '0', 'deactivation ends the token');
});

test('the invitations list comes a page at a time, newest first; an unreadable invitation is an error row', async () => {
  const made = [];
  for (let i = 0; i < 5; i++) made.push(assertJson(await admin('POST', INVITES, { json: { email: `paged${i}@acme.test`, role: 'viewer' } }), 201));
  const seen = [];
  let cursor, pages = 0;
  do {
    const page = assertJson(await admin('GET', `${INVITES}?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    assert.ok(page.items.length <= 2);
    assert.equal(page.total, 5);
    seen.push(...page.items);
    cursor = page.next;
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  const newestFirst = [...made].sort((x, y) => (x.created_at === y.created_at ? (x.id < y.id ? 1 : -1) : x.created_at < y.created_at ? 1 : -1));
  assert.deepEqual(seen.map((i) => i.id), newestFirst.map((i) => i.id), 'newest first, each once');
  const whole = assertJson(await admin('GET', INVITES));
  assert.equal(whole.items.length, 5);
  assert.equal(whole.next, undefined);

  for (const q of ['limit=0', 'limit=501', 'limit=x', 'cursor=nonsense'])
    assertProblem(await admin('GET', `${INVITES}?${q}`), 400);
  for (const role of ['viewer', 'auditor', 'contributor', 'manager']) assertProblem(await as[role]('GET', `${INVITES}?limit=2`), 403);

  sql(`UPDATE records SET doc = '{"broken":' WHERE kind = 'invitation' AND id = '${made[2].id}'`);
  const items = assertJson(await admin('GET', INVITES)).items;
  assert.equal(items.length, 5);
  const bad = items.find((i) => i.id === made[2].id);
  assert.ok(bad.error, JSON.stringify(bad));
  assert.equal(items.filter((i) => i.status === 'pending').length, 4);
});
