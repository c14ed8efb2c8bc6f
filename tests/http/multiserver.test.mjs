// Several servers on one PostgreSQL (docs/deployment.md): a throw-away PostgreSQL (tests/pg/start.sh),
// three `aims serve` processes, each with its own data directory as on three machines and a copy of
// the installation's signing key, and HAProxy (Debian's) in front of them, round robin, checking
// each server's readiness endpoint. A mixed load of concurrent clients (creates of one
// organization, reads, lists, log-ins) runs through the proxy while one server is killed with
// SIGKILL. Then: every acknowledged create is there; the only 5xx answers are the proxy's own for
// requests that were in flight on the killed server (aims answered none); a write made on one server
// is in the lists of the others at once (list caches follow the database); every server gives the
// same checkpoint and the exported log verifies; failed log-ins spread over servers block the
// account; a server with another signing key is refused at start. Every process is started and
// stopped by this file, by process id.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aims, login, startServer } from '../lib/server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HAPROXY = '/usr/sbin/haproxy';
const password = 'correct horse battery staple';
const email = 'admin@multi.test';


const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A loopback port that was free a moment ago. */
function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** The HAProxy configuration: round robin over `servers`, each checked on /healthz twice a second. */
function haproxyConfig(port, servers) {
  return [
    'global',
    '  maxconn 1024',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  retries 3',
    '  option redispatch',
    // A new server connection for every request: a request sent after the kill is refused at connect
    // and goes to another server, never onto a kept connection the proxy has not yet seen close.
    '  http-reuse never',
    'frontend aims',
    `  bind 127.0.0.1:${port}`,
    '  default_backend servers',
    'backend servers',
    '  balance roundrobin',
    '  option httpchk GET /healthz',
    '  http-check expect status 200',
    '  default-server inter 500ms fall 2 rise 2',
    ...servers.map((s, i) => `  server s${i} ${new URL(s.url).host} check`),
    '',
  ].join('\n');
}

/** Starts HAProxy in the foreground on a free port; resolves to {url, pid, stop()}. */
async function startProxy(dir, servers) {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const cfg = join(dir, 'haproxy.cfg');
    writeFileSync(cfg, haproxyConfig(port, servers));
    const child = spawn(HAPROXY, ['-db', '-f', cfg], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (d) => { log += d; });
    const exited = new Promise((r) => child.once('exit', r));
    const url = `http://127.0.0.1:${port}`;
    // Ready when the proxy answers and every server is up in its checks.
    let up = false;
    for (let i = 0; i < 100 && child.exitCode === null; i++) {
      try {
        const answers = await Promise.all(servers.map(() => fetch(`${url}/healthz`).then((r) => r.status)));
        if (answers.every((s) => s === 200)) { up = true; break; }
      } catch { /* not listening yet */ }
      await sleep(100);
    }
    if (up) {
      return {
        url,
        pid: child.pid,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            process.kill(child.pid, 'SIGTERM');
            await exited;
          }
        },
      };
    }
    if (child.exitCode === null) { process.kill(child.pid, 'SIGKILL'); await exited; }
    if (attempt >= 2) throw new Error(`HAProxy did not start:\n${log}`);
  }
}

/** A fetch that never throws: {status, ct, body (parsed JSON or text)} or {status: 0, error}. */
async function call(base, method, path, { auth, json, headers = {} } = {}) {
  const h = { ...headers };
  if (auth?.cookie) h.cookie = auth.cookie;
  if (auth?.csrf && method !== 'GET') h['x-csrf-token'] = auth.csrf;
  if (auth?.token) h.authorization = `Bearer ${auth.token}`;
  if (json !== undefined) h['content-type'] = 'application/json';
  try {
    const r = await fetch(base + path, { method, headers: h, body: json === undefined ? undefined : JSON.stringify(json) });
    const ct = r.headers.get('content-type') || '';
    const text = await r.text();
    return { status: r.status, ct, body: ct.includes('json') && text ? JSON.parse(text) : text };
  } catch (error) {
    return { status: 0, ct: '', body: null, error };
  }
}

/** Every AI system of the organization, through `base`, walking the list's pages. */
async function allSystems(base, auth) {
  const out = [];
  let cursor;
  for (;;) {
    const q = new URLSearchParams({ limit: '200', archived: 'all', ...(cursor ? { cursor } : {}) });
    const r = await call(base, 'GET', `/api/v1/systems?${q}`, { auth });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    out.push(...r.body.items);
    if (!r.body.next) return out;
    cursor = r.body.next;
  }
}

