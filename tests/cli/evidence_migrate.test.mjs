// aims evidence migrate (docs/evidence.md, "Moving evidence into PostgreSQL") on an installation on
// PostgreSQL whose evidence files are still in <data>/evidence, as aims kept them before the
// database held them: every file goes in with its SHA-256 checked before and after, the server then
// serves them from the database, a second run moves nothing and says so, a damaged file stops the
// run naming it (exit 2) with nothing removed, and --remove-files removes files only once verified.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertJson, stopServer } from '../lib/http.mjs';
import { EV } from '../lib/paths.mjs';
import { pgDatabase } from '../lib/pg.mjs';
import { esc, failsWith } from '../lib/cli.mjs';

const PW_B = 'other organization password';
const db = pgDatabase();
process.env.AIMS_DATABASE = db.location;  // aims init, org create and serve use it

let srv, auth, c, dataDir;
const uploaded = [];  // evidence records with their org, bytes and the auth of their uploader

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const pathOf = (org, sha) => join(dataDir, 'evidence', org, 'sha256', sha.slice(0, 2), sha.slice(2, 4), sha);

function filesOnDisk() {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk : out.push.bind(out))(join(d, e.name));
  };
  walk(join(dataDir, 'evidence'));
  return out.sort();
}

/** The hash of each blob as PostgreSQL holds it: "org|sha|size|sha of the stored bytes". */
function storedBlobs() {
  return db.sql(`SELECT b.org_id || '|' || b.sha256 || '|' || b.size || '|' ||
      encode(sha256(COALESCE((SELECT string_agg(k.bytes, ''::bytea ORDER BY k.n) FROM evidence_chunks k WHERE k.content_id = b.content_id), ''::bytea)), 'hex')
    FROM evidence_blobs b ORDER BY 1`);
}

const migrate = (...extra) => aims(['evidence', 'migrate', '--data', dataDir, '--database', db.location, ...extra]);

/** True if the server serves the evidence's file with its hash (fetched raw: before the
 * migration the record has no file, which the server answers 500, as for a file lost on disk). */
async function downloadOk(ev) {
  const res = await fetch(`${srv.url}${EV}/${ev.id}/content`, { headers: { cookie: ev.auth.cookie } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return res.status === 200 && sha256(bytes) === ev.sha256;
}

before(async () => {
  srv = await startServer({ keepData: true });
  dataDir = srv.dataDir;
  auth = await login(srv.url, srv.admin.email, srv.admin.password);
  c = client(srv.url, auth);
  assert.equal(aims(['org', 'create', '--data', dataDir, '--name', 'Other', '--admin-email', 'other@x.test'], PW_B + '\n').status, 0);
  const bAuth = await login(srv.url, 'other@x.test', PW_B);
  const b = client(srv.url, bAuth);
  const big = Buffer.alloc(3 * 1024 * 1024 + 5);
  for (let i = 0; i + 4 <= big.length; i += 4096) big.writeUInt32LE((i * 2654435761) >>> 0, i);
  big.write('%PDF-1.4\n', 0);
  for (const [who, a, name, bytes] of [[c, auth, 'policy.txt', Buffer.from('Acme policy\n')], [c, auth, 'big.pdf', big],
    [b, bAuth, 'other.txt', Buffer.from('Other org file\n')]]) {
    const ev = assertJson(await who('POST', `${EV}?filename=${name}`, { body: bytes, headers: { 'content-type': 'application/octet-stream' } }), 201);
    const org = assertJson(await who('GET', '/api/v1/me')).organization.id;
    uploaded.push({ ...ev, org, auth: a, bytes });
  }
  // Back to how an installation on PostgreSQL kept its evidence before: files in <data>/evidence,
  // nothing in the database's evidence tables.
  for (const ev of uploaded) {
    mkdirSync(join(pathOf(ev.org, ev.sha256), '..'), { recursive: true });
    writeFileSync(pathOf(ev.org, ev.sha256), ev.bytes);
  }
  db.sql('DELETE FROM evidence_blobs; DELETE FROM evidence_contents');
  for (const ev of uploaded) assert.equal(await downloadOk(ev), false, 'the file is not served before the migration');
});

after(async () => {
  await stopServer(srv);
  rmSync(dataDir, { recursive: true, force: true });
});

test('without a PostgreSQL database the command refuses (exit 2) and says why', () => {
  const r = failsWith(['evidence', 'migrate', '--data', dataDir, '--database', ''], 2);
  assert.match(r.stderr, /PostgreSQL database: pass --database postgresql:/);
});

test('a damaged file stops the run naming it (exit 2): it is not stored, and no file is removed', () => {
  const fake = sha256(Buffer.from('what the name promises'));
  const damaged = pathOf(uploaded[0].org, fake);
  mkdirSync(join(damaged, '..'), { recursive: true });
  writeFileSync(damaged, 'something else entirely\n');
  try {
    const before = filesOnDisk();
    const r = migrate('--remove-files');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`${esc(damaged)} is damaged: its content's SHA-256 is ${sha256(Buffer.from('something else entirely\n'))}, not the ${fake} its name records; stopped: no file was removed`));
    assert.deepEqual(filesOnDisk(), before, 'every file is still there');
    assert.ok(!storedBlobs().some((l) => l.includes(fake)), 'the damaged file is not in the database');
    assert.deepEqual(db.sql('SELECT COUNT(*) FROM evidence_contents c WHERE NOT EXISTS (SELECT 1 FROM evidence_blobs b WHERE b.content_id = c.id)'), ['0'],
      'its upload left nothing behind');
  } finally {
    rmSync(damaged);
  }
});

test('every file moves in with its hash checked; the server serves them from the database; the files stay', async () => {
  const r = migrate();
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\[1\/3\] \S+ \([^)]+\): (moved, SHA-256 checked|already in the database)$/m);
  assert.match(r.stdout, /^\[3\/3\] /m);
  // The refused run before moved the files that come before the damaged one; they are not sent again.
  const m = /^Moved (\d+) evidence file\(s\) \([^)]+\) into the database, each checked against its SHA-256 before and after; (\d+) were there already\.$/m.exec(r.stdout);
  assert.ok(m, r.stdout);
  assert.equal(Number(m[1]) + Number(m[2]), 3);
  assert.equal((r.stdout.match(/moved, SHA-256 checked/g) || []).length, Number(m[1]));
  assert.match(r.stdout, /run again with --remove-files to remove them/);
  const want = uploaded.map((e) => `${e.org}|${e.sha256}|${e.size}|${e.sha256}`).sort();
  assert.deepEqual(storedBlobs(), want, 'each blob in the database hashes to its name');
  assert.equal(filesOnDisk().length, 3, 'files are left on disk without --remove-files');
  for (const ev of uploaded) assert.ok(await downloadOk(ev), `${ev.filename} downloads from the database`);
});

test('a second run moves nothing and says so', () => {
  const r = migrate();
  assert.equal(r.status, 0, r.stderr);
  assert.equal((r.stdout.match(/already in the database/g) || []).length, 3);
  assert.match(r.stdout, /^Nothing to move: all 3 evidence file\(s\) of .* are in the database already\.$/m);
  assert.equal(db.sql('SELECT COUNT(*) FROM evidence_blobs')[0], '3');
});

test('--remove-files removes each file once its blob in the database verified; downloads still work', async () => {
  const r = migrate('--remove-files');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Removed 3 file\(s\) from .*, each after its blob in the database verified\.$/m);
  assert.deepEqual(filesOnDisk(), []);
  for (const ev of uploaded) assert.ok(await downloadOk(ev));
  const again = migrate();
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /Nothing to move: no evidence files in /);
});
