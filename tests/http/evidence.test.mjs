// The evidence vault (SPEC §9): streamed uploads with a size limit, content addressing and
// de-duplication, the content type taken from the bytes and checked against the name, metadata
// and its validation, links to records of every kind, downloads that never render, the chain of
// custody, freshness, If-Match, roles and tenant isolation. Every refusal is checked to store
// nothing, in the records and in the blob directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { otherOrgClient } from '../lib/fixture.mjs';
import { EV } from '../lib/paths.mjs';

const PW = 'evidence role password';
const PW_B = 'other organization password';
const LIMIT_MIB = 3;

let srv, c, orgId, system, assessment;
const as = {};
let otherAdmin; // admin of a second organization

before(async () => {
  srv = await startServer({ env: { AIMS_MAX_UPLOAD_MIB: String(LIMIT_MIB) } });
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  orgId = assertJson(await c('GET', '/api/v1/me')).organization.id;
  Object.assign(as, await memberClients(srv, ['viewer', 'auditor', 'contributor', 'manager'], PW));
  system = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Evidence test system', purpose: 'Has evidence' } }), 201);
  assessment = assertJson(await c('POST', '/api/v1/assessments', { json: { name: 'Evidence baseline', approach: 'annex_a' } }), 201);
  otherAdmin = await otherOrgClient(srv, PW_B);
});

after(async () => {
  await stopServer(srv);
});

// ---- helpers -----------------------------------------------------------------------------------

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Uploads `bytes` as `name`; `query` may hold metadata and `link` (a string or a list). */
function upload(who, name, bytes, query = {}, headers = {}) {
  const qs = new URLSearchParams({ filename: name });
  for (const [k, v] of Object.entries(query)) for (const x of [].concat(v)) qs.append(k, x);
  return who('POST', `${EV}?${qs}`, { body: bytes, headers: { 'content-type': 'application/octet-stream', ...headers } });
}

async function uploaded(name, bytes, query = {}, who = c) {
  return assertJson(await upload(who, name, bytes, query), 201);
}

/** Every blob file of the server, and the uploads in progress. */
function blobFiles() {
  const root = join(srv.dataDir, 'evidence');
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p.slice(root.length + 1));
    }
  };
  walk(root);
  return out.sort();
}

async function state(who = c) {
  const list = assertJson(await who('GET', `${EV}?deleted=all&limit=500`));
  return { items: list.items.map((e) => JSON.stringify({ ...e, freshness: undefined })).sort(), blobs: blobFiles() };
}

const etag = async (id, who = c) => (await who('GET', `${EV}/${id}`)).headers.get('etag');
const events = async (id, who = c) => assertJson(await who('GET', `${EV}/${id}/events`)).items;
const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

// ---- upload ---------------------------------------------------------------------------------------

test('an upload is stored under its SHA-256 with the content type found in its bytes', async () => {
  const bytes = Buffer.from('Model card of the evidence test system.\nVersion 1.\n');
  const r = await upload(c, 'model card.md', bytes, { owner: 'ML lead', expires_on: day(200), effective_date: day(-10) });
  const ev = assertJson(r, 201);
  assert.match(ev.id, /^ev_[0-9a-z]{16}$/);
  assert.match(ev.number, /^EV-\d+$/);
  assert.equal(r.headers.get('location'), `${EV}/${ev.id}`);
  assert.equal(r.headers.get('etag'), '"v1"');
  assert.equal(ev.title, 'model card', 'the title defaults to the file name without its extension');
  assert.equal(ev.filename, 'model card.md');
  assert.equal(ev.content_type, 'text/markdown; charset=utf-8');
  assert.equal(ev.file_type, 'text');
  assert.equal(ev.size, bytes.length);
  assert.equal(ev.sha256, sha256(bytes));
  assert.equal(ev.owner, 'ML lead');
  assert.equal(ev.classification, 'internal');
  assert.equal(ev.effective_date, day(-10));
  assert.equal(ev.expires_on, day(200));
  assert.equal(ev.freshness, 'current');
  assert.equal(ev.uploaded_by, srv.admin.email);
  assert.equal(ev.deleted, false);
  const blob = join(srv.dataDir, 'evidence', orgId, 'sha256', ev.sha256.slice(0, 2), ev.sha256.slice(2, 4), ev.sha256);
  assert.deepEqual(readFileSync(blob), bytes, 'the blob is stored under <data>/evidence/<org>/sha256/ab/cd/<hash>');
  assert.deepEqual(assertJson(await c('GET', `${EV}/${ev.id}`)), ev);
  const [e] = await events(ev.id);
  assert.equal(e.action, 'upload');
  assert.equal(e.actor, srv.admin.email);
  assert.equal(e.detail.sha256, ev.sha256);
  assert.equal(blobFiles().filter((f) => f.startsWith('tmp/')).length, 0, 'no temporary file is left behind');
});

