// People of an organization: invitations (one-time links: used, expired, revoked), the members
// list, role changes (never the last active admin), deactivation (sessions and tokens end at once),
// forced password resets, new organizations; who may (403 and nothing changes), tenancy (404) and
// the audit log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients, auditEntries, loginStatus as loginStatusAt, sessionAndToken } from '../lib/http.mjs';
import { MEMBERS } from '../lib/paths.mjs';

const PW = 'a sturdy passphrase 42';
const NEW_PW = 'violet lantern over harbor 9';
const INVITES = '/api/v1/org/invitations';
let srv, admin, as, anon;

const sql = (q) => spawnSync('sqlite3', [join(srv.dataDir, 'aims.db'), q], { encoding: 'utf8' }).stdout.trim();
/** Everything a refusal must leave alone: accounts, memberships, invitations, resets and the audit log. */
const state = () => ['users', 'sessions', 'api_tokens', 'memberships', 'audit_entries']
  .map((t) => sql(`SELECT * FROM ${t} ORDER BY 1, 2`))
  .concat(sql("SELECT * FROM records WHERE kind IN ('invitation', 'password_reset') ORDER BY 1, 2, 3, 4"))
  .join('\n--\n');
const loginStatus = (email, password) => loginStatusAt(srv.url, email, password);

function addUser(email, role = 'viewer', org = srv.org) {
  const r = aims(['user', 'add', '--data', srv.dataDir, '--org', org, '--email', email, '--role', role], PW + '\n');
  assert.equal(r.status, 0, `aims user add ${email}: ${r.stderr}`);
}

const entries = (c = admin, org) => auditEntries(c, org);

const invite = async (email, role = 'contributor', c = admin) => assertJson(await c('POST', INVITES, { json: { email, role } }), 201);

before(async () => {
  srv = await startServer();
  admin = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  as = await memberClients(srv, ['viewer', 'auditor', 'contributor', 'manager'], PW);
  anon = client(srv.url);
});

after(async () => {
  await stopServer(srv);
});

test('an invitation: the link is shown once, opens publicly, sets name and password, joins with the role, and works once', async () => {
  const inv = await invite('New.Person@Acme.test', 'contributor');
  assert.equal(inv.email, 'new.person@acme.test');
  assert.equal(inv.status, 'pending');
  assert.equal(inv.link, `/invite/${inv.token}`);
  const days = (Date.parse(inv.expires_at) - Date.parse(inv.created_at)) / 86400000;
  assert.equal(days, 7);
  assert.ok(!sql('SELECT doc FROM records WHERE kind = \'invitation\'').includes(inv.token), 'only the hash is stored');
  const listed = assertJson(await admin('GET', INVITES)).items.find((i) => i.id === inv.id);
  assert.equal(listed.status, 'pending');
  assert.equal(listed.token, undefined);
  assert.ok(!JSON.stringify(listed).includes(inv.token));

  const link = `/api/v1/invitations/${encodeURIComponent(inv.token)}`;
  const seen = assertJson(await anon('GET', link));
  assert.deepEqual([seen.organization.name, seen.email, seen.role, seen.account_exists], [srv.org, 'new.person@acme.test', 'contributor', false]);

  const before = state();
  for (const [json, field] of [[{ name: 'New Person', password: 'password12' }, 'password'], [{ password: NEW_PW }, 'name'], [{ name: 'N', password: NEW_PW, role: 'admin' }, 'role']]) {
    const p = assertProblem(await anon('POST', `${link}/accept`, { json }), 422);
    assert.ok(p.errors.some((e) => e.field === field), JSON.stringify(p));
  }
  assert.equal(state(), before, 'a refused acceptance changes nothing');

  const joined = assertJson(await anon('POST', `${link}/accept`, { json: { name: 'New Person', password: NEW_PW } }), 201);
  assert.equal(joined.role, 'contributor');
  assert.equal(joined.user.name, 'New Person');
  const me = client(srv.url, await login(srv.url, 'new.person@acme.test', NEW_PW));
  assert.equal(assertJson(await me('GET', '/api/v1/me')).organization.role, 'contributor');

  const again = assertProblem(await anon('POST', `${link}/accept`, { json: { name: 'Someone Else', password: NEW_PW } }), 409);
  assert.match(again.detail, /used already/);
  assertProblem(await anon('GET', link), 409);
  assert.equal(assertJson(await admin('GET', INVITES)).items.find((i) => i.id === inv.id).status, 'accepted');

  const log = await entries();
  assert.ok(log.some((e) => e.record_type === 'invitation' && e.op === 'create'), 'the invitation is in the audit log');
  assert.ok(log.some((e) => e.record_type === 'invitation' && e.op === 'update' && e.actor === 'new.person@acme.test'));
  assert.ok(log.some((e) => e.record_type === 'membership' && e.op === 'create' && e.actor === 'new.person@acme.test'));
});

