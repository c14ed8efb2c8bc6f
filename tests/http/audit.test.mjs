// The tamper-evident audit log (SPEC §9) through the API: every family of writes appends entries
// with the right actor, record type, operation and content hash; checkpoints verify with the
// published key; inclusion and consistency proofs verify with node:crypto alone; history rows point
// at their entries; roles and tenant isolation; the export verified offline by `aims audit verify`,
// a tampered export caught with the entry named; a database altered behind the server's back found.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { otherOrgClient } from '../lib/fixture.mjs';
import {
  canonical, contentHash, hex, leafHash, openCheckpoint, parseVerifierKey, rootOf, systemContent, verifyConsistency,
  verifyInclusion,
} from '../lib/audit.mjs';
import { SYS, AUDIT } from '../lib/paths.mjs';

const PW = 'audit role password';
const PW_B = 'other organization password';

let srv, c, as, b, dir, vkey, vk;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  as = await memberClients(srv, ['viewer', 'auditor', 'contributor', 'manager'], PW);
  b = await otherOrgClient(srv, PW_B);
  dir = mkdtempSync(join(tmpdir(), 'aims-audit-test-'));
  vkey = assertJson(await c('GET', `${AUDIT}/public-key`)).verifier_key;
  vk = parseVerifierKey(vkey);
});

after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopServer(srv);
});

// ---- helpers -----------------------------------------------------------------------------------

/** Every entry of the caller's log, parsed, checked against its leaf hash. */
async function allEntries(who = c) {
  const out = [];
  let cursor;
  do {
    const page = assertJson(await who('GET', `${AUDIT}/entries?limit=500${cursor ? `&cursor=${cursor}` : ''}`));
    for (const it of page.items) {
      assert.equal(it.leaf_hash, hex(leafHash(it.entry)), `leaf hash of entry ${it.seq}`);
      const e = JSON.parse(it.entry);
      assert.equal(canonical(e), it.entry, `entry ${it.seq} is canonical JSON`);
      assert.deepEqual(Object.keys(e).sort(), ['actor', 'at', 'content_sha256', 'op', 'org', 'record_id', 'record_type', 'seq']);
      assert.equal(e.seq, it.seq);
      out.push(e);
    }
    cursor = page.next;
  } while (cursor);
  out.forEach((e, i) => assert.equal(e.seq, i, 'seqs run 0, 1, 2, … without gaps'));
  return out;
}

/** The entries appended while `fn` runs. */
async function during(fn, who = c) {
  const before = (await allEntries(who)).length;
  const result = await fn();
  return { result, added: (await allEntries(who)).slice(before) };
}

async function checkpoint(who = c, key = vk) {
  const cp = assertJson(await who('GET', `${AUDIT}/checkpoint`));
  const opened = openCheckpoint(cp.checkpoint, key);
  assert.equal(opened.size, cp.size);
  assert.equal(opened.root.toString('hex'), cp.root_hash);
  return { ...cp, root: opened.root };
}

const run = (args) => aims(args);

// ---- every write family is logged ----------------------------------------------------------------

