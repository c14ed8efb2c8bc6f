// Accounts that resist attack: the log-in throttle (per client address and per account and client,
// kept in the database, atomic), the password hashing pool, the password policy, and API tokens
// that expire, carry a scope and can be revoked, and members that can be removed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer } from '../lib/http.mjs';

let srv, admin;
const PW = 'a sturdy passphrase 42';

/** POST /api/v1/auth/login from the loopback address `from` (127.x.y.z); resolves to {status, headers, body}. */
function loginFrom(url, from, email, password, headers = {}) {
  const body = JSON.stringify({ email, password });
  const u = new URL('/api/v1/auth/login', url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress: from, agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { text += d; });
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text, body: text ? JSON.parse(text) : undefined }));
      });
    req.on('error', reject);
    req.end(body);
  });
}

function assertThrottled(r, what) {
  assert.equal(r.status, 429, `${what}: expected 429, got ${r.status}: ${r.text}`);
  assert.match(r.headers['content-type'], /^application\/problem\+json/);
  assert.match(String(r.headers['retry-after']), /^[1-9]\d*$/, `${what}: Retry-After is ${r.headers['retry-after']}`);
  assert.equal(r.body.status, 429);
}

function addUser(email, role = 'viewer', password = PW, org = srv.org) {
  return aims(['user', 'add', '--data', srv.dataDir, '--org', org, '--email', email, '--role', role], password + '\n');
}

const sql = (q) => spawnSync('sqlite3', [join(srv.dataDir, 'aims.db'), q], { encoding: 'utf8' }).stdout.trim();

before(async () => {
  srv = await startServer();
  admin = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  for (const e of ['victim@acme.test', 'burst@acme.test', 'member@acme.test', 'manager@acme.test'])
    assert.equal(addUser(e, e.startsWith('manager') ? 'manager' : 'viewer').status, 0);
});

after(async () => {
  await stopServer(srv);
});

test('wrong passwords from one client lock out that client only: the owner still logs in from elsewhere', async () => {
  const email = 'victim@acme.test';
  for (let i = 0; i < 5; i++) assert.equal((await loginFrom(srv.url, '127.0.0.2', email, `wrong guess ${i}`)).status, 401);
  assertThrottled(await loginFrom(srv.url, '127.0.0.2', email, 'wrong guess 6'), 'sixth guess');
  assertThrottled(await loginFrom(srv.url, '127.0.0.2', email, PW), 'right password from the attacker');
  // The owner, from another address, is not affected.
  const ok = await loginFrom(srv.url, '127.0.0.3', email, PW);
  assert.equal(ok.status, 200, ok.text);
  assert.ok(ok.headers['set-cookie']);
  // The state is in the database, where every server of the installation sees it.
  const row = sql(`SELECT failures, blocked_until <> '' FROM login_throttle WHERE throttle_key = 'account:${email}|127.0.0.2'`);
  assert.equal(row, '5|1');
});

test('X-Forwarded-For is ignored unless a trusted proxy is configured', async () => {
  const email = 'member@acme.test';
  for (let i = 0; i < 5; i++)
    assert.equal((await loginFrom(srv.url, '127.0.0.7', email, `bad ${i}`, { 'x-forwarded-for': `10.0.0.${i}` })).status, 401);
  assertThrottled(await loginFrom(srv.url, '127.0.0.7', email, 'bad 6', { 'x-forwarded-for': '10.9.9.9' }), 'forged header');
});

test('spraying one password over many accounts from one client is throttled, with Retry-After', async () => {
  const statuses = [];
  for (let i = 0; i < 20; i++) statuses.push((await loginFrom(srv.url, '127.0.0.4', `nobody${i}@acme.test`, 'Spring2026 guess')).status);
  assert.deepEqual(new Set(statuses), new Set([401]));
  assertThrottled(await loginFrom(srv.url, '127.0.0.4', 'victim@acme.test', 'Spring2026 guess'), 'the 21st account');
  // Other clients are not affected.
  assert.equal((await loginFrom(srv.url, '127.0.0.5', 'victim@acme.test', PW)).status, 200);
});

