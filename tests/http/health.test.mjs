// Health, the served OpenAPI document, routing errors, security headers and the body limit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer } from '../lib/http.mjs';

let srv, anon, admin;
// Requests that are deliberately not part of the API (unknown paths, wrong methods): their answers
// are not checked against api/openapi.yaml.
const OFF_CONTRACT = { contract: false };

before(async () => {
  srv = await startServer({ env: { AIMS_MAX_BODY_MIB: '1' } });
  anon = client(srv.url);
  const s = await login(srv.url, srv.admin.email, srv.admin.password);
  admin = client(srv.url, s);
});

after(async () => {
  await stopServer(srv);
});

function assertSecurityHeaders(r) {
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${r.req}: X-Content-Type-Options`);
  assert.equal(r.headers.get('x-frame-options'), 'DENY', `${r.req}: X-Frame-Options`);
}

test('GET /healthz answers 200 {"status":"ok"} without credentials', async () => {
  const r = await anon('GET', '/healthz');
  assert.deepEqual(assertJson(r), { status: 'ok' });
});

test('GET /api/v1/openapi.json serves the OpenAPI 3.1.0 document as JSON', async () => {
  const r = await anon('GET', '/api/v1/openapi.json');
  const doc = assertJson(r);
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(typeof doc.info?.title, 'string');
  assert.equal(typeof doc.info?.version, 'string', 'info.version must stay a string');
  assert.ok(doc.paths['/api/v1/systems'], 'paths include /api/v1/systems');
  assert.ok(doc.components.schemas.Problem, 'components include the Problem schema');
  // YAML scalars must keep their JSON types: response codes are keys, enums of strings stay strings.
  assert.deepEqual(doc.components.parameters.SystemArchived.schema.enum, ['false', 'true', 'all']);
  assert.equal(doc.components.parameters.Limit.schema.maximum, 500);
});

test('an unknown /api path answers 404 problem', async () => {
  for (const path of ['/api/v1/nothing-here', '/api/v2/systems', '/api/v1/systems/x/y/z']) {
    assertProblem(await admin('GET', path, OFF_CONTRACT), 404);
    assertProblem(await anon('GET', path, OFF_CONTRACT), 404);
  }
  assertProblem(await admin('POST', '/api/v1/nothing-here', { json: {}, ...OFF_CONTRACT }), 404);
});

test('a wrong method on a known path answers 405 problem', async () => {
  assertProblem(await anon('DELETE', '/healthz', OFF_CONTRACT), 405);
  assertProblem(await anon('POST', '/api/v1/openapi.json', { json: {}, ...OFF_CONTRACT }), 405);
  assertProblem(await anon('GET', '/api/v1/auth/login', OFF_CONTRACT), 405);
  assertProblem(await admin('DELETE', '/api/v1/systems', OFF_CONTRACT), 405);
  assertProblem(await admin('PUT', '/api/v1/systems/sys_x', { json: {}, ...OFF_CONTRACT }), 405);
  assertProblem(await admin('DELETE', '/api/v1/systems/sys_x', OFF_CONTRACT), 405);
  assertProblem(await admin('GET', '/api/v1/systems/sys_x/archive', OFF_CONTRACT), 405);
});

test('a 405 answer names the supported methods in Allow (RFC 9110 §15.5.6)', async () => {
  const cases = [
    [anon, 'DELETE', '/healthz', ['GET']],
    [anon, 'GET', '/api/v1/auth/login', ['POST']],
    [admin, 'DELETE', '/api/v1/systems', ['GET', 'POST']],
    [admin, 'PUT', '/api/v1/systems/sys_x', ['GET', 'PATCH']],
  ];
  const wrong = [];
  for (const [c, method, path, expected] of cases) {
    const r = await c(method, path, method === 'PUT' ? { json: {}, ...OFF_CONTRACT } : OFF_CONTRACT);
    assertProblem(r, 405);
    const allow = (r.headers.get('allow') || '').split(',').map((s) => s.trim()).filter(Boolean);
    const missing = expected.filter((m) => !allow.includes(m));
    if (missing.length) wrong.push(`${method} ${path}: Allow is "${r.headers.get('allow') ?? '(absent)'}", expected it to list ${expected.join(', ')}`);
  }
  assert.deepEqual(wrong, []);
});

test('responses carry X-Content-Type-Options: nosniff and X-Frame-Options: DENY', async () => {
  const responses = [
    await anon('GET', '/healthz'),
    await anon('GET', '/api/v1/openapi.json'),
    await anon('GET', '/api/v1/me'), // 401
    await admin('GET', '/api/v1/me'),
    await admin('GET', '/api/v1/nothing-here', OFF_CONTRACT), // 404
    await anon('DELETE', '/healthz', OFF_CONTRACT), // 405
    await admin('GET', '/api/v1/systems'),
    await admin('GET', '/api/v1/systems/export'),
  ];
  for (const r of responses) assertSecurityHeaders(r);
});

test('API responses are Cache-Control: no-store, errors included', async () => {
  const responses = [
    await anon('GET', '/api/v1/openapi.json'),
    await anon('GET', '/api/v1/me'),
    await admin('GET', '/api/v1/me'),
    await admin('GET', '/api/v1/catalog/frameworks'),
    await admin('GET', '/api/v1/systems'),
    await admin('GET', '/api/v1/systems/export'),
    await admin('GET', '/api/v1/nothing-here', OFF_CONTRACT),
    await admin('GET', '/api/v1/systems/sys_nope'),
  ];
  for (const r of responses) {
    const cc = r.headers.get('cache-control') || '';
    assert.match(cc, /\bno-store\b/, `${r.req} (${r.status}): Cache-Control is "${cc}"`);
  }
});

/**
 * Sends raw bytes on a fresh connection and reads until the server closes it; resolves to
 * {status, headers, body} (headers lower-cased) or rejects when no HTTP response arrives.
 */
function rawRequest(base, head, body = null) {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(u.port), u.hostname);
    const chunks = [];
    let settled = false;
    const done = (err) => {
      if (settled) return;
      settled = true;
      sock.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const m = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(text);
      if (!m) return reject(new Error(`no HTTP response (${err ? err.code : 'connection closed'}; received ${JSON.stringify(text.slice(0, 200))})`));
      const headers = {};
      for (const line of m[2].split('\r\n')) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(m[1]), headers, body: m[3] });
    };
    sock.setTimeout(10000, () => done(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    sock.on('data', (d) => chunks.push(d));
    sock.on('end', () => done());
    sock.on('close', () => done());
    sock.on('error', (e) => done(e));
    sock.write(head);
    if (body) sock.write(body);
  });
}

function assertRawProblem(r, status) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.body}`);
  assert.match(r.headers['content-type'] || '', /^application\/problem\+json(;|$)/);
  const p = JSON.parse(r.body);
  assert.equal(typeof p.type, 'string');
  assert.equal(typeof p.title, 'string');
  assert.equal(p.status, status);
  assert.equal(typeof p.detail, 'string');
  return p;
}