test('unknown, revoked and expired links give a clear error and change nothing', async () => {
  const before0 = state();
  for (const token of ['nonsense', 'a.b.c', 'org_x.inv_y.zzz']) {
    assertProblem(await anon('GET', `/api/v1/invitations/${token}`), 404);
    assertProblem(await anon('POST', `/api/v1/invitations/${token}/accept`, { json: { name: 'X', password: NEW_PW } }), 404);
  }
  assert.equal(state(), before0);

  const revoked = await invite('revoked@acme.test');
  assert.equal((await admin('DELETE', `${INVITES}/${revoked.id}`)).status, 204);
  const before = state();
  let p = assertProblem(await anon('POST', `/api/v1/invitations/${revoked.token}/accept`, { json: { name: 'R', password: NEW_PW } }), 409);
  assert.match(p.detail, /revoked/);
  assertProblem(await admin('DELETE', `${INVITES}/${revoked.id}`), 409);
  assert.equal(state(), before);

  const expired = await invite('expired@acme.test');
  sql(`UPDATE records SET doc = json_set(doc, '$.expires_at', '2020-01-01T00:00:00.000Z') WHERE kind = 'invitation' AND id = '${expired.id}'`);
  const before2 = state();
  p = assertProblem(await anon('POST', `/api/v1/invitations/${expired.token}/accept`, { json: { name: 'E', password: NEW_PW } }), 409);
  assert.match(p.detail, /expired/);
  assertProblem(await anon('GET', `/api/v1/invitations/${expired.token}`), 409);
  assert.equal(assertJson(await admin('GET', INVITES)).items.find((i) => i.id === expired.id).status, 'expired');
  assert.equal(state(), before2);
  assert.equal(await loginStatus('expired@acme.test', NEW_PW), 401);

  // A token whose secret is wrong opens nothing, even with the right organization and id.
  const good = await invite('tampered@acme.test');
  const forged = good.token.slice(0, -4) + (good.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  assertProblem(await anon('GET', `/api/v1/invitations/${forged}`), 404);
});

test('an existing user of the installation joins after logging in, as the invited email only', async () => {
  const other = assertJson(await admin('POST', '/api/v1/orgs', { json: { name: 'Joiners Org' } }), 201);
  addUser('existing@acme.test', 'viewer');
  const inv = await invite('existing@acme.test', 'manager', (m, p, o = {}) => admin(m, p, { ...o, org: other.id }));
  assert.equal(assertJson(await anon('GET', `/api/v1/invitations/${inv.token}`)).account_exists, true);
  const before = state();
  assertProblem(await anon('POST', `/api/v1/invitations/${inv.token}/accept`, { json: { name: 'Existing', password: NEW_PW } }), 409);
  assertProblem(await as.viewer('POST', `/api/v1/invitations/${inv.token}/join`), 403);
  assertProblem(await anon('POST', `/api/v1/invitations/${inv.token}/join`), 401);
  assert.equal(state(), before);
  const existing = client(srv.url, await login(srv.url, 'existing@acme.test', PW));
  const joined = assertJson(await existing('POST', `/api/v1/invitations/${inv.token}/join`), 201);
  assert.equal(joined.organization.id, other.id);
  const me = assertJson(await existing('GET', '/api/v1/me'));
  assert.deepEqual(me.organizations.map((o) => [o.name, o.role]), [[srv.org, 'viewer'], ['Joiners Org', 'manager']]);
  assertProblem(await existing('POST', `/api/v1/invitations/${inv.token}/join`), 409);
  assertProblem(await admin('POST', INVITES, { json: { email: 'existing@acme.test', role: 'viewer' }, org: other.id }), 409);
});

test('only admins invite, list, revoke, see members, change roles and require resets: 403 and nothing changes', async () => {
  const inv = await invite('pending@acme.test');
  const before = state();
  for (const [role, c] of Object.entries(as)) {
    const calls = [
      ['POST', INVITES, { json: { email: 'x@acme.test', role: 'admin' } }],
      ['GET', INVITES],
      ['DELETE', `${INVITES}/${inv.id}`],
      ['GET', MEMBERS],
      ['PUT', `${MEMBERS}/viewer@acme.test/role`, { json: { role: 'admin' } }],
      ['PUT', `${MEMBERS}/${encodeURIComponent(srv.admin.email)}/role`, { json: { role: 'viewer' } }],
      ['POST', `${MEMBERS}/viewer@acme.test/reset-password`],
      ['POST', '/api/v1/orgs', { json: { name: `${role} org` } }],
    ];
    for (const [m, p, o] of calls) assertProblem(await c(m, p, o), 403);
  }
  assert.equal(state(), before);
});

test('bad input to invitations and role changes is a 422 naming the field, and changes nothing', async () => {
  const before = state();
  for (const [json, field] of [[{ role: 'viewer' }, 'email'], [{ email: 'not an email', role: 'viewer' }, 'email'], [{ email: 'a@acme.test' }, 'role'],
    [{ email: 'a@acme.test', role: 'owner' }, 'role'], [{ email: 'a@acme.test', role: 'viewer', expires_in_days: 0 }, 'expires_in_days'],
    [{ email: 'a@acme.test', role: 'viewer', expires_in_days: 31 }, 'expires_in_days'], [{ email: 'a@acme.test', role: 'viewer', token: 'mine' }, 'token']]) {
    const p = assertProblem(await admin('POST', INVITES, { json }), 422);
    assert.ok(p.errors.some((e) => e.field === field), `${JSON.stringify(json)}: ${JSON.stringify(p)}`);
  }
  assertProblem(await admin('POST', INVITES, { json: { email: 'viewer@acme.test', role: 'admin' } }), 409);
  for (const json of [{}, { role: 'owner' }, { role: 'viewer', extra: 1 }])
    assertProblem(await admin('PUT', `${MEMBERS}/viewer@acme.test/role`, { json }), 422);
  assertProblem(await admin('PUT', `${MEMBERS}/nobody@acme.test/role`, { json: { role: 'viewer' } }), 404);
  assert.equal(state(), before);
});

test('the members list; role changes are audited; the last active admin cannot be demoted (409)', async () => {
  addUser('promoted@acme.test', 'viewer');
  let list = assertJson(await admin('GET', MEMBERS)).items;
  const row = list.find((m) => m.email === 'promoted@acme.test');
  assert.deepEqual([row.role, row.status, row.password_reset_pending], ['viewer', 'active', false]);
  assert.equal(list[0].email, srv.admin.email);

  const before = state();
  const p = assertProblem(await admin('PUT', `${MEMBERS}/${encodeURIComponent(srv.admin.email)}/role`, { json: { role: 'manager' } }), 409);
  assert.match(p.detail, /last admin/);
  assert.equal(state(), before);

  assert.equal(assertJson(await admin('PUT', `${MEMBERS}/${row.id}/role`, { json: { role: 'admin' } })).role, 'admin');
  const promoted = client(srv.url, await login(srv.url, 'promoted@acme.test', PW));
  assert.equal(assertJson(await promoted('GET', '/api/v1/me')).organization.role, 'admin');
  // Two admins: one may step down; then the other is the last again.
  assert.equal(assertJson(await promoted('PUT', `${MEMBERS}/promoted@acme.test/role`, { json: { role: 'contributor' } })).role, 'contributor');
  assertProblem(await admin('PUT', `${MEMBERS}/${encodeURIComponent(srv.admin.email)}/role`, { json: { role: 'viewer' } }), 409);
  list = assertJson(await admin('GET', MEMBERS)).items;
  assert.equal(list.find((m) => m.email === 'promoted@acme.test').role, 'contributor');
  const log = (await entries()).filter((e) => e.record_type === 'membership' && e.record_id === row.id);
  assert.ok(log.filter((e) => e.op === 'delete').length >= 2 && log.filter((e) => e.op === 'create').length >= 3, JSON.stringify(log));
});

test("deactivating a member ends their open session and API token at once (401), and is in the audit log", async () => {
  addUser('leaver@acme.test', 'contributor');
  const { s, tok, t } = await sessionAndToken(srv, 'leaver@acme.test', PW, 'leaver ci');
  assertJson(await s('GET', '/api/v1/me'));
  assert.equal((await admin('POST', `${MEMBERS}/leaver@acme.test/deactivate`)).status, 204);
  assertProblem(await s('GET', '/api/v1/me'), 401);
  assertProblem(await t('GET', '/api/v1/me'), 401);
  assertProblem(await s('POST', '/api/v1/tokens', { json: { name: 'again' } }), 401);
  assert.equal(assertJson(await admin('GET', MEMBERS)).items.find((m) => m.email === 'leaver@acme.test').status, 'deactivated');
  const id = sql("SELECT id FROM users WHERE email = 'leaver@acme.test'");
  const log = (await entries()).filter((e) => e.record_type === 'membership' && e.record_id === id && e.op === 'update');
  assert.equal(log.length, 1);
  assert.equal(log[0].actor, srv.admin.email);
});

test('a forced password reset ends the sessions, blocks log-in until the link sets a new password, and works once', async () => {
  addUser('forgetful@acme.test', 'contributor');
  const s = client(srv.url, await login(srv.url, 'forgetful@acme.test', PW));
  const r = assertJson(await admin('POST', `${MEMBERS}/forgetful@acme.test/reset-password`), 201);
  assert.equal(r.link, `/password-reset/${r.token}`);
  assertProblem(await s('GET', '/api/v1/me'), 401);
  const blocked = await anon('POST', '/api/v1/auth/login', { json: { email: 'forgetful@acme.test', password: PW } });
  assert.match(assertProblem(blocked, 403).detail, /new password/);
  assert.equal(await loginStatus('forgetful@acme.test', 'not the password 1'), 401, 'a wrong password still says only that');
  assert.equal(assertJson(await admin('GET', MEMBERS)).items.find((m) => m.email === 'forgetful@acme.test').password_reset_pending, true);

  const link = `/api/v1/password-resets/${r.token}`;
  assert.equal(assertJson(await anon('GET', link)).email, 'forgetful@acme.test');
  const before = state();
  assertProblem(await anon('POST', link, { json: { password: 'password12' } }), 422);
  assertProblem(await anon('POST', link, { json: {} }), 422);
  assertProblem(await anon('POST', `/api/v1/password-resets/${r.token}x`, { json: { password: NEW_PW } }), 404);
  assert.equal(state(), before);
  assert.equal((await anon('POST', link, { json: { password: NEW_PW } })).status, 204);
  assert.equal(await loginStatus('forgetful@acme.test', PW), 401);
  assert.equal(await loginStatus('forgetful@acme.test', NEW_PW), 200);
  assertProblem(await anon('POST', link, { json: { password: 'another fine passphrase 5' } }), 409);
  assertProblem(await admin('POST', `${MEMBERS}/${encodeURIComponent(srv.admin.email)}/reset-password`), 409);
});

test("organizations: an admin creates one and becomes its admin; another organization's admin gets 404 on this one's people", async () => {
  const org = assertJson(await admin('POST', '/api/v1/orgs', { json: { name: 'Second Org' } }), 201);
  assert.equal(org.role, 'admin');
  assertProblem(await admin('POST', '/api/v1/orgs', { json: { name: 'Second Org' } }), 409);
  assertProblem(await admin('POST', '/api/v1/orgs', { json: { name: '' } }), 422);
  const me = assertJson(await admin('GET', '/api/v1/me', { org: org.id }));
  assert.equal(me.organization.id, org.id);
  assert.equal(me.organization.role, 'admin');
  // Acting in the new organization, Acme's people and invitations are out of reach.
  const inv = await invite('acme-only@acme.test');
  const before = state();
  const inB = { org: org.id };
  assertProblem(await admin('DELETE', `${INVITES}/${inv.id}`, inB), 404);
  assertProblem(await admin('PUT', `${MEMBERS}/viewer@acme.test/role`, { json: { role: 'admin' }, ...inB }), 404);
  assertProblem(await admin('POST', `${MEMBERS}/viewer@acme.test/reset-password`, inB), 404);
  assertProblem(await admin('POST', `${MEMBERS}/viewer@acme.test/deactivate`, inB), 404);
  assert.ok(!assertJson(await admin('GET', INVITES, inB)).items.some((i) => i.id === inv.id));
  assert.deepEqual(assertJson(await admin('GET', MEMBERS, inB)).items.map((m) => m.email), [srv.admin.email]);
  assert.equal(state(), before);
  assert.ok((await entries(admin, org.id)).some((e) => e.record_type === 'organization' && e.op === 'create'));
});

test('the organization profile: EU AI Act roles, fiscal year start and review interval; admins change it, bad values are 422, all audited', async () => {
  const SETTINGS = '/api/v1/org-settings';
  let s = assertJson(await admin('GET', SETTINGS));
  assert.deepEqual([s.ai_roles, s.fiscal_year_start_month, s.review_interval_months], [[], 1, 12]);
  const etag = (await admin('GET', SETTINGS)).headers.get('etag');
  const body = { segregation_of_duties: s.segregation_of_duties, ai_roles: ['provider', 'deployer'], fiscal_year_start_month: 4, review_interval_months: 6 };
  const before = state() + sql("SELECT * FROM records WHERE kind = 'org_settings'");
  assertProblem(await as.manager('PUT', SETTINGS, { json: body, headers: { 'if-match': etag } }), 403);
  for (const [bad, field] of [[{ ai_roles: ['owner'] }, 'ai_roles'], [{ fiscal_year_start_month: 13 }, 'fiscal_year_start_month'],
    [{ review_interval_months: 0 }, 'review_interval_months'], [{ ai_roles: 'provider' }, 'ai_roles']]) {
    const p = assertProblem(await admin('PUT', SETTINGS, { json: { ...body, ...bad }, headers: { 'if-match': etag } }), 422);
    assert.ok(p.errors.some((e) => e.field === field), JSON.stringify(p));
  }
  assert.equal(state() + sql("SELECT * FROM records WHERE kind = 'org_settings'"), before);
  s = assertJson(await admin('PUT', SETTINGS, { json: body, headers: { 'if-match': etag } }));
  assert.deepEqual([s.ai_roles, s.fiscal_year_start_month, s.review_interval_months], [['provider', 'deployer'], 4, 6]);
  // Left out of a PUT, the profile stays.
  s = assertJson(await admin('PUT', SETTINGS, { json: { segregation_of_duties: s.segregation_of_duties }, headers: { 'if-match': `"v${s.version}"` } }));
  assert.deepEqual([s.ai_roles, s.fiscal_year_start_month, s.review_interval_months], [['provider', 'deployer'], 4, 6]);
  assert.equal(assertJson(await as.viewer('GET', SETTINGS)).fiscal_year_start_month, 4);
  assert.ok((await entries()).some((e) => e.record_type === 'org_settings' && e.actor === srv.admin.email));
});