test('a burst of 40 concurrent guesses gets at most 5 checked; the rest are refused without a check', async () => {
  const rs = await Promise.all(
    Array.from({ length: 40 }, (_, i) => loginFrom(srv.url, '127.0.0.6', 'burst@acme.test', `concurrent guess ${i}`)));
  const checked = rs.filter((r) => r.status === 401).length;
  assert.ok(checked >= 1 && checked <= 5, `${checked} guesses were checked`);
  for (const r of rs) {
    assert.ok([401, 429, 503].includes(r.status), `unexpected ${r.status}: ${r.text}`);
    if (r.status !== 401) assert.match(String(r.headers['retry-after']), /^[1-9]\d*$/);
  }
  assert.ok(rs.some((r) => r.status === 429));
  const failures = Number(sql("SELECT failures FROM login_throttle WHERE throttle_key = 'account:burst@acme.test|127.0.0.6'"));
  assert.ok(failures <= 5, `${failures} failures counted`);
});

test('a log-in flood answers 401 or an immediate 503 with Retry-After, never anything else', async () => {
  // Each request from its own address, so that only the hashing pool limits them.
  const rs = await Promise.all(
    Array.from({ length: 24 }, (_, i) => loginFrom(srv.url, `127.0.1.${i + 1}`, `flood${i}@acme.test`, 'flooding password 1')));
  for (const r of rs) {
    assert.ok([401, 503].includes(r.status), `unexpected ${r.status}: ${r.text}`);
    if (r.status === 503) {
      assert.match(r.headers['content-type'], /^application\/problem\+json/);
      assert.equal(r.headers['retry-after'], '1');
    }
  }
  // A flood's 503 gave its reservation back: no client is left counted for it.
  const counted = Number(sql("SELECT COALESCE(SUM(failures), 0) FROM login_throttle WHERE throttle_key LIKE 'client:127.0.1.%'"));
  assert.equal(counted, rs.filter((r) => r.status === 401).length);
});

test('weak passwords are refused by aims user add with the reason, and no user is created', async () => {
  for (const [pw, why] of [['aaaaaaaaaa', /fewer than 4 different/], ['password12', /most common/], ['          ', /only spaces/],
    ['0123456789', /sequence/], ['qwertyuiop', /keyboard/], ['newbie2026!!', /your email/]]) {
    const r = addUser('newbie@acme.test', 'viewer', pw);
    assert.equal(r.status, 1, `${JSON.stringify(pw)} was accepted`);
    assert.match(r.stderr, why);
    assert.match(r.stderr, /password/);
  }
  assert.equal(sql("SELECT count(*) FROM users WHERE email = 'newbie@acme.test'"), '0');
  assert.equal(addUser('newbie@acme.test', 'viewer', 'a fine long passphrase').status, 0);
});

test('aims init refuses a weak password', () => {
  const dir = spawnSync('mktemp', ['-d'], { encoding: 'utf8' }).stdout.trim();
  const r = aims(['init', '--data', join(dir, 'd'), '--org', 'Weak Org', '--admin-email', 'a@weak.test'], 'Weak Org 2026\n');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /organization's name/);
  spawnSync('rm', ['-rf', dir]);
});

test('POST /api/v1/tokens makes a token that expires in 90 days by default and is shown once', async () => {
  const r = assertJson(await admin('POST', '/api/v1/tokens', { json: { name: 'nightly export' } }), 201);
  assert.match(r.token, /^aims_/);
  assert.equal(r.scope, 'write');
  const days = (Date.parse(r.expires_at) - Date.parse(r.created_at)) / 86400000;
  assert.equal(days, 90);
  assert.equal(r.last_used_at, null);
  const list = assertJson(await admin('GET', '/api/v1/tokens')).items;
  const mine = list.find((t) => t.id === r.id);
  assert.ok(mine);
  assert.equal(mine.token, undefined, 'the token itself is never listed');
  assert.equal(mine.expires_at, r.expires_at);
});

test('token requests are validated and a refused one creates nothing', async () => {
  const before = sql('SELECT count(*) FROM api_tokens');
  for (const json of [{}, { name: '' }, { name: 'x', scope: 'admin' }, { name: 'x', expires_in_days: 0 },
    { name: 'x', expires_in_days: 3651 }, { name: 'x', expires_in_days: '9' }, { name: 'x', extra: 1 }])
    assertProblem(await admin('POST', '/api/v1/tokens', { json }), 422);
  // "Never" only by an admin's explicit choice.
  const mgr = client(srv.url, await login(srv.url, 'manager@acme.test', PW));
  assertProblem(await mgr('POST', '/api/v1/tokens', { json: { name: 'forever', expires_in_days: null } }), 403);
  assert.equal(sql('SELECT count(*) FROM api_tokens'), before);
  const never = assertJson(await admin('POST', '/api/v1/tokens', { json: { name: 'forever', expires_in_days: null } }), 201);
  assert.equal(never.expires_at, null);
});

