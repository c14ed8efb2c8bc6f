// aims certification evidence-index against a real server: the index as text and JSON, narrowed
// to one clause, and its export for the certification body as CSV on standard output and as a
// PDF written to a file (read back with pdftotext), each evidence file with its SHA-256; a bad
// format or filter is refused with its field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login } from '../lib/server.mjs';
import { client, assertJson, stopServer } from '../lib/http.mjs';
import { ok, failsWith, json, useServerEnv } from '../lib/cli.mjs';

let srv, env, ev, sha;

before(async () => {
  srv = await startServer();
  env = useServerEnv(srv);
  const c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  const bytes = Buffer.from(`cli evidence index ${Date.now()}`);
  sha = createHash('sha256').update(bytes).digest('hex');
  const qs = new URLSearchParams({ filename: 'records policy.txt', title: 'Records policy', link: 'catalog_item:iso42001:7.5.3' });
  ev = assertJson(await c('POST', `/api/v1/evidence?${qs}`, { body: bytes, headers: { 'content-type': 'application/octet-stream' } }), 201);
});
after(async () => {
  env.restore();
  await stopServer(srv);
});

test('evidence-index: text, JSON and one clause', () => {
  assert.match(ok(['certification', 'evidence-index']).stdout, /^7\.5\.3 {2}.*: \d+ record\(s\), 1 evidence file\(s\)$/m);
  const one = json(['certification', 'evidence-index', '--requirement', '7.5.3']);
  assert.deepEqual(one.items.map((i) => i.id), ['7.5.3']);
  assert.equal(one.items[0].evidence[0].sha256, sha);
  const none = json(['certification', 'evidence-index', '--supported', 'false', '--area', 'controls']);
  assert.ok(none.items.every((i) => i.area === 'controls' && !i.supported));
});

test('evidence-index --format: CSV on standard output, the PDF to a file; refusals name the field', () => {
  const csv = ok(['certification', 'evidence-index', '--format', 'csv', '--requirement', '7.5.3']).stdout.replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/);
  assert.equal(lines[0], 'area,requirement,title,supported,source,id,name,sha256,date,link');
  assert.ok(lines.slice(1).every((l) => l.startsWith('clauses,7.5.3,')));
  assert.ok(lines.some((l) => l.includes(`,evidence,${ev.number},Records policy (records policy.txt),${sha},${ev.uploaded_at},/evidence/${ev.id}`)), csv);
  const dir = mkdtempSync(join(tmpdir(), 'aims-certification-cli-'));
  try {
    const file = join(dir, 'index.pdf');
    assert.match(ok(['certification', 'evidence-index', '--format', 'pdf', '-o', file]).stdout, /^Wrote .*index\.pdf \(\d+ bytes\)/);
    assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
    const text = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /Stage 2 evidence index: /);
    assert.ok(text.stdout.replace(/\s+/g, '').includes(`SHA-256${sha}`), 'the file with its SHA-256');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.match(failsWith(['certification', 'evidence-index', '--format', 'docx'], 1).stderr, /format/);
  assert.match(failsWith(['certification', 'evidence-index', '--supported', 'maybe'], 1).stderr, /supported/);
});
