// Server hardening: JSON bodies with a repeated key, oversized headers (431), running out of file
// descriptors, the security log of refused requests, and the session cookie's name and attributes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { SYS } from '../lib/paths.mjs';

const LOGIN = '/api/v1/auth/login';
let srv, adminAuth, admin, anon;

before(async () => {
  srv = await startServer();
  adminAuth = await login(srv.url, srv.admin.email, srv.admin.password);
  admin = client(srv.url, adminAuth);
  anon = client(srv.url);
  assertJson(await admin('POST', SYS, { json: { name: 'Existing system', purpose: 'Present before the tests' } }), 201);
});

after(async () => {
  await stopServer(srv);
});

/** Everything the organization's system list holds, as text. */
async function systems() {
  return assertJson(await admin('GET', `${SYS}?archived=all&limit=500`)).items.map((s) => JSON.stringify(s)).sort();
}

const raw = (c, method, path, body) => c(method, path, { body, headers: { 'content-type': 'application/json' } });

test('a JSON body with a repeated key is refused with 400 naming the key, at any level, and changes nothing', async () => {
  const before = await systems();
  const cases = [
    ['{"name":"First","name":"Second","purpose":"x"}', 'name', 'the top-level object'],
    ['{"name":"A","purpose":"x","tags":{"k":1,"k":2}}', 'k', '/tags'],
    ['{"name":"A","purpose":"x","list":[{"a":1},{"b":1,"b":2}]}', 'b', '/list/1'],
    ['{"name":"First","\\u006eame":"Second","purpose":"x"}', 'name', 'the top-level object'],
    ['{"name":"A","purpose":"x","d":{"\\u00e9":1,"\u00e9":2}}', '\u00e9', '/d'],
  ];
  for (const [body, key, where] of cases) {
    const p = assertProblem(await raw(admin, 'POST', SYS, body), 400);
    assert.ok(p.detail.includes(`"${key}"`), `${body}: the detail does not name the key: ${p.detail}`);
    assert.ok(p.detail.includes(where), `${body}: the detail does not say where: ${p.detail}`);
  }
  // The same body without the repetition is accepted, so the refusal is about the key alone.
  assertJson(await raw(admin, 'POST', SYS, '{"name":"Control","purpose":"x"}'), 201);
  const after = await systems();
  assert.equal(after.length, before.length + 1);
  assert.ok(after.filter((s) => !before.includes(s)).every((s) => JSON.parse(s).name === 'Control'));
});

test('a log-in body with the e-mail twice is refused before any password check', async () => {
  const body = `{"email":"nobody@acme.test","email":"${srv.admin.email}","password":"${srv.admin.password}"}`;
  const r = await raw(anon, 'POST', LOGIN, body);
  const p = assertProblem(r, 400);
  assert.match(p.detail, /"email"/);
  assert.equal(r.headers.get('set-cookie'), null);
});

