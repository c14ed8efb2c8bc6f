// The auditor package (docs/formats/audit-pack.md) through the API and the CLI: roles, tenant
// isolation, the files it holds, `aims export audit-pack` writing it, and `aims audit verify --pack`
// accepting it and naming the file when an evidence file or a log line inside it was changed; a
// streamed package with a file larger than one piece, and none made from a stored file that no
// longer hashes to its record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync, readFileSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer } from '../lib/http.mjs';
import { unzip } from '../lib/audit.mjs';
import { PACK } from '../lib/paths.mjs';

const PW = 'audit pack role password';
const PW_B = 'other organization password';

let srv, c, auth, roles, b, bAuth, dir, vkey;

async function download(a, headers = {}) {
  const h = { ...headers };
  if (a.cookie) h.cookie = a.cookie;
  if (a.token) h.authorization = `Bearer ${a.token}`;
  const res = await fetch(srv.url + PACK, { headers: h });
  return { status: res.status, headers: res.headers, buf: Buffer.from(await res.arrayBuffer()) };
}

function upload(who, name, bytes) {
  return who('POST', `/api/v1/evidence?filename=${encodeURIComponent(name)}`, {
    body: bytes, headers: { 'content-type': 'application/octet-stream' },
  });
}

const sha = (b) => createHash('sha256').update(b).digest('hex');

before(async () => {
  srv = await startServer();
  auth = await login(srv.url, srv.admin.email, srv.admin.password);
  c = client(srv.url, auth);
  roles = {};
  for (const role of ['viewer', 'contributor', 'auditor', 'manager']) {
    const r = aims(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', `${role}@acme.test`, '--role', role], PW + '\n');
    assert.equal(r.status, 0, r.stderr);
    roles[role] = await login(srv.url, `${role}@acme.test`, PW);
  }
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other', '--admin-email', 'other@x.test'], PW_B + '\n');
  assert.equal(org.status, 0, org.stderr);
  bAuth = await login(srv.url, 'other@x.test', PW_B);
  b = client(srv.url, bAuth);
  dir = mkdtempSync(join(tmpdir(), 'aims-auditpack-test-'));
  vkey = assertJson(await c('GET', '/api/v1/audit/public-key')).verifier_key;
  writeFileSync(join(dir, 'key.txt'), `${vkey}\n`);

  assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Acme pack system', purpose: 'Scoring loans' } }), 201);
  assertJson(await upload(c, 'policy.txt', Buffer.from('Acme AI policy, version 1\n')), 201);
  assertJson(await upload(c, 'minutes.txt', Buffer.from('Management review minutes\n')), 201);
  assertJson(await b('POST', '/api/v1/systems', { json: { name: 'Other secret system', purpose: 'Hidden' } }), 201);
  assertJson(await upload(b, 'other.txt', Buffer.from('Other organization secret file\n')), 201);
});

after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopServer(srv);
});

test('viewers and contributors are refused (403); auditors, managers and admins get a ZIP attachment', async () => {
  for (const role of ['viewer', 'contributor']) {
    const r = await client(srv.url, roles[role])('GET', PACK);
    assertProblem(r, 403);
  }
  assertProblem(await client(srv.url)('GET', PACK), 401);
  for (const a of [roles.auditor, roles.manager, auth]) {
    const r = await download(a);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/zip/);
    assert.match(r.headers.get('content-disposition'), /^attachment; filename="audit-pack-org_\w+-\d+\.zip"$/);
    assert.ok(unzip(r.buf).length > 5);
  }
});

