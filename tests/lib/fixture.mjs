// Set-ups the HTTP tests repeat: one server for a whole test file with its admin logged in, the
// admin's client of a server, the admin's client of another organization on it, SQL run straight
// on a server's SQLite database, and calendar dates relative to today. Single-threaded, like the tests.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, login, aims } from './server.mjs';
import { assertJson, client, memberClients, stopServer } from './http.mjs';

/** A client of the server's admin (startServer's `admin`), logged in over HTTP. */
export async function adminClient(srv) {
  return client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
}

/**
 * A client of the admin of a new organization on `srv` (made with `aims org create`, the admin's
 * password `password`): the "other organization" of the tenancy tests.
 */
export async function otherOrgClient(srv, password, { name = 'Other', email = 'other@x.test' } = {}) {
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', name, '--admin-email', email], password + '\n');
  assert.equal(org.status, 0, org.stderr);
  return client(srv.url, await login(srv.url, email, password));
}

/**
 * The clients of the workflow tests on `srv`: `c` of its admin, `as` of a new member in each of the
 * roles manager, contributor, auditor and viewer (memberClients, password `password`), `other` of the
 * admin of another organization (otherOrgClient with `otherOrg`) and `me`, the admin's user id.
 */
export async function roleClients(srv, password, otherOrg = {}) {
  const c = await adminClient(srv);
  const as = await memberClients(srv, ['manager', 'contributor', 'auditor', 'viewer'], password);
  const other = await otherOrgClient(srv, password, otherOrg);
  const me = assertJson(await c('GET', '/api/v1/me')).user.id;
  return { c, as, other, me };
}

/**
 * Gives the test file one server: before its tests, starts it (startServer's `options`;
 * `demo: true` for the demo organization), logs its admin in and awaits `setup({ srv, c })` with
 * the server and the admin's client; after them, stops it (stopServer, which fails if it died).
 */
export function serverForFile(setup, options = {}) {
  let srv;
  before(async () => {
    srv = await startServer(options);
    await setup({ srv, c: await adminClient(srv) });
  });
  after(() => stopServer(srv));
}

/**
 * Runs SQL on the SQLite database of the data directory `dataDir` (the server may keep running:
 * WAL allows a second writer between requests); fails unless sqlite3 succeeds; returns its output.
 */
export function sqlite(dataDir, q) {
  const r = spawnSync('sqlite3', [join(dataDir, 'aims.db'), q], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** A UTC calendar date `days` from today (negative: in the past), as YYYY-MM-DD. */
export function day(days = 0) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
