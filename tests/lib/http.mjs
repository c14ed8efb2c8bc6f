// Helpers shared by the HTTP tests (tests/http/*.test.mjs): a small fetch client, the assertions
// on JSON and RFC 9457 problem responses, and stopping a file's server. Starting the server and
// logging in live in ./server.mjs. Every response the client receives is checked against the API
// contract (./contract.mjs) unless the request says `contract: false`.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { aims, login } from './server.mjs';
import { checkResponse } from './contract.mjs';
import { ENTRIES } from './paths.mjs';

/**
 * A client for `base`; `auth` is {cookie, csrf} (a session) or {token} (API token) or nothing.
 * The client is `(method, path, {json, body, headers, csrf = true, org, contract = true})` and
 * resolves to {status, headers, ct, text, bytes (the raw body), body (parsed JSON, if any),
 * req ("METHOD path")}. A session's csrf token goes on every write unless `csrf: false`; `org`
 * becomes the X-Aims-Org header. The response must conform to api/openapi.yaml (documented path, method and status, body
 * valid against the schema) or the call throws; only a request that is deliberately not part of
 * the API (an unknown route, a method the path does not have) passes `contract: false`.
 */
export function client(base, auth = {}) {
  return async (method, path, { json, body, headers = {}, csrf = true, org, contract = true } = {}) => {
    const h = { ...headers };
    if (auth.token) h.authorization = `Bearer ${auth.token}`;
    if (auth.cookie) h.cookie = auth.cookie;
    if (auth.csrf && csrf && !['GET', 'HEAD'].includes(method)) h['x-csrf-token'] = auth.csrf;
    if (org) h['x-aims-org'] = org;
    if (json !== undefined) {
      h['content-type'] ??= 'application/json';
      body = JSON.stringify(json);
    }
    const res = await fetch(base + path, { method, headers: h, body, redirect: 'manual' });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes); // as res.text(): a UTF-8 BOM is dropped (bytes keeps it)
    const ct = res.headers.get('content-type') || '';
    let data;
    if (/^application\/([\w.-]+\+)?json(;|$)/.test(ct) && text) data = JSON.parse(text);
    if (contract) {
      const violation = checkResponse(method, path, { status: res.status, ct, text });
      if (violation) assert.fail(violation);
    }
    return { status: res.status, headers: res.headers, ct, text, bytes, body: data, req: `${method} ${path}` };
  };
}

/** Asserts an RFC 9457 problem with this status; returns the parsed problem. */
export function assertProblem(r, status) {
  assert.equal(r.status, status, `${r.req}: expected ${status}, got ${r.status}: ${r.text}`);
  assert.match(r.ct, /^application\/problem\+json(;|$)/, `${r.req}: content type ${r.ct}`);
  const p = r.body;
  assert.ok(p && typeof p === 'object', `${r.req}: problem body is not a JSON object`);
  assert.equal(typeof p.type, 'string');
  assert.ok(p.type.length > 0, 'problem type is empty');
  assert.equal(typeof p.title, 'string');
  assert.ok(p.title.length > 0, 'problem title is empty');
  assert.equal(p.status, status, 'problem status member differs from the HTTP status');
  assert.equal(typeof p.detail, 'string', `${r.req}: problem has no detail`);
  assert.ok(p.detail.length > 0, 'problem detail is empty');
  return p;
}

/** Asserts an application/json response with this status (200 unless given); returns the parsed body. */
export function assertJson(r, status = 200) {
  assert.equal(r.status, status, `${r.req}: expected ${status}, got ${r.status}: ${r.text}`);
  assert.match(r.ct, /^application\/json(;|$)/, `${r.req}: content type ${r.ct}`);
  return r.body;
}

/**
 * GET BASE/ID of a record just made (`made`, as its creation answered it) answers that record with
 * ETag "v1"; the id `unknownId`, and one that tries SQL, answer a 404 problem.
 */
export async function assertReadableById(c, base, made, unknownId) {
  const r = await c('GET', `${base}/${made.id}`);
  assert.deepEqual(assertJson(r), made);
  assert.equal(r.headers.get('etag'), '"v1"');
  assertProblem(await c('GET', `${base}/${unknownId}`), 404);
  assertProblem(await c('GET', `${base}/${encodeURIComponent("' OR 1=1 --")}`), 404);
}

/** Stops the file's server (from startServer); if it died during the tests, fails with the end of its log. */
export async function stopServer(s) {
  if (!s) return;
  let alive = true;
  try {
    process.kill(s.pid, 0);
  } catch {
    alive = false;
  }
  if (alive) return s.stop();
  rmSync(s.dataDir, { recursive: true, force: true });
  const tail = s.log().split('\n').filter((l) => !l.includes('"event":"request"')).slice(-15).join('\n');
  assert.fail(`the server (pid ${s.pid}) died during the tests; the end of its log:\n${tail}`);
}

/**
 * Adds one member per role to the server's organization (`<role>@acme.test`, password `pw`) with
 * `aims user add` and logs each in; resolves to {role: client}.
 */
export async function memberClients(srv, roles, pw) {
  const out = {};
  for (const role of roles) {
    const email = `${role}@acme.test`;
    const r = aims(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', email, '--role', role], pw + '\n');
    assert.equal(r.status, 0, `aims user add ${role}: ${r.stderr}`);
    out[role] = client(srv.url, await login(srv.url, email, pw));
  }
  return out;
}

/** Parses RFC 4180 CSV text into rows of cells (for checking exports). */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', inQ = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQ) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else inQ = false;
      } else cell += ch;
    } else if (ch === '"') inQ = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/**
 * Sets the organization's segregation of duties with an admin client `c`; `duties` names the
 * ones to change, e.g. {impact_approval: false}. Test files about one workflow's other rules, in
 * which one admin does everything, turn it off; tests/http/segregation.test.mjs covers it on.
 */
export async function setSegregation(c, duties) {
  const r = await c('GET', '/api/v1/org-settings');
  const now = assertJson(r);
  const json = { segregation_of_duties: { ...now.segregation_of_duties, ...duties } };
  return assertJson(await c('PUT', '/api/v1/org-settings', { json, headers: { 'if-match': r.headers.get('etag') } }));
}

/** The status of a log-in with `email` and `password` at the server `base` (200, 401, 429…). */
export async function loginStatus(base, email, password) {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return r.status;
}

/** Every audit log entry the client `c` may read (of the organization `org`, if given), page after page. */
export async function auditEntries(c, org) {
  const out = [];
  for (let cursor; ;) {
    const page = assertJson(await c('GET', `${ENTRIES}?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { org }));
    out.push(...page.items);
    if (!page.next) return out;
    cursor = page.next;
  }
}

/**
 * Logs `email` in (password `pw`) at the server `srv` and creates an API token `name` of theirs,
 * checked on GET /api/v1/me; resolves to { s: the session's client, tok: the token as created,
 * t: the token's client }.
 */
export async function sessionAndToken(srv, email, pw, name) {
  const s = client(srv.url, await login(srv.url, email, pw));
  const tok = assertJson(await s('POST', '/api/v1/tokens', { json: { name } }), 201);
  const t = client(srv.url, { token: tok.token });
  assertJson(await t('GET', '/api/v1/me'));
  return { s, tok, t };
}
