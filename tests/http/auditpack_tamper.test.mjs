// The tamper matrix on a real server's auditor package: each case changes the downloaded package,
// rewrites manifest.json to match and signs manifest.sig again with the organization's key (derived
// here from the server's key file as docs/formats/audit-log.md §5 says, which also checks that
// rule), so that the check under test stands on its own; `aims audit verify --pack` must refuse
// each, naming the problem. The untouched package and the same package re-sealed unchanged verify.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertJson, stopServer } from '../lib/http.mjs';

const PW_B = 'other organization password';
let srv, c, b, dir, keyFile, pack, otherPack, orgKey;

const sha = (x) => createHash('sha256').update(x).digest('hex');

/** [{name, data}] of a stored ZIP, in central directory order. */
function unzip(buf) {
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let at = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const size = buf.readUInt32LE(at + 20), nlen = buf.readUInt16LE(at + 28), local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nlen).toString('utf8');
    at += 46 + nlen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const off = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name, data: Buffer.from(buf.subarray(off, off + size)) });
  }
  return out;
}

/** A stored ZIP of [{name, data}] (the format the package uses). */
function zip(entries) {
  const parts = [], central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(0x0800, 6); h.writeUInt16LE(0x21, 12);
    h.writeUInt32LE(crc32(e.data), 14); h.writeUInt32LE(e.data.length, 18); h.writeUInt32LE(e.data.length, 22);
    h.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(0x21, 14); cd.writeUInt32LE(crc32(e.data), 16); cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(e.data.length, 24); cd.writeUInt16LE(name.length, 28); cd.writeUInt32LE(offset, 42);
    parts.push(h, name, e.data);
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBuf, end]);
}

/** The organization's Ed25519 key: HMAC-SHA-256(installation seed, "aims audit log key v1\n" + org id). */
function organizationKey(orgId) {
  const lines = readFileSync(join(srv.dataDir, 'audit-signing.key'), 'utf8').split('\n');
  const seed = createHmac('sha256', Buffer.from(lines[1], 'base64')).update(`aims audit log key v1\n${orgId}`).digest();
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const pub = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
  return { key, pub };
}

/** A C2SP signed note of `text` by `k` under `name`. */
function signNote(text, name, k) {
  const id = createHash('sha256').update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([1]), k.pub])).digest().subarray(0, 4);
  const sig = sign(null, Buffer.from(text), k.key);
  return `${text}\n\u2014 ${name} ${Buffer.concat([id, sig]).toString('base64')}\n`;
}

/** The package with `files` ({name: Buffer}): manifest rewritten, manifest.sig signed again. */
function reseal(files, { resign = true } = {}) {
  const manifest = JSON.parse(pack['manifest.json'].toString());
  manifest.files = Object.keys(files).filter((n) => !n.startsWith('manifest.'))
    .map((n) => ({ path: n, size: files[n].length, sha256: sha(files[n]) }));
  const m = Buffer.from(`${JSON.stringify(manifest)}\n`);
  const cp = manifest.checkpoint;
  const root = Buffer.from(cp.root_hash, 'hex').toString('base64');
  const text = `aims audit pack manifest v3\n${manifest.org.id}\n${cp.size}\n${root}\n${sha(m)}\n`;
  const sig = resign ? Buffer.from(signNote(text, cp.origin, orgKey)) : files['manifest.sig'];
  const out = { ...files, 'manifest.json': m };
  if (sig) out['manifest.sig'] = sig; else delete out['manifest.sig'];
  return zip(Object.entries(out).map(([name, data]) => ({ name, data })));
}

