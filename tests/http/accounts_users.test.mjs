// Passwords and deactivated users: changing one's own password (policy, throttle, other sessions
// end), resetting one on the server, and deactivating users (who may, what ends, the last admin).
// Every refusal is a problem that changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients, loginStatus as loginStatusAt, sessionAndToken } from '../lib/http.mjs';
import { MEMBERS } from '../lib/paths.mjs';

const PW = 'a sturdy passphrase 42';
const PASSWORD = '/api/v1/auth/password';
let srv, admin, as;

function addUser(email, role = 'viewer', org = srv.org, password = PW) {
  const r = aims(['user', 'add', '--data', srv.dataDir, '--org', org, '--email', email, '--role', role], password + '\n');
  assert.equal(r.status, 0, `aims user add ${email}: ${r.stderr}`);
}

const sql = (q) => spawnSync('sqlite3', [join(srv.dataDir, 'aims.db'), q], { encoding: 'utf8' }).stdout.trim();
/** What a refusal must leave alone: users (hashes, disabled_at), sessions, tokens, memberships, throttle. */
const accountState = () => ['users', 'sessions', 'api_tokens', 'memberships', 'login_throttle']
  .map((t) => sql(`SELECT * FROM ${t} ORDER BY 1, 2`)).join('\n--\n');
const loginStatus = (email, password) => loginStatusAt(srv.url, email, password);

before(async () => {
  srv = await startServer();
  admin = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  as = await memberClients(srv, ['viewer', 'auditor', 'contributor', 'manager'], PW);
});

after(async () => {
  await stopServer(srv);
});

test('changing one\'s password: bad input is a 422 naming the field and changes nothing, not even the throttle', async () => {
  addUser('changer@acme.test', 'contributor');
  const s1 = client(srv.url, await login(srv.url, 'changer@acme.test', PW));
  const before = accountState();
  const cases = [
    [{}, ['current_password', 'new_password']],
    [{ current_password: PW }, ['new_password']],
    [{ current_password: PW, new_password: 'a fresh passphrase 77', remember: true }, ['remember']],
    [{ current_password: 42, new_password: 'a fresh passphrase 77' }, ['current_password']],
    [{ current_password: PW, new_password: ['a fresh passphrase 77'] }, ['new_password']],
    [{ current_password: PW, new_password: '' }, ['new_password']],
    [{ current_password: PW, new_password: 'short' }, ['new_password']],
    [{ current_password: PW, new_password: 'password12' }, ['new_password']],
    [{ current_password: PW, new_password: 'changer@acme.test' }, ['new_password']],
    [{ current_password: PW, new_password: PW }, ['new_password']],
    [{ current_password: PW, new_password: 'x'.repeat(1025) }, ['new_password']],
  ];
  for (const [json, fields] of cases) {
    const p = assertProblem(await s1('POST', PASSWORD, { json }), 422);
    for (const f of fields) assert.ok(p.errors?.some((e) => e.field === f), `${JSON.stringify(json).slice(0, 80)}: no error on ${f}: ${JSON.stringify(p)}`);
  }
  assertProblem(await s1('POST', PASSWORD, { body: '[1]', headers: { 'content-type': 'application/json' } }), 400);
  assertProblem(await s1('POST', PASSWORD, { body: '{', headers: { 'content-type': 'application/json' } }), 400);
  assert.equal(accountState(), before);
  assert.equal(await loginStatus('changer@acme.test', PW), 200);
});