test('the same bytes uploaded again answer 200 with the existing evidence, one blob, and add the links named', async () => {
  const bytes = Buffer.from(`dedup ${Date.now()}\n`);
  const first = await uploaded('dedup.txt', bytes);
  const before = blobFiles();
  const r = await upload(c, 'renamed copy.txt', bytes, { title: 'Another title', link: `system:${system.id}` });
  const again = assertJson(r, 200);
  assert.equal(again.id, first.id);
  assert.equal(again.title, first.title, 'the metadata of the existing evidence is kept');
  assert.equal(again.link_count, 1);
  assert.equal(r.headers.get('location'), `${EV}/${first.id}`);
  assert.deepEqual(blobFiles(), before, 'no second blob');
  assert.deepEqual((await events(first.id)).map((e) => e.action), ['upload', 'upload_duplicate', 'link']);
  assert.equal(assertJson(await c('GET', `${EV}?q=dedup`)).total, 1);
});

test('an upload over the limit answers 413 problem and stores nothing (Content-Length and chunked)', async () => {
  const before = await state();
  const big = Buffer.alloc(LIMIT_MIB * 1024 * 1024 + 1, 0x61);
  const declared = await upload(c, 'too-big.txt', big);
  const p = assertProblem(declared, 413);
  assert.match(p.detail, new RegExp(`${LIMIT_MIB} MiB`));
  assert.deepEqual(await state(), before);
  // Chunked: no length is declared, so the server counts while it streams and stops at the limit.
  const piece = Buffer.alloc(256 * 1024, 0x62);
  let sent = 0;
  const body = new ReadableStream({
    pull(ctl) {
      if (sent >= big.length) return ctl.close();
      sent += piece.length;
      ctl.enqueue(piece);
    },
  });
  const auth = await login(srv.url, srv.admin.email, srv.admin.password);
  let res;
  try {
    res = await fetch(`${srv.url}${EV}?filename=chunked.txt`, {
      method: 'POST', body, duplex: 'half',
      headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'content-type': 'application/octet-stream' },
    });
  } catch (e) {
    assert.fail(`a chunked upload over the limit got no HTTP response (${e.cause?.code || e.message}); expected 413`);
  }
  const text = await res.text();
  assertProblem({ status: res.status, ct: res.headers.get('content-type'), body: JSON.parse(text), req: 'POST chunked', text }, 413);
  assert.deepEqual(await state(), before, 'nothing stored, no blob and no temporary file');
  // Just under the limit is accepted.
  const under = await uploaded('just-under.txt', Buffer.alloc(LIMIT_MIB * 1024 * 1024, 0x63));
  assert.equal(under.size, LIMIT_MIB * 1024 * 1024);
});

