// The auditor package's readable reports (docs/formats/audit-pack.md, "Reports") on a real server:
// without an approved SoA version or a gap assessment the index says so and holds neither report;
// with them the risk register has one row per risk of records/risk.json, the SoA CSV is byte for
// byte the SoA export of the latest approved version, the PDFs are PDFs, and `aims audit verify
// --pack` counts the reports. HEAD on the package answers 405 without reading any evidence file;
// the audit log export is streamed with its exact Content-Length and is the package's log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer } from '../lib/http.mjs';
import { PACK } from '../lib/paths.mjs';

let srv, c, auth, dir;

const sha = (x) => createHash('sha256').update(x).digest('hex');

/** {name: Buffer} of a stored ZIP, from its central directory. */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let at = buf.readUInt32LE(eocd + 16);
  const out = {};
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const size = buf.readUInt32LE(at + 20), nlen = buf.readUInt16LE(at + 28), local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nlen).toString('utf8');
    at += 46 + nlen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const off = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out[name] = Buffer.from(buf.subarray(off, off + size));
  }
  return out;
}

async function download() {
  const r = await c('GET', PACK);
  assert.equal(r.status, 200, r.text);
  return unzip(r.bytes);
}

/** The rows of an RFC 4180 CSV (CRLF line ends, a byte order mark first). */
function csvRows(buf) {
  const text = buf.toString('utf8');
  assert.ok(text.startsWith('\ufeff'), 'a CSV report starts with a byte order mark');
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i++;
    } else cell += ch;
  }
  assert.equal(row.length + cell.length, 0, 'the last row ends with CRLF');
  return rows;
}

