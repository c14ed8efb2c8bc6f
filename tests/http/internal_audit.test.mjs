// Internal audits (docs/internal-audit.md): the audit kind's rules (status only through the
// workflow, dates in order, clause ids), the checklist generated from the catalog and the SoA
// (an excluded control skipped with its reason), rows paged by the store with their evidence and
// records checked, findings and requests, a reproducible sample, the report and the two sign-offs
// that freeze the audit (409 afterwards) with the report's SHA-256 in the audit log, the PDF, the
// independence warnings, the programme's coverage, who may do what (403, nothing changed), bad
// input (400/422, nothing changed) and another organization (404). The record contract covers the rest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { assertProblem, assertJson, stopServer } from '../lib/http.mjs';
import { roleClients } from '../lib/fixture.mjs';

const PW = 'internal audit tests password';
const IA = '/api/v1/internal-audits';
let srv, c, as, other, me, ids;

const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
const ifMatch = (v) => ({ 'if-match': `"v${v}"` });

before(async () => {
  srv = await startServer();
  ({ c, as, other, me } = await roleClients(srv, PW, { name: 'Elsewhere', email: 'else@x.test' }));
  ids = {};
  for (const role of ['manager', 'contributor', 'auditor']) ids[role] = assertJson(await as[role]('GET', '/api/v1/me')).user.id;
});
after(() => stopServer(srv));

async function audit(extra = {}, who = c) {
  return assertJson(await who('POST', IA, { json: {
    title: 'Audit of risk management', clauses: '6.1', controls: ['A.5.2', 'A.10.4'], lead_auditor: ids.auditor,
    planned_start: day(1), planned_end: day(3), ...extra,
  } }), 201);
}
const get = async (a) => assertJson(await c('GET', `${IA}/${a.id}`));
const start = (a, who = as.auditor, version = a.version) => who('POST', `${IA}/${a.id}/start`, { headers: ifMatch(version) });
const rows = async (a, q = '') => assertJson(await c('GET', `${IA}/${a.id}/checklist?limit=500${q}`));
const row = (a, id, body, version = 1, who = as.auditor) => who('PATCH', `${IA}/${a.id}/checklist/${id}`, { json: body, headers: ifMatch(version) });
const history = async (a) => assertJson(await c('GET', `${IA}/${a.id}/history`)).items.length;

test('an audit starts planned, its dates are in order and its clauses are clauses; status changes only through the workflow', async () => {
  for (const [body, field] of [
    [{ status: 'in_progress' }, 'status'],
    [{ planned_start: day(5), planned_end: day(2) }, 'planned_end'],
    [{ actual_start: day(5), actual_end: day(2) }, 'actual_end'],
    [{ clauses: '6.1, 11' }, 'clauses'],
    [{ controls: ['A.99'] }, 'controls'],
    [{ lead_auditor: 'nobody' }, 'lead_auditor'],
  ]) {
    const before = assertJson(await c('GET', `${IA}?limit=500`)).total;
    const p = assertProblem(await c('POST', IA, { json: { title: 'Bad', lead_auditor: ids.auditor, planned_start: day(1), ...body } }), 422);
    assert.ok(p.errors.some((e) => e.field === field), JSON.stringify(p.errors));
    assert.equal(assertJson(await c('GET', `${IA}?limit=500`)).total, before);
  }
  const a = await audit();
  assert.equal(a.status, 'planned');
  assert.equal(a.id.startsWith('IA-'), true);
  assertProblem(await c('PATCH', `${IA}/${a.id}`, { json: { status: 'reported' }, headers: ifMatch(a.version) }), 409);
  assert.equal((await get(a)).status, 'planned');
  const cancelled = assertJson(await c('PATCH', `${IA}/${a.id}`, { json: { status: 'cancelled' }, headers: ifMatch(a.version) }));
  assert.equal(cancelled.status, 'cancelled');
  assertProblem(await start(cancelled, as.auditor, cancelled.version), 409);
});