test('a wrong current password is a 422 on current_password; a right one ends the other sessions, keeps this one and the tokens', async () => {
  addUser('mover@acme.test', 'viewer');
  const s1 = client(srv.url, await login(srv.url, 'mover@acme.test', PW));
  const s2 = client(srv.url, await login(srv.url, 'mover@acme.test', PW));
  const tok = assertJson(await s1('POST', '/api/v1/tokens', { json: { name: 'mover ci' } }), 201);
  const readTok = assertJson(await s1('POST', '/api/v1/tokens', { json: { name: 'mover read', scope: 'read' } }), 201);
  const NEW = 'a fresh passphrase 77';
  const hash = () => sql("SELECT password_hash FROM users WHERE email = 'mover@acme.test'");
  const h0 = hash();
  const p = assertProblem(await s1('POST', PASSWORD, { json: { current_password: 'not my password 1', new_password: NEW } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['current_password']);
  assert.equal(hash(), h0);
  assertJson(await s2('GET', '/api/v1/me'));
  // A read-scope token may not change anything, a password included.
  assertProblem(await client(srv.url, { token: readTok.token })('POST', PASSWORD, { json: { current_password: PW, new_password: NEW } }), 403);
  assert.equal(hash(), h0);

  assert.equal((await s1('POST', PASSWORD, { json: { current_password: PW, new_password: NEW } })).status, 204);
  assert.notEqual(hash(), h0);
  assertJson(await s1('GET', '/api/v1/me'), 200);
  assertProblem(await s2('GET', '/api/v1/me'), 401);
  assertJson(await client(srv.url, { token: tok.token })('GET', '/api/v1/me'));
  assert.equal(await loginStatus('mover@acme.test', PW), 401);
  assert.equal(await loginStatus('mover@acme.test', NEW), 200);

  // Through an API token (aims password change): every session ends, the token stays.
  const env = ['--url', srv.url, '--token', tok.token];
  const weak = aims(['password', 'change', ...env], `${NEW}\npassword123\n`);
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /new_password/);
  const ch = aims(['password', 'change', ...env], `${NEW}\n${PW}\n`);
  assert.equal(ch.status, 0, ch.stderr);
  assertProblem(await s1('GET', '/api/v1/me'), 401);
  assertJson(await client(srv.url, { token: tok.token })('GET', '/api/v1/me'));
  assert.equal(await loginStatus('mover@acme.test', PW), 200);
});

test('wrong current passwords are throttled like log-ins: after 5, 429 with Retry-After even for the right one', async () => {
  addUser('guessed@acme.test', 'viewer');
  const s = client(srv.url, await login(srv.url, 'guessed@acme.test', PW));
  const NEW = 'a fresh passphrase 77';
  for (let i = 0; i < 5; i++)
    assertProblem(await s('POST', PASSWORD, { json: { current_password: `wrong guess ${i}`, new_password: NEW } }), 422);
  const before = sql("SELECT password_hash FROM users WHERE email = 'guessed@acme.test'");
  for (const current of ['wrong guess 5', PW]) {
    const r = await s('POST', PASSWORD, { json: { current_password: current, new_password: NEW } });
    assertProblem(r, 429);
    assert.match(r.headers.get('retry-after'), /^[1-9]\d*$/);
  }
  assert.equal(sql("SELECT password_hash FROM users WHERE email = 'guessed@acme.test'"), before);
  // The same keys as log-in: a log-in of this account from this address is blocked too.
  assert.equal(await loginStatus('guessed@acme.test', PW), 429);
});

test('aims user reset-password on the server: the policy applies, all sessions end, tokens stay', async () => {
  addUser('forgot@acme.test', 'viewer');
  const s = client(srv.url, await login(srv.url, 'forgot@acme.test', PW));
  const tok = assertJson(await s('POST', '/api/v1/tokens', { json: { name: 'forgot ci' } }), 201);
  const before = accountState();
  const weak = aims(['user', 'reset-password', '--data', srv.dataDir, '--email', 'forgot@acme.test'], 'qwertyuiop\n');
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /password/);
  const nobody = aims(['user', 'reset-password', '--data', srv.dataDir, '--email', 'nobody@acme.test'], 'a fresh passphrase 77\n');
  assert.equal(nobody.status, 1);
  assert.match(nobody.stderr, /No user/);
  assert.equal(accountState(), before);
  const r = aims(['user', 'reset-password', '--data', srv.dataDir, '--email', 'forgot@acme.test'], 'a fresh passphrase 77\n');
  assert.equal(r.status, 0, r.stderr);
  assertProblem(await s('GET', '/api/v1/me'), 401);
  assertJson(await client(srv.url, { token: tok.token })('GET', '/api/v1/me'));
  assert.equal(await loginStatus('forgot@acme.test', PW), 401);
  assert.equal(await loginStatus('forgot@acme.test', 'a fresh passphrase 77'), 200);
});

test('only an admin deactivates or reactivates: every other role gets 403 and nothing changes', async () => {
  addUser('target@acme.test', 'contributor');
  const before = accountState();
  for (const [role, c] of Object.entries(as)) {
    for (const verb of ['deactivate', 'reactivate']) {
      assertProblem(await c('POST', `${MEMBERS}/target@acme.test/${verb}`), 403);
      assertProblem(await c('POST', `${MEMBERS}/${srv.admin.email}/${verb}`), 403);
    }
    assert.equal(accountState(), before, `${role}: a refused deactivation changed something`);
  }
});

