// Log-in, sessions, CSRF, API tokens, throttling and log-out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer } from '../lib/http.mjs';

let srv, anon;
const PW = 'another long password 42';

before(async () => {
  srv = await startServer();
  anon = client(srv.url);
  // A separate account for the throttling test, so the admin is never locked out.
  const r = aims(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', 'throttled@acme.test', '--role', 'viewer'], PW + '\n');
  assert.equal(r.status, 0, `aims user add: ${r.stderr}`);
});

after(async () => {
  await stopServer(srv);
});

const loginWith = (body, headers = { 'content-type': 'application/json' }) =>
  anon('POST', '/api/v1/auth/login', { body: typeof body === 'string' ? body : JSON.stringify(body), headers });

async function systemCount(c) {
  const r = await c('GET', '/api/v1/systems?archived=all');
  return assertJson(r).total;
}

test('log-in with the right password: 200, HttpOnly SameSite=Strict session cookie, csrf_token and organizations', async () => {
  const r = await loginWith({ email: srv.admin.email, password: srv.admin.password });
  const me = assertJson(r);
  const setCookie = r.headers.get('set-cookie');
  assert.ok(setCookie, 'Set-Cookie is missing');
  assert.match(setCookie, /^aims_session=[^;\s]{20,};/, setCookie);
  const attrs = setCookie.split(';').map((s) => s.trim().toLowerCase());
  assert.ok(attrs.includes('httponly'), `HttpOnly missing: ${setCookie}`);
  assert.ok(attrs.includes('samesite=strict'), `SameSite=Strict missing: ${setCookie}`);
  assert.ok(attrs.includes('path=/'), `Path=/ missing: ${setCookie}`);
  assert.equal(typeof me.csrf_token, 'string');
  assert.ok(me.csrf_token.length >= 16, 'csrf_token is too short');
  assert.equal(me.user.email, srv.admin.email);
  assert.equal(typeof me.user.id, 'string');
  assert.ok(Array.isArray(me.organizations) && me.organizations.length === 1, JSON.stringify(me.organizations));
  assert.equal(me.organizations[0].name, srv.org);
  assert.equal(me.organizations[0].role, 'admin');
  assert.equal(typeof me.organizations[0].id, 'string');
  assert.deepEqual(me.organization, me.organizations[0]);
  // The session token is never in the body.
  assert.ok(!r.text.includes(setCookie.split(';')[0].split('=')[1]), 'the session token leaks into the body');
});

test('the email is matched case-insensitively and trimmed', async () => {
  const r = await loginWith({ email: `  ${srv.admin.email.toUpperCase()} `, password: srv.admin.password });
  assertJson(r);
});

test('a wrong password answers 401 problem and sets no cookie', async () => {
  const r = await loginWith({ email: srv.admin.email, password: 'not the password at all' });
  assertProblem(r, 401);
  assert.equal(r.headers.get('set-cookie'), null);
  // An unknown account answers exactly like a wrong password.
  const u = await loginWith({ email: 'nobody@acme.test', password: 'not the password at all' });
  const p = assertProblem(u, 401);
  assert.equal(p.detail, r.body.detail, 'unknown email and wrong password must be indistinguishable');
});

test('missing fields answer 422 with a field error for each', async () => {
  let p = assertProblem(await loginWith({}), 422);
  const fields = (p.errors || []).map((e) => e.field).sort();
  assert.deepEqual(fields, ['email', 'password'], JSON.stringify(p.errors));
  for (const e of p.errors) assert.equal(typeof e.message, 'string');
  p = assertProblem(await loginWith({ email: srv.admin.email }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['password']);
  p = assertProblem(await loginWith({ email: '', password: '' }), 422);
  assert.deepEqual(p.errors.map((e) => e.field).sort(), ['email', 'password']);
  p = assertProblem(await loginWith({ email: srv.admin.email, password: 12345 }), 422);
  assert.ok(p.errors.some((e) => e.field === 'password'));
  p = assertProblem(await loginWith({ email: srv.admin.email, password: srv.admin.password, remember: true }), 422);
  assert.ok(p.errors.some((e) => e.field === 'remember'), 'unknown members are refused (additionalProperties: false)');
});

test('a body that is not JSON answers 415; malformed JSON answers 400', async () => {
  const form = `email=${encodeURIComponent(srv.admin.email)}&password=x`;
  assertProblem(await loginWith(form, { 'content-type': 'application/x-www-form-urlencoded' }), 415);
  assertProblem(await loginWith(JSON.stringify({ email: 'a', password: 'b' }), { 'content-type': 'text/plain' }), 415);
  assertProblem(await loginWith('{"email": "admin@acme.test", "password": '), 400);
  assertProblem(await loginWith('[1, 2'), 400);
  assertProblem(await loginWith('["not", "an", "object"]'), 400);
});

test('six failed log-ins in a row answer 429 on the sixth, even with the right password', async () => {
  const email = 'throttled@acme.test';
  for (let i = 1; i <= 5; i++) assertProblem(await loginWith({ email, password: `wrong password ${i}` }), 401);
  assertProblem(await loginWith({ email, password: 'wrong password 6' }), 429);
  assertProblem(await loginWith({ email, password: PW }), 429);
  // Other accounts are not affected.
  assertJson(await loginWith({ email: srv.admin.email, password: srv.admin.password }));
});

test('GET /api/v1/me without credentials answers 401 problem', async () => {
  assertProblem(await anon('GET', '/api/v1/me'), 401);
  assertProblem(await anon('GET', '/api/v1/me', { headers: { cookie: 'aims_session=forged-session-token' } }), 401);
  assertProblem(await anon('GET', '/api/v1/me', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }), 401);
});

test('GET /api/v1/me with the session cookie returns the caller and the csrf token', async () => {
  const s = await login(srv.url, srv.admin.email, srv.admin.password);
  const me = assertJson(await client(srv.url, s)('GET', '/api/v1/me'));
  assert.equal(me.user.email, srv.admin.email);
  assert.equal(me.csrf_token, s.csrf);
  assert.equal(me.organization.name, srv.org);
  assert.equal(me.organization.role, 'admin');
});

test('a cookie-session write without X-CSRF-Token answers 403 and changes nothing; with it, it works', async () => {
  const s = await login(srv.url, srv.admin.email, srv.admin.password);
  const c = client(srv.url, s);
  const before = await systemCount(c);
  const sys = { name: 'CSRF probe', purpose: 'Must not be created without the token' };
  assertProblem(await c('POST', '/api/v1/systems', { json: sys, csrf: false }), 403);
  assertProblem(await c('POST', '/api/v1/systems', { json: sys, csrf: false, headers: { 'x-csrf-token': 'wrong-token' } }), 403);
  // Another session's token does not fit this session.
  const other = await login(srv.url, srv.admin.email, srv.admin.password);
  assertProblem(await c('POST', '/api/v1/systems', { json: sys, csrf: false, headers: { 'x-csrf-token': other.csrf } }), 403);
  assert.equal(await systemCount(c), before, 'a refused write must store nothing');
  const list = assertJson(await c('GET', `/api/v1/systems?q=${encodeURIComponent('CSRF probe')}`));
  assert.equal(list.items.length, 0);

  const ok = await c('POST', '/api/v1/systems', { json: sys });
  assert.equal(assertJson(ok, 201).name, 'CSRF probe');
  assert.equal(await systemCount(c), before + 1);

  // Log-out is a write too.
  assertProblem(await c('POST', '/api/v1/auth/logout', { csrf: false }), 403);
  assertJson(await c('GET', '/api/v1/me'));
});

test('an API token from `aims token create` authenticates and needs no CSRF token', async () => {
  const t = aims(['token', 'create', '--data', srv.dataDir, '--email', srv.admin.email, '--name', 'ci pipeline']);
  assert.equal(t.status, 0, `aims token create: ${t.stderr}`);
  const token = t.stdout.trim();
  assert.ok(token.length >= 20 && !/\s/.test(token), `unexpected token output: ${t.stdout}`);
  const c = client(srv.url, { token });
  const me = assertJson(await c('GET', '/api/v1/me'));
  assert.equal(me.user.email, srv.admin.email);
  assert.equal(me.organization.name, srv.org);
  assert.equal(me.csrf_token, undefined, 'token callers get no csrf_token');
  const before = await systemCount(c);
  const r = await c('POST', '/api/v1/systems', { json: { name: 'Created by token', purpose: 'Pipeline registration' } });
  const sys = assertJson(r, 201);
  assert.equal(sys.created_by, srv.admin.email);
  assert.equal(await systemCount(c), before + 1);
  // The scheme name is case-insensitive (RFC 9110).
  assertJson(await anon('GET', '/api/v1/me', { headers: { authorization: `bearer ${token}` } }));
});

test('a bad bearer token answers 401 problem', async () => {
  assertProblem(await anon('GET', '/api/v1/me', { headers: { authorization: 'Bearer not-a-real-token' } }), 401);
  assertProblem(await anon('GET', '/api/v1/systems', { headers: { authorization: 'Bearer ' } }), 401);
  const r = await anon('POST', '/api/v1/systems', {
    headers: { authorization: 'Bearer not-a-real-token' },
    json: { name: 'Should not exist', purpose: 'x' },
  });
  assertProblem(r, 401);
  // A bad token is refused even next to a valid session cookie.
  const s = await login(srv.url, srv.admin.email, srv.admin.password);
  assertProblem(await anon('GET', '/api/v1/me', { headers: { cookie: s.cookie, authorization: 'Bearer not-a-real-token' } }), 401);
});

test('log-out answers 204, clears the cookie, and the old cookie no longer works', async () => {
  const s = await login(srv.url, srv.admin.email, srv.admin.password);
  const c = client(srv.url, s);
  assertJson(await c('GET', '/api/v1/me'));
  const r = await c('POST', '/api/v1/auth/logout');
  assert.equal(r.status, 204, `${r.req}: ${r.status} ${r.text}`);
  assert.equal(r.text, '');
  const sc = r.headers.get('set-cookie') || '';
  assert.match(sc, /^aims_session=;/, `the cookie is not cleared: ${sc}`);
  assert.match(sc, /max-age=0|expires=thu, 01 jan 1970/i, `the cookie is not expired: ${sc}`);
  assertProblem(await c('GET', '/api/v1/me'), 401);
  assertProblem(await c('POST', '/api/v1/systems', { json: { name: 'After logout', purpose: 'x' } }), 401);
  assertProblem(await c('POST', '/api/v1/auth/logout'), 401);
  // Other sessions of the same user are not ended.
  const still = await login(srv.url, srv.admin.email, srv.admin.password);
  assertJson(await client(srv.url, still)('GET', '/api/v1/me'));
});

test('log-out without credentials answers 401 problem', async () => {
  assertProblem(await anon('POST', '/api/v1/auth/logout'), 401);
});