test('who may conduct audits: admin, manager and auditor; contributors and viewers may only read (403, nothing changed)', async () => {
  for (const role of ['contributor', 'viewer'])
    assertProblem(await as[role]('POST', IA, { json: { title: 'X', lead_auditor: ids.auditor, planned_start: day(1), clauses: '4' } }), 403);
  const mine = await audit({}, as.auditor);
  assert.equal(mine.created_by, 'auditor@acme.test');
  await audit({}, as.manager);
  const a = await audit();
  const n = await history(a);
  for (const role of ['contributor', 'viewer']) assertProblem(await start(a, as[role]), 403);
  assert.equal(await history(a), n);
  assertJson(await as.viewer('GET', `${IA}/${a.id}/checklist`));
});

test('start generates the checklist from the catalog and the SoA: leaf clauses and controls in order, the excluded control skipped with its reason', async () => {
  const soa = await c('PATCH', '/api/v1/soa/entries/A.10.4', {
    json: { applicable: false, justification: 'We sell no AI products to customers.' }, headers: { 'if-match': '"v0"' },
  });
  assert.equal(soa.status, 200, soa.text);
  const a = await audit();
  assertProblem(await c('POST', `${IA}/${a.id}/start`), 428);
  assertProblem(await start(a, as.auditor, a.version + 1), 412);
  assertProblem(await other('POST', `${IA}/${a.id}/start`, { headers: ifMatch(a.version) }), 404);
  const started = assertJson(await start(a));
  assert.equal(started.status, 'in_progress');
  assert.equal(started.actual_start, new Date().toISOString().slice(0, 10));
  assert.equal(started.checklist_rows, 5);
  const list = await rows(a);
  assert.deepEqual(list.items.map((r) => r.id), ['6.1.1', '6.1.2', '6.1.3', '6.1.4', 'A.5.2']);
  assert.equal(list.total, 5);
  assert.deepEqual(list.skipped.map((s) => [s.id, s.reason]), [['A.10.4', 'We sell no AI products to customers.']]);
  assert.ok(list.items.every((r) => r.result === null && r.version === 1 && r.audit_id === a.id));
  assertProblem(await start(started, as.auditor, started.version), 409);

  // Paged by the store: two by two, the cursor continues, a bad parameter is a 400.
  const first = assertJson(await c('GET', `${IA}/${a.id}/checklist?limit=2`));
  assert.deepEqual(first.items.map((r) => r.id), ['6.1.1', '6.1.2']);
  const second = assertJson(await c('GET', `${IA}/${a.id}/checklist?limit=2&cursor=${first.next}`));
  assert.deepEqual(second.items.map((r) => r.id), ['6.1.3', '6.1.4']);
  for (const q of ['limit=0', 'limit=x', 'result=great', 'cursor=zzz', 'sort=title'])
    assertProblem(await c('GET', `${IA}/${a.id}/checklist?${q}`), 400);
  assertProblem(await other('GET', `${IA}/${a.id}/checklist`), 404);
  assertProblem(await c('GET', `${IA}/IA-999/checklist`), 404);

  const noScope = await audit({ clauses: null, controls: [] });
  assertProblem(await start(noScope), 409);
});

