// The role matrix written in docs/roles.md, tested against a real server: the table is read from
// the page and each action is tried by each role through one request that the action guards. A
// "yes" must not be refused; a "no" must be a 403 problem that changes nothing. An action added to
// the table without a probe here fails the test, so the page and the server cannot drift apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { SYS, MEMBERS } from '../lib/paths.mjs';

const PW = 'role matrix password 7';
const ROLES = ['admin', 'manager', 'contributor', 'auditor', 'viewer'];
let srv, as;
let n = 0;

/** The first table of docs/roles.md: action → {role: boolean}. */
function matrix() {
  const text = readFileSync(fileURLToPath(new URL('../../docs/roles.md', import.meta.url)), 'utf8');
  const lines = text.split('\n');
  const head = lines.findIndex((l) => /^\| action \|/.test(l));
  assert.ok(head >= 0, 'docs/roles.md has its role table');
  const roles = lines[head].split('|').slice(2, -1).map((c) => c.trim());
  assert.deepEqual(roles, ROLES);
  const out = {};
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const action = /^`([a-z_]+)`/.exec(cells[0])?.[1];
    assert.ok(action, `a row without an action: ${line}`);
    out[action] = Object.fromEntries(roles.map((r, i) => [r, { yes: true, no: false }[cells[i + 1]]]));
    for (const r of roles) assert.equal(typeof out[action][r], 'boolean', `${action}/${r}: "yes" or "no"`);
  }
  return out;
}

const csv = (name) => `name,purpose\r\n${name},Imported by the role matrix test\r\n`;
const newSystem = async () =>
  assertJson(await as.admin('POST', SYS, { json: { name: `Matrix system ${++n}`, purpose: 'Archived by a role' } }), 201);

/** One request per action that the action guards (the role is checked before anything else). */
const probes = {
  read: (c) => c('GET', `${SYS}?limit=1`),
  write_record: (c, role) => c('POST', SYS, { json: { name: `Written by ${role} ${++n}`, purpose: 'Role matrix' } }),
  archive_record: async (c) => c('POST', `${SYS}/${(await newSystem()).id}/archive`),
  bulk_import: (c, role) => c('POST', `${SYS}/import?dry_run=true`, { body: csv(`Import by ${role}`), headers: { 'content-type': 'text/csv' } }),
  // No scope is in approval: an approver is told so (not 403); everyone else is refused first.
  approve: (c) => c('POST', '/api/v1/scope/approve', { json: {}, headers: { 'if-match': '"v0"' } }),
  administer: (c) => c('GET', MEMBERS),
  // Planning an internal audit (its kinds are written with conduct_audit), led by the auditor.
  conduct_audit: async (c, role) => c('POST', '/api/v1/internal-audits', {
    json: { title: `Audit planned by ${role} ${++n}`, clauses: '4', lead_auditor: assertJson(await as.auditor('GET', '/api/v1/me')).user.id, planned_start: '2030-01-15' },
  }),
};

before(async () => {
  srv = await startServer();
  as = await memberClients(srv, ROLES.filter((r) => r !== 'admin'), PW);
  as.admin = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
});

after(async () => {
  await stopServer(srv);
});

test('every action of the docs/roles.md table has a probe, and every probe an action', () => {
  assert.deepEqual(Object.keys(matrix()).sort(), Object.keys(probes).sort());
});

test('each role may do exactly what docs/roles.md says; a refusal is a 403 problem that changes nothing', async () => {
  const table = matrix();
  for (const [action, byRole] of Object.entries(table)) {
    for (const role of ROLES) {
      const before = assertJson(await as.admin('GET', `${SYS}?archived=all&limit=500`)).items.map((s) => JSON.stringify(s)).sort();
      const r = await probes[action](as[role], role);
      if (byRole[role]) {
        assert.notEqual(r.status, 403, `${role} may ${action} (docs/roles.md) but was refused: ${r.text}`);
        assert.ok(r.status < 500, `${role} ${action}: ${r.status} ${r.text}`);
      } else {
        const p = assertProblem(r, 403);
        assert.match(p.detail, new RegExp(role), `${role} ${action}: the refusal names the role: ${p.detail}`);
        const after = assertJson(await as.admin('GET', `${SYS}?archived=all&limit=500`)).items.map((s) => JSON.stringify(s)).sort();
        // The archive probe's system is made by the admin before the refused request.
        const made = action === 'archive_record' ? 1 : 0;
        assert.equal(after.length, before.length + made, `${role} ${action}: a refusal changed the inventory`);
        assert.ok(before.every((s) => after.includes(s)), `${role} ${action}: a refusal changed a system`);
      }
    }
  }
});