test('a read token may read but not write; last use is noted at most once a minute and never audited', async () => {
  const t = assertJson(await admin('POST', '/api/v1/tokens', { json: { name: 'dashboard', scope: 'read', expires_in_days: 7 } }), 201);
  const c = client(srv.url, { token: t.token });
  const auditBefore = sql('SELECT count(*) FROM audit_entries');
  assertJson(await c('GET', '/api/v1/systems'));
  const first = sql(`SELECT last_used_at FROM api_tokens WHERE id = '${t.id}'`);
  assert.ok(first.length > 0, 'last use not noted');
  assertJson(await c('GET', '/api/v1/me'));
  assert.equal(sql(`SELECT last_used_at FROM api_tokens WHERE id = '${t.id}'`), first, 'noted twice within a minute');
  assert.equal(sql('SELECT count(*) FROM audit_entries'), auditBefore, 'a GET wrote to the audit log');
  const p = assertProblem(await c('POST', '/api/v1/systems', { json: { name: 'Not by a read token', purpose: 'x' } }), 403);
  assert.match(p.detail, /read/);
  assert.equal(sql("SELECT count(*) FROM systems WHERE name_key = 'not by a read token'"), '0');
});

test('an expired token answers 401', async () => {
  const t = assertJson(await admin('POST', '/api/v1/tokens', { json: { name: 'short lived', expires_in_days: 1 } }), 201);
  const c = client(srv.url, { token: t.token });
  assertJson(await c('GET', '/api/v1/me'));
  sql(`UPDATE api_tokens SET expires_at = '2020-01-01T00:00:00.000Z' WHERE id = '${t.id}'`);
  const p = assertProblem(await c('GET', '/api/v1/me'), 401);
  assert.match(p.detail, /expired/);
  const listed = assertJson(await admin('GET', '/api/v1/tokens')).items.find((x) => x.id === t.id);
  assert.equal(listed.expired, true);
});

test('revoking: own tokens, an admin any member\'s; others see 404; a revoked token stops at once', async () => {
  const mgr = client(srv.url, await login(srv.url, 'manager@acme.test', PW));
  const mine = assertJson(await mgr('POST', '/api/v1/tokens', { json: { name: 'manager script' } }), 201);
  const adminTok = assertJson(await admin('POST', '/api/v1/tokens', { json: { name: 'admin script' } }), 201);
  const listed = assertJson(await mgr('GET', '/api/v1/tokens')).items.map((t) => t.id);
  assert.ok(listed.includes(mine.id) && !listed.includes(adminTok.id), 'a member sees only their own tokens');
  assert.ok(assertJson(await admin('GET', '/api/v1/tokens')).items.some((t) => t.id === mine.id), 'an admin sees members\' tokens');
  assertProblem(await mgr('DELETE', `/api/v1/tokens/${adminTok.id}`), 404);
  assertJson(await client(srv.url, { token: adminTok.token })('GET', '/api/v1/me'));
  const own = await mgr('DELETE', `/api/v1/tokens/${mine.id}`);
  assert.equal(own.status, 204);
  assertProblem(await client(srv.url, { token: mine.token })('GET', '/api/v1/me'), 401);
  assertProblem(await mgr('DELETE', `/api/v1/tokens/${mine.id}`), 404);
  const again = assertJson(await mgr('POST', '/api/v1/tokens', { json: { name: 'manager script 2' } }), 201);
  assert.equal((await admin('DELETE', `/api/v1/tokens/${again.id}`)).status, 204);
  assertProblem(await client(srv.url, { token: again.token })('GET', '/api/v1/me'), 401);
});