test('a checklist row records what was examined, evidence and records seen (checked in the organization) and its result', async () => {
  const a = await audit();
  assertJson(await start(a));
  const sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Audited system', purpose: 'Scores' } }), 201);
  const risk = assertJson(await c('POST', '/api/v1/risks', { json: { title: 'Audited risk', inherent_likelihood: 2, inherent_impact: 2, status: 'open', owner: 'Ann' } }), 201);
  for (const [body, field] of [
    [{ evidence_ids: ['EV-999'] }, 'evidence_ids'],
    [{ record_refs: ['R-999'] }, 'record_refs'],
    [{ record_refs: ['nothing'] }, 'record_refs'],
    [{ result: 'great' }, 'result'],
    [{ verdict: 'x' }, 'verdict'],
  ]) {
    const p = assertProblem(await row(a, '6.1.2', body), 422);
    assert.ok(p.errors.some((e) => e.field === field), JSON.stringify(p.errors));
  }
  assert.equal((await rows(a)).items[1].version, 1);
  assertProblem(await row(a, '6.1.2', { result: 'conforming' }, 1, as.contributor), 403);
  assertProblem(await row(a, '9.9', { result: 'conforming' }), 404);
  assertProblem(await other('PATCH', `${IA}/${a.id}/checklist/6.1.2`, { json: { result: 'ofi' }, headers: ifMatch(1) }), 404);
  const r = await row(a, '6.1.2', { examined: 'The register', record_refs: [risk.id, sys.id], result: 'nc_raised' });
  const done = assertJson(r);
  assert.equal(r.headers.get('etag'), '"v2"');
  assert.deepEqual(done.record_refs, [risk.id, sys.id]);
  assert.equal(done.result, 'nc_raised');
  assertProblem(await row(a, '6.1.2', { result: 'ofi' }, 1), 412);
  assert.deepEqual((await rows(a, '&result=nc_raised')).items.map((x) => x.id), ['6.1.2']);
  assert.equal((await rows(a, '&result=none')).total, 4);
});

test('findings name a clause or control of the catalog and an NC by its number; requests have an auditee and a due date', async () => {
  const a = await audit();
  for (const [body, field] of [[{ requirement: '11.1' }, 'requirement'], [{ nc_id: 'X-1' }, 'nc_id'], [{ type: 'fatal' }, 'type'], [{ audit_id: 'IA-999' }, 'audit_id']]) {
    const p = assertProblem(await c('POST', '/api/v1/audit-findings', { json: {
      audit_id: a.id, type: 'minor_nc', requirement: '6.1.2', title: 'F', description: 'D', ...body } }), 422);
    assert.ok(p.errors.some((e) => e.field === field), JSON.stringify(p.errors));
  }
  const f = assertJson(await as.auditor('POST', '/api/v1/audit-findings', { json: {
    audit_id: a.id, type: 'major_nc', requirement: 'A.5.2', title: 'No impact assessment process', description: 'None found.' } }), 201);
  assert.match(f.id, /^AF-\d+$/);
  assertProblem(await as.contributor('POST', '/api/v1/audit-findings', { json: { audit_id: a.id, type: 'ofi', requirement: '6.1', title: 'X', description: 'Y' } }), 403);
  const linked = assertJson(await c('PATCH', `/api/v1/audit-findings/${f.id}`, { json: { nc_id: 'NC-3' }, headers: ifMatch(f.version) }));
  assert.equal(linked.nc_id, 'NC-3');
  const found = assertJson(await c('GET', `/api/v1/audit-findings?audit_id=${a.id}&type=major_nc`));
  assert.deepEqual(found.items.map((x) => x.id), [f.id]);
  const p = assertProblem(await c('POST', '/api/v1/audit-requests', { json: { audit_id: a.id, title: 'Send logs', owner: ids.manager, due_date: day(3), status: 'answered' } }), 422);
  assert.ok(p.errors.some((e) => e.field === 'answer'));
  const rfi = assertJson(await c('POST', '/api/v1/audit-requests', { json: { audit_id: a.id, title: 'Send logs', owner: ids.manager, due_date: day(3) } }), 201);
  assert.match(rfi.id, /^RFI-\d+$/);
  assert.equal(rfi.status, 'open');
  // The auditee the request is for answers it, whatever their role; others may not (403).
  const answer = (who, body, version = rfi.version) => who('POST', `/api/v1/audit-requests/${rfi.id}/answer`, { json: body, headers: ifMatch(version) });
  assertProblem(await answer(as.contributor, { answer: 'Here.' }), 403);
  assertProblem(await answer(as.manager, {}), 422);
  assertProblem(await answer(as.manager, { answer: 'Here.' }, rfi.version + 1), 412);
  assertProblem(await other('POST', `/api/v1/audit-requests/${rfi.id}/answer`, { json: { answer: 'x' }, headers: ifMatch(rfi.version) }), 404);
  const answered = assertJson(await answer(as.manager, { answer: 'The logs are in EV-1.' }));
  assert.equal(answered.status, 'answered');
  assert.equal(answered.answer, 'The logs are in EV-1.');
  assertProblem(await answer(as.manager, { answer: 'Again.' }, answered.version), 409);
});

