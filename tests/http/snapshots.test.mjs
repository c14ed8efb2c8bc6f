// Register snapshots (7.5): the AI system inventory, the risk register and the SoA frozen as a
// dated snapshot with its SHA-256 and approved through the controlled-document approval — every
// named approver approves, the author never does, a second decision is a 409, a rejection needs a
// comment; the content stays frozen when the register changes; the approval's audit entry hashes
// the snapshot with its content hash; roles below each action refused with nothing changed; the
// snapshots in the auditor package; another organization's snapshots unknown; the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aims, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, memberClients } from '../lib/http.mjs';
import { serverForFile } from '../lib/fixture.mjs';
import { contentHash, recordContent, unzip } from '../lib/audit.mjs';

const SNAP = '/api/v1/snapshots';
const PW = 'snapshot role password';

let srv, c, as, ids;

serverForFile(async (s) => {
  ({ srv, c } = s);
  as = await memberClients(srv, ['manager', 'contributor', 'auditor', 'viewer'], PW);
  const r = aims(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', 'cro@acme.test', '--role', 'manager'], PW + '\n');
  assert.equal(r.status, 0, r.stderr);
  as.cro = client(srv.url, await login(srv.url, 'cro@acme.test', PW));
  ids = { admin: assertJson(await c('GET', '/api/v1/me')).user.id };
  for (const [who, cl] of Object.entries(as)) ids[who] = assertJson(await cl('GET', '/api/v1/me')).user.id;
  const sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Loan scoring', purpose: 'Scores loans' } }), 201);
  for (const title of ['Biased decisions', 'Model drift'])
    assertJson(await c('POST', '/api/v1/risks', { json: { title, system_id: sys.id, inherent_likelihood: 3, inherent_impact: 3 } }), 201);
});

/** What a refused request could have changed: the snapshot and its history. */
async function state(id) {
  const r = await c('GET', `${SNAP}/${id}`);
  return { body: assertJson(r), etag: r.headers.get('etag'), audit: assertJson(await c('GET', '/api/v1/audit/entries?order=newest&limit=1')).items[0].seq };
}

test('a risk register snapshot: frozen rows with their hash, two approvers in turn, the approval in the audit log', async () => {
  const risks = assertJson(await c('GET', '/api/v1/risks?limit=500')).items;
  const r = await c('POST', SNAP, { json: { register: 'risk_register' } });
  const made = assertJson(r, 201);
  assert.match(made.id, /^SNAP-\d+$/);
  assert.equal(r.headers.get('location'), `${SNAP}/${made.id}`);
  assert.equal(made.status, 'draft');
  assert.equal(made.register, 'risk_register');
  assert.equal(made.author, ids.admin);
  assert.deepEqual(made.content, risks, 'the rows as the risk list serves them');
  assert.equal(made.row_count, 2);
  assert.equal(made.content_hash, contentHash(risks));

  // The register changes afterwards: the snapshot does not.
  const risk = risks[0];
  assertJson(await c('PATCH', `/api/v1/risks/${risk.id}`, { json: { title: 'Changed later' }, headers: { 'if-match': `"v${risk.version}"` } }));
  assert.deepEqual(assertJson(await c('GET', `${SNAP}/${made.id}`)).content, risks);

  const submitted = assertJson(await c('POST', `${SNAP}/${made.id}/submit`, { json: { approvers: [ids.admin, ids.manager, ids.cro] } }));
  assert.equal(submitted.status, 'in_approval');
  assert.deepEqual(submitted.approval.required, [ids.manager, ids.cro], 'the author never approves');
  // The author and someone not named are refused; nothing changes.
  const before = await state(made.id);
  assert.match(assertProblem(await c('POST', `${SNAP}/${made.id}/approve`, { json: {} }), 403).detail, /author/);
  assertProblem(await as.contributor('POST', `${SNAP}/${made.id}/approve`, { json: {} }), 403);
  assert.deepEqual(await state(made.id), before, 'nothing changed');

  const first = assertJson(await as.manager('POST', `${SNAP}/${made.id}/approve`, { json: { comment: 'Matches the register' } }));
  assert.equal(first.status, 'in_approval');
  // A second decision of the same approver is a 409 and changes nothing.
  const mid = await state(made.id);
  assertProblem(await as.manager('POST', `${SNAP}/${made.id}/approve`, { json: {} }), 409);
  assertProblem(await as.manager('POST', `${SNAP}/${made.id}/reject`, { json: { comment: 'Changed my mind' } }), 409);
  assert.deepEqual(await state(made.id), mid, 'nothing changed');

  const approved = assertJson(await as.cro('POST', `${SNAP}/${made.id}/approve`));
  assert.equal(approved.status, 'approved');
  assert.ok(approved.approved_at);
  assert.deepEqual(approved.approval.decisions.map((d) => [d.user_id, d.decision]), [[ids.manager, 'approve'], [ids.cro, 'approve']]);
  assert.equal(approved.approval.decisions[0].comment, 'Matches the register');
  assert.ok(approved.approval.decisions.every((d) => d.at && d.email));
  assert.equal(approved.content_hash, made.content_hash);

  // The approval's audit entry hashes the snapshot with its content hash.
  const entry = assertJson(await c('GET', '/api/v1/audit/entries?order=newest&limit=1')).items[0];
  assert.equal(entry.record_type, 'register_snapshot');
  assert.equal(entry.record_id, made.id);
  const { version, ...doc } = approved;
  const row = { created_at: doc.created_at, doc: { ...doc, version }, id: made.id, position: made.number, updated_at: doc.updated_at, version };
  assert.equal(entry.content_sha256, contentHash(recordContent(row)));
  const ops = assertJson(await c('GET', `${SNAP}/${made.id}/history`)).items.map((h) => h.operation);
  assert.deepEqual(ops, ['approve', 'approve', 'submit', 'create']);

  // Frozen: no further decision, no new submission.
  const done = await state(made.id);
  assertProblem(await as.manager('POST', `${SNAP}/${made.id}/approve`, { json: {} }), 409);
  assertProblem(await c('POST', `${SNAP}/${made.id}/submit`, { json: { approvers: [ids.manager] } }), 409);
  assert.deepEqual(await state(made.id), done, 'nothing changed');

  // The list per register, newest first, without rows; every role reads it.
  const listed = assertJson(await as.viewer('GET', `${SNAP}?register=risk_register&status=approved`));
  assert.ok(listed.items.some((s) => s.id === made.id));
  assert.ok(listed.items.every((s) => s.register === 'risk_register' && s.status === 'approved' && s.content === undefined));
  // The download: the same JSON, as a file named after the organization, id and register.
  const file = await as.auditor('GET', `${SNAP}/${made.id}/download`);
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-disposition'), new RegExp(`attachment; filename="Acme AI ${made.id} AI risk register \\d{4}-\\d{2}-\\d{2}\\.json"`));
  assert.equal(JSON.parse(file.bytes.toString()).content_hash, made.content_hash);
});

test('a rejection needs a comment (422, nothing changed) and rejects the snapshot', async () => {
  const made = assertJson(await c('POST', SNAP, { json: { register: 'soa' } }), 201);
  assert.equal(made.row_count, made.content.length);
  assert.ok(made.content.length > 30, 'one row per Annex A control');
  assertJson(await c('POST', `${SNAP}/${made.id}/submit`, { json: { approvers: [ids.manager, ids.cro] } }));
  const before = await state(made.id);
  const p = assertProblem(await as.manager('POST', `${SNAP}/${made.id}/reject`, { json: {} }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['comment']);
  assertProblem(await as.manager('POST', `${SNAP}/${made.id}/reject`, { json: { comment: '   ' } }), 422);
  assert.deepEqual(await state(made.id), before, 'nothing changed');
  const rejected = assertJson(await as.manager('POST', `${SNAP}/${made.id}/reject`, { json: { comment: 'A.6 is out of date' } }));
  assert.equal(rejected.status, 'rejected');
  assert.equal(rejected.approval.decisions[0].comment, 'A.6 is out of date');
  assertProblem(await as.cro('POST', `${SNAP}/${made.id}/approve`, { json: {} }), 409);
});

test('bad input is a problem that names it and changes nothing', async () => {
  const count = async () => assertJson(await c('GET', `${SNAP}?limit=1`)).total;
  const n = await count();
  for (const body of [{}, { register: 'ledger' }, { register: 'soa', extra: 1 }])
    assertProblem(await c('POST', SNAP, { json: body }), 422);
  assertProblem(await c('GET', `${SNAP}?register=ledger`), 400);
  assertProblem(await c('GET', `${SNAP}?sorted=yes`), 400);
  assert.equal(await count(), n, 'nothing was stored');
  assertProblem(await c('GET', `${SNAP}/SNAP-999`), 404);

  const made = assertJson(await c('POST', SNAP, { json: { register: 'inventory' } }), 201);
  assert.equal(made.content[0].name, 'Loan scoring');
  const before = await state(made.id);
  for (const approvers of [undefined, [], ['u_nobody'], [ids.contributor], 'x'])
    assertProblem(await c('POST', `${SNAP}/${made.id}/submit`, { json: { approvers } }), 422);
  // Only the author named: nobody is left to approve.
  assertProblem(await c('POST', `${SNAP}/${made.id}/submit`, { json: { approvers: [ids.admin] } }), 409);
  // Not in approval yet: no decisions.
  assertProblem(await as.manager('POST', `${SNAP}/${made.id}/approve`, { json: {} }), 409);
  assert.deepEqual(await state(made.id), before, 'nothing changed');
});

test('roles: contributors and below may not publish, submit or decide (403, nothing changed); every role reads', async () => {
  const made = assertJson(await as.manager('POST', SNAP, { json: { register: 'risk_register' } }), 201);
  const count = async () => assertJson(await c('GET', `${SNAP}?limit=1`)).total;
  const n = await count();
  for (const who of ['contributor', 'auditor', 'viewer']) {
    assertProblem(await as[who]('POST', SNAP, { json: { register: 'soa' } }), 403);
    assertProblem(await as[who]('POST', `${SNAP}/${made.id}/submit`, { json: { approvers: [ids.cro] } }), 403);
    assertJson(await as[who]('GET', `${SNAP}/${made.id}`));
  }
  assert.equal(await count(), n);
  assert.equal(assertJson(await c('GET', `${SNAP}/${made.id}`)).status, 'draft');
  assertJson(await as.manager('POST', `${SNAP}/${made.id}/submit`, { json: { approvers: [ids.admin, ids.cro] } }));
  const before = await state(made.id);
  for (const who of ['contributor', 'auditor', 'viewer']) {
    assertProblem(await as[who]('POST', `${SNAP}/${made.id}/approve`, { json: {} }), 403);
    assertProblem(await as[who]('POST', `${SNAP}/${made.id}/reject`, { json: { comment: 'No' } }), 403);
  }
  assert.deepEqual(await state(made.id), before, 'nothing changed');
});

test('snapshots are in the auditor package; another organization does not see them', async () => {
  const made = assertJson(await c('POST', SNAP, { json: { register: 'inventory' } }), 201);
  const res = await c('GET', '/api/v1/audit/pack');
  assert.equal(res.status, 200);
  const files = Object.fromEntries(unzip(res.bytes).map((e) => [e.name, e.data.toString()]));
  const rows = JSON.parse(files['records/register_snapshot.json']);
  assert.ok(rows.some((r) => r.id === made.id && r.doc.content_hash === made.content_hash));
  // The package verifies: every snapshot row matches its latest log entry.
  const dir = mkdtempSync(join(tmpdir(), 'aims-snapshots-test-'));
  try {
    writeFileSync(join(dir, 'pack.zip'), res.bytes);
    writeFileSync(join(dir, 'key.txt'), `${assertJson(await c('GET', '/api/v1/audit/public-key')).verifier_key}\n`);
    const v = aims(['audit', 'verify', '--pack', join(dir, 'pack.zip'), '--key', join(dir, 'key.txt')]);
    assert.equal(v.status, 0, v.stderr);
    assert.match(v.stdout, /^OK: the auditor package of Acme AI/);
    assert.doesNotMatch(v.stdout, /no entry in the log/, v.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const other = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other Org', '--admin-email', 'other@other.test'], 'other org password\n');
  assert.equal(other.status, 0, other.stderr);
  const o = client(srv.url, await login(srv.url, 'other@other.test', 'other org password'));
  assertProblem(await o('GET', `${SNAP}/${made.id}`), 404);
  assert.equal(assertJson(await o('GET', SNAP)).total, 0);
});

test('the CLI: aims snapshot create, submit, list, get, approve, reject', async () => {
  const tok = (email) => aims(['token', 'create', '--data', srv.dataDir, '--email', email, '--name', 'cli']).stdout.trim();
  const run = (token, args) => aims(['snapshot', ...args, '--url', srv.url, '--token', token]);
  const admin = tok(srv.admin.email), manager = tok('manager@acme.test'), cro = tok('cro@acme.test');
  const made = JSON.parse(run(admin, ['create', 'risk_register', '--json']).stdout);
  assert.equal(made.status, 'draft');
  const sub = run(admin, ['submit', made.id, '--approver', ids.manager, '--approver', ids.cro]);
  assert.equal(sub.status, 0, sub.stderr);
  assert.match(sub.stdout, new RegExp(`^${made.id} risk_register in_approval 2 rows \\(sha256 ${made.content_hash}\\)$`, 'm'));
  const self = run(admin, ['approve', made.id]);
  assert.equal(self.status, 1);
  assert.match(self.stderr, /author/);
  const noComment = run(manager, ['reject', made.id]);
  assert.equal(noComment.status, 2, 'reject needs --comment');
  assert.equal(run(manager, ['approve', made.id, '--comment', 'ok']).status, 0);
  const last = run(cro, ['approve', made.id]);
  assert.equal(last.status, 0, last.stderr);
  assert.match(last.stdout, /approved/);
  assert.match(last.stdout, /- approve by manager@acme\.test at .*: ok/);
  const list = run(admin, ['list', '--register', 'risk_register', '--status', 'approved']);
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, new RegExp(`^${made.id} risk_register approved`, 'm'));
  const got = run(admin, ['get', made.id]);
  assert.match(got.stdout, /created .* by admin@acme\.test/);
  const soa = JSON.parse(run(admin, ['create', 'soa', '--json']).stdout);
  assert.equal(run(admin, ['submit', soa.id, '--approver', ids.manager]).status, 0);
  const rej = run(manager, ['reject', soa.id, '--comment', 'Not yet']);
  assert.equal(rej.status, 0, rej.stderr);
  assert.match(rej.stdout, new RegExp(`^${soa.id} soa rejected`, 'm'));
});
