// GET /metrics: off without a token, then only the operator's token; the exposition parses with
// the Prometheus project's own parser (its Python client, Debian's python3-prometheus-client, through
// tests/tools/prometheus-parse.py), and its figures follow what the server did.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer } from '../lib/http.mjs';
import { SYS } from '../lib/paths.mjs';

const PARSER = fileURLToPath(new URL('../tools/prometheus-parse.py', import.meta.url));

/** The families of an exposition as the reference parser reads them (it fails on malformed text). */
function parsePrometheus(text) {
  const r = spawnSync('/usr/bin/python3', [PARSER], { input: text, encoding: 'utf8' });
  assert.equal(r.status, 0, `the exposition does not parse: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const TOKEN = 'metrics-token-0123456789-abcdefghij';
let dir, srv, c, orgId;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aims-metrics-'));
  writeFileSync(join(dir, 'token'), `${TOKEN}\n`);
  srv = await startServer({ env: { AIMS_METRICS_TOKEN_FILE: join(dir, 'token') } });
  const auth = await login(srv.url, srv.admin.email, srv.admin.password);
  orgId = auth.me.organizations[0].id;
  c = client(srv.url, auth);
});

after(async () => {
  await stopServer(srv);
  rmSync(dir, { recursive: true, force: true });
});

async function scrape(token = TOKEN) {
  const r = await fetch(`${srv.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: r.status, ct: r.headers.get('content-type'), text: await r.text() };
}

/** The families of a scrape, as the reference parser reads them. */
async function families() {
  const r = await scrape();
  assert.equal(r.status, 200, r.text);
  assert.match(r.ct, /^text\/plain; version=0\.0\.4/);
  return parsePrometheus(r.text);
}

/** The value of the sample named `name` whose labels include `labels` (0 if none). */
function value(fams, name, labels = {}) {
  for (const f of fams)
    for (const s of f.samples)
      if (s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
  return 0;
}

test('no token, a wrong token or another scheme: 401 problem+json, and no figures', async () => {
  for (const headers of [{}, { authorization: 'Bearer not-the-metrics-token-at-all-000' }, { authorization: `Basic ${TOKEN}` }]) {
    const r = await fetch(`${srv.url}/metrics`, { headers });
    assert.equal(r.status, 401);
    assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
    const body = await r.text();
    assert.doesNotMatch(body, /aims_http_requests_total/);
    assert.ok(JSON.parse(body).detail.length > 0);
  }
  // A user's session is not the metrics token either.
  assertProblem(await c('GET', '/metrics'), 401);
});

test('the exposition parses, with the documented families and types', async () => {
  const fams = await families();
  const types = {
    aims_http_requests_total: 'counter',
    aims_http_request_duration_seconds: 'histogram',
    aims_db_transactions_total: 'counter',
    aims_db_transaction_seconds_total: 'counter',
    aims_db_write_retries_total: 'counter',
    aims_db_writes_gave_up_total: 'counter',
    aims_db_group_commits_total: 'counter',
    aims_db_up: 'gauge',
    aims_organizations: 'gauge',
    aims_audit_log_entries: 'gauge',
    aims_uptime_seconds: 'gauge',
  };
  for (const [name, type] of Object.entries(types)) {
    // The parser names a counter's family without its _total suffix.
    const f = fams.find((x) => x.name === name || `${x.name}_total` === name);
    assert.ok(f, `missing ${name}`);
    assert.equal(f.type, type, name);
    assert.ok(f.help.length > 0, `${name} has no help`);
  }
  assert.equal(value(fams, 'aims_db_up'), 1);
  assert.equal(value(fams, 'aims_organizations'), 1);
  assert.equal(value(fams, 'aims_db_writes_gave_up_total'), 0);
  assert.ok(value(fams, 'aims_uptime_seconds') >= 0);
  // Every histogram series: buckets never decrease, and +Inf equals the count.
  const hist = fams.find((x) => x.name === 'aims_http_request_duration_seconds');
  const series = new Map();
  for (const s of hist.samples) {
    const key = `${s.labels.method} ${s.labels.route}`;
    if (!series.has(key)) series.set(key, { buckets: [], count: null, sum: null });
    const t = series.get(key);
    if (s.name.endsWith('_bucket')) t.buckets.push([s.labels.le, s.value]);
    else if (s.name.endsWith('_count')) t.count = s.value;
    else if (s.name.endsWith('_sum')) t.sum = s.value;
  }
  assert.ok(series.size >= 2, 'the earlier requests are in the histogram');
  for (const [key, t] of series) {
    let last = 0;
    for (const [le, v] of t.buckets) {
      assert.ok(v >= last, `${key}: bucket ${le} decreased`);
      last = v;
    }
    assert.equal(t.buckets.at(-1)[0], '+Inf', key);
    assert.equal(t.buckets.at(-1)[1], t.count, key);
    assert.ok(t.sum >= 0, key);
  }
});

test('a created AI system is counted once under its route and status, with its write and audit entry', async () => {
  const before = await families();
  const created = { method: 'POST', route: '/api/v1/systems', status: '201' };
  const size0 = assertJson(await c('GET', '/api/v1/audit/checkpoint')).size;
  assertJson(await c('POST', SYS, { json: { name: 'Metrics probe', purpose: 'Counted by the metrics test' } }), 201);
  const size1 = assertJson(await c('GET', '/api/v1/audit/checkpoint')).size;
  assert.ok(size1 > size0);
  const afterFams = await families();
  assert.equal(value(afterFams, 'aims_http_requests_total', created) - value(before, 'aims_http_requests_total', created), 1);
  assert.ok(value(afterFams, 'aims_db_transactions_total', { mode: 'write' }) > value(before, 'aims_db_transactions_total', { mode: 'write' }));
  assert.ok(value(afterFams, 'aims_db_transaction_seconds_total', { mode: 'write' }) > 0);
  // The organization's log size is the store's, as the audit API reads it.
  assert.equal(value(afterFams, 'aims_audit_log_entries', { org: orgId }), size1);
  assert.ok(value(afterFams, 'aims_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/systems' }) >= 1);
});

test('a path no route matches is counted as "unmatched", not by its path (labels stay bounded)', async () => {
  const before = await families();
  for (const p of ['/api/v1/no-such-thing-1', '/api/v1/no-such-thing-2']) assertProblem(await c('GET', p, { contract: false }), 404);
  const text = (await scrape()).text;
  assert.doesNotMatch(text, /no-such-thing/);
  const fams = parsePrometheus(text);
  const unmatched = { method: 'GET', route: 'unmatched', status: '404' };
  assert.equal(value(fams, 'aims_http_requests_total', unmatched) - value(before, 'aims_http_requests_total', unmatched), 2);
});

test('scraping changes nothing: the audit log keeps its size', async () => {
  const size0 = assertJson(await c('GET', '/api/v1/audit/checkpoint')).size;
  for (let i = 0; i < 3; i++) await families();
  assert.equal(assertJson(await c('GET', '/api/v1/audit/checkpoint')).size, size0);
});

test('without metrics_token_file /metrics is off (401 whatever the token, saying so); a short token stops the server from starting', async () => {
  const plain = await startServer();
  try {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      const r = await fetch(`${plain.url}/metrics`, { headers });
      assert.equal(r.status, 401);
      assert.match((await r.json()).detail, /Metrics are off.*metrics_token_file/);
    }
  } finally {
    await stopServer(plain);
  }
  writeFileSync(join(dir, 'short'), 'too-short\n');
  await assert.rejects(startServer({ env: { AIMS_METRICS_TOKEN_FILE: join(dir, 'short') } }), /24 to 512 characters/);
});