function verify(files) {
  const file = join(dir, `pack-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, files);
  return aims(['audit', 'verify', '--pack', file, '--key', join(dir, 'key.txt')]);
}

before(async () => {
  srv = await startServer();
  auth = await login(srv.url, srv.admin.email, srv.admin.password);
  c = client(srv.url, auth);
  dir = mkdtempSync(join(tmpdir(), 'aims-auditpack-reports-'));
  writeFileSync(join(dir, 'key.txt'), `${assertJson(await c('GET', '/api/v1/audit/public-key')).verifier_key}\n`);
});

after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopServer(srv);
});

test('without an approved SoA version or a gap assessment, reports/index.txt says so and neither report is there', async () => {
  const files = await download();
  assert.deepEqual(Object.keys(files).filter((n) => n.startsWith('reports/')).sort(), ['reports/index.txt', 'reports/risk-register.csv']);
  const index = files['reports/index.txt'].toString();
  assert.match(index, /^reports\/risk-register\.csv\n {2}The AI risk register: 0 risks, one row each/m);
  assert.match(index, /^No version of the Statement of Applicability is approved: the package holds no SoA report\.$/m);
  assert.match(index, /^The organization has no gap assessment: the package holds no gap-assessment report\.$/m);
  const rows = csvRows(files['reports/risk-register.csv']);
  assert.equal(rows.length, 1, 'the header only');
  assert.deepEqual(rows[0].slice(0, 4), ['id', 'number', 'version', 'title']);
  const manifest = JSON.parse(files['manifest.json'].toString());
  for (const n of ['reports/index.txt', 'reports/risk-register.csv'])
    assert.equal(manifest.files.find((f) => f.path === n)?.sha256, sha(files[n]), `${n} is in the manifest`);
});

test('HEAD on the package answers 405 with Allow: GET and reads no evidence file; GET is unchanged', async () => {
  const up = assertJson(await c('POST', '/api/v1/evidence?filename=policy.txt',
    { body: Buffer.from('Acme AI policy\n'), headers: { 'content-type': 'application/octet-stream' } }), 201);
  const orgId = JSON.parse((await download())['manifest.json'].toString()).org.id;
  // The stored file no longer hashes to its record: a GET must read it and fails; a HEAD must not.
  const blob = join(srv.dataDir, 'evidence', orgId, 'sha256', up.sha256.slice(0, 2), up.sha256.slice(2, 4), up.sha256);
  chmodSync(blob, 0o644);
  writeFileSync(blob, 'Acme AI policy, changed\n');
  const before = srv.log().length;
  const head = await c('HEAD', PACK);
  assert.equal(head.status, 405);
  assert.match(head.ct, /^application\/problem\+json/);
  assert.equal(head.headers.get('allow'), 'GET');
  assert.equal(head.bytes.length, 0, 'no body to a HEAD');
  assert.doesNotMatch(srv.log().slice(before), /does not hash to its recorded SHA-256/, 'HEAD read no evidence file');
  assertProblem(await c('GET', PACK), 500);
  assert.match(srv.log().slice(before), /does not hash to its recorded SHA-256/);
  writeFileSync(blob, 'Acme AI policy\n');
  const post = await c('POST', PACK, { contract: false });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get('allow'), 'GET', 'HEAD is not offered on this path');
  // The keep-alive connection is still in step after a HEAD: the next answers are whole.
  assert.equal((await c('HEAD', '/api/v1/audit/checkpoint')).status, 200);
  assert.equal(JSON.parse((await download())['manifest.json'].toString()).org.id, orgId);
});

test('with risks, approved SoA versions and a gap assessment, the reports are made from the records and verify', async () => {
  for (const json of [
    { title: 'Biased scoring, "in part"', inherent_likelihood: 4, inherent_impact: 3, risk_sources: ['C.3.4'] },
    { title: '=cmd|calc', inherent_likelihood: 2, inherent_impact: 2 },
    { title: 'Model drift', inherent_likelihood: 3, inherent_impact: 2, treatment: 'modify', planned_controls: ['A.6.2.6'] },
  ]) assertJson(await c('POST', '/api/v1/risks', { json }), 201);
  assertJson(await c('POST', '/api/v1/soa/versions', { json: { note: 'first' } }), 201);
  assertJson(await c('PATCH', '/api/v1/soa/entries/A.2.2', { json: { implementation_status: 'implemented', owner: 'CISO', policy_refs: ['POL-1'] }, headers: { 'if-match': '"v0"' } }));
  // Segregation of duties: another manager approves the entries the admin changed.
  const u = aims(['user', 'add', '--data', srv.dataDir, '--org', srv.org, '--email', 'manager@acme.test', '--role', 'manager'], 'reports manager password\n');
  assert.equal(u.status, 0, u.stderr);
  const manager = client(srv.url, await login(srv.url, 'manager@acme.test', 'reports manager password'));
  const v2 = assertJson(await manager('POST', '/api/v1/soa/versions', { json: { note: 'second' } }), 201);
  assert.equal(v2.number, 2);
  // A working-copy change after the approval is not in the reports.
  assertJson(await c('PATCH', '/api/v1/soa/entries/A.2.3', { json: { owner: 'Not yet approved' }, headers: { 'if-match': '"v0"' } }));
  const a = assertJson(await c('POST', '/api/v1/assessments', { json: { name: 'Baseline', approach: 'annex_a', assessment_date: '2026-11-01' } }), 201);
  assertJson(await c('PUT', `/api/v1/assessments/${a.id}/answers/A.2.2`, { json: { maturity: 3 } }));

  const zip = (await c('GET', PACK)).bytes;
  const files = unzip(zip);
  const reports = Object.keys(files).filter((n) => n.startsWith('reports/')).sort();
  assert.deepEqual(reports, [`reports/gap-assessment-${a.id}.pdf`, 'reports/index.txt', 'reports/risk-register.csv',
    'reports/soa-v2.csv', 'reports/soa-v2.pdf']);
  // One row per risk of records/risk.json, with its id, number and version, in order of number.
  const risks = JSON.parse(files['records/risk.json'].toString()).sort((x, y) => x.position - y.position);
  const rows = csvRows(files['reports/risk-register.csv']);
  assert.equal(rows.length, 1 + risks.length);
  assert.deepEqual(rows.slice(1).map((r) => r.slice(0, 3)), risks.map((r) => [r.id, String(r.position), String(r.version)]));
  const col = (name) => rows[0].indexOf(name);
  assert.deepEqual(rows.slice(1).map((r) => r[col('title')]), ['Biased scoring, "in part"', "'=cmd|calc", 'Model drift']);
  assert.equal(rows[1][col('risk_sources')], 'C.3.4');
  assert.equal(rows[3][col('planned_controls')], 'A.6.2.6');
  // The SoA CSV is the export of the latest approved version, byte for byte.
  const exported = await c('GET', '/api/v1/soa/export?format=csv&version=2');
  assert.ok(files['reports/soa-v2.csv'].equals(exported.bytes), 'reports/soa-v2.csv is the CSV export of version 2');
  assert.ok(!files['reports/soa-v2.csv'].toString().includes('Not yet approved'));
  for (const n of ['reports/soa-v2.pdf', `reports/gap-assessment-${a.id}.pdf`])
    assert.equal(files[n].subarray(0, 5).toString(), '%PDF-', `${n} is a PDF`);
  const index = files['reports/index.txt'].toString();
  assert.match(index, /The AI risk register: 3 risks/);
  assert.match(index, /^reports\/soa-v2\.csv\nreports\/soa-v2\.pdf\n {2}The Statement of Applicability as approved in version 2 /m);
  assert.match(index, new RegExp(`The report of the latest gap assessment, ${a.id} of 2026-11-01 `));
  const r = verify(zip);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /5 reports match the records they are made from/);
});

test('the audit log export is streamed with its exact Content-Length and is the log the package holds', async () => {
  const files = await download();
  const res = await fetch(srv.url + '/api/v1/audit/export', { headers: { cookie: auth.cookie } });
  assert.equal(res.status, 200);
  const body = Buffer.from(await res.arrayBuffer());
  assert.equal(Number(res.headers.get('content-length')), body.length);
  assert.equal(res.headers.get('content-type'), 'application/jsonl');
  const size = JSON.parse(files['manifest.json'].toString()).checkpoint.size;
  assert.match(res.headers.get('content-disposition'), new RegExp(`filename="audit-log-org_\\w+-${size}\\.jsonl"`));
  assert.ok(body.equals(files['audit/log.jsonl']), 'nothing was written in between: the same bytes as the package\'s log');
  const file = join(dir, 'log.jsonl');
  writeFileSync(file, body);
  const v = aims(['audit', 'verify', '--log', file, '--key', join(dir, 'key.txt')]);
  assert.equal(v.status, 0, v.stderr);
  // HEAD answers the export's headers without a body.
  const head = await c('HEAD', '/api/v1/audit/export');
  assert.equal(head.status, 200);
  assert.equal(head.bytes.length, 0);
});