test('the package lists every file in its manifest with size and SHA-256, and holds only its organization', async () => {
  const r = await download(roles.auditor);
  const entries = unzip(r.buf);
  const names = entries.map((e) => e.name);
  for (const n of ['README.txt', 'manifest.json', 'audit/log.jsonl', 'audit/checkpoint.txt', 'audit/public-key.txt',
    'records/systems.json', 'records/assessments.json', 'records/soa_entries.json', 'records/soa_versions.json',
    'records/risk.json', 'records/evidence.json', 'records/evidence_link.json', 'records/evidence_event.json',
    'records/objective.json', 'records/classification.json', 'records/impact_assessment.json']) {
    assert.ok(names.includes(n), `the package holds ${n}`);
  }
  const byName = Object.fromEntries(entries.map((e) => [e.name, e.data]));
  const manifest = JSON.parse(byName['manifest.json'].toString());
  assert.equal(manifest.format, 'aims-audit-pack');
  assert.equal(manifest.org.name, srv.org);
  const cp = assertJson(await c('GET', '/api/v1/audit/checkpoint'));
  assert.ok(manifest.checkpoint.size > 0);
  const header = JSON.parse(byName['audit/log.jsonl'].toString().split('\n')[0]);
  assert.equal(header.size, manifest.checkpoint.size, 'the packaged checkpoint is the one the log export ends at');
  assert.ok(byName['audit/checkpoint.txt'].toString().startsWith(`${manifest.checkpoint.origin}\n${manifest.checkpoint.size}\n`));
  assert.match(manifest.checkpoint.root_hash, /^[0-9a-f]{64}$/);
  assert.equal(byName['audit/public-key.txt'].toString().trim(), vkey);
  assert.ok(cp.size >= manifest.checkpoint.size);
  assert.equal(manifest.version, 3);
  assert.deepEqual(manifest.files.map((f) => f.path).sort(), names.filter((n) => !['manifest.json', 'manifest.sig'].includes(n)).sort());
  assert.ok(manifest.files.some((f) => f.path === 'README.txt'), 'README.txt is in the manifest');
  const sig = byName['manifest.sig'].toString();
  const [head, org, size, root, hash] = sig.split('\n');
  assert.deepEqual([head, org, Number(size), Buffer.from(root, 'base64').toString('hex'), hash],
    ['aims audit pack manifest v3', manifest.org.id, manifest.checkpoint.size, manifest.checkpoint.root_hash, sha(byName['manifest.json'])]);
  assert.match(sig, new RegExp(`\n\n\u2014 ${manifest.checkpoint.origin} `), 'signed under the organization key name');
  for (const f of manifest.files) {
    assert.equal(f.size, byName[f.path].length, `size of ${f.path}`);
    assert.equal(f.sha256, sha(byName[f.path]), `SHA-256 of ${f.path}`);
  }
  const evidence = names.filter((n) => n.startsWith('evidence/'));
  assert.equal(evidence.length, 2);
  for (const n of evidence) assert.equal(n.slice('evidence/'.length, 'evidence/'.length + 16), sha(byName[n]).slice(0, 16));
  assert.deepEqual(evidence.map((n) => n.slice('evidence/'.length + 17)).sort(), ['minutes.txt', 'policy.txt'],
    `named by hash and title: ${evidence.join(', ')}`);
  const systemRow = JSON.parse(byName['records/systems.json'].toString())[0];
  assert.deepEqual(Object.keys(systemRow).sort(),
    ['archived', 'created_at', 'doc', 'id', 'parent_id', 'position', 'ref', 'updated_at', 'version']);
  assert.deepEqual([systemRow.parent_id, systemRow.position, systemRow.ref], ['', 0, '']);
  const systems = JSON.parse(byName['records/systems.json'].toString());
  assert.deepEqual(systems.map((s) => s.doc.name), ['Acme pack system']);
  const all = entries.map((e) => e.data.toString('latin1')).join('\n');
  assert.ok(!all.includes('Other secret system'), "another organization's system is not in the package");
  assert.ok(!all.includes('Other organization secret file'), "another organization's evidence is not in the package");
  assert.ok(!names.some((n) => n.startsWith(`evidence/${sha(Buffer.from('Other organization secret file\n')).slice(0, 16)}`)));

  // And the other organization's package holds its own only.
  const other = unzip((await download(bAuth)).buf);
  const otherAll = other.map((e) => e.data.toString('latin1')).join('\n');
  assert.ok(otherAll.includes('Other secret system'));
  assert.ok(!otherAll.includes('Acme pack system'));
});