test('a deactivated user: sessions and tokens end at once, log-in says so, no new token; reactivation lets them in again', async () => {
  addUser('leaving@acme.test', 'manager');
  const { s, tok, t } = await sessionAndToken(srv, 'leaving@acme.test', PW, 'leaving ci');
  assert.equal((await admin('POST', `${MEMBERS}/leaving@acme.test/deactivate`)).status, 204);
  assert.notEqual(sql("SELECT disabled_at FROM users WHERE email = 'leaving@acme.test'"), '');
  assertProblem(await s('GET', '/api/v1/me'), 401);
  assertProblem(await t('GET', '/api/v1/me'), 401);
  assert.equal(sql("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'leaving@acme.test'"), '0');
  assert.equal(sql("SELECT count(*) FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = 'leaving@acme.test'"), '0');
  // The right password is told the account is deactivated; a wrong one learns nothing new.
  const r = await fetch(`${srv.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'leaving@acme.test', password: PW }) });
  assert.equal(r.status, 403);
  assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
  assert.match((await r.json()).detail, /deactivated/);
  assert.equal(await loginStatus('leaving@acme.test', 'wrong password 99'), 401);
  const mk = aims(['token', 'create', '--data', srv.dataDir, '--email', 'leaving@acme.test', '--name', 'sneaky']);
  assert.equal(mk.status, 1);
  assert.match(mk.stderr, /deactivated/);
  // Again: nothing changes. The membership and role are kept.
  const before = accountState();
  assert.equal((await admin('POST', `${MEMBERS}/leaving@acme.test/deactivate`)).status, 204);
  assert.equal(accountState(), before);
  assert.equal(sql("SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'leaving@acme.test'"), 'manager');

  const id = sql("SELECT id FROM users WHERE email = 'leaving@acme.test'");
  assert.equal((await admin('POST', `${MEMBERS}/${id}/reactivate`)).status, 204);
  assert.equal(sql("SELECT disabled_at FROM users WHERE email = 'leaving@acme.test'"), '');
  assertProblem(await t('GET', '/api/v1/me'), 401);  // ended credentials stay ended
  const back = client(srv.url, await login(srv.url, 'leaving@acme.test', PW));
  assert.equal(assertJson(await back('GET', '/api/v1/me')).organization.role, 'manager');
});

test('never oneself, never the last admin who can log in; unknown users and other organizations\' members are 404', async () => {
  const me = assertJson(await admin('GET', '/api/v1/me'));
  addUser('second-admin@acme.test', 'admin');
  const other = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other', '--admin-email', 'other-admin@x.test'], 'other organization password\n');
  assert.equal(other.status, 0, other.stderr);
  const otherAdmin = client(srv.url, await login(srv.url, 'other-admin@x.test', 'other organization password'));
  const before = accountState();
  const self = assertProblem(await admin('POST', `${MEMBERS}/${me.user.id}/deactivate`), 409);
  assert.match(self.detail, /yourself/);
  assertProblem(await admin('POST', `${MEMBERS}/nobody@acme.test/deactivate`), 404);
  assertProblem(await admin('POST', `${MEMBERS}/other-admin@x.test/deactivate`), 404);
  assertProblem(await admin('POST', `${MEMBERS}/other-admin@x.test/reactivate`), 404);
  assertProblem(await otherAdmin('POST', `${MEMBERS}/second-admin@acme.test/deactivate`), 404);
  assert.equal(accountState(), before);

  // With the second admin deactivated, the first is the last admin who can log in: the server's
  // operator cannot deactivate them, and removing them is refused too.
  assert.equal((await admin('POST', `${MEMBERS}/second-admin@acme.test/deactivate`)).status, 204);
  const before2 = accountState();
  const last = aims(['user', 'deactivate', '--data', srv.dataDir, '--email', srv.admin.email]);
  assert.equal(last.status, 1);
  assert.match(last.stderr, /last admin/);
  assert.match(assertProblem(await admin('DELETE', `${MEMBERS}/${me.user.id}`), 409).detail, /last admin/);
  assert.equal(accountState(), before2);
  const re = aims(['user', 'reactivate', '--data', srv.dataDir, '--email', 'second-admin@acme.test']);
  assert.equal(re.status, 0, re.stderr);
  assert.equal(sql("SELECT disabled_at FROM users WHERE email = 'second-admin@acme.test'"), '');
});

test('a user of two organizations: only an admin of both may deactivate them, through the API or aims user', async () => {
  addUser('twofold@acme.test', 'viewer');
  addUser('twofold@acme.test', 'viewer', 'Other');
  const before = accountState();
  const p = assertProblem(await admin('POST', `${MEMBERS}/twofold@acme.test/deactivate`), 403);
  assert.match(p.detail, /not an admin of/);
  assert.equal(accountState(), before);
  // Once Acme's admin is an admin of Other too, they may.
  addUser(srv.admin.email, 'admin', 'Other');
  const tok = aims(['token', 'create', '--data', srv.dataDir, '--email', srv.admin.email, '--name', 'admin cli']);
  assert.equal(tok.status, 0, tok.stderr);
  const env = ['--url', srv.url, '--token', tok.stdout.trim()];
  const off = aims(['user', 'deactivate', '--email', 'twofold@acme.test', ...env]);
  assert.equal(off.status, 0, off.stderr);
  assert.equal(await loginStatus('twofold@acme.test', PW), 403);
  const on = aims(['user', 'reactivate', '--email', 'twofold@acme.test', ...env]);
  assert.equal(on.status, 0, on.stderr);
  assert.equal(await loginStatus('twofold@acme.test', PW), 200);
});
