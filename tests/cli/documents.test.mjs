// The controlled documents' workflow on the command line (aims document versions|draft|edit|diff|
// submit|approve|reject|review|ack) against a real server, with the admin's and an approver's tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login } from '../lib/server.mjs';
import { client, assertJson, stopServer } from '../lib/http.mjs';
import { ok, failsWith, json, useServerEnv } from '../lib/cli.mjs';

const PW = 'documents cli password';
let srv, env, tmp, approverToken, id;

/** Runs `f` with the approver's token in AIMS_TOKEN. */
function asApprover(f) {
  const saved = process.env.AIMS_TOKEN;
  process.env.AIMS_TOKEN = approverToken;
  try {
    return f();
  } finally {
    process.env.AIMS_TOKEN = saved;
  }
}

before(async () => {
  srv = await startServer();
  env = useServerEnv(srv);
  tmp = mkdtempSync(join(tmpdir(), 'aims-docs-cli-'));
  ok(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', 'approver@acme.test', '--role', 'manager'], PW + '\n');
  approverToken = ok(['token', 'create', '--data', srv.dataDir, '--email', 'approver@acme.test', '--name', 'ci']).stdout.trim();
  const approver = client(srv.url, await login(srv.url, 'approver@acme.test', PW));
  const approverId = assertJson(await approver('GET', '/api/v1/me')).user.id;
  const c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  id = assertJson(await c('POST', '/api/v1/documents', {
    json: { title: 'AI policy', type: 'policy', approvers: [approverId], ack_required: true, audience_roles: 'manager' },
  }), 201).id;
});
after(async () => {
  env.restore();
  rmSync(tmp, { recursive: true, force: true });
  await stopServer(srv);
});

test('draft, submit, approve (publishes), diff, review and acknowledge from the command line', () => {
  const file = join(tmp, 'policy.md');
  writeFileSync(file, '# AI policy\n\nFirst words.\n');
  assert.match(ok(['document', 'draft', id, '--file', file, '--note', 'First issue']).stdout, new RegExp(`^${id} 1\\.0 draft \\(sha256 [0-9a-f]{64}\\)`));
  writeFileSync(file, '# AI policy\n\nBetter words.\n');
  assert.match(ok(['document', 'edit', id, '1.0', '--file', file]).stdout, / 1\.0 draft /);
  assert.match(ok(['document', 'submit', id, '1.0']).stdout, / 1\.0 in_review /);
  // The admin wrote it: refused, nothing changed.
  const r = failsWith(['document', 'approve', id, '1.0'], 1);
  assert.match(r.stderr, /author of this version/);
  assert.match(asApprover(() => ok(['document', 'approve', id, '1.0', '--comment', 'Fine']).stdout), / 1\.0 published /);
  assert.equal(json(['document', 'versions', id]).items[0].status, 'published');

  ok(['document', 'draft', id]);
  writeFileSync(file, '# AI policy\n\nBest words.\n');
  ok(['document', 'edit', id, '1.1', '--file', file, '--note', 'Clearer']);
  assert.equal(ok(['document', 'diff', id, '1.0', '1.1']).stdout, '  # AI policy\n  \n- Better words.\n+ Best words.\n');
  ok(['document', 'submit', id, '1.1']);
  assert.match(asApprover(() => ok(['document', 'reject', id, '1.1', '--comment', 'Not yet']).stdout), / 1\.1 draft /);
  failsWith(['document', 'reject', id, '1.1'], 2);

  assert.match(ok(['document', 'review', id, '--note', 'Still right']).stdout, new RegExp(`^Reviewed ${id}; next review \\d{4}-\\d{2}-\\d{2}`));
  assert.match(asApprover(() => ok(['document', 'ack', id]).stdout), new RegExp(`^Acknowledged ${id} 1\\.0`));
});