test('aims export audit-pack writes the package; aims audit verify --pack accepts it and names a changed file', async () => {
  const t = aims(['token', 'create', '--data', srv.dataDir, '--email', 'auditor@acme.test', '--name', 'auditor pack']);
  assert.equal(t.status, 0, t.stderr);
  const file = join(dir, 'pack.zip');
  let r = aims(['export', 'audit-pack', '--url', srv.url, '--token', t.stdout.trim(), '-o', file]);
  assert.equal(r.status, 0, r.stderr);
  const buf = readFileSync(file);
  const keyFile = join(dir, 'key.txt');
  r = aims(['audit', 'verify', '--pack', file, '--key', keyFile]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^OK: the auditor package of Acme AI/);
  assert.match(r.stdout, /2 evidence files match their records/);
  const records = Number(/(\d+) records match their latest log entry/.exec(r.stdout)?.[1]);
  assert.ok(records >= 1 + 2 + 2, `system, evidence and their custody events match the log: ${r.stdout}`);
  assert.doesNotMatch(r.stdout, /no entry in the log/, r.stdout);

  // A viewer's token may not export it.
  const tv = aims(['token', 'create', '--data', srv.dataDir, '--email', 'viewer@acme.test', '--name', 'viewer pack']);
  r = aims(['export', 'audit-pack', '--url', srv.url, '--token', tv.stdout.trim(), '-o', join(dir, 'viewer.zip')]);
  assert.equal(r.status, 1);

  const entries = unzip(buf);
  // One byte of an evidence file changed inside the archive: the file is named.
  const ev = entries.find((e) => e.name.startsWith('evidence/'));
  const bad = Buffer.from(buf);
  bad[ev.offset] ^= 0x20;
  writeFileSync(join(dir, 'bad-evidence.zip'), bad);
  r = aims(['audit', 'verify', '--pack', join(dir, 'bad-evidence.zip'), '--key', keyFile]);
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stderr, new RegExp(`first file that does not match: ${ev.name}`));

  // A log line changed: audit/log.jsonl is named.
  const log = entries.find((e) => e.name === 'audit/log.jsonl');
  const text = log.data.toString();
  const at = text.indexOf('"actor\\":\\"') + '"actor\\":\\"'.length;
  assert.ok(at > 20);
  const bad2 = Buffer.from(buf);
  bad2[log.offset + at] = bad2[log.offset + at] === 0x78 ? 0x79 : 0x78;
  writeFileSync(join(dir, 'bad-log.zip'), bad2);
  r = aims(['audit', 'verify', '--pack', join(dir, 'bad-log.zip'), '--key', keyFile]);
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stderr, /first file that does not match: audit\/log\.jsonl/);

});

test('a package with several evidence files, one larger than a streamed piece, verifies and any unzip opens it', async () => {
  // 1.5 MiB of text, more than one piece of the streamed download and not a multiple of it.
  let text = '';
  for (let i = 0; text.length < 1536 * 1024; i++) text += `line ${i} of the large model card, ${'x'.repeat(i % 97)}\n`;
  const big = Buffer.from(text);
  assertJson(await upload(c, 'model-card.txt', big), 201);
  assertJson(await upload(c, 'empty-ish.txt', Buffer.from('\n')), 201);
  const t = aims(['token', 'create', '--data', srv.dataDir, '--email', 'auditor@acme.test', '--name', 'auditor large pack']);
  assert.equal(t.status, 0, t.stderr);
  const file = join(dir, 'large.zip');
  let r = aims(['export', 'audit-pack', '--url', srv.url, '--token', t.stdout.trim(), '-o', file]);
  assert.equal(r.status, 0, r.stderr);
  r = aims(['audit', 'verify', '--pack', file, '--key', join(dir, 'key.txt')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /4 evidence files match their records/, r.stdout);
  const entries = unzip(readFileSync(file));
  const large = entries.find((e) => e.name.startsWith(`evidence/${sha(big).slice(0, 16)}-`));
  assert.ok(large, entries.map((e) => e.name).join(', '));
  assert.ok(large.data.equals(big), 'the large file comes out byte for byte');
  const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json').data.toString());
  assert.deepEqual(manifest.files.find((f) => f.path === large.name), { path: large.name, size: big.length, sha256: sha(big) });
  const u = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
  const opened = u.error
    ? spawnSync('python3', ['-c', 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)', file], { encoding: 'utf8' })
    : u;
  assert.equal(opened.status, 0, `${opened.stdout}${opened.stderr}`);

  // The stored file no longer hashes to its record: no package is made (500; the log names the
  // record), and nothing is sent but the problem; restored, the package is made again.
  const blob = join(srv.dataDir, 'evidence', manifest.org.id, 'sha256', sha(big).slice(0, 2), sha(big).slice(2, 4), sha(big));
  chmodSync(blob, 0o644);
  const changed = Buffer.from(big);
  changed[changed.length - 3] ^= 0x01;
  writeFileSync(blob, changed);
  const bad = await c('GET', PACK);
  assertProblem(bad, 500);
  const ev = JSON.parse(entries.find((e) => e.name === 'records/evidence.json').data.toString())
    .find((row) => row.doc.sha256 === sha(big));
  assert.match(srv.log(), new RegExp(`The file of evidence ${ev.id} in the evidence store does not hash to its recorded SHA-256`));
  writeFileSync(blob, big);
  const again = await download(roles.auditor);
  assert.equal(again.status, 200);
  assert.ok(unzip(again.buf).find((e) => e.name === large.name).data.equals(big));
});