test('removing a member: admin only, ends their sessions and tokens at once; the last admin stays', async () => {
  assert.equal(addUser('leaver@acme.test', 'contributor').status, 0);
  const s = await login(srv.url, 'leaver@acme.test', PW);
  const session = client(srv.url, s);
  const tok = assertJson(await session('POST', '/api/v1/tokens', { json: { name: 'leaver ci' } }), 201);
  const mgr = client(srv.url, await login(srv.url, 'manager@acme.test', PW));
  assertProblem(await mgr('DELETE', '/api/v1/org/members/leaver@acme.test'), 403);
  assertJson(await session('GET', '/api/v1/me'));
  const auditBefore = Number(sql('SELECT count(*) FROM audit_entries'));
  assert.equal((await admin('DELETE', '/api/v1/org/members/leaver@acme.test')).status, 204);
  assertProblem(await session('GET', '/api/v1/me'), 401);
  assertProblem(await client(srv.url, { token: tok.token })('GET', '/api/v1/me'), 401);
  assert.equal(Number(sql('SELECT count(*) FROM audit_entries')), auditBefore + 1, 'the removal is in the audit log');
  assertProblem(await admin('DELETE', '/api/v1/org/members/leaver@acme.test'), 404);
  assertProblem(await admin('DELETE', '/api/v1/org/members/nobody@acme.test'), 404);
  // The only admin cannot remove themself.
  const me = assertJson(await admin('GET', '/api/v1/me'));
  const p = assertProblem(await admin('DELETE', `/api/v1/org/members/${me.user.id}`), 409);
  assert.match(p.detail, /last admin/);
  assertJson(await admin('GET', '/api/v1/me'));
});

test('aims token create|list|revoke through the API and on the server; aims org remove-member', async () => {
  const mk = aims(['token', 'create', '--data', srv.dataDir, '--email', 'member@acme.test', '--name', 'cli made', '--expires-days', '30']);
  assert.equal(mk.status, 0, mk.stderr);
  const env = ['--url', srv.url, '--token', mk.stdout.trim()];
  const viaApi = aims(['token', 'create', ...env, '--name', 'cli api made', '--scope', 'read']);
  assert.equal(viaApi.status, 0, viaApi.stderr);
  const readEnv = ['--url', srv.url, '--token', viaApi.stdout.trim()];
  // A read token cannot make tokens.
  const refused = aims(['token', 'create', ...readEnv, '--name', 'more']);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /read/);
  const list = aims(['token', 'list', ...readEnv, '--json']);
  assert.equal(list.status, 0, list.stderr);
  const items = JSON.parse(list.stdout).items;
  const made = items.find((t) => t.name === 'cli made');
  const readOne = items.find((t) => t.name === 'cli api made');
  assert.equal(made.scope, 'write');
  assert.equal(readOne.scope, 'read');
  assert.equal((Date.parse(made.expires_at) - Date.parse(made.created_at)) / 86400000, 30);
  const text = aims(['token', 'list', '--data', srv.dataDir, '--email', 'member@acme.test']);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /cli api made\s+read/);
  const rv = aims(['token', 'revoke', readOne.id, ...env]);
  assert.equal(rv.status, 0, rv.stderr);
  assert.equal(aims(['token', 'list', ...readEnv]).status, 1, 'the revoked token still works');
  const rv2 = aims(['token', 'revoke', made.id, '--data', srv.dataDir]);
  assert.equal(rv2.status, 0, rv2.stderr);
  assert.equal(aims(['token', 'list', ...env]).status, 1, 'the revoked token still works');
  const last = aims(['org', 'remove-member', '--data', srv.dataDir, '--org', srv.org, '--email', srv.admin.email]);
  assert.equal(last.status, 1);
  assert.match(last.stderr, /last admin/);
  const rm = aims(['org', 'remove-member', '--data', srv.dataDir, '--org', srv.org, '--email', 'member@acme.test']);
  assert.equal(rm.status, 0, rm.stderr);
  assert.equal(sql("SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'member@acme.test'"), '0');
});

test('behind a trusted proxy (AIMS_TRUST_FORWARDED_FOR=1) the last X-Forwarded-For entry is the client', async () => {
  const s2 = await startServer({ env: { AIMS_TRUST_FORWARDED_FOR: '1' } });
  try {
    const email = s2.admin.email;
    for (let i = 0; i < 5; i++)
      assert.equal((await loginFrom(s2.url, '127.0.0.1', email, `nope ${i}`, { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' })).status, 401);
    assertThrottled(await loginFrom(s2.url, '127.0.0.1', email, s2.admin.password, { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' }), 'same proxy-added address');
    const ok = await loginFrom(s2.url, '127.0.0.1', email, s2.admin.password, { 'x-forwarded-for': '203.0.113.9, 203.0.113.10' });
    assert.equal(ok.status, 200, ok.text);
  } finally {
    await stopServer(s2);
  }
});