test('a sample is drawn reproducibly from its seed, from numbered items or the AI systems in scope', async () => {
  const systems = [];
  for (let i = 0; i < 5; i++) systems.push(assertJson(await c('POST', '/api/v1/systems', { json: { name: `Sampled system ${i}`, purpose: 'Scores' } }), 201).id);
  const one = assertJson(await start(await audit({ system_ids: systems })));
  const two = assertJson(await start(await audit({ system_ids: systems })));
  const draw = (a, body, who = as.auditor) => who('POST', `${IA}/${a.id}/samples`, { json: body, headers: ifMatch(a.version) });
  const numbered = { population: '47 change requests of the year', population_count: 47, method: 'Simple random', sample_size: 5, seed: 42 };
  for (const [body, field] of [
    [{ ...numbered, sample_size: 48 }, 'sample_size'],
    [{ ...numbered, population_count: undefined }, 'population_count'],
    [{ ...numbered, seed: -1 }, 'seed'],
    [{ ...numbered, row: '9.9' }, 'row'],
    [{ ...numbered, method: '' }, 'method'],
  ]) {
    const p = assertProblem(await draw(one, body), 422);
    assert.ok(p.errors.some((e) => e.field === field), JSON.stringify(p.errors));
  }
  assertProblem(await draw(one, numbered, as.contributor), 403);
  assert.equal((await get(one)).version, one.version);
  const a1 = assertJson(await draw(one, numbered), 201);
  const a2 = assertJson(await draw(two, numbered), 201);
  const items = (a) => a.samples.at(-1).items.map((x) => x.item);
  // splitmix64 with seed 42 and a partial Fisher–Yates shuffle of 47 items (0-based 31, 26, 20, 15, 5).
  assert.deepEqual(items(a1), ['32', '27', '21', '16', '6']);
  assert.deepEqual(items(a2), items(a1));
  const s1 = assertJson(await draw(a1, { population: 'AI systems in scope', draw_from: 'ai_systems', method: 'Simple random', sample_size: 3, seed: 2026, row: '6.1.2' }), 201);
  const s2 = assertJson(await draw(a2, { population: 'AI systems in scope', draw_from: 'ai_systems', method: 'Simple random', sample_size: 3, seed: 2026 }), 201);
  assert.equal(s1.samples.at(-1).population_count, 5);
  assert.deepEqual(items(s1), items(s2));
  assert.ok(items(s1).every((x) => systems.includes(x)));
  assert.equal(new Set(items(s1)).size, 3);
  const put = (a, n, results, version = a.version) => c('PUT', `${IA}/${a.id}/samples/${n}/results`, { json: { results }, headers: ifMatch(version) });
  assertProblem(await put(s1, 2, { nothing: 'conforming' }), 422);
  assertProblem(await put(s1, 2, { [items(s1)[0]]: 'fine' }), 422);
  assertProblem(await put(s1, 9, { [items(s1)[0]]: 'conforming' }), 404);
  const res = assertJson(await put(s1, 2, { [items(s1)[0]]: 'nonconforming' }));
  assert.equal(res.samples[1].items[0].result, 'nonconforming');
  assert.equal(res.samples[1].items[1].result, null);
});

