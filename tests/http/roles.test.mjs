// Roles enforced server-side (SPEC §11): viewer and auditor read; contributor creates and edits;
// manager (and admin) also archive, restore and import. Every refusal is a 403 that changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { SYS } from '../lib/paths.mjs';

const PW = 'role tester password 1';
const ROLES = ['viewer', 'auditor', 'contributor', 'manager'];
let srv, admin;
const as = {}; // role -> client (cookie session)
let seed, archived; // a live system and an archived one, both made by the admin

before(async () => {
  srv = await startServer();
  admin = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  Object.assign(as, await memberClients(srv, ROLES, PW));
  seed = assertJson(await admin('POST', SYS, { json: { name: 'Seed system', purpose: 'Shared by the role tests' } }), 201);
  archived = assertJson(await admin('POST', SYS, { json: { name: 'Archived system', purpose: 'Stays archived' } }), 201);
  archived = assertJson(await admin('POST', `${SYS}/${archived.id}/archive`));
});

after(async () => {
  await stopServer(srv);
});

/** What the organization holds, as the admin sees it. */
async function snapshot() {
  const list = assertJson(await admin('GET', `${SYS}?archived=all&limit=500`));
  return list.items.map((s) => JSON.stringify(s)).sort();
}

async function etagOf(id) {
  const r = await admin('GET', `${SYS}/${id}`);
  assertJson(r);
  return r.headers.get('etag');
}

const csv = (name) => `name,purpose\r\n${name},Imported by a role test\r\n`;
const importAs = (c, name, query = '') => c('POST', `${SYS}/import${query}`, { body: csv(name), headers: { 'content-type': 'text/csv' } });

/** The writes a role may be refused, each a function of the client. */
const writes = {
  create: (c, role) => c('POST', SYS, { json: { name: `Made by ${role}`, purpose: 'Role test' } }),
  patch: async (c, role) => c('PATCH', `${SYS}/${seed.id}`, { json: { purpose: `Changed by ${role}` }, headers: { 'if-match': await etagOf(seed.id) } }),
  archive: (c) => c('POST', `${SYS}/${seed.id}/archive`),
  restore: (c) => c('POST', `${SYS}/${archived.id}/restore`),
  import: (c, role) => importAs(c, `Imported by ${role}`),
  'import (dry run)': (c, role) => importAs(c, `Dry run by ${role}`, '?dry_run=true'),
};

async function assertRefused(c, role, ops) {
  for (const op of ops) {
    const before = await snapshot();
    const r = await writes[op](c, role);
    assertProblem(r, 403);
    assert.deepEqual(await snapshot(), before, `${role} ${op}: a refused write changed the organization`);
  }
}

async function assertCanRead(c, role) {
  const me = assertJson(await c('GET', '/api/v1/me'));
  assert.equal(me.organization.role, role);
  assert.equal(me.organization.name, srv.org);
  const list = assertJson(await c('GET', `${SYS}?archived=all`));
  assert.ok(list.items.some((s) => s.id === seed.id));
  const got = assertJson(await c('GET', `${SYS}/${seed.id}`));
  assert.equal(got.id, seed.id);
  assert.ok(Array.isArray(assertJson(await c('GET', `${SYS}/${seed.id}/history`)).items));
  const exp = await c('GET', `${SYS}/export`);
  assert.equal(exp.status, 200);
  assert.match(exp.ct, /^text\/csv/);
  assertJson(await c('GET', '/api/v1/catalog/frameworks'));
}

for (const role of ['viewer', 'auditor']) {
  test(`${role} can list, get, read history and export, but gets 403 on every write and nothing changes`, async () => {
    await assertCanRead(as[role], role);
    await assertRefused(as[role], role, Object.keys(writes));
  });
}