function verify(buf) {
  const file = join(dir, `case-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, buf);
  return aims(['audit', 'verify', '--pack', file, '--key', keyFile]);
}

async function download(who) {
  const res = await fetch(srv.url + '/api/v1/audit/pack', { headers: { cookie: who.cookie } });
  assert.equal(res.status, 200);
  return Object.fromEntries(unzip(Buffer.from(await res.arrayBuffer())).map((e) => [e.name, e.data]));
}

const rows = (files, n) => JSON.parse(files[n].toString());
const withRows = (files, n, r) => ({ ...files, [n]: Buffer.from(`${JSON.stringify(r)}\n`) });

before(async () => {
  srv = await startServer();
  const auth = await login(srv.url, srv.admin.email, srv.admin.password);
  c = client(srv.url, auth);
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Other', '--admin-email', 'other@x.test'], PW_B + '\n');
  assert.equal(org.status, 0, org.stderr);
  const bAuth = await login(srv.url, 'other@x.test', PW_B);
  b = client(srv.url, bAuth);
  dir = mkdtempSync(join(tmpdir(), 'aims-auditpack-tamper-'));
  keyFile = join(dir, 'key.txt');
  writeFileSync(keyFile, `${assertJson(await c('GET', '/api/v1/audit/public-key')).verifier_key}\n`);
  for (const name of ['Scoring model', 'Chat assistant']) {
    assertJson(await c('POST', '/api/v1/systems', { json: { name, purpose: 'Testing the package' } }), 201);
  }
  for (const [name, body] of [['policy.txt', 'Acme AI policy\n'], ['minutes.pdf', '%PDF-1.4 minutes\n']]) {
    assertJson(await c('POST', `/api/v1/evidence?filename=${name}`,
      { body: Buffer.from(body), headers: { 'content-type': 'application/octet-stream' } }), 201);
  }
  // Records the reports are made from: two risks, an approved SoA version, a gap assessment.
  for (const title of ['Biased scoring', 'Model drift']) {
    assertJson(await c('POST', '/api/v1/risks', { json: { title, inherent_likelihood: 3, inherent_impact: 2 } }), 201);
  }
  assertJson(await c('POST', '/api/v1/soa/versions', { json: { note: 'for the package' } }), 201);
  assertJson(await c('POST', '/api/v1/assessments', { json: { name: 'Baseline', approach: 'annex_a' } }), 201);
  assertJson(await b('POST', '/api/v1/systems', { json: { name: 'Other system', purpose: 'Other' } }), 201);
  pack = await download(auth);
  otherPack = await download(bAuth);
  orgKey = organizationKey(JSON.parse(pack['manifest.json'].toString()).org.id);
});

after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopServer(srv);
});

test('the organization key derived from the key file as documented is the published verifier key', async () => {
  const vk = assertJson(await c('GET', '/api/v1/audit/public-key'));
  assert.equal(vk.public_key, orgKey.pub.toString('base64'));
  const other = assertJson(await b('GET', '/api/v1/audit/public-key'));
  assert.notEqual(other.public_key, vk.public_key, 'each organization has its own key');
  assert.match(pack['audit/checkpoint.txt'].toString(), new RegExp(`\u2014 ${vk.key_name} `));
});

test('the untouched package, and the same files re-sealed, verify', () => {
  const r = verify(zip(Object.entries(pack).map(([name, data]) => ({ name, data }))));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /its manifest is signed/);
  const again = verify(reseal(pack));
  assert.equal(again.status, 0, again.stderr);
});

test('every tampering is refused, naming the problem', () => {
  const evidence = Object.keys(pack).filter((n) => n.startsWith('evidence/')).sort();
  assert.equal(evidence.length, 2);
  assert.ok(evidence.some((n) => /^evidence\/[0-9a-f]{16}-minutes\.pdf$/.test(n)), evidence.join(', '));
  const systems = rows(pack, 'records/systems.json');
  const evRows = rows(pack, 'records/evidence.json');
  const evOf = (name) => evRows.find((r) => name.startsWith(`evidence/${r.doc.sha256.slice(0, 16)}-`));
  const { [evidence[1]]: _dropped, ...withoutEv1 } = pack;
  const reports = Object.keys(pack).filter((n) => n.startsWith('reports/')).sort();
  const gap = reports.find((n) => n.startsWith('reports/gap-assessment-'));
  assert.deepEqual(reports, [gap, 'reports/index.txt', 'reports/risk-register.csv', 'reports/soa-v1.csv', 'reports/soa-v1.pdf']);
  const edit = (n, from, to) => {
    const t = pack[n].toString();
    assert.ok(t.includes(from), `${n} holds ${from}`);
    return { ...pack, [n]: Buffer.from(t.replace(from, to)) };
  };
  const without = (n) => Object.fromEntries(Object.entries(pack).filter(([k]) => k !== n));
  const cases = [
    ['a system row removed', withRows(pack, 'records/systems.json', systems.slice(1)), /is missing from records\/systems\.json/],
    ['a fabricated system row', withRows(pack, 'records/systems.json', [...systems, { ...systems[0], id: 'sys_fake' }]),
      /system sys_fake in records\/systems\.json has no entry in the audit log/],
    ['a system row changed', withRows(pack, 'records/systems.json',
      [{ ...systems[0], doc: { ...systems[0].doc, purpose: 'Something else' } }, ...systems.slice(1)]), /does not match the content hash/],
    ['a duplicate row', withRows(pack, 'records/systems.json', [...systems, systems[0]]), /twice/],
    ['a row moved to another file', withRows(withRows(pack, 'records/systems.json', systems.slice(1)), 'records/risk.json', [(({ archived: _a, ...r }) => r)(systems[0])]),
      /risk sys_\w+ in records\/risk\.json has no entry/],
    ['records/systems.json removed', (({ 'records/systems.json': _s, ...rest }) => rest)(pack), /has no records\/systems\.json/],
    ['an evidence record and its file removed', withRows(withoutEv1, 'records/evidence.json', evRows.filter((r) => r !== evOf(evidence[1]))),
      /evidence ev_\w+ is missing from records\/evidence\.json/],
    ['an evidence file with no record', { ...pack, 'evidence/0000000000000000-planted.txt': Buffer.from('planted') },
      /is the file of no live evidence record/],
    ['evidence files swapped', { ...pack, [evidence[0]]: pack[evidence[1]], [evidence[1]]: pack[evidence[0]] }, /changed or swapped/],
    ['an evidence file renamed', { ...withoutEv1, 'evidence/renamed.pdf': pack[evidence[1]] }, /The file of evidence ev_\w+ .* is missing/],
    ['README.txt edited', { ...pack, 'README.txt': Buffer.from('Trust me.\n') }, /README\.txt is not the text of this package format/],
    ['an extra file', { ...pack, 'notes.txt': Buffer.from('x') }, /not a file of the package format/],
    ['a log entry removed', { ...pack, 'audit/log.jsonl': Buffer.from(pack['audit/log.jsonl'].toString().replace(/\n\{"entry":[^\n]*/, '')) },
      /The audit log does not verify/],
    ['a risk register row edited', edit('reports/risk-register.csv', 'Biased scoring', 'Fair scoring'),
      /reports\/risk-register\.csv row 2 \(risk R-1\) does not match records\/risk\.json \(it was changed\)/],
    ['a risk register row removed', edit('reports/risk-register.csv', /\r\nR-2,[^\r]*/.exec(pack['reports/risk-register.csv'].toString())[0], ''),
      /has no row for the risk R-2 of records\/risk\.json \(it was removed\)/],
    ['a risk register row added', { ...pack, 'reports/risk-register.csv': Buffer.concat([pack['reports/risk-register.csv'], Buffer.from('R-7,7,1,Invented\r\n')]) },
      /has a row for the risk R-7, which records\/risk\.json does not hold \(it was added\)/],
    ['an SoA CSV row edited', edit('reports/soa-v1.csv', ',not_started,', ',implemented,'),
      /reports\/soa-v1\.csv row \d+ \(control A\.[\d.]+\) does not match records\/soa_versions\.json \(version 1\)/],
    ['the SoA PDF removed', without('reports/soa-v1.pdf'), /has no reports\/soa-v1\.pdf, a report its records give \(it was removed\)/],
    ['the gap assessment report removed', without(gap), /has no reports\/gap-assessment-\S+\.pdf/],
    ['an extra report', { ...pack, 'reports/soa-v2.csv': pack['reports/soa-v1.csv'] }, /is not a report the package's records give \(it was added\)/],
    ['the report index edited', edit('reports/index.txt', 'approved in version 1', 'approved in version 7'),
      /reports\/index\.txt is not the index the package's records give/],
    ["the checkpoint swapped for another organization's", { ...pack, 'audit/checkpoint.txt': otherPack['audit/checkpoint.txt'] },
      /audit\/checkpoint\.txt is not valid: the checkpoint carries no signature by the key/],
  ];
  for (const [name, files, message] of cases) {
    const r = verify(reseal(files));
    assert.equal(r.status, 1, `${name}: ${r.stdout}`);
    assert.match(r.stderr, message, name);
    // Manifest rewritten but manifest.sig kept: the signature no longer matches it.
    const unsigned = verify(reseal({ ...files, 'manifest.sig': pack['manifest.sig'] }, { resign: false }));
    assert.equal(unsigned.status, 1, name);
    assert.match(unsigned.stderr, /manifest\.json is not the manifest manifest\.sig signs/, name);
  }
});

test('manifest.sig removed, taken from another organization, or the ZIP holding a file twice, is refused', () => {
  const all = Object.entries(pack).map(([name, data]) => ({ name, data }));
  let r = verify(zip(all.filter((e) => e.name !== 'manifest.sig')));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /has no manifest\.sig/);
  r = verify(zip(all.map((e) => (e.name === 'manifest.sig' ? { name: e.name, data: otherPack['manifest.sig'] } : e))));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /manifest\.sig is not signed by the key/);
  r = verify(zip([...all, { name: 'records/systems.json', data: Buffer.from('[]\n') }]));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /holds records\/systems\.json twice/);
});