test('report, then sign-off by the lead auditor and an auditee freezes the audit; the report SHA-256 is in the audit log; the PDF', async () => {
  const a = assertJson(await start(await audit({ team: [ids.manager] })));
  assertJson(await row(a, '6.1.1', { result: 'conforming', examined: 'The procedure' }));
  const f = assertJson(await c('POST', '/api/v1/audit-findings', { json: { audit_id: a.id, type: 'minor_nc', requirement: '6.1.1', title: 'Late review', description: 'One review was late.' } }), 201);
  const rfi = assertJson(await c('POST', '/api/v1/audit-requests', { json: { audit_id: a.id, title: 'Send the review plan', owner: ids.contributor, due_date: day(3) } }), 201);
  const sign = (x, body, who, version = x.version) => who('POST', `${IA}/${a.id}/signoffs`, { json: body, headers: ifMatch(version) });
  assertProblem(await sign(a, { as: 'lead_auditor' }, as.auditor), 409);  // not reported yet
  assertProblem(await c('POST', `${IA}/${a.id}/report`, { json: {}, headers: ifMatch(a.version) }), 422);
  assertProblem(await as.contributor('POST', `${IA}/${a.id}/report`, { json: { conclusion: 'x' }, headers: ifMatch(a.version) }), 403);
  const reported = assertJson(await as.auditor('POST', `${IA}/${a.id}/report`, { json: { conclusion: 'Conforms, with one minor nonconformity.' }, headers: ifMatch(a.version) }));
  assert.equal(reported.status, 'reported');
  assert.equal(reported.actual_end, new Date().toISOString().slice(0, 10));
  const draft = assertJson(await c('GET', `${IA}/${a.id}/report?format=json`));
  assert.equal(draft.frozen, false);
  assert.equal(draft.sha256, null);

  assertProblem(await sign(reported, { as: 'lead_auditor' }, c), 403);           // the admin is not the lead auditor
  assertProblem(await sign(reported, { as: 'auditee' }, as.manager), 403);       // a team member is no auditee
  assertProblem(await sign(reported, { as: 'auditee' }, as.viewer), 403);
  assertProblem(await sign(reported, { as: 'judge' }, as.auditor), 422);
  assertProblem(await other('POST', `${IA}/${a.id}/signoffs`, { json: { as: 'auditee' }, headers: ifMatch(reported.version) }), 404);
  const first = assertJson(await sign(reported, { as: 'lead_auditor', statement: 'I confirm the report.' }, as.auditor));
  assert.equal(first.status, 'reported');
  assert.equal(first.signoffs.length, 1);
  assertProblem(await sign(first, { as: 'lead_auditor' }, as.auditor), 409);
  const frozen = assertJson(await sign(first, { as: 'auditee' }, as.contributor));
  assert.equal(frozen.status, 'signed_off');
  assert.deepEqual(frozen.signoffs.map((s) => [s.as, s.email]), [['lead_auditor', 'auditor@acme.test'], ['auditee', 'contributor@acme.test']]);
  assert.match(frozen.report_sha256, /^[0-9a-f]{64}$/);

  // The audit log entry of the frozen report holds the report's SHA-256.
  const entries = assertJson(await c('GET', '/api/v1/audit/entries?order=newest&limit=100')).items;
  const entry = entries.find((e) => e.record_id === `${a.id}/REPORT`);
  assert.ok(entry, JSON.stringify(entries.slice(0, 3)));
  assert.equal(entry.content_sha256, frozen.report_sha256);
  const rep = assertJson(await c('GET', `${IA}/${a.id}/report?format=json`));
  assert.equal(rep.frozen, true);
  assert.equal(rep.sha256, frozen.report_sha256);
  assert.deepEqual(rep.findings.map((x) => x.id), [f.id]);
  assert.equal(rep.checklist.by_result.conforming, 1);
  assert.equal(rep.checklist.by_result.not_recorded, 4);

  // Frozen: the audit, its rows, findings and requests cannot change (409), nothing is stored.
  const n = await history(a);
  assertProblem(await c('PATCH', `${IA}/${a.id}`, { json: { objectives: 'Changed' }, headers: ifMatch(frozen.version) }), 409);
  assertProblem(await c('POST', `${IA}/${a.id}/archive`, { headers: ifMatch(frozen.version) }), 409);
  assertProblem(await row(a, '6.1.2', { result: 'ofi' }), 409);
  assertProblem(await c('PATCH', `/api/v1/audit-findings/${f.id}`, { json: { description: 'Changed' }, headers: ifMatch(f.version) }), 409);
  assertProblem(await c('POST', '/api/v1/audit-findings', { json: { audit_id: a.id, type: 'ofi', requirement: '6.1.1', title: 'Late', description: 'Added later.' } }), 409);
  assertProblem(await c('PATCH', `/api/v1/audit-requests/${rfi.id}`, { json: { status: 'closed' }, headers: ifMatch(rfi.version) }), 409);
  assertProblem(await as.contributor('POST', `/api/v1/audit-requests/${rfi.id}/answer`, { json: { answer: 'Late.' }, headers: ifMatch(rfi.version) }), 409);
  assertProblem(await sign(frozen, { as: 'auditee' }, as.manager), 409);
  assert.equal(await history(a), n);

  const pdf = await c('GET', `${IA}/${a.id}/report`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.ct, 'application/pdf');
  assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdf.headers.get('content-disposition'), /attachment; filename=/);
  assertProblem(await c('GET', `${IA}/${a.id}/report?format=xml`), 400);
  assertProblem(await other('GET', `${IA}/${a.id}/report`), 404);
});