test('a name that does not match the content answers 422 naming both, a program 415; nothing is stored', async () => {
  const before = await state();
  let p = assertProblem(await upload(c, 'report.pdf', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>')), 422);
  assert.match(p.detail, /report\.pdf/);
  assert.match(p.detail, /PDF/);
  assert.match(p.detail, /HTML/);
  assert.deepEqual(p.errors.map((e) => e.field), ['filename']);
  p = assertProblem(await upload(c, 'photo.png', PDF), 422);
  assert.match(p.detail, /PNG/);
  assert.match(p.detail, /PDF/);
  assertProblem(await upload(c, 'drawing.svg', Buffer.from('<html><body>x</body></html>')), 422);
  assertProblem(await upload(c, 'notes.txt', Buffer.from([0xff, 0xfe, 0x00, 0x01])), 422);
  p = assertProblem(await upload(c, 'setup.exe', Buffer.from('MZ')), 415);
  assert.match(p.detail, /program or script/);
  assertProblem(await upload(c, 'harmless.txt', Buffer.from('#!/bin/sh\necho hi\n')), 415);
  assertProblem(await upload(c, 'empty.txt', Buffer.alloc(0)), 422);
  // The request itself: the bytes as the body, a file name.
  assertProblem(await upload(c, 'a.txt', Buffer.from('x'), {}, { 'content-type': 'multipart/form-data; boundary=x' }), 415);
  p = assertProblem(await c('POST', EV, { body: Buffer.from('x'), headers: { 'content-type': 'application/octet-stream' } }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['filename']);
  assertProblem(await upload(c, '../etc/passwd', Buffer.from('x')), 422);
  assert.deepEqual(await state(), before);
  // What is recognized is stored as what it is.
  const pdf = await uploaded('policy.pdf', PDF);
  assert.equal(pdf.content_type, 'application/pdf');
  const unknown = await uploaded('weights.parquet', Buffer.from([0x50, 0x41, 0x52, 0x31, 0x00, 0xff]));
  assert.equal(unknown.content_type, 'application/octet-stream');
});

test('metadata is validated at upload and on PATCH with field errors, and a refusal changes nothing', async () => {
  const before = await state();
  let p = assertProblem(await upload(c, 'm.txt', Buffer.from('m'), { expires_on: '2026-02-30', classification: 'secret' }), 422);
  assert.deepEqual(p.errors.map((e) => e.field).sort(), ['classification', 'expires_on']);
  p = assertProblem(await upload(c, 'm.txt', Buffer.from('m'), { effective_date: day(10), expires_on: day(5) }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['expires_on']);
  p = assertProblem(await upload(c, 'm.txt', Buffer.from('m'), { title: 'x'.repeat(201) }), 422);
  assert.deepEqual(p.errors.map((e) => e.field), ['title']);
  assert.deepEqual(await state(), before);

  const ev = await uploaded('meta.txt', Buffer.from(`meta ${Date.now()}`));
  const tag = await etag(ev.id);
  const snapshot = await state();
  for (const [json, fields] of [
    [{ title: '' }, ['title']],
    [{ classification: 'top' }, ['classification']],
    [{ effective_date: 'yesterday' }, ['effective_date']],
    [{ sha256: 'abc', filename: 'x.pdf' }, ['filename', 'sha256']],
    [{ colour: 'red' }, ['colour']],
    [{ expires_on: '2000-01-01', effective_date: '2001-01-01' }, ['expires_on']],
  ]) {
    p = assertProblem(await c('PATCH', `${EV}/${ev.id}`, { json, headers: { 'if-match': tag } }), 422);
    assert.deepEqual(p.errors.map((e) => e.field).sort(), fields, JSON.stringify(json));
  }
  assertProblem(await c('PATCH', `${EV}/${ev.id}`, { body: 'title=x', headers: { 'if-match': tag, 'content-type': 'text/plain' } }), 415);
  assert.deepEqual(await state(), snapshot);
  const r = await c('PATCH', `${EV}/${ev.id}`, {
    json: { title: 'Meta evidence', description: 'Two\nlines', classification: 'restricted', owner: 'Auditor liaison', effective_date: day(-1), expires_on: null },
    headers: { 'if-match': tag },
  });
  const changed = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v2"');
  assert.equal(changed.title, 'Meta evidence');
  assert.equal(changed.description, 'Two\nlines');
  assert.equal(changed.classification, 'restricted');
  assert.equal(changed.expires_on, null);
  assert.equal(changed.freshness, 'no_expiry');
  assert.equal(changed.updated_by, srv.admin.email);
  const last = (await events(ev.id)).at(-1);
  assert.equal(last.action, 'update');
  assert.deepEqual(last.detail.fields.sort(), ['classification', 'description', 'effective_date', 'owner', 'title']);
  assert.deepEqual(last.detail.changes.find((x) => x.field === 'title'), { field: 'title', from: 'meta', to: 'Meta evidence' });
});

test('PATCH and DELETE need If-Match: 428 without, 412 when stale, and nothing changes', async () => {
  const ev = await uploaded('ifmatch.txt', Buffer.from(`if-match ${Date.now()}`));
  const before = await state();
  assertProblem(await c('PATCH', `${EV}/${ev.id}`, { json: { title: 'No If-Match' } }), 428);
  assertProblem(await c('PATCH', `${EV}/${ev.id}`, { json: { title: 'Stale' }, headers: { 'if-match': '"v7"' } }), 412);
  assertProblem(await c('DELETE', `${EV}/${ev.id}`), 428);
  assertProblem(await c('DELETE', `${EV}/${ev.id}`, { headers: { 'if-match': '"v9"' } }), 412);
  assert.deepEqual(await state(), before);
});

// ---- links ----------------------------------------------------------------------------------------

test('evidence links to every kind of record that exists; an unknown or malformed target is 422 and stores nothing', async () => {
  const ev = await uploaded('links.txt', Buffer.from(`links ${Date.now()}`));
  const targets = [
    [`system:${system.id}`, system.name],
    ['soa_entry:A.6.2.4', 'A.6.2.4'],
    [`assessment:${assessment.id}`, 'Evidence baseline'],
    [`answer:${assessment.id}:A.6.2.4`, 'A.6.2.4'],
    ['catalog_item:iso42001:7.5.3', '7.5.3'],
  ];
  for (const [target, label] of targets) {
    const link = assertJson(await c('POST', `${EV}/${ev.id}/links`, { json: { target, note: 'why' } }), 201);
    assert.equal(link.target, target);
    assert.equal(link.target_type, target.split(':')[0]);
    assert.ok(link.label.includes(label), `${target}: label ${link.label}`);
    assert.equal(link.linked_by, srv.admin.email);
    const list = assertJson(await c('GET', `${EV}?linked_to=${encodeURIComponent(target)}`));
    assert.ok(list.items.some((e) => e.id === ev.id), `linked_to=${target}`);
  }
  const before = await state();
  const bad = [
    'system:sys_doesnotexist', 'risk:risk_nope', 'impact_assessment:x', 'objective:x', 'obligation:x', 'classification:x',
    'soa_entry:A.99.9', 'soa_entry:6.1.2', 'assessment:asm_nope', `answer:${assessment.id}:6.1.2`, `answer:${assessment.id}`,
    'catalog_item:iso42001:Z.1', 'catalog_item:nope:4.1', 'bogus:x', 'system', ':x', `system:${system.id}/x`,
  ];
  for (const target of bad) {
    const p = assertProblem(await c('POST', `${EV}/${ev.id}/links`, { json: { target } }), 422);
    assert.deepEqual(p.errors.map((e) => e.field), ['target'], target);
  }
  assertProblem(await c('POST', `${EV}/${ev.id}/links`, { json: {} }), 422);
  assertProblem(await c('POST', `${EV}/${ev.id}/links`, { json: { target: `system:${system.id}` } }), 409);
  // At upload too: an unknown link refuses the whole upload before the body is stored.
  assertProblem(await upload(c, 'with-bad-link.txt', Buffer.from('x1'), { link: ['soa_entry:A.2.2', 'risk:risk_nope'] }), 422);
  assert.deepEqual(await state(), before);
  const links = assertJson(await c('GET', `${EV}/${ev.id}/links`)).items;
  assert.deepEqual(links.map((l) => l.target).sort(), targets.map((t) => t[0]).sort());
  assert.equal(assertJson(await c('GET', `${EV}/${ev.id}`)).link_count, targets.length);
  assertProblem(await c('GET', `${EV}?linked_to=nonsense`), 400);
});

test('unlinking keeps the evidence and its file; deleting is refused while links remain, then removes the file', async () => {
  const bytes = Buffer.from(`unlink ${Date.now()}\n`);
  const ev = await uploaded('unlink.txt', bytes, { link: [`system:${system.id}`, 'soa_entry:A.5.2'] });
  const blob = join(srv.dataDir, 'evidence', orgId, 'sha256', ev.sha256.slice(0, 2), ev.sha256.slice(2, 4), ev.sha256);
  const sysKey = encodeURIComponent(`system:${system.id}`);
  assert.equal((await c('DELETE', `${EV}/${ev.id}/links/${sysKey}`)).status, 204);
  assertProblem(await c('DELETE', `${EV}/${ev.id}/links/${sysKey}`), 404);
  assert.ok(existsSync(blob), 'the file stays while the SoA entry links to it');
  assert.ok(!assertJson(await c('GET', `${EV}?linked_to=${sysKey}`)).items.some((e) => e.id === ev.id));
  assert.ok(assertJson(await c('GET', `${EV}?linked_to=soa_entry:A.5.2`)).items.some((e) => e.id === ev.id));
  assert.deepEqual(Buffer.from(await (await fetch(`${srv.url}${EV}/${ev.id}/content`, { headers: { cookie: (await login(srv.url, srv.admin.email, srv.admin.password)).cookie } })).arrayBuffer()), bytes);
  let p = assertProblem(await c('DELETE', `${EV}/${ev.id}`, { headers: { 'if-match': await etag(ev.id) } }), 409);
  assert.match(p.detail, /linked to 1 record/);
  assert.ok(existsSync(blob));
  assert.equal((await c('DELETE', `${EV}/${ev.id}/links/soa_entry:A.5.2`)).status, 204);
  assert.ok(existsSync(blob), 'unlinking the last link keeps the file: deleting is a decision of its own');
  // Contributors cannot delete; managers can.
  assertProblem(await as.contributor('DELETE', `${EV}/${ev.id}`, { headers: { 'if-match': await etag(ev.id) } }), 403);
  assert.equal((await as.manager('DELETE', `${EV}/${ev.id}`, { headers: { 'if-match': await etag(ev.id) } })).status, 204);
  assert.ok(!existsSync(blob), 'the file is removed with its last evidence');
  const tomb = assertJson(await c('GET', `${EV}/${ev.id}`));
  assert.equal(tomb.deleted, true);
  assert.equal(tomb.deleted_by, 'manager@acme.test');
  p = assertProblem(await c('GET', `${EV}/${ev.id}/content`), 404);
  assert.match(p.detail, /deleted/);
  assertProblem(await c('PATCH', `${EV}/${ev.id}`, { json: { title: 'x' }, headers: { 'if-match': await etag(ev.id) } }), 409);
  assertProblem(await c('POST', `${EV}/${ev.id}/links`, { json: { target: 'soa_entry:A.5.2' } }), 409);
  assert.ok(!assertJson(await c('GET', EV)).items.some((e) => e.id === ev.id), 'deleted evidence is not listed by default');
  assert.ok(assertJson(await c('GET', `${EV}?deleted=true`)).items.some((e) => e.id === ev.id));
  assert.deepEqual((await events(ev.id)).map((e) => [e.action, e.actor]), [
    ['upload', srv.admin.email], ['link', srv.admin.email], ['link', srv.admin.email], ['unlink', srv.admin.email],
    ['download', srv.admin.email], ['unlink', srv.admin.email], ['delete', 'manager@acme.test'],
  ]);
  // The same bytes again: a new evidence record and a new blob.
  const anew = await uploaded('unlink.txt', bytes);
  assert.notEqual(anew.id, ev.id);
  assert.ok(existsSync(blob));
});

// ---- download -------------------------------------------------------------------------------------

test('downloads are attachments with nosniff and a sandboxing CSP; HTML and SVG go out as octet-stream', async () => {
  const html = Buffer.from('<!DOCTYPE html><html><body><script>document.title="ran"</script><h1>Rendered</h1></body></html>');
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="5"/></svg>');
  const cases = [
    ['page.html', html, 'application/octet-stream'],
    ['drawing.svg', svg, 'application/octet-stream'],
    ['Prüfbericht "final".pdf', Buffer.concat([PDF, Buffer.from(`% ${Date.now()}\n`)]), 'application/pdf'],
  ];
  const auth = await login(srv.url, srv.admin.email, srv.admin.password);
  for (const [name, bytes, type] of cases) {
    const ev = await uploaded(name, bytes);
    const r = await c('GET', `${EV}/${ev.id}/content`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), type, name);
    const cd = r.headers.get('content-disposition');
    assert.match(cd, /^attachment; /, name);
    assert.ok(cd.includes(`filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase())}`), cd);
    assert.ok(!/[^\x20-\x7e]/.test(cd), 'the header is ASCII');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.match(r.headers.get('content-security-policy'), /default-src 'none'/);
    assert.match(r.headers.get('content-security-policy'), /\bsandbox\b/);
    assert.equal(r.headers.get('etag'), `"${ev.sha256}"`);
    assert.equal(r.headers.get('content-length'), String(bytes.length));
    const raw = await fetch(`${srv.url}${EV}/${ev.id}/content`, { headers: { cookie: auth.cookie } });
    assert.deepEqual(Buffer.from(await raw.arrayBuffer()), bytes, `${name}: the bytes as uploaded`);
  }
});

test('a 40 MiB upload streams through without the server holding it in memory, and downloads identically', async () => {
  const big = await startServer();
  try {
    const auth = await login(big.url, big.admin.email, big.admin.password);
    const bc = client(big.url, auth);
    const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${big.pid}/status`, 'utf8'))[1]);
    assertJson(await bc('GET', '/api/v1/me'));
    const before = hwm();
    const bytes = Buffer.alloc(40 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32LE((i * 2654435761) >>> 0, i);
    bytes.write('%PDF-1.4\n', 0);
    const ev = assertJson(await upload(bc, 'large.pdf', bytes), 201);
    assert.equal(ev.size, bytes.length);
    assert.equal(ev.sha256, sha256(bytes));
    const res = await fetch(`${big.url}${EV}/${ev.id}/content`, { headers: { cookie: auth.cookie } });
    assert.equal(res.status, 200);
    const hash = createHash('sha256');
    for await (const chunk of res.body) hash.update(chunk);
    assert.equal(hash.digest('hex'), ev.sha256);
    const grown = hwm() - before;
    assert.ok(grown < 16 * 1024, `the server's peak memory grew by ${grown} kB for a 40 MiB upload and download`);
  } finally {
    await big.stop();
  }
});

// ---- custody and freshness ------------------------------------------------------------------------

test('the chain of custody records upload, link, unlink, change, download and deletion with actor and time', async () => {
  const ev = await uploaded('custody.txt', Buffer.from(`custody ${Date.now()}`), {}, as.contributor);
  assertJson(await as.contributor('POST', `${EV}/${ev.id}/links`, { json: { target: 'soa_entry:A.7.2' } }), 201);
  assertJson(await as.contributor('PATCH', `${EV}/${ev.id}`, { json: { owner: 'Data team' }, headers: { 'if-match': await etag(ev.id) } }));
  assert.equal((await as.viewer('GET', `${EV}/${ev.id}/content`)).status, 200);
  assert.equal((await as.auditor('GET', `${EV}/${ev.id}/content`)).status, 200);
  assert.equal((await as.contributor('DELETE', `${EV}/${ev.id}/links/soa_entry:A.7.2`)).status, 204);
  assert.equal((await as.manager('DELETE', `${EV}/${ev.id}`, { headers: { 'if-match': await etag(ev.id) } })).status, 204);
  const list = await events(ev.id, as.auditor);
  assert.deepEqual(list.map((e) => [e.seq, e.action, e.actor]), [
    [1, 'upload', 'contributor@acme.test'], [2, 'link', 'contributor@acme.test'], [3, 'update', 'contributor@acme.test'],
    [4, 'download', 'viewer@acme.test'], [5, 'download', 'auditor@acme.test'], [6, 'unlink', 'contributor@acme.test'],
    [7, 'delete', 'manager@acme.test'],
  ]);
  for (const e of list) assert.match(e.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  const page = assertJson(await c('GET', `${EV}/${ev.id}/events?limit=3`));
  assert.deepEqual(page.items.map((e) => e.seq), [1, 2, 3]);
  const rest = assertJson(await c('GET', `${EV}/${ev.id}/events?limit=3&cursor=${page.next}`));
  assert.deepEqual(rest.items.map((e) => e.seq), [4, 5, 6]);
  assertProblem(await c('GET', `${EV}/${ev.id}/events?limit=0`), 400);
});

test('freshness: expired and expiring evidence are counted, listed and filterable', async () => {
  const tag = `fresh-${Date.now()}`;
  const make = (name, expires_on) => uploaded(`${tag}-${name}.txt`, Buffer.from(`${tag} ${name}`), expires_on ? { expires_on } : {});
  const expired = await make('expired', day(-3));
  const soon = await make('soon', day(5));
  const today = await make('today', day(0));
  const later = await make('later', day(90));
  const none = await make('none');
  assert.deepEqual([expired, soon, today, later, none].map((e) => e.freshness), ['expired', 'expiring', 'expiring', 'current', 'no_expiry']);
  const f = assertJson(await c('GET', `${EV}/freshness`));
  assert.equal(f.within_days, 30);
  assert.equal(f.as_of, day(0));
  assert.ok(f.expired.some((e) => e.id === expired.id));
  assert.deepEqual(f.expiring.filter((e) => e.title.startsWith(tag)).map((e) => e.id), [today.id, soon.id], 'soonest first');
  const all = assertJson(await c('GET', `${EV}?limit=500`)).items;
  assert.equal(f.counts.total, all.length);
  for (const k of ['expired', 'expiring', 'current', 'no_expiry']) assert.equal(f.counts[k], all.filter((e) => e.freshness === k).length, k);
  const ids = (list) => list.items.filter((e) => e.title.startsWith(tag)).map((e) => e.id);
  assert.deepEqual(ids(assertJson(await c('GET', `${EV}?expired=true&q=${tag}`))), [expired.id]);
  assert.deepEqual(ids(assertJson(await c('GET', `${EV}?expiring_within=30&q=${tag}&sort=expires_on`))), [today.id, soon.id]);
  assert.deepEqual(ids(assertJson(await c('GET', `${EV}?expiring_within=100&q=${tag}&sort=-expires_on`))), [later.id, soon.id, today.id]);
  assert.equal(assertJson(await c('GET', `${EV}/freshness?within_days=100`)).counts.expiring, f.counts.expiring + 1);
  assertProblem(await c('GET', `${EV}/freshness?within_days=-1`), 400);
  assertProblem(await c('GET', `${EV}?expiring_within=x`), 400);
  assertProblem(await c('GET', `${EV}?expired=maybe`), 400);
});

test('lists page with a cursor without gaps or repeats, sort and filter', async () => {
  const tag = `page-${Date.now()}`;
  const made = [];
  for (let i = 0; i < 5; i++) made.push(await uploaded(`${tag}-${i}.txt`, Buffer.from(`${tag} ${i}`), { owner: i % 2 ? 'Odd Owner' : 'Even Owner', classification: i === 0 ? 'public' : 'internal' }));
  const seen = [];
  let next = '';
  for (;;) {
    const page = assertJson(await c('GET', `${EV}?q=${tag}&limit=2&sort=title${next ? `&cursor=${next}` : ''}`));
    assert.equal(page.total, 5);
    seen.push(...page.items.map((e) => e.id));
    if (!page.next) break;
    next = page.next;
  }
  assert.deepEqual(seen, made.map((e) => e.id));
  assert.equal(assertJson(await c('GET', `${EV}?q=${tag}&owner=odd%20owner`)).total, 2);
  assert.equal(assertJson(await c('GET', `${EV}?q=${tag}&classification=public`)).items[0].id, made[0].id);
  assert.deepEqual(assertJson(await c('GET', `${EV}?q=${tag}&sort=-number`)).items.map((e) => e.id), [...made].reverse().map((e) => e.id));
  const p = assertProblem(await c('GET', `${EV}?sort=colour&limit=0&classification=x&cursor=zz`), 400);
  assert.deepEqual(p.errors.map((e) => e.field).sort(), ['classification', 'cursor', 'limit', 'sort']);
});

// ---- roles and tenancy ----------------------------------------------------------------------------

test('viewers and auditors read and download but every write is 403 and changes nothing; contributors cannot delete', async () => {
  const ev = await uploaded('roles.txt', Buffer.from(`roles ${Date.now()}`), { link: 'soa_entry:A.3.2' });
  for (const role of ['viewer', 'auditor']) {
    const who = as[role];
    assert.ok(assertJson(await who('GET', EV)).items.some((e) => e.id === ev.id));
    assertJson(await who('GET', `${EV}/${ev.id}`));
    assertJson(await who('GET', `${EV}/${ev.id}/links`));
    assertJson(await who('GET', `${EV}/freshness`));
    const before = await state();
    assertProblem(await upload(who, `${role}.txt`, Buffer.from(role)), 403);
    assertProblem(await who('PATCH', `${EV}/${ev.id}`, { json: { title: role }, headers: { 'if-match': await etag(ev.id) } }), 403);
    assertProblem(await who('POST', `${EV}/${ev.id}/links`, { json: { target: 'soa_entry:A.2.2' } }), 403);
    assertProblem(await who('DELETE', `${EV}/${ev.id}/links/soa_entry:A.3.2`), 403);
    assertProblem(await who('DELETE', `${EV}/${ev.id}`, { headers: { 'if-match': await etag(ev.id) } }), 403);
    assert.deepEqual(await state(), before, `${role}: a refused write changed something`);
  }
  const mine = await uploaded('contributor.txt', Buffer.from(`contributor ${Date.now()}`), {}, as.contributor);
  assertProblem(await as.contributor('DELETE', `${EV}/${mine.id}`, { headers: { 'if-match': '"v1"' } }), 403);
  // A viewer's API token is a viewer too.
  const t = aims(['token', 'create', '--data', srv.dataDir, '--email', 'viewer@acme.test', '--name', 'viewer']);
  assertProblem(await upload(client(srv.url, { token: t.stdout.trim() }), 'token.txt', Buffer.from('t')), 403);
});

test("another organization's evidence is 404 on every route, never listed, never linkable, and its file unreachable", async () => {
  const ev = await uploaded('secret.txt', Buffer.from(`acme secret ${Date.now()}`), { link: `system:${system.id}` });
  const before = await state();
  const otherBefore = await state(otherAdmin);
  const id = ev.id;
  const calls = [
    ['GET', `${EV}/${id}`],
    ['PATCH', `${EV}/${id}`, { json: { title: 'Hijacked' }, headers: { 'if-match': '"v1"' } }],
    ['DELETE', `${EV}/${id}`, { headers: { 'if-match': '"v1"' } }],
    ['GET', `${EV}/${id}/content`],
    ['GET', `${EV}/${id}/links`],
    ['POST', `${EV}/${id}/links`, { json: { target: 'soa_entry:A.2.2' } }],
    ['DELETE', `${EV}/${id}/links/${encodeURIComponent(`system:${system.id}`)}`],
    ['GET', `${EV}/${id}/events`],
  ];
  for (const [method, path, opts] of calls) {
    const p = assertProblem(await otherAdmin(method, path, opts), 404);
    assert.ok(!p.detail.includes('secret'), `${method} ${path} reveals the record`);
  }
  const list = assertJson(await otherAdmin('GET', `${EV}?deleted=all&q=secret`));
  assert.equal(list.total, 0);
  assert.equal(assertJson(await otherAdmin('GET', `${EV}?linked_to=${encodeURIComponent(`system:${system.id}`)}`)).total, 0);
  assert.equal(assertJson(await otherAdmin('GET', `${EV}/freshness`)).counts.total, otherBefore.items.length);
  // B cannot link its evidence to A's records, and the same bytes in B are B's own file.
  assertProblem(await upload(otherAdmin, 'b.txt', Buffer.from('b'), { link: `system:${system.id}` }), 422);
  const mine = assertJson(await upload(otherAdmin, 'copy.txt', Buffer.from(readFileSync(join(srv.dataDir, 'evidence', orgId, 'sha256', ev.sha256.slice(0, 2), ev.sha256.slice(2, 4), ev.sha256)))), 201);
  assert.notEqual(mine.id, id, 'de-duplication never crosses organizations');
  assert.ok(blobFiles().some((f) => f.startsWith('org_') && !f.startsWith(orgId) && f.endsWith(ev.sha256)));
  assert.deepEqual((await state()).items, before.items);
  assert.equal(assertJson(await c('GET', `${EV}/${id}`)).title, 'secret');
  assert.ok(statSync(join(srv.dataDir, 'evidence', orgId)).isDirectory());
});

test('acknowledged uploads survive SIGKILL: the record and the identical bytes are there after a restart', async () => {
  const first = await startServer({ keepData: true });
  const { dataDir, admin } = first;
  try {
    const fc = client(first.url, await login(first.url, admin.email, admin.password));
    const files = Array.from({ length: 6 }, (_, i) => Buffer.from(`durable evidence ${i} ${'x'.repeat(i * 50000)}\n`));
    const stored = await Promise.all(files.map(async (bytes, i) => assertJson(await upload(fc, `durable-${i}.txt`, bytes), 201)));
    await first.kill();
    const second = await startServer({ dataDir, keepData: true });
    try {
      const auth = await login(second.url, admin.email, admin.password);
      const sc = client(second.url, auth);
      assert.equal(assertJson(await sc('GET', EV)).total, files.length);
      for (const [i, ev] of stored.entries()) {
        const res = await fetch(`${second.url}${EV}/${ev.id}/content`, { headers: { cookie: auth.cookie } });
        assert.equal(res.status, 200, `${ev.id} after the restart`);
        assert.deepEqual(Buffer.from(await res.arrayBuffer()), files[i]);
      }
      assert.deepEqual(readdirSync(join(dataDir, 'evidence', 'tmp')), [], 'no upload left half-written');
    } finally {
      await second.stop();
    }
  } finally {
    await first.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