/** Sends raw bytes on a new connection and resolves to everything the server answered once it closed. */
function rawExchange(text) {
  return new Promise((resolve, reject) => {
    const { port } = new URL(srv.url);
    const chunks = [];
    const sock = net.connect(Number(port), '127.0.0.1', () => sock.write(text));
    sock.on('data', (d) => chunks.push(d));
    sock.on('end', () => {
      sock.end();
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    sock.on('error', reject);
  });
}

/** Checks a raw HTTP answer is a 431 problem that closes the connection. */
function assert431(answer) {
  const [head, body] = answer.split('\r\n\r\n');
  assert.match(head, /^HTTP\/1\.1 431 /, head);
  assert.match(head, /\r\ncontent-type: application\/problem\+json\r\n/i, head);
  assert.match(head, /\r\nconnection: close\r\n/i, head);
  const p = JSON.parse(body);
  assert.equal(p.status, 431);
  assert.ok(p.title && p.detail, body);
  return p;
}

test('a 20 KB header gets 431 problem+json and the connection is closed', { timeout: 30000 }, async () => {
  const answer = await rawExchange(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`);
  assert.match(assert431(answer).detail, /bytes/);
});

test('3,000 header fields, or 200 short ones, get 431 problem+json and the connection is closed', { timeout: 30000 }, async () => {
  const fields = (n) => Array.from({ length: n }, (_, i) => `X-H${i}: v\r\n`).join('');
  assert431(await rawExchange(`GET /healthz HTTP/1.1\r\nHost: x\r\n${fields(3000)}\r\n`));
  const p = assert431(await rawExchange(`GET /healthz HTTP/1.1\r\nHost: x\r\n${fields(200)}\r\n`));
  assert.match(p.detail, /201 header fields/);
  // An ordinary request with a few dozen headers still works.
  const ok = await rawExchange(`GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${fields(40)}\r\n`);
  assert.match(ok, /^HTTP\/1\.1 200 /);
});

test('a malformed request line, header field or chunk gets 400 problem+json naming what is wrong, and the connection is closed', { timeout: 30000 }, async () => {
  const cases = [
    ['GET /healthz HTTP/1.1 extra\r\nHost: x\r\n\r\n', /version|CRLF/],
    ['GET /healthz HTTQ/1.1\r\nHost: x\r\n\r\n', /version/],
    ['G(T /healthz HTTP/1.1\r\nHost: x\r\n\r\n', /method/],
    ['GET \x7f HTTP/1.1\r\nHost: x\r\n\r\n', /target/],
    ['GET /healthz HTTP/1.1\r\nHost: x\r\nBad Field: v\r\n\r\n', /field name/],
    ['GET /healthz HTTP/1.1\r\nHost: x\r\nX-V: a\x01b\r\n\r\n', /field value/],
    ['GET /healthz HTTP/1.1\nHost: x\n\n', /CRLF|version/],
    ['POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n', /Content-Length/],
    ['POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}', /Content-Length/],
    ['POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n', /chunk/],
  ];
  for (const [text, detail] of cases) {
    const answer = await rawExchange(text);
    const [head, body] = answer.split('\r\n\r\n');
    assert.match(head, /^HTTP\/1\.1 400 /, `${JSON.stringify(text)}: ${head}`);
    assert.match(head, /\r\ncontent-type: application\/problem\+json\r\n/i, head);
    assert.match(head, /\r\nconnection: close\r\n/i, head);
    const p = JSON.parse(body);
    assert.equal(p.status, 400);
    assert.match(p.detail, detail, `${JSON.stringify(text)}: ${p.detail}`);
  }
  // The server goes on serving.
  assert.match(await rawExchange('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), /^HTTP\/1\.1 200 /);
});

/** The server's log lines (JSON) whose msg has this request id; waits until one is written. */
async function logFor(s, requestId) {
  for (;;) {
    const lines = s.log().split('\n').filter((l) => l.includes(requestId) && l.includes('access refused'));
    if (lines.length) return lines.map((l) => JSON.parse(l).msg);
    await sleep(20);
  }
}

test('refused log-ins and requests are logged with who was tried, never with the secret', { timeout: 30000 }, async () => {
  const wrongPassword = 'wrong password never logged 7';
  let r = await anon('POST', LOGIN, { json: { email: srv.admin.email, password: wrongPassword } });
  assertProblem(r, 401);
  let [e] = await logFor(srv, r.headers.get('x-request-id'));
  assert.equal(e.status, 401);
  assert.equal(e.email, srv.admin.email);
  assert.equal(e.path, LOGIN);
  assert.equal(e.peer, '127.0.0.1');

  const token = 'aims_ThisTokenValueMustNeverAppearInTheLog0123456789';
  r = await client(srv.url, { token })('GET', SYS, { org: 'org_requested' });
  assertProblem(r, 401);
  [e] = await logFor(srv, r.headers.get('x-request-id'));
  assert.equal(e.token_sha256, createHash('sha256').update(token).digest('hex').slice(0, 16));
  assert.equal(e.org, 'org_requested');
  assert.equal(e.path, SYS);

  const cookieValue = 'ForgedSessionValueMustNeverAppearInTheLog';
  r = await anon('GET', SYS, { headers: { cookie: `aims_session=${cookieValue}` } });
  assertProblem(r, 401);
  [e] = await logFor(srv, r.headers.get('x-request-id'));
  assert.equal(e.session_sha256, createHash('sha256').update(cookieValue).digest('hex').slice(0, 16));

  const { viewer } = await memberClients(srv, ['viewer'], 'viewer password long enough 1');
  const me = assertJson(await viewer('GET', '/api/v1/me'));
  r = await viewer('POST', SYS, { json: { name: 'Not allowed', purpose: 'x' } });
  assertProblem(r, 403);
  [e] = await logFor(srv, r.headers.get('x-request-id'));
  assert.equal(e.status, 403);
  assert.equal(e.user, me.user.id);
  assert.equal(e.org, me.organization.id);
  assert.equal(e.method, 'POST');

  const log = srv.log();
  for (const secret of [wrongPassword, srv.admin.password, token, cookieValue, adminAuth.cookie, adminAuth.csrf])
    assert.ok(!log.includes(secret), `the log holds a secret: ${secret}`);
});

/** Logs in on `s` and checks the cookie; returns {cookie, csrf, setCookie}. */
async function loginCookie(s, name, secure) {
  const r = await client(s.url)('POST', LOGIN, { json: { email: s.admin.email, password: s.admin.password } });
  const me = assertJson(r);
  const setCookie = r.headers.get('set-cookie');
  assert.match(setCookie, new RegExp(`^${name}=[^;\\s]{20,};`), setCookie);
  const attrs = setCookie.split(';').map((a) => a.trim().toLowerCase());
  for (const a of ['path=/', 'httponly', 'samesite=strict']) assert.ok(attrs.includes(a), `${a} missing: ${setCookie}`);
  assert.equal(attrs.includes('secure'), secure, setCookie);
  assert.ok(!attrs.some((a) => a.startsWith('domain=')), setCookie);
  return { cookie: setCookie.split(';')[0], csrf: me.csrf_token, setCookie };
}

test('without secure_cookies the session cookie is aims_session, not Secure, and log-in works', async () => {
  const auth = await loginCookie(srv, 'aims_session', false);
  const c = client(srv.url, auth);
  assertJson(await c('GET', '/api/v1/me'));
  assertJson(await c('POST', SYS, { json: { name: 'Via plain cookie', purpose: 'x' } }), 201);
  const value = auth.cookie.split('=')[1];
  assertProblem(await anon('GET', '/api/v1/me', { headers: { cookie: `__Host-aims_session=${value}` } }), 401);
});

test('with secure_cookies the session cookie is __Host-aims_session; Secure; Path=/, and only that name is accepted', { timeout: 60000 }, async () => {
  const sec = await startServer({ env: { AIMS_SECURE_COOKIES: '1' } });
  try {
    const auth = await loginCookie(sec, '__Host-aims_session', true);
    const c = client(sec.url, auth);
    const me = assertJson(await c('GET', '/api/v1/me'));
    assert.equal(me.user.email, sec.admin.email);
    assert.equal(typeof me.csrf_token, 'string');  // the web UI reads the CSRF token from here, not from a cookie
    assertJson(await c('POST', SYS, { json: { name: 'Via host cookie', purpose: 'x' } }), 201);
    const value = auth.cookie.split('=')[1];
    const plain = client(sec.url, { cookie: `aims_session=${value}`, csrf: auth.csrf });
    assertProblem(await plain('GET', '/api/v1/me'), 401);
    const out = await c('POST', '/api/v1/auth/logout');
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie'), /^__Host-aims_session=;.*Secure/);
    assertProblem(await c('GET', '/api/v1/me'), 401);
  } finally {
    await stopServer(sec);
  }
});

/** CPU time (user + system, in clock ticks) the process has used so far. */
function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);  // utime, stime (fields 14 and 15)
}

test('out of file descriptors the server pauses accepting instead of spinning, and serves again afterwards', { timeout: 120000 }, async () => {
  const small = await startServer({ openFiles: 64 });
  const socks = [];
  try {
    while (!/"event":"open files limit","limit":64/.test(small.log())) await sleep(20);
    const { port } = new URL(small.url);
    for (let i = 0; i < 100; i++) {
      socks.push(await new Promise((resolve, reject) => {
        const s = net.connect(Number(port), '127.0.0.1', () => resolve(s));
        s.on('error', reject);
      }));
    }
    while (!small.log().includes('out of file descriptors')) await sleep(20);
    const before = cpuTicks(small.pid);
    await sleep(2000);
    const used = cpuTicks(small.pid) - before;
    // A loop retrying accept() at once burns a whole core (about 200 ticks in 2 s); pausing uses almost none.
    assert.ok(used < 25, `the server used ${used} ticks of CPU in 2 s while out of descriptors`);
  } finally {
    for (const s of socks) s.destroy();
  }
  try {
    const r = await fetch(`${small.url}/healthz`);
    assert.equal(r.status, 200);
    while (!small.log().includes('"event":"accepting again"')) await sleep(20);
  } finally {
    await stopServer(small);
  }
});
