// aims backup and aims restore against a real server on the demo organization: a backup taken while
// the API writes records in a loop restores into an empty directory, a second server started on it
// serves the records and the evidence file (downloaded, hash compared), and the audit log exported
// from it verifies with the key published before the backup; a restore into a non-empty directory,
// a tampered archive and a backup of an altered evidence file are refused and change nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aims, aimsBin, login, startDemoServer, startServer } from '../lib/server.mjs';
import { client, assertJson } from '../lib/http.mjs';
import { ok, failsWith, esc } from '../lib/cli.mjs';

const sha = (b) => createHash('sha256').update(b).digest('hex');

/** Runs aims ARGS without blocking the event loop; resolves to {status, stdout, stderr}. */
function aimsAsync(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(aimsBin(), args, { env: { ...process.env, ...env } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The names and bytes of every file under dir, for "nothing changed" checks. */
function snapshotDir(dir) {
  const out = {};
  for (const name of readdirSync(dir, { recursive: true })) {
    const p = join(dir, name);
    if (statSync(p).isFile()) out[name] = sha(readFileSync(p));
  }
  return out;
}

describe('aims backup and restore', () => {
  let server, second, tmp, c, token, evidence, key, archive;
  const content = Buffer.from(`Backup proof ${Date.now()}\nThe bytes every restore must give back.\n`);
  const earlier = [];  // systems acknowledged before the backup started
  const during = [];   // systems acknowledged while it ran, in order
  const cliEnv = () => ({ AIMS_URL: server.url, AIMS_TOKEN: token });

  before(async () => {
    server = await startDemoServer();
    tmp = mkdtempSync(join(tmpdir(), 'aims-cli-backup-'));
    token = ok(['token', 'create', '--data', server.dataDir, '--email', server.admin.email, '--name', 'backup test']).stdout.trim();
    c = client(server.url, { token });
  });

  after(async () => {
    await second?.stop();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('a backup taken while the API writes records holds one consistent moment and every evidence file', async () => {
    evidence = assertJson(await c('POST', '/api/v1/evidence?filename=backup-proof.txt&title=Backup%20proof',
      { body: content, headers: { 'content-type': 'application/octet-stream' } }), 201);
    assert.equal(evidence.sha256, sha(content));
    // The verifier key and a signed checkpoint, obtained before the backup and kept apart from it.
    key = (await aimsAsync(['audit', 'public-key'], cliEnv())).stdout.trim();
    assert.match(key, /^aims\.invalid\/org_\w+\+[0-9a-f]{8}\+/);
    const cp = await aimsAsync(['audit', 'checkpoint', '-o', join(tmp, 'before.cp')], cliEnv());
    assert.equal(cp.status, 0, cp.stderr);

    archive = join(tmp, 'backup.tar');
    let running = null, done = false, n = 0;
    const create = async () => {
      const s = assertJson(await c('POST', '/api/v1/systems', { json: { name: `Written during the backup ${n++}`, purpose: 'concurrency' } }), 201);
      return s;
    };
    for (let i = 0; i < 3; i++) earlier.push(await create());
    running = aimsAsync(['backup', '--data', server.dataDir, '-o', archive]).then((r) => { done = true; return r; });
    while (!done) during.push(await create());
    const r = await running;
    assert.equal(r.status, 0, r.stderr);
    assert.ok(during.length >= 1, 'records were written while the backup ran');
    assert.match(r.stdout, new RegExp(`^Wrote ${esc(archive)} \\([\\d.]+ [KMG]iB\\): the database at schema version \\d+ \\(1 organization\\(s\\), \\d+ records, \\d+ audit log entries\\), \\d+ evidence file\\(s\\) \\([^)]+, each checked against its SHA-256\\) and the public keys of 1 audit log\\(s\\)\\.$`, 'm'));
    assert.match(r.stdout, /^The private signing key \(.*audit-signing\.key\) is not in the backup and never leaves this server/m);
    // Written under a temporary name and renamed: nothing else is left beside it.
    assert.deepEqual(readdirSync(tmp).filter((f) => f.startsWith('backup.tar')), ['backup.tar']);

    // The archive: a ustar file that GNU tar lists, with the manifest last.
    const bytes = readFileSync(archive);
    assert.equal(bytes.subarray(257, 262).toString(), 'ustar');
    const manifest = JSON.parse(readManifest(bytes));
    assert.equal(manifest.format, 'aims-backup/1');
    assert.match(manifest.created_at, /^\d{4}-\d\d-\d\dT/);
    assert.ok(Number.isInteger(manifest.schema_version) && manifest.schema_version >= 15);
    assert.equal(manifest.signing_key.private_key_included, false);
    const names = manifest.members.map((m) => m.name);
    assert.equal(names[0], 'aims.db');
    const blobName = `sha256/${evidence.sha256.slice(0, 2)}/${evidence.sha256.slice(2, 4)}/${evidence.sha256}`;
    const member = manifest.members.find((m) => m.name.endsWith(blobName));
    assert.ok(member, 'the uploaded evidence file is in the archive');
    assert.equal(member.sha256, evidence.sha256);
    assert.equal(manifest.counts.evidence_files, names.filter((x) => x.startsWith('evidence/')).length);
    assert.ok(manifest.counts.evidence_files >= 2, 'the demo evidence and the upload');
    const keyMember = names.find((x) => x.startsWith('audit-keys/'));
    assert.ok(keyMember);
    // No private key anywhere in the archive.
    const seed = readFileSync(join(server.dataDir, 'audit-signing.key'), 'utf8').split('\n')[1];
    assert.equal(bytes.indexOf(seed), -1, 'the private seed is not in the archive');
    assert.equal(bytes.indexOf('aims audit signing key v1'), -1);
  });

  test('restore into an empty directory; a second server serves the records, the evidence file and a log that verifies', async () => {
    const dir = join(tmp, 'restored');
    mkdirSync(dir);
    const r = ok(['restore', '--data', dir, archive, '--signing-key', join(server.dataDir, 'audit-signing.key')]);
    assert.match(r.stdout, new RegExp(`^Restored ${esc(archive)} \\(made [^)]+\\) into ${esc(dir)}: the database at schema version \\d+ \\(1 organization\\(s\\)`, 'm'));
    assert.match(r.stdout, /every member checked against its SHA-256\.$/m);
    // Restore itself checks each log against the verifier key in the backup: leaves and checkpoints.
    assert.match(r.stdout, /^The audit log of org_\w+ verifies with the key in the backup: \d+ entries, [1-9]\d* signed checkpoint\(s\)\.$/m);
    assert.match(r.stdout, /^The signing key .* matches the backup and was put in .*audit-signing\.key/m);
    assert.equal(statSync(join(dir, 'audit-signing.key')).mode & 0o777, 0o600);
    const keyFiles = readdirSync(join(dir, 'audit-keys'));
    assert.equal(keyFiles.length, 1);
    assert.equal(readFileSync(join(dir, 'audit-keys', keyFiles[0]), 'utf8').trim(), key, 'the backup kept the verifier key published before');

    second = await startServer({ dataDir: dir, email: server.admin.email, password: server.admin.password });
    const c2 = client(second.url, { token });  // the API token is restored with the database
    // The admin logs in with the password of before.
    const session = client(second.url, await login(second.url, server.admin.email, server.admin.password));
    assertJson(await session('GET', `/api/v1/evidence/${evidence.id}`), 200);
    for (const s of earlier) assertJson(await c2('GET', `/api/v1/systems/${s.id}`), 200);
    // The copy is one moment: the systems written during the backup that it holds are the first k.
    const present = [];
    for (const s of during) present.push((await c2('GET', `/api/v1/systems/${s.id}`)).status === 200);
    const k = present.indexOf(false) === -1 ? present.length : present.indexOf(false);
    assert.deepEqual(present, present.map((_, i) => i < k), `a prefix of the writes: ${present}`);
    // The evidence record and its bytes.
    assertJson(await c2('GET', `/api/v1/evidence/${evidence.id}`), 200);
    const dl = await c2('GET', `/api/v1/evidence/${evidence.id}/content`);
    assert.equal(dl.status, 200);
    assert.equal(sha(dl.bytes), evidence.sha256);
    assert.deepEqual(dl.bytes, content);
    // The audit log, exported from the restored server, verifies with the key and checkpoint kept from before.
    const env2 = { AIMS_URL: second.url, AIMS_TOKEN: token };
    const exp = await aimsAsync(['audit', 'export', '-o', join(tmp, 'restored.jsonl')], env2);
    assert.equal(exp.status, 0, exp.stderr);
    const v = ok(['audit', 'verify', '--log', join(tmp, 'restored.jsonl'), '--old-checkpoint', join(tmp, 'before.cp'), '--key', key]);
    assert.match(v.stdout, /^OK: the \d+ entries of aims\.invalid\/org_\w+ match the checkpoint of size \d+/m);
    assert.match(v.stdout, /The old checkpoint of size \d+ is a prefix of it\./);
    ok(['audit', 'verify', '--log', join(tmp, 'restored.jsonl'), '--key', join(dir, 'audit-keys', keyFiles[0])]);
  });

  test('without the signing key, restore says what to do before the server starts', () => {
    const dir = join(tmp, 'no-key');
    const r = ok(['restore', '--data', dir, archive]);
    assert.match(r.stdout, /^The backup holds no private signing key\. Before you start the server, put the installation's key file/m);
    assert.match(r.stdout, /--signing-key FILE/);
    assert.equal(existsSync(join(dir, 'audit-signing.key')), false);
    // Another installation's key is refused before anything is written.
    const otherKeyDir = mkdtempSync(join(tmpdir(), 'aims-cli-backup-key-'));
    try {
      const init = spawnInit(otherKeyDir);
      assert.equal(init, 0);
      const fresh = join(tmp, 'wrong-key');
      const w = failsWith(['restore', '--data', fresh, archive, '--signing-key', join(otherKeyDir, 'audit-signing.key')], 1);
      assert.match(w.stderr, /is not the key of this backup/);
      assert.equal(existsSync(fresh), false);
    } finally {
      rmSync(otherKeyDir, { recursive: true, force: true });
    }
  });

  test('restore into a non-empty directory is refused and changes nothing', () => {
    const dir = join(tmp, 'occupied');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'someone else\'s data\n');
    const before = snapshotDir(dir);
    const r = failsWith(['restore', '--data', dir, archive], 2);
    assert.match(r.stderr, /is not empty: aims restore writes only into an empty or new directory.*Nothing was changed\./);
    assert.deepEqual(snapshotDir(dir), before);
  });

  test('a tampered archive (one byte of a member changed) is refused before anything is written', () => {
    const bytes = readFileSync(archive);
    const at = bytes.indexOf(content);
    assert.ok(at > 0);
    const tampered = Buffer.from(bytes);
    tampered[at + 3] ^= 0x20;
    const bad = join(tmp, 'tampered.tar');
    writeFileSync(bad, tampered);
    const dir = join(tmp, 'from-tampered');
    const r = failsWith(['restore', '--data', dir, bad], 1);
    assert.match(r.stderr, new RegExp(`The member evidence/org_\\w+/sha256/../../${evidence.sha256} of .* does not match the manifest.*Nothing was restored\\.`));
    assert.equal(existsSync(dir), false, 'nothing was written');
    // Into an existing empty directory: it stays empty.
    mkdirSync(dir);
    failsWith(['restore', '--data', dir, bad], 1);
    assert.deepEqual(readdirSync(dir), []);
  });

  test('PostgreSQL is refused with a pointer to pg_dump and the docs', () => {
    const r = failsWith(['backup', '--data', server.dataDir, '--database', 'postgresql://aims@127.0.0.1/aims', '-o', join(tmp, 'pg.tar')], 2);
    assert.match(r.stderr, /pg_dump/);
    assert.match(r.stderr, /docs\/operations\.md/);
    assert.equal(existsSync(join(tmp, 'pg.tar')), false);
  });

  test('a log altered in the database before the backup restores, and restore says it does not verify (exit 1)', () => {
    // Behind aims' back: the append-only triggers dropped, one entry's bytes changed, the triggers put back.
    const py = spawnSync('python3', ['-c', `
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=30)
trig = list(c.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entries'"))
for name, _ in trig: c.execute('DROP TRIGGER "%s"' % name)
e = c.execute('SELECT entry FROM audit_entries WHERE seq = 5').fetchone()[0]
c.execute('UPDATE audit_entries SET entry = ? WHERE seq = 5', (e.replace('"op":"create"', '"op":"update"', 1),))
for _, sql in trig: c.execute(sql)
c.commit()
`, join(server.dataDir, 'aims.db')], { encoding: 'utf8' });
    assert.equal(py.status, 0, py.stderr);
    const out = join(tmp, 'altered-log.tar');
    ok(['backup', '--data', server.dataDir, '-o', out]);
    const r = aims(['restore', '--data', join(tmp, 'altered-log'), out]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^aims: the audit log of org_\w+ does not verify: entry 5 does not hash to its recorded leaf hash\.$/m);
    assert.match(r.stderr, /the data was restored into .* as it was backed up, but its audit log does not verify/);
  });

  test('a backup of a data directory whose evidence file was altered on disk fails and names the file', () => {
    const orgDir = readdirSync(join(server.dataDir, 'evidence')).find((d) => d.startsWith('org_'));
    const blob = join(server.dataDir, 'evidence', orgDir, 'sha256', evidence.sha256.slice(0, 2), evidence.sha256.slice(2, 4), evidence.sha256);
    chmodSync(blob, 0o644);
    writeFileSync(blob, 'Changed on disk behind aims\' back\n');
    const out = join(tmp, 'altered.tar');
    const r = failsWith(['backup', '--data', server.dataDir, '-o', out], 1);
    assert.match(r.stderr, new RegExp(`the evidence file ${esc(blob)} does not match its SHA-256`));
    assert.equal(existsSync(out), false);
    assert.deepEqual(readdirSync(tmp).filter((f) => f.startsWith('altered.tar')), [], 'no partial file is left');
  });
});

/** The manifest member of a ustar archive (the last member). */
function readManifest(bytes) {
  for (let at = 0; at + 512 <= bytes.length;) {
    const name = bytes.subarray(at, at + 100).toString().replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(bytes.subarray(at + 124, at + 136).toString().replace(/\0.*$/s, ''), 8);
    if (name === 'manifest.json') return bytes.subarray(at + 512, at + 512 + size).toString();
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error('no manifest.json in the archive');
}

/** aims init in dir (another installation, with its own signing key); returns the exit status. */
function spawnInit(dir) {
  return ok(['init', '--data', dir, '--org', 'Other', '--admin-email', 'other@example.test'], 'a long enough password\n').status;
}
