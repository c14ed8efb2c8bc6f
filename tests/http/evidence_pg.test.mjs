// Evidence on a server whose database is PostgreSQL (docs/evidence.md, "Where evidence lives"): the
// files go into the database's tables, not to <data>/evidence; upload, download, another
// organization's 404, deletion (the blob goes with the last evidence naming it) and the auditor
// package work as on SQLite; a restarted server serves the same bytes; memory does not grow with
// the file's size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer } from '../lib/http.mjs';
import { unzip } from '../lib/audit.mjs';
import { EV, PACK } from '../lib/paths.mjs';
import { pgDatabase } from '../lib/pg.mjs';

const PW_B = 'other organization password';
const db = pgDatabase();
// aims init, aims org create and aims serve all take the database from AIMS_DATABASE.
process.env.AIMS_DATABASE = db.location;

let srv, auth, c, b;

before(async () => {
  srv = await startServer({ keepData: true });
  auth = await login(srv.url, srv.admin.email, srv.admin.password);
  c = client(srv.url, auth);
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other', '--admin-email', 'other@x.test'], PW_B + '\n');
  assert.equal(org.status, 0, org.stderr);
  b = client(srv.url, await login(srv.url, 'other@x.test', PW_B));
});

after(async () => {
  await stopServer(srv);
  rmSync(srv.dataDir, { recursive: true, force: true });
});

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function upload(who, name, bytes) {
  return who('POST', `${EV}?filename=${encodeURIComponent(name)}`, { body: bytes, headers: { 'content-type': 'application/octet-stream' } });
}

/** A PDF-typed file of `size` bytes whose every 4 KiB differ. */
function pdfOf(size, seed) {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i + 4 <= bytes.length; i += 4096) bytes.writeUInt32LE(((i + seed) * 2654435761) >>> 0, i);
  bytes.write('%PDF-1.4\n', 0);
  return bytes;
}

async function downloadHash(base, a, id) {
  const res = await fetch(`${base}${EV}/${id}/content`, { headers: { cookie: a.cookie } });
  assert.equal(res.status, 200);
  const h = createHash('sha256');
  let n = 0;
  for await (const chunk of res.body) {
    h.update(chunk);
    n += chunk.length;
  }
  return { sha: h.digest('hex'), size: n };
}

/** Files under the data directory's evidence folder (there should be none on PostgreSQL). */
function filesOnDisk(dataDir) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk : out.push.bind(out))(join(d, e.name));
  };
  walk(join(dataDir, 'evidence'));
  return out;
}

const orgIdOf = async (who) => assertJson(await who('GET', '/api/v1/me')).organization.id;

test('an upload of several chunks goes into the database, not to disk, and downloads byte-exact', async () => {
  const bytes = pdfOf(3 * 1024 * 1024 + 777, 1);
  const ev = assertJson(await upload(c, 'three-mib.pdf', bytes), 201);
  assert.equal(ev.size, bytes.length);
  assert.equal(ev.sha256, sha256(bytes));
  assert.deepEqual(await downloadHash(srv.url, auth, ev.id), { sha: ev.sha256, size: bytes.length });
  const res = await c('GET', `${EV}/${ev.id}/content`);
  assert.equal(res.status, 200);
  assert.ok(res.bytes.equals(bytes), 'the downloaded bytes are the uploaded ones');
  assert.deepEqual(filesOnDisk(srv.dataDir), [], 'no evidence file is written to the data directory');
  const org = await orgIdOf(c);
  assert.deepEqual(db.sql(`SELECT size FROM evidence_blobs WHERE org_id = '${org}' AND sha256 = '${ev.sha256}'`), [String(bytes.length)]);
  const chunks = db.sql(`SELECT COUNT(*), SUM(octet_length(k.bytes)) FROM evidence_chunks k JOIN evidence_blobs b ON b.content_id = k.content_id
    WHERE b.org_id = '${org}' AND b.sha256 = '${ev.sha256}'`);
  assert.deepEqual(chunks, [`13|${bytes.length}`], 'twelve full chunks of 256 KiB and a short one');
  assert.deepEqual(db.sql('SELECT COUNT(*) FROM evidence_contents c WHERE NOT EXISTS (SELECT 1 FROM evidence_blobs b WHERE b.content_id = c.id)'), ['0'],
    'no staging left behind');
});