test('independence: an auditor who owns an AI system in scope is warned about, not refused', async () => {
  const sys = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Owned by the auditor', purpose: 'Scores', owner: 'auditor@acme.test' } }), 201);
  const free = assertJson(await c('POST', '/api/v1/systems', { json: { name: 'Owned by someone else', purpose: 'Scores', owner: 'Dana' } }), 201);
  const a = await audit({ system_ids: [sys.id, free.id] });
  const w = assertJson(await c('GET', `${IA}/${a.id}/independence`));
  assert.deepEqual(w.warnings.map((x) => [x.auditor, x.kind, x.record]), [[ids.auditor, 'system', sys.id]]);
  const none = await audit({ system_ids: [free.id] });
  assert.deepEqual(assertJson(await c('GET', `${IA}/${none.id}/independence`)).warnings, []);
  assertProblem(await other('GET', `${IA}/${a.id}/independence`), 404);
});

test('coverage of the three-year cycle: every leaf clause and applicable control, the audits covering it, the gaps flagged', async () => {
  const year = new Date().getUTCFullYear();
  const fresh = assertJson(await other('GET', '/api/v1/audit-programme/coverage'));
  assert.equal(fresh.cycle_start, year);
  assert.equal(fresh.uncovered, fresh.requirements);
  assert.equal(fresh.items.filter((i) => i.kind === 'clause').length, 32);
  assert.equal(fresh.items.filter((i) => i.kind === 'control').length, 38);
  const a = await audit({ clauses: '9', controls: ['A.8.4'] });
  const cov = assertJson(await c('GET', `/api/v1/audit-programme/coverage?cycle_start=${year}`));
  const item = (id) => cov.items.find((i) => i.id === id);
  assert.ok(item('9.2.1').audits.some((x) => x.id === a.id));
  assert.equal(item('9.2.1').covered, true);
  assert.equal(item('A.8.4').covered, true);
  assert.equal(item('A.10.4').applicable, false);
  assert.equal(item('A.10.4').covered, null);
  assert.equal(item('4.1').covered, false);
  assert.equal(cov.uncovered, cov.items.filter((i) => i.covered === false).length);
  const later = assertJson(await c('GET', `/api/v1/audit-programme/coverage?cycle_start=${year + 3}`));
  assert.equal(later.audits.length, 0);
  for (const q of ['cycle_start=1999', 'cycle_start=x', 'year=2026']) assertProblem(await c('GET', `/api/v1/audit-programme/coverage?${q}`), 400);
});