const TWO_MIB = 2 * 1024 * 1024;
const bigHead = (path, length) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

test('a body over the configured limit (AIMS_MAX_BODY_MIB=1) sent by fetch answers 413 problem and stores nothing', async () => {
  const big = JSON.stringify({ name: 'Too big', purpose: 'x'.repeat(TWO_MIB) });
  let r;
  try {
    r = await admin('POST', '/api/v1/systems', { body: big, headers: { 'content-type': 'application/json' } });
  } catch (e) {
    assert.fail(`POST /api/v1/systems with a 2 MiB body (Content-Length): no HTTP response (${e.cause?.code || e.message}); expected 413 problem`);
  }
  assertProblem(r, 413);
  const list = assertJson(await admin('GET', '/api/v1/systems?archived=all'));
  assert.equal(list.total, 0, 'the oversized system must not be stored');
  assert.deepEqual(assertJson(await anon('GET', '/healthz')), { status: 'ok' });
});

test('a Content-Length over the limit is answered 413 problem before the body is sent', async () => {
  const r = await rawRequest(srv.url, bigHead('/api/v1/auth/login', TWO_MIB));
  assertRawProblem(r, 413);
});

test('a chunked body that grows over the limit answers 413 problem', async () => {
  const head = 'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
  const r = await rawRequest(srv.url, head, `${TWO_MIB.toString(16)}\r\n${'x'.repeat(TWO_MIB)}\r\n0\r\n\r\n`);
  assertRawProblem(r, 413);
  assert.deepEqual(assertJson(await anon('GET', '/healthz')), { status: 'ok' }, 'the server keeps answering');
});

test('the 413 answer carries the security headers and Cache-Control: no-store like every other API response', async () => {
  const head = 'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
  const r = await rawRequest(srv.url, head, `${TWO_MIB.toString(16)}\r\n${'x'.repeat(TWO_MIB)}\r\n0\r\n\r\n`);
  assert.equal(r.status, 413);
  assert.equal(r.headers['x-content-type-options'], 'nosniff', 'X-Content-Type-Options on the 413');
  assert.equal(r.headers['x-frame-options'], 'DENY', 'X-Frame-Options on the 413');
  assert.match(r.headers['cache-control'] || '', /\bno-store\b/, 'Cache-Control on the 413');
});

test('a body just under the limit is read and judged on its content', async () => {
  const body = JSON.stringify({ name: 'Under the limit', purpose: 'y'.repeat(900 * 1024) });
  const r = await admin('POST', '/api/v1/systems', { body, headers: { 'content-type': 'application/json' } });
  // purpose is limited to 4000 characters: the request is read and refused as invalid.
  const p = assertProblem(r, 422);
  assert.ok(p.errors.some((e) => e.field === 'purpose'), JSON.stringify(p.errors));
});