test('creating, changing, archiving and importing AI systems appends entries with the actor, type, op and content hash', async () => {
  const con = as.contributor;
  const { result: sys, added } = await during(async () =>
    assertJson(await con('POST', SYS, { json: { name: 'Logged model', purpose: 'Shows up in the audit log' } }), 201));
  assert.equal(added.length, 1);
  assert.deepEqual([added[0].record_type, added[0].record_id, added[0].op, added[0].actor], ['system', sys.id, 'create', 'contributor@acme.test']);
  assert.equal(added[0].content_sha256, contentHash(systemContent(sys)), 'the hash of the record as stored');

  const upd = await during(async () => assertJson(await con('PATCH', `${SYS}/${sys.id}`, { json: { owner: 'Risk' }, headers: { 'if-match': '"v1"' } })));
  assert.deepEqual(upd.added.map((e) => [e.record_type, e.op, e.actor]), [['system', 'update', 'contributor@acme.test']]);
  assert.equal(upd.added[0].content_sha256, contentHash(systemContent(upd.result)));

  const arc = await during(async () => assertJson(await as.manager('POST', `${SYS}/${sys.id}/archive`)));
  assert.deepEqual(arc.added.map((e) => [e.record_id, e.op, e.actor]), [[sys.id, 'update', 'manager@acme.test']]);

  const csv = 'name,purpose\r\nImported one,First\r\nImported two,Second\r\n';
  const imp = await during(async () => assertJson(await c('POST', `${SYS}/import`, { body: csv, headers: { 'content-type': 'text/csv' } })));
  assert.deepEqual(imp.added.map((e) => [e.record_type, e.op, e.actor]), [['system', 'create', srv.admin.email], ['system', 'create', srv.admin.email]]);

  // A refused write logs nothing.
  const refused = await during(async () => assertProblem(await con('PATCH', `${SYS}/${sys.id}`, { json: { owner: 'X' }, headers: { 'if-match': '"v1"' } }), 412));
  assert.equal(refused.added.length, 0);
  const viewer = await during(async () => assertProblem(await as.viewer('POST', SYS, { json: { name: 'No', purpose: 'No' } }), 403));
  assert.equal(viewer.added.length, 0);
});

test('assessments, answers, roadmaps and the Statement of Applicability are logged', async () => {
  const { result: a, added } = await during(async () => assertJson(await as.contributor('POST', '/api/v1/assessments', { json: { name: 'Logged assessment' } }), 201));
  assert.deepEqual(added.map((e) => [e.record_type, e.record_id, e.op]), [['assessment', a.id, 'create']]);

  const ans = await during(async () => assertJson(await as.contributor('PUT', `/api/v1/assessments/${a.id}/answers/4.1`, { json: { maturity: 2 } })));
  assert.deepEqual(ans.added.map((e) => [e.record_type, e.record_id, e.op, e.actor]), [['answer', `${a.id}/4.1`, 'create', 'contributor@acme.test']]);

  const rm = await during(async () => assertJson(await as.manager('POST', `/api/v1/assessments/${a.id}/roadmap`, { json: { start_date: '2027-01-04', capacity: 2 } })));
  const types = new Set(rm.added.map((e) => e.record_type));
  assert.ok(types.has('roadmap_action') && types.has('roadmap'), [...types].join());
  assert.ok(rm.added.every((e) => e.actor === 'manager@acme.test'));
  assert.equal(rm.added.filter((e) => e.record_type === 'roadmap_action').length, rm.result.actions.length);

  const act = rm.result.actions[0];
  const pa = await during(async () => assertJson(await as.contributor('PATCH', `/api/v1/assessments/${a.id}/roadmap/actions/${act.id}`, { json: { status: 'in_progress' }, headers: { 'if-match': `"v${act.version}"` } })));
  assert.deepEqual(pa.added.map((e) => [e.record_type, e.record_id, e.op]), [['roadmap_action', `${a.id}/${act.id}`, 'update']]);

  const soa = await during(async () => assertJson(await as.contributor('PATCH', '/api/v1/soa/entries/A.2.2', { json: { owner: 'CISO' }, headers: { 'if-match': '"v0"' } })));
  assert.deepEqual(soa.added.map((e) => [e.record_type, e.record_id, e.op]), [['soa_entry', 'A.2.2', 'create']]);

  const v = await during(async () => assertJson(await as.manager('POST', '/api/v1/soa/versions', { json: { note: 'logged' } }), 201));
  assert.deepEqual(v.added.map((e) => [e.record_type, e.record_id, e.op, e.actor]), [['soa_version', String(v.result.number), 'create', 'manager@acme.test']]);
});