test('contributor can create and patch, but gets 403 on archive, restore and import and nothing changes', async () => {
  const c = as.contributor;
  await assertCanRead(c, 'contributor');
  const made = await c('POST', SYS, { json: { name: 'Made by contributor', purpose: 'Role test' } });
  const s = assertJson(made, 201);
  assert.equal(s.created_by, 'contributor@acme.test');
  const r = await c('PATCH', `${SYS}/${s.id}`, { json: { owner: 'Contributor' }, headers: { 'if-match': '"v1"' } });
  assert.equal(assertJson(r).owner, 'Contributor');
  assert.equal(r.headers.get('etag'), '"v2"');
  const p = await writes.patch(c, 'contributor');
  assert.equal(assertJson(p).purpose, 'Changed by contributor');
  assert.equal(assertJson(p).updated_by, 'contributor@acme.test');
  await assertRefused(c, 'contributor', ['archive', 'restore', 'import', 'import (dry run)']);
  // Its own system cannot be archived either.
  const before = await snapshot();
  assertProblem(await c('POST', `${SYS}/${s.id}/archive`), 403);
  assert.deepEqual(await snapshot(), before);
});

test('manager can create, patch, archive, restore and import', async () => {
  const c = as.manager;
  await assertCanRead(c, 'manager');
  const s = assertJson(await c('POST', SYS, { json: { name: 'Made by manager', purpose: 'Role test' } }), 201);
  assertJson(await c('PATCH', `${SYS}/${s.id}`, { json: { status: 'active' }, headers: { 'if-match': '"v1"' } }));
  const a = assertJson(await c('POST', `${SYS}/${s.id}/archive`));
  assert.equal(a.archived, true);
  assert.equal(a.updated_by, 'manager@acme.test');
  assert.equal(assertJson(await c('POST', `${SYS}/${s.id}/restore`)).archived, false);
  assert.equal(assertJson(await writes.restore(c)).archived, false);
  assert.deepEqual(assertJson(await importAs(c, 'Dry run by manager', '?dry_run=true')), { created: 1, updated: 0, dry_run: true, warnings: [] });
  assert.deepEqual(assertJson(await importAs(c, 'Imported by manager')), { created: 1, updated: 0, dry_run: false, warnings: [] });
  const list = assertJson(await c('GET', `${SYS}?q=${encodeURIComponent('imported by manager')}`));
  assert.equal(list.items.length, 1);
  assert.equal(list.items[0].created_by, 'manager@acme.test');
});

test('admin can do everything a manager can', async () => {
  assert.equal(assertJson(await writes.archive(admin)).archived, true);
  assert.equal(assertJson(await admin('POST', `${SYS}/${seed.id}/restore`)).archived, false);
  assert.deepEqual(assertJson(await importAs(admin, 'Imported by admin')), { created: 1, updated: 0, dry_run: false, warnings: [] });
});

test('roles apply to API tokens as well: a viewer token gets 403 on writes', async () => {
  const t = aims(['token', 'create', '--data', srv.dataDir, '--email', 'viewer@acme.test', '--name', 'viewer script']);
  assert.equal(t.status, 0, t.stderr);
  const c = client(srv.url, { token: t.stdout.trim() });
  await assertCanRead(c, 'viewer');
  await assertRefused(c, 'viewer (token)', ['create', 'patch', 'archive', 'import']);
});

test('organization settings: every role reads them; only the admin changes them, others get 403 and nothing changes', async () => {
  const ORG = '/api/v1/org-settings';
  const r = await admin('GET', ORG);
  const s = assertJson(r);
  const body = { segregation_of_duties: { ...s.segregation_of_duties, soa_approval: !s.segregation_of_duties.soa_approval } };
  for (const role of ROLES) {
    assert.deepEqual(assertJson(await as[role]('GET', ORG)), s, role);
    const p = assertProblem(await as[role]('PUT', ORG, { json: body, headers: { 'if-match': r.headers.get('etag') } }), 403);
    assert.match(p.detail, new RegExp(`Your role \\(${role}\\) may not change the organization settings`));
    assert.deepEqual(assertJson(await admin('GET', ORG)), s, `${role}: a refused change changed the settings`);
  }
  const saved = assertJson(await admin('PUT', ORG, { json: body, headers: { 'if-match': r.headers.get('etag') } }));
  assert.equal(saved.segregation_of_duties.soa_approval, body.segregation_of_duties.soa_approval);
  assert.equal(saved.updated_by, srv.admin.email);
});