describe('three servers on one PostgreSQL behind HAProxy', () => {
  let tmp, pgDir, dsn, keyFile, proxy;
  const servers = [];

  before(async () => {
    assert.ok(existsSync(HAPROXY), 'HAProxy is not installed: run scripts/setup.sh (Debian package haproxy)');
    tmp = mkdtempSync(join(tmpdir(), 'aims-multiserver-'));
    chmodSync(tmp, 0o755);  // the postgres OS user (when run as root) reaches its directory
    pgDir = join(tmp, 'pg');
    dsn = execFileSync('bash', [join(root, 'tests/pg/start.sh'), pgDir], { encoding: 'utf8' }).trim();
    const init = aims(['init', '--data', join(tmp, 'init'), '--database', dsn, '--org', 'Multi Org', '--admin-email', email], `${password}\n`);
    assert.equal(init.status, 0, init.stderr);
    keyFile = join(tmp, 'init', 'audit-signing.key');
    // Three servers, each with its own data directory holding a copy of the one signing key.
    for (let i = 0; i < 3; i++) {
      const dataDir = join(tmp, `server${i}`);
      mkdirSync(dataDir);
      copyFileSync(keyFile, join(dataDir, 'audit-signing.key'));
      chmodSync(join(dataDir, 'audit-signing.key'), 0o600);
      servers.push(await startServer({ dataDir, keepData: true, env: { AIMS_DATABASE: dsn } }));
    }
    proxy = await startProxy(tmp, servers);
  });

  after(async () => {
    if (proxy) await proxy.stop();
    for (const s of servers) await s.kill();
    if (pgDir) execFileSync('bash', [join(root, 'tests/pg/stop.sh'), pgDir], { stdio: 'ignore' });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('a mixed load survives one server killed with SIGKILL: no acknowledged write lost, no 5xx from aims', async () => {
    const auth = await login(proxy.url, email, password);  // a session made on one server …
    const clients = 6;
    const acked = [];       // creates answered 201: {id, name}
    const answers = [];     // every answer: {status, ct, started, what}
    const problems = [];    // what a worker saw that is wrong, asserted once the load has stopped
    let stop = false;
    let killedAt = Infinity;
    const victim = servers[1];
    const worker = async (w) => {
      for (let n = 0; !stop; n++) {
        const started = Date.now();
        const note = (what, r) => {
          answers.push({ what, status: r.status, ct: r.ct, started, ended: Date.now(), error: r.error && `${r.error.message}: ${r.error.cause?.code ?? r.error.cause?.message ?? ''}` });
          return r;
        };
        if (w < 2 && n % 6 === 5) {
          // A log-in through the proxy (two clients only: a log-in is counted against the account until
          // it succeeds, and five at once would block it, as they should).
          const r = note('login', await call(proxy.url, 'POST', '/api/v1/auth/login', { json: { email, password } }));
          if (r.status === 200 && !r.body.csrf_token) problems.push(`a log-in answered 200 without a CSRF token: ${JSON.stringify(r.body)}`);
          continue;
        }
        const name = `Multi ${w}-${n}`;
        const c = note('create', await call(proxy.url, 'POST', '/api/v1/systems', { auth, json: { name, purpose: 'multi-server test' } }));
        if (c.status === 201) {
          acked.push({ id: c.body.id, name });
          // … used on every server; the next server reads the write of the previous one.
          const g = note('read', await call(proxy.url, 'GET', `/api/v1/systems/${c.body.id}`, { auth }));
          if (g.status === 200 && g.body.name !== name) problems.push(`${c.body.id} read back as ${g.body.name}, not ${name}`);
        }
        note('list', await call(proxy.url, 'GET', '/api/v1/systems?limit=20&sort=-updated_at', { auth }));
      }
    };
    const load = Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
    let before, killDone;
    try {
      await sleep(4000);
      before = acked.length;
      killedAt = Date.now();
      await victim.kill();
      killDone = Date.now();
      await sleep(5000);
    } finally {
      stop = true;  // never leave the load running into the next test
      await load;
    }
    assert.deepEqual(problems, []);
    const afterKill = acked.length - before;
    assert.ok(before > 0 && afterKill > 0, `writes acknowledged before the kill: ${before}, after: ${afterKill}`);

    // aims itself answered no 5xx. The proxy's own 502/503 (HTML, not problem+json), or a connection it
    // closed without an answer (a response the dead server had begun), only for requests that were
    // in flight when the server died: started before it was gone and ended after it was killed.
    const fromAims = answers.filter((a) => a.status >= 500 && /json/.test(a.ct));
    assert.deepEqual(fromAims, [], 'aims answered 5xx');
    const lost = answers.filter((a) => a.status >= 500 || a.status === 0);
    for (const a of lost) {
      assert.ok([0, 502, 503].includes(a.status) && a.started <= killDone && a.ended >= killedAt,
        `${a.status || a.error} to a ${a.what} started ${a.started - killedAt} ms and ended ${a.ended - killedAt} ms after the kill`);
    }
    assert.ok(lost.length <= clients, `${lost.length} requests failed, more than the ${clients} that can be in flight`);
    const other = answers.filter((a) => a.status >= 300 && a.status < 500);
    assert.deepEqual(other, [], 'answers other than 2xx and the proxy errors');

    // Every acknowledged create is there, read back through the proxy.
    const stored = new Map((await allSystems(proxy.url, auth)).map((s) => [s.id, s.name]));
    for (const a of acked) assert.equal(stored.get(a.id), a.name, `acknowledged create ${a.id} (${a.name}) is missing`);
    console.log(`multiserver: ${answers.length} requests, ${acked.length} acknowledged creates (${afterKill} after the kill); in flight on the killed server: ${lost.map((a) => `${a.what} ${a.status || a.error}`).join(', ') || 'none'}`);
  });

  test('a write on one server is in the lists of every other at once (list caches follow the database)', async () => {
    const live = servers.filter((s) => s.pid !== servers[1].pid);
    const auth = await login(live[0].url, email, password);
    for (let round = 0; round < 3; round++) {
      const totals = [];
      for (const s of live) totals.push((await call(s.url, 'GET', '/api/v1/systems?limit=5&sort=-updated_at', { auth })).body.total);
      assert.equal(new Set(totals).size, 1, `servers disagree on the total: ${totals}`);
      const writer = live[round % live.length];
      const c = await call(writer.url, 'POST', '/api/v1/systems', { auth, json: { name: `Cache check ${round}`, purpose: 'cross-server cache' } });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      for (const s of live) {
        const l = await call(s.url, 'GET', '/api/v1/systems?limit=5&sort=-updated_at', { auth });
        assert.equal(l.body.total, totals[0] + 1, `${s.url} after a create on ${writer.url}`);
        assert.ok(l.body.items.some((i) => i.id === c.body.id), `${s.url} does not list ${c.body.id} created on ${writer.url}`);
      }
    }
  });

  test('every server gives the same checkpoint and the exported log verifies with the public key', async () => {
    const live = servers.filter((s) => s.pid !== servers[1].pid);
    const auth = await login(proxy.url, email, password);
    const cps = [];
    for (const s of live) cps.push((await call(s.url, 'GET', '/api/v1/audit/checkpoint', { auth })).body);
    assert.equal(new Set(cps.map((c) => c.checkpoint)).size, 1, 'two servers signed different checkpoints of one size');
    const key = (await call(proxy.url, 'GET', '/api/v1/audit/public-key', { auth })).body.verifier_key;
    const token = aims(['token', 'create', '--data', join(tmp, 'init'), '--database', dsn, '--email', email, '--name', 'multi']);
    assert.equal(token.status, 0, token.stderr);
    const env = { ...process.env, AIMS_URL: proxy.url, AIMS_TOKEN: token.stdout.trim() };
    const log = join(tmp, 'log.jsonl');
    execFileSync(process.env.AIMS_BIN || join(root, 'build', 'aims'), ['audit', 'export', '-o', log], { env, stdio: 'pipe' });
    const cp = join(tmp, 'cp.txt');
    writeFileSync(cp, cps[0].checkpoint);
    const v = aims(['audit', 'verify', '--log', log, '--key', key, '--old-checkpoint', cp]);
    assert.equal(v.status, 0, v.stdout + v.stderr);
    assert.match(v.stdout, /^OK: the \d+ entries of .* match the checkpoint of size \d+/m);
  });

  test('failed log-ins spread over the servers block the account on every server', async () => {
    const live = servers.filter((s) => s.pid !== servers[1].pid);
    const who = 'nobody-multi@multi.test';
    // Five failures (the free ones), each on the next server: no server saw more than three.
    for (let i = 0; i < 5; i++) {
      const r = await call(live[i % live.length].url, 'POST', '/api/v1/auth/login', { json: { email: who, password: 'wrong password 1' } });
      assert.equal(r.status, 401, JSON.stringify(r.body));
    }
    for (const s of live) {
      const r = await call(s.url, 'POST', '/api/v1/auth/login', { json: { email: who, password: 'wrong password 1' } });
      assert.equal(r.status, 429, `${s.url}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  });

  test('a server with another signing key is refused at start, and its new key file removed', async () => {
    const dataDir = join(tmp, 'stranger');
    mkdirSync(dataDir);
    await assert.rejects(startServer({ dataDir, keepData: true, env: { AIMS_DATABASE: dsn } }),
      /signed by another key than this server's .*same signing key file/s);
    assert.equal(existsSync(join(dataDir, 'audit-signing.key')), false);
  });

  // Each server has its own data directory: a file can come back from every server only because
  // evidence lives in PostgreSQL.
  test('evidence uploaded through the proxy downloads with its SHA-256 from every server',
    async () => {
      const live = servers.filter((s) => s.pid !== servers[1].pid);
      const auth = await login(proxy.url, email, password);
      // Text of random letters (random bytes could begin like a program, which uploads refuse).
      const files = [1000, 300 * 1024, 3 * 1024 * 1024 + 17].map((n) => Buffer.from(randomBytes(n).toString('base64').slice(0, n)));
      const made = [];
      for (const [i, bytes] of files.entries()) {
        const r = await fetch(`${proxy.url}/api/v1/evidence?filename=multi-${i}.bin`, {
          method: 'POST',
          headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'content-type': 'application/octet-stream' },
          body: bytes,
        });
        const text = await r.text();
        assert.equal(r.status, 201, text);
        made.push({ id: JSON.parse(text).id, sha: sha256(bytes), size: bytes.length });
      }
      for (const m of made) {
        for (const s of live) {
          const r = await fetch(`${s.url}/api/v1/evidence/${m.id}/content`, { headers: { cookie: auth.cookie } });
          assert.equal(r.status, 200, `${s.url}: ${r.status}`);
          const got = Buffer.from(await r.arrayBuffer());
          assert.equal(got.length, m.size);
          assert.equal(sha256(got), m.sha, `${s.url} served other bytes for ${m.id}`);
        }
      }
    });

  // The per-hash lock of the evidence service is per process. An upload on one server racing the
  // deletion of the last evidence of the same bytes on another must never leave live evidence
  // without its file (the database orders them: docs/evidence.md, "Where evidence lives").
  test('uploads and deletions of the same bytes on two servers at once leave no evidence without its file',
    async () => {
      const [x, y] = servers.filter((s) => s.pid !== servers[1].pid);
      const auth = await login(x.url, email, password);
      const put = (s, name, bytes) => fetch(`${s.url}/api/v1/evidence?filename=${name}`, {
        method: 'POST',
        headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'content-type': 'application/octet-stream' },
        body: bytes,
      }).then(async (r) => ({ status: r.status, body: await r.text() }));
      const counts = { new: 0, duplicate: 0, deleted: 0 };
      for (let round = 0; round < 25; round++) {
        const bytes = Buffer.from(`race round ${round} ${randomBytes(24).toString('hex')}\n`.repeat(40));
        const first = await put(x, `race-${round}.txt`, bytes);
        assert.equal(first.status, 201, first.body);
        const ev = JSON.parse(first.body);
        const etag = (await fetch(`${x.url}/api/v1/evidence/${ev.id}`, { headers: { cookie: auth.cookie } })).headers.get('etag');
        // The deletion on x, and three uploads of the same bytes on y, at once.
        const [del, ...ups] = await Promise.all([
          fetch(`${x.url}/api/v1/evidence/${ev.id}`, {
            method: 'DELETE', headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'if-match': etag },
          }).then((r) => r.status),
          ...[0, 1, 2].map(() => put(y, `race-${round}.txt`, bytes)),
        ]);
        assert.equal(del, 204);
        counts.deleted++;
        for (const u of ups) {
          assert.ok(u.status === 200 || u.status === 201, u.body);
          counts[u.status === 201 ? 'new' : 'duplicate']++;
        }
        // Whatever the order, every evidence still live downloads whole from both servers.
        const live = (await call(x.url, 'GET', `/api/v1/evidence?limit=100&q=race-${round}.txt`, { auth })).body.items
          .filter((e) => e.filename === `race-${round}.txt`);
        for (const e of live) {
          for (const s of [x, y]) {
            const r = await fetch(`${s.url}/api/v1/evidence/${e.id}/content`, { headers: { cookie: auth.cookie } });
            assert.equal(r.status, 200, `round ${round}: ${e.id} (${e.number}) lost its file (${s.url})`);
            assert.equal(sha256(Buffer.from(await r.arrayBuffer())), sha256(bytes));
          }
        }
      }
      // Every upload was answered; how many landed before the deletion (200) or after it (201) varies.
      assert.equal(counts.new + counts.duplicate, 75, JSON.stringify(counts));
      console.log(`# uploads racing deletions: ${JSON.stringify(counts)}`);
    });
});
