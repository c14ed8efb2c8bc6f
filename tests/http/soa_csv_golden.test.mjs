// The SoA CSV export against a golden file: a fixed set of entries, a dated assessment and a risk give
// exactly tests/golden/soa-export.csv (UPDATE_GOLDEN=1 rewrites it; review the diff).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, login } from '../lib/server.mjs';
import { client, assertJson, stopServer } from '../lib/http.mjs';

const GOLDEN = fileURLToPath(new URL('../golden/soa-export.csv', import.meta.url));
let srv, c;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
});
after(() => stopServer(srv));

test('the SoA CSV export matches the golden file', async () => {
  const a = assertJson(await c('POST', '/api/v1/assessments', {
    json: { name: 'Golden baseline', approach: 'annex_a', assessment_date: '2026-03-31' },
  }), 201);
  const answers = { 'A.2.2': { maturity: 3 }, 'A.5.2': { maturity: 1 }, 'A.10.4': { not_applicable: true, justification: 'No AI products for customers.' } };
  for (const [item, json] of Object.entries(answers))
    assertJson(await c('PUT', `/api/v1/assessments/${a.id}/answers/${item}`, { json }));
  // The SoA shows the answers of the latest completed assessment.
  assertJson(await c('PATCH', `/api/v1/assessments/${a.id}`, { json: { status: 'completed' }, headers: { 'if-match': '"v1"' } }));
  // Evidence is linked from the vault by id; the export names it by number and title.
  const qs = new URLSearchParams({ filename: 'procedure.txt', title: 'Impact assessment procedure v0.4' });
  const procedure = assertJson(await c('POST', `/api/v1/evidence?${qs}`, { body: Buffer.from('Procedure\n'), headers: { 'content-type': 'application/octet-stream' } }), 201);
  const entries = {
    'A.2.2': { implementation_status: 'implemented', owner: 'CISO', policy_refs: ['POL-1 AI policy', 'POL-2, data policy'], reasons: ['risk_treatment', 'legal_requirement'] },
    'A.5.2': { implementation_status: 'partial', owner: 'Risk "Team"', evidence: [procedure.id] },
    'A.6.2.4': { owner: '=cmd|calc', implementation_status: 'planned' },
    'A.10.4': { applicable: false, justification: 'No AI products are supplied to customers.\nServices only.' },
  };
  for (const [control, json] of Object.entries(entries))
    assertJson(await c('PATCH', `/api/v1/soa/entries/${control}`, { json, headers: { 'if-match': '"v0"' } }));
  // A risk whose treatment selects two controls: the last column names it.
  assertJson(await c('POST', '/api/v1/risks', {
    json: { title: 'Policy gaps', inherent_likelihood: 3, inherent_impact: 3, treatment: 'modify', planned_controls: ['A.2.2', 'A.6.2.4', 'Own policy review'] },
  }), 201);
  const r = await c('GET', '/api/v1/soa/export?format=csv');
  assert.equal(r.status, 200);
  assert.equal(r.ct, 'text/csv; charset=utf-8');
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, r.bytes);
  assert.deepEqual(r.bytes.subarray(0, 3), Buffer.from([0xef, 0xbb, 0xbf]), 'the export starts with a UTF-8 byte order mark');
  assert.equal(r.bytes.toString('utf8'), readFileSync(GOLDEN, 'utf8'), 'byte for byte, byte order mark included');
});