test('another organization gets 404 for the file and may upload the same bytes as its own', async () => {
  const bytes = Buffer.from('Acme secret evidence on PostgreSQL\n');
  const ev = assertJson(await upload(c, 'secret.txt', bytes), 201);
  assertProblem(await b('GET', `${EV}/${ev.id}/content`), 404);
  assertProblem(await b('GET', `${EV}/${ev.id}`), 404);
  const mine = assertJson(await upload(b, 'secret.txt', bytes), 201);
  assert.equal(mine.sha256, ev.sha256);
  assert.deepEqual(db.sql(`SELECT COUNT(*) FROM evidence_blobs WHERE sha256 = '${ev.sha256}'`), ['2'], 'one blob per organization');
});

test('deleting the last evidence of a content removes its blob and chunks from the database', async () => {
  const bytes = pdfOf(600 * 1024, 2);
  const ev = assertJson(await upload(c, 'to-delete.pdf', bytes), 201);
  const org = await orgIdOf(c);
  assert.deepEqual(db.sql(`SELECT COUNT(*) FROM evidence_blobs WHERE org_id = '${org}' AND sha256 = '${ev.sha256}'`), ['1']);
  const etag = (await c('GET', `${EV}/${ev.id}`)).headers.get('etag');
  assert.equal((await c('DELETE', `${EV}/${ev.id}`, { headers: { 'if-match': etag } })).status, 204);
  assert.deepEqual(db.sql(`SELECT COUNT(*) FROM evidence_blobs WHERE org_id = '${org}' AND sha256 = '${ev.sha256}'`), ['0']);
  assert.deepEqual(db.sql('SELECT COUNT(*) FROM evidence_contents c WHERE NOT EXISTS (SELECT 1 FROM evidence_blobs b WHERE b.content_id = c.id)'), ['0']);
  assert.deepEqual(db.sql('SELECT COUNT(*) FROM evidence_chunks k WHERE NOT EXISTS (SELECT 1 FROM evidence_blobs b WHERE b.content_id = k.content_id)'), ['0']);
  const p = assertProblem(await c('GET', `${EV}/${ev.id}/content`), 404);
  assert.match(p.detail, /deleted/);
});

test('the auditor package holds the evidence bytes read from the database', async () => {
  const bytes = Buffer.from('Minutes kept in PostgreSQL\n');
  assertJson(await upload(c, 'pg-minutes.txt', bytes), 201);
  const res = await fetch(srv.url + PACK, { headers: { cookie: auth.cookie } });
  assert.equal(res.status, 200);
  const entries = unzip(Buffer.from(await res.arrayBuffer()));
  const entry = entries.find((e) => e.name === `evidence/${sha256(bytes).slice(0, 16)}-pg-minutes.txt`);
  assert.ok(entry, `the package holds the file (it has ${entries.map((e) => e.name).filter((n) => n.startsWith('evidence/')).join(', ')})`);
  assert.ok(entry.data.equals(bytes));
});

test('a restarted server serves the same files from the database', async () => {
  const bytes = pdfOf(1024 * 1024, 3);
  const ev = assertJson(await upload(c, 'survives.pdf', bytes), 201);
  await srv.stop();
  srv = await startServer({ dataDir: srv.dataDir, keepData: true });
  auth = await login(srv.url, srv.admin.email, srv.admin.password);
  c = client(srv.url, auth);
  b = client(srv.url, await login(srv.url, 'other@x.test', PW_B));
  assert.deepEqual(await downloadHash(srv.url, auth, ev.id), { sha: ev.sha256, size: bytes.length });
});

test('a 40 MiB upload and download through PostgreSQL do not grow the server\'s memory with the file', async () => {
  const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${srv.pid}/status`, 'utf8'))[1]);
  assertJson(await c('GET', '/api/v1/me'));
  const small = pdfOf(2 * 1024 * 1024, 4);
  const evSmall = assertJson(await upload(c, 'small.pdf', small), 201);
  await downloadHash(srv.url, auth, evSmall.id);
  const before = hwm();
  const bytes = pdfOf(40 * 1024 * 1024, 5);
  const ev = assertJson(await upload(c, 'large.pdf', bytes), 201);
  assert.equal(ev.sha256, sha256(bytes));
  assert.deepEqual(await downloadHash(srv.url, auth, ev.id), { sha: ev.sha256, size: bytes.length });
  const grown = hwm() - before;
  assert.ok(grown < 16 * 1024, `the server's peak memory grew by ${grown} kB for a 40 MiB upload and download`);
});
