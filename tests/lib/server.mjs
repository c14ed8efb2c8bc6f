// Starts a real aims server on a loopback port chosen by the kernel, in a fresh data directory,
// and stops it (by process id) when the test is done. Shared by the HTTP, CLI and browser tests.
// A server that is still running when its test process ends (a step failed before it was stopped)
// is killed then, so that it never keeps `node --test` waiting. Single-threaded, like the tests.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addServedDocument } from './contract.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The servers started and not yet stopped: each `abandon()`s it when the test process exits. */
const running = new Set();

/** How long a server may take to print its address before startServer gives up on it. */
const startLimitMs = 120_000;
process.on('exit', () => {
  for (const s of running) s.abandon();
});

/** Path of the aims binary: $AIMS_BIN, else build/aims. */
export function aimsBin() {
  const bin = process.env.AIMS_BIN || join(root, 'build', 'aims');
  if (!existsSync(bin)) throw new Error(`aims binary not found at ${bin}; build first`);
  return bin;
}

/** Runs `aims ARGS...` synchronously, feeding `input` on stdin. Returns {status, stdout, stderr}. */
export function aims(args, input = '') {
  const r = spawnSync(aimsBin(), args, { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Creates a data directory with one organization and its admin (or reuses `dataDir`, already
 * initialized), starts `aims serve` on 127.0.0.1:0 and resolves to
 * { url, dataDir, admin: {email, password}, org, stop(), kill() }. stop() sends SIGTERM and removes
 * the data directory unless `keepData`; kill() sends SIGKILL and keeps it. A server that neither
 * ended does not keep the test process alive: it is killed (and its data directory removed unless
 * `keepData`) when that process exits, e.g. after a step failed. `openFiles` starts the
 * server with that limit (soft and hard) on open file descriptors. `demo` starts it with the demo
 * organization instead (`aims serve --demo`); `admin` is then the demo login the server prints.
 */
export async function startServer({ org = 'Acme AI', email = 'admin@acme.test', password = 'correct horse battery staple', env = {}, dataDir: reuse, keepData = false, openFiles, demo = false } = {}) {
  const dataDir = reuse || mkdtempSync(join(tmpdir(), 'aims-test-'));
  // `serve --demo` finds the copy seeded and only prints its login.
  if (!reuse && demo) copySeededDemo(dataDir);
  if (!reuse && !demo) {
    const init = aims(['init', '--data', dataDir, '--org', org, '--admin-email', email], password + '\n');
    if (init.status !== 0) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`aims init failed: ${init.stderr}`);
    }
  }
  const serveArgs = ['serve', ...(demo ? ['--demo'] : []), '--listen', '127.0.0.1:0', '--data', dataDir, '--web', join(root, 'web', 'dist')];
  const [cmd, args] = openFiles === undefined ? [aimsBin(), serveArgs]
    : ['bash', ['-c', `ulimit -n ${Number(openFiles)} && exec "$0" "$@"`, aimsBin(), ...serveArgs]];
  const child = spawn(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  let out = '';
  // A guard against a server that never starts, not a measure of speed: on a loaded machine (ctest
  // running several suites at once) seeding the demo may take many seconds.
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${startLimitMs / 1000} s:\n${out}\n${log}`)), startLimitMs);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolveUrl(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${out}\n${log}`)); });
  }).catch((e) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    if (!keepData && !reuse) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  child.stdout.resume();
  // Only what the test awaits keeps the process alive; stop() and kill() hold the child again.
  for (const h of [child, child.stdout, child.stderr]) h.unref();
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const server = {
    abandon() {
      running.delete(server);
      if (!exited()) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch (e) {
          if (e.code !== 'ESRCH') throw e;
        }
      }
      if (!keepData && !reuse) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  running.add(server);
  if (demo) {
    const m = out.match(/log in as (\S+) with password (\S+)/);
    if (!m) throw new Error(`the demo server printed no login:\n${out}`);
    [, email, password] = m;
    org = 'Demo Org';
  }
  // The contract check learns the paths the server generates for the field-driven record kinds.
  const served = await fetch(`${url}/api/v1/openapi.json`);
  if (served.ok) addServedDocument(await served.json());
  return Object.assign(server, {
    url,
    dataDir,
    admin: { email, password },
    org,
    pid: child.pid,
    log: () => log,
    async stop() {
      running.delete(server);
      if (!exited()) {
        child.ref();
        const done = new Promise((r) => child.once('exit', r));
        try {
          process.kill(child.pid, 'SIGTERM');
          await done;
        } catch (e) {
          if (e.code !== 'ESRCH') throw e;  // it had already exited
        }
      }
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      running.delete(server);
      if (!exited()) {
        child.ref();
        const done = new Promise((r) => child.once('exit', r));
        process.kill(child.pid, 'SIGKILL');
        await done;
      }
    },
  });
}

/** The UTC calendar day, as YYYY-MM-DD: a seeded demo installation is used on the day it was seeded. */
export const utcDay = () => new Date().toISOString().slice(0, 10);

/**
 * Copies the demo installation seeded once for the whole run into the empty `dataDir`, if there is
 * one: $AIMS_TEST_DEMO_DATA names the directory ./demo_data.mjs made (ctest's `demo_data` entry),
 * holding `data/` and the day it was seeded in `seeded-on`. Without it, or on a later day (the
 * demo's dates are relative to its seeding), nothing is copied and the server seeds its own.
 */
function copySeededDemo(dataDir) {
  const dir = process.env.AIMS_TEST_DEMO_DATA;
  if (!dir) return;
  const day = join(dir, 'seeded-on');
  if (!existsSync(day)) throw new Error(`AIMS_TEST_DEMO_DATA=${dir} holds no seeded demo; run node tests/lib/demo_data.mjs ${dir}`);
  if (readFileSync(day, 'utf8').trim() !== utcDay()) return;
  cpSync(join(dir, 'data'), dataDir, { recursive: true });
}

/** startServer with the demo organization (see there): { url, dataDir, admin, org, stop(), … }. */
export function startDemoServer(options = {}) {
  return startServer({ ...options, demo: true });
}

/** Logs in over HTTP and returns { cookie, csrf, me }. */
export async function login(url, email, password) {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${await r.text()}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const me = await r.json();
  return { cookie, csrf: me.csrf_token, me };
}
