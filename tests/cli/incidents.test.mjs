// aims incident create|qualify|report|clocks|export against a real server: an incident of a
// high-risk system the organization provides, qualified as serious, its clocks as a table and the
// board, an initial report that meets the 15-day clock, the server's refusals reported with their
// field, and the export as JSON and PDF (with the readiness checklist's PDF beside it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login } from '../lib/server.mjs';
import { client, assertJson, stopServer } from '../lib/http.mjs';
import { ok, failsWith, json, useServerEnv } from '../lib/cli.mjs';
import { complete, PRESETS } from '../lib/euact.mjs';

let srv, env, sys;

before(async () => {
  srv = await startServer();
  env = useServerEnv(srv);
  const c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Ranker', purpose: 'Ranks applications' } }), 201);
  const questionnaire = assertJson(await c('GET', '/api/v1/eu-ai-act/questionnaire'));
  const answers = complete(questionnaire, { ...PRESETS.hr, roles: ['provider'] });
  assertJson(await c('PUT', `/api/v1/systems/${sys.id}/classification`, { json: { answers } }), 201);
});
after(async () => {
  env.restore();
  await stopServer(srv);
});

test('create, qualify, clocks, report and the board', () => {
  const aware = new Date(Date.now() - 2 * 86400000).toISOString();
  const made = json(['incident', 'create', '--title', 'Unfair ranking', '--system-id', sys.id, '--occurred-at',
    new Date(Date.now() - 3 * 86400000).toISOString(), '--became-aware-at', aware, '--description', 'Ranked a group last']);
  assert.equal(made.id, 'INC-1');
  const bad = failsWith(['incident', 'qualify', 'INC-1', '--category', 'x', '--causal-link', 'none', '--rationale', 'r'], 1);
  assert.match(bad.stderr, /harm_category/);
  const q = ok(['incident', 'qualify', 'INC-1', '--category', 'c', '--causal-link', 'established', '--rationale', 'Discrimination']).stdout;
  assert.match(q, /^INC-1 is a serious incident\./);
  assert.match(ok(['incident', 'clocks', 'INC-1']).stdout, /eu-ai-act-73-2\s+Art\. 73\(2\)\s+running\s+\S+\s+3\d\d h/);
  assert.match(ok(['incident', 'clocks']).stdout, /INC-1\s+Unfair ranking/);
  const r = ok(['incident', 'report', 'INC-1', '--type', 'initial', '--to', 'authority', '--recipient', 'MSA', '--sent-at',
    new Date(Date.now() - 3600000).toISOString(), '--content', 'First report']).stdout;
  assert.match(r, /^Recorded RPT-1 \(initial, to MSA\) of INC-1; sha256 [0-9a-f]{64}/);
  const clocks = json(['incident', 'clocks', 'INC-1']).clocks;
  assert.equal(clocks.find((c) => c.id === 'eu-ai-act-73-2').status, 'met');
  assert.match(ok(['incident', 'clocks']).stdout, /No incident has a reporting clock open\./);
  const again = failsWith(['incident', 'report', 'INC-1', '--type', 'initial', '--to', 'authority', '--recipient', 'MSA',
    '--sent-at', new Date().toISOString(), '--content', 'x'], 1);
  assert.match(again.stderr, /type/);
});

test('export: JSON on standard output, the PDF to a file; the readiness checklist as a PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aims-incident-cli-'));
  try {
    assert.equal(json(['incident', 'export', 'INC-1']).format, 'aims-incident/1');
    const file = join(dir, 'inc.pdf');
    assert.match(ok(['incident', 'export', 'INC-1', '--format', 'pdf', '-o', file]).stdout, /^Wrote .*inc\.pdf \(\d+ bytes\)/);
    const bytes = readFileSync(file);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /AI incident INC-1: Unfair ranking/);
    assert.match(text.stdout, /Art\. 73\(2\)/);
    failsWith(['incident', 'export', 'INC-1', '--format', 'docx'], 2);
    assert.match(failsWith(['incident', 'export', 'INC-99', '--format', 'pdf', '-o', file], 1).stderr, /INC-99|not found/i);
    const ready = join(dir, 'readiness.pdf');
    ok(['certification', 'readiness', '--format', 'pdf', '--status', 'missing', '-o', ready]);
    assert.equal(readFileSync(ready).subarray(0, 5).toString('latin1'), '%PDF-');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