test('organizations and memberships added with the CLI are logged in their own organization, by "system"', async () => {
  const { added } = await during(async () => {
    const r = aims(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', 'late@acme.test', '--role', 'viewer'], PW + '\n');
    assert.equal(r.status, 0, r.stderr);
  });
  assert.deepEqual(added.map((e) => [e.record_type, e.op, e.actor]), [['membership', 'create', 'system']]);
  const other = await allEntries(b);
  assert.deepEqual(other.slice(0, 2).map((e) => [e.record_type, e.op, e.actor]), [['organization', 'create', 'system'], ['membership', 'create', 'system']]);
  const me = assertJson(await b('GET', '/api/v1/me'));
  assert.ok(other.every((e) => e.org === me.organization.id));
});

test('concurrent writers leave a log without gaps or duplicates that still verifies', async () => {
  const before = (await allEntries()).length;
  const made = await Promise.all(Array.from({ length: 16 }, (_, i) =>
    (i % 2 ? as.contributor : c)('POST', SYS, { json: { name: `Parallel ${i}`, purpose: 'Concurrency' } })));
  made.forEach((r) => assertJson(r, 201));
  const log = await allEntries();
  assert.equal(log.length, before + 16);
  const ids = new Set(log.slice(before).map((e) => e.record_id));
  assert.equal(ids.size, 16);
  const cp = await checkpoint();
  const leaves = (await allEntriesRaw()).map((it) => leafHash(it.entry));
  assert.ok(rootOf(leaves.slice(0, cp.size)).equals(cp.root), 'the root of all entries is the checkpoint root');
});

async function allEntriesRaw(who = c) {
  const out = [];
  let cursor;
  do {
    const page = assertJson(await who('GET', `${AUDIT}/entries?limit=500${cursor ? `&cursor=${cursor}` : ''}`));
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

// ---- checkpoints and proofs ----------------------------------------------------------------------

test('the public key is a C2SP verifier key named after the log, and checkpoints verify with it', async () => {
  const k = assertJson(await c('GET', `${AUDIT}/public-key`));
  const me = assertJson(await c('GET', '/api/v1/me'));
  assert.equal(k.key_name, `aims.invalid/${me.organization.id}`);
  assert.equal(k.algorithm, 'Ed25519');
  assert.equal(k.key_id, vk.id);
  assert.equal(k.verifier_key, `${k.key_name}+${k.key_id}+${Buffer.concat([Buffer.from([1]), Buffer.from(k.public_key, 'base64')]).toString('base64')}`);
  const cp = await checkpoint();
  assert.match(cp.checkpoint, new RegExp(`^${k.key_name.replace(/[./]/g, '\\$&')}\\n${cp.size}\\n[A-Za-z0-9+/]{43}=\\n\\n\u2014 `));
  assert.equal(cp.key_id, vk.id);
  // Asking again without new entries gives the very same checkpoint.
  assert.equal(assertJson(await as.viewer('GET', `${AUDIT}/checkpoint`)).checkpoint, cp.checkpoint);
  // A changed byte anywhere in the note is caught.
  const forged = cp.checkpoint.replace(`\n${cp.size}\n`, `\n${cp.size + 1}\n`);
  assert.throws(() => openCheckpoint(forged, vk), /signature/);
});

test('every entry has an inclusion proof that verifies against the signed checkpoint', async () => {
  const cp = await checkpoint();
  for (let seq = 0; seq < cp.size; seq++) {
    const p = assertJson(await as.viewer('GET', `${AUDIT}/entries/${seq}/proof`));
    assert.equal(p.size, cp.size);
    assert.equal(p.checkpoint, cp.checkpoint);
    assert.equal(p.root_hash, cp.root_hash);
    assert.ok(verifyInclusion(seq, cp.size, leafHash(p.entry), p.inclusion_proof, cp.root), `entry ${seq}`);
    assert.ok(!verifyInclusion(seq, cp.size, leafHash(p.entry + ' '), p.inclusion_proof, cp.root));
  }
  // Against an older size too.
  const p = assertJson(await c('GET', `${AUDIT}/entries/1/proof?size=3`));
  const leaves = (await allEntriesRaw()).slice(0, 3).map((it) => leafHash(it.entry));
  assert.ok(verifyInclusion(1, 3, leafHash(p.entry), p.inclusion_proof, rootOf(leaves)));
});

test('consistency proofs link an earlier checkpoint to a later one', async () => {
  const first = await checkpoint();
  assertJson(await c('POST', SYS, { json: { name: 'Grows the log', purpose: 'Consistency' } }), 201);
  const second = await checkpoint();
  assert.ok(second.size > first.size);
  const p = assertJson(await as.auditor('GET', `${AUDIT}/consistency?from=${first.size}`));
  assert.equal(p.to, second.size);
  assert.equal(p.from_checkpoint, first.checkpoint);
  assert.equal(p.to_checkpoint, second.checkpoint);
  assert.ok(verifyConsistency(first.size, second.size, first.root, second.root, p.consistency_proof));
  const wrongRoot = Buffer.from(first.root);
  wrongRoot[0] ^= 1;
  assert.ok(!verifyConsistency(first.size, second.size, wrongRoot, second.root, p.consistency_proof));
  // Between any two sizes.
  const q = assertJson(await c('GET', `${AUDIT}/consistency?from=2&to=5`));
  const leaves = (await allEntriesRaw()).slice(0, 5).map((it) => leafHash(it.entry));
  assert.ok(verifyConsistency(2, 5, rootOf(leaves.slice(0, 2)), rootOf(leaves), q.consistency_proof));
});

test('history rows carry the seq of their entry, and its proof verifies', async () => {
  const sys = assertJson(await c('POST', SYS, { json: { name: 'With history', purpose: 'History' } }), 201);
  assertJson(await c('PATCH', `${SYS}/${sys.id}`, { json: { owner: 'Ops' }, headers: { 'if-match': '"v1"' } }));
  const h = assertJson(await as.viewer('GET', `${SYS}/${sys.id}/history`)).items;
  assert.equal(h.length, 2);
  const cp = await checkpoint();
  for (const row of h) {
    assert.equal(typeof row.audit_seq, 'number');
    const p = assertJson(await as.viewer('GET', `${AUDIT}/entries/${row.audit_seq}/proof`));
    const e = JSON.parse(p.entry);
    assert.deepEqual([e.record_type, e.record_id, e.op], ['system', sys.id, row.operation]);
    assert.ok(verifyInclusion(row.audit_seq, cp.size, leafHash(p.entry), p.inclusion_proof, cp.root));
  }
});

// ---- roles, bad input, tenancy -------------------------------------------------------------------

test('every member reads checkpoints and proofs; only auditors, managers and admins list or export the log', async () => {
  for (const who of ['viewer', 'contributor', 'auditor', 'manager']) {
    assertJson(await as[who]('GET', `${AUDIT}/checkpoint`));
    assertJson(await as[who]('GET', `${AUDIT}/public-key`));
    assertJson(await as[who]('GET', `${AUDIT}/entries/0/proof`));
    assertJson(await as[who]('GET', `${AUDIT}/consistency?from=1`));
  }
  for (const who of ['viewer', 'contributor']) {
    assertProblem(await as[who]('GET', `${AUDIT}/entries`), 403);
    assertProblem(await as[who]('GET', `${AUDIT}/export`), 403);
  }
  for (const who of ['auditor', 'manager']) {
    assertJson(await as[who]('GET', `${AUDIT}/entries?limit=1`));
    assert.equal((await as[who]('GET', `${AUDIT}/export`)).status, 200);
  }
});

test('bad parameters are 400 or 404 problems that name the parameter', async () => {
  const size = (await checkpoint()).size;
  for (const [path, status, field] of [
    [`${AUDIT}/entries?limit=0`, 400, 'limit'],
    [`${AUDIT}/entries?limit=501`, 400, 'limit'],
    [`${AUDIT}/entries?from=-1`, 400, 'from'],
    [`${AUDIT}/entries?cursor=abc`, 400, 'from'],
    [`${AUDIT}/entries/abc/proof`, 404],
    [`${AUDIT}/entries/${size + 5}/proof`, 404],
    [`${AUDIT}/entries/0/proof?size=0`, 400, 'size'],
    [`${AUDIT}/entries/0/proof?size=${size + 5}`, 400, 'size'],
    [`${AUDIT}/entries/4/proof?size=4`, 400, 'size'],
    [`${AUDIT}/consistency`, 400, 'from'],
    [`${AUDIT}/consistency?from=5&to=4`, 400, 'from'],
    [`${AUDIT}/consistency?from=1&to=${size + 5}`, 400, 'to'],
  ]) {
    const p = assertProblem(await c('GET', path), status);
    if (field) assert.deepEqual(p.errors.map((e) => e.field), [field], path);
  }
  const page = assertJson(await c('GET', `${AUDIT}/entries?from=2&limit=2`));
  assert.deepEqual(page.items.map((e) => e.seq), [2, 3]);
  assert.equal(page.next, '4');
});

test("organizations have separate logs: B never sees A's entries, and B's checkpoints do not pass for A's", async () => {
  const mine = await allEntries();
  const theirs = await allEntries(b);
  const meA = assertJson(await c('GET', '/api/v1/me')).organization.id;
  const meB = assertJson(await b('GET', '/api/v1/me')).organization.id;
  assert.ok(mine.every((e) => e.org === meA));
  assert.ok(theirs.every((e) => e.org === meB));
  assert.ok(theirs.length < mine.length);
  assertProblem(await b('GET', `${AUDIT}/entries/${theirs.length}/proof`), 404);
  const bKey = parseVerifierKey(assertJson(await b('GET', `${AUDIT}/public-key`)).verifier_key);
  assert.notEqual(bKey.name, vk.name);
  const cpB = await checkpoint(b, bKey);
  assert.throws(() => openCheckpoint(cpB.checkpoint, vk));
  // A proof from B's log does not verify against A's checkpoint.
  const cpA = await checkpoint();
  const p = assertJson(await b('GET', `${AUDIT}/entries/0/proof`));
  assert.ok(!verifyInclusion(0, cpA.size, leafHash(p.entry), p.inclusion_proof, cpA.root));
  const exportB = (await b('GET', `${AUDIT}/export`)).text;
  assert.ok(!exportB.includes(meA), "B's export never names A");
});

// ---- export and offline verification -------------------------------------------------------------

test('the export verifies offline with aims audit verify; a changed entry is caught and named', async () => {
  const r = await as.auditor('GET', `${AUDIT}/export`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-disposition'), /^attachment; filename="audit-log-org_\w+-\d+\.jsonl"$/);
  const lines = r.text.trimEnd().split('\n');
  const header = JSON.parse(lines[0]);
  assert.deepEqual(Object.keys(header).sort(), ['format', 'org', 'origin', 'size', 'version']);
  assert.equal(header.origin, vk.name);
  const cp = await checkpoint();
  assert.equal(header.size, cp.size);
  const logFile = join(dir, 'log.jsonl'), cpFile = join(dir, 'cp.txt'), keyFile = join(dir, 'key.txt');
  writeFileSync(logFile, r.text);
  writeFileSync(cpFile, cp.checkpoint);
  writeFileSync(keyFile, `${vkey}\n`);
  let v = run(['audit', 'verify', '--log', logFile, '--checkpoint', cpFile, '--key', keyFile]);
  assert.equal(v.status, 0, v.stderr);
  assert.match(v.stdout, new RegExp(`^OK: the ${cp.size} entries of ${vk.name.replace(/[./]/g, '\\$&')} match the checkpoint of size ${cp.size}`));

  // Entry 3 edited in the file: named.
  const entry3 = JSON.parse(JSON.parse(lines[4]).entry);
  entry3.actor = 'someone-else@acme.test';
  const tampered = [...lines];
  tampered[4] = canonical({ entry: canonical(entry3) });
  writeFileSync(join(dir, 'bad.jsonl'), tampered.join('\n') + '\n');
  v = run(['audit', 'verify', '--log', join(dir, 'bad.jsonl'), '--checkpoint', cpFile, '--key', vkey]);
  assert.equal(v.status, 1);
  assert.equal(v.stdout, '');
  assert.match(v.stderr, /first entry that does not match: 3\n/);

  // Entry 5 deleted: named.
  const deleted = lines.filter((_, i) => i !== 6);
  writeFileSync(join(dir, 'del.jsonl'), deleted.join('\n') + '\n');
  v = run(['audit', 'verify', '--log', join(dir, 'del.jsonl'), '--checkpoint', cpFile, '--key', vkey]);
  assert.equal(v.status, 1);
  assert.match(v.stderr, /first entry that does not match: 5\n/);

  // A checkpoint signed by another key is refused.
  const otherKey = parseVerifierKey(assertJson(await b('GET', `${AUDIT}/public-key`)).verifier_key);
  assert.notEqual(otherKey.id, vk.id);
  const forged = cp.checkpoint.replace(/\n\n\u2014 .*\n$/, '\n\n\u2014 ' + vk.name + ' ' + Buffer.alloc(68, 7).toString('base64') + '\n');
  writeFileSync(join(dir, 'forged.txt'), forged);
  v = run(['audit', 'verify', '--log', logFile, '--checkpoint', join(dir, 'forged.txt'), '--key', vkey]);
  assert.equal(v.status, 1);
  assert.match(v.stderr, /checkpoint is not valid/);
});

test('a database altered behind the server is found: proofs stop verifying and no new checkpoint is signed', async () => {
  const cp = await checkpoint();
  const db = join(srv.dataDir, 'aims.db');
  const me = assertJson(await c('GET', '/api/v1/me')).organization.id;
  const sql = (q) => spawnSync('sqlite3', [db, q], { encoding: 'utf8' });
  // The log's tables refuse changes …
  let r = sql(`UPDATE audit_entries SET entry = replace(entry, 'system', 'SYSTEM') WHERE org_id = '${me}' AND seq = 1`);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /append-only/);
  // … unless someone removes the guard: then the altered entry no longer proves its inclusion.
  r = sql(`DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET entry = replace(entry, 'system', 'SYSTEM') WHERE org_id = '${me}' AND seq = 1`);
  assert.equal(r.status, 0, r.stderr);
  const p = assertJson(await c('GET', `${AUDIT}/entries/1/proof?size=${cp.size}`));
  assert.match(p.entry, /SYSTEM/);
  assert.ok(!verifyInclusion(1, cp.size, leafHash(p.entry), p.inclusion_proof, cp.root));
  const exported = (await c('GET', `${AUDIT}/export`)).text;
  writeFileSync(join(dir, 'altered.jsonl'), exported);
  writeFileSync(join(dir, 'cp-before.txt'), cp.checkpoint);
  const v = run(['audit', 'verify', '--log', join(dir, 'altered.jsonl'), '--checkpoint', join(dir, 'cp-before.txt'), '--key', vkey]);
  assert.equal(v.status, 1);
  assert.match(v.stderr, /first entry that does not match: 1\n/);
  // A rewritten subtree hash under the signed root changes it: the server refuses to sign over it.
  const level = Math.floor(Math.log2(cp.size));
  r = sql(`DROP TRIGGER audit_nodes_no_update; UPDATE audit_nodes SET hash = '${'0'.repeat(64)}' WHERE org_id = '${me}' AND level = ${level} AND idx = 0`);
  assert.equal(r.status, 0, r.stderr);
  assertJson(await c('POST', SYS, { json: { name: 'After tampering', purpose: 'x' } }), 201);
  const refused = assertProblem(await c('GET', `${AUDIT}/checkpoint`), 409);
  assert.match(refused.detail, /no longer matches its checkpoint of size \d+/);
});
