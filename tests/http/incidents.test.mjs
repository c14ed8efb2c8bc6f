// AI incidents (docs/incidents.md): the incident kind's rules (timestamps with zones, Member
// States), the serious-incident qualification read from the saved EU AI Act classification, the
// clocks that follow, the report chain frozen with its SHA-256 in the audit log, the clocks board,
// awareness changed afterwards, who may do what (403, nothing changed), bad input (422, nothing
// changed), the export as JSON and as a PDF (its text read back with pdftotext) and another
// organization (404). The generic record contract covers the rest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, login, aims } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { complete, PRESETS } from '../lib/euact.mjs';

const PW = 'incident tests password';
const INC = '/api/v1/incidents';
let srv, c, as, other, questionnaire;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  as = await memberClients(srv, ['manager', 'contributor', 'auditor', 'viewer'], PW);
  const org = aims(['org', 'create', '--data', srv.dataDir, '--name', 'Elsewhere', '--admin-email', 'else@x.test'], PW + '\n');
  assert.equal(org.status, 0, org.stderr);
  other = client(srv.url, await login(srv.url, 'else@x.test', PW));
  questionnaire = assertJson(await c('GET', '/api/v1/eu-ai-act/questionnaire'));
});
after(() => stopServer(srv));

let n = 0;
/** A new AI system, classified with `roles` as high-risk (Annex III 4(a)) unless `answers` is null. */
async function system(roles = ['provider', 'deployer'], answers = { ...PRESETS.hr, roles }) {
  const s = assertJson(await c('POST', '/api/v1/systems', { json: { name: `Incident system ${++n}`, purpose: 'Ranks applications' } }), 201);
  if (answers) {
    const r = await c('PUT', `/api/v1/systems/${s.id}/classification`, { json: { answers: complete(questionnaire, answers) } });
    assert.ok([200, 201].includes(r.status), r.text);
  }
  return s;
}

const hoursAgo = (h) => new Date(Date.now() - h * 3600000).toISOString();

async function incident(sys, extra = {}, who = c) {
  return assertJson(await who('POST', INC, { json: {
    title: 'Applicants ranked unfairly', system_id: sys.id, occurred_at: hoursAgo(50), became_aware_at: hoursAgo(48),
    description: 'The ranking put applicants with a career gap last.', severity: 'high', ...extra,
  } }), 201);
}

const ifMatch = (v) => ({ 'if-match': `"v${v}"` });
const qualify = (inc, body, who = c, version = inc.version) =>
  who('POST', `${INC}/${inc.id}/qualification`, { json: body, headers: ifMatch(version) });
const SERIOUS = { harm_category: 'c', causal_link: 'established', rationale: 'Discrimination by a high-risk system.' };
const report = (inc, body, version, who = c) => who('POST', `${INC}/${inc.id}/reports`, { json: body, headers: ifMatch(version) });
const initial = (extra = {}) => ({ type: 'initial', recipient_kind: 'authority', recipient: 'Market surveillance authority DE',
  sent_at: hoursAgo(1), reference: 'MSA-1', content: 'What we know so far.', ...extra });
const get = async (inc) => assertJson(await c('GET', `${INC}/${inc.id}`));
const clocks = async (inc) => assertJson(await c('GET', `${INC}/${inc.id}/clocks`)).clocks;
const clock = async (inc, id) => (await clocks(inc)).find((x) => x.id === id);
const state = async (inc) => ({ rec: await get(inc), history: assertJson(await c('GET', `${INC}/${inc.id}/history`)).items.length,
  reports: assertJson(await c('GET', `${INC}/${inc.id}/reports`)).items.length });

test('timestamps need their zone and cannot precede the incident; Member States are EU 27 codes (422, nothing stored)', async () => {
  const sys = await system();
  const before = assertJson(await c('GET', `${INC}?limit=500`)).total;
  for (const [field, value] of [['occurred_at', '2026-12-01T09:30'], ['became_aware_at', '2026-12-01'], ['member_states', 'DE, XX'],
    ['member_states', 'UK'], ['causal_link_at', '2020-01-01T00:00:00Z']]) {
    const p = assertProblem(await c('POST', INC, { json: { title: 'x', system_id: sys.id, occurred_at: '2026-11-01T10:00:00+01:00',
      became_aware_at: '2026-11-02T10:00:00+01:00', description: 'x', [field]: value } }), 422);
    assert.ok(p.errors.some((e) => e.field === field), `${field}=${value}: ${JSON.stringify(p.errors)}`);
  }
  const aware = assertProblem(await c('POST', INC, { json: { title: 'x', system_id: sys.id, occurred_at: '2026-11-02T10:00:00Z',
    became_aware_at: '2026-11-02T10:30:00+01:00', description: 'x' } }), 422);  // 09:30Z: before it occurred
  assert.ok(aware.errors.some((e) => e.field === 'became_aware_at'));
  assert.equal(assertJson(await c('GET', `${INC}?limit=500`)).total, before);
  const ok = await incident(sys, { member_states: 'DE, FR , GR' });
  assert.equal(ok.member_states, 'DE, FR , GR');
  assert.equal(ok.serious, null);
  assert.equal(ok.qualification, null);
  assert.deepEqual(ok.reports, []);
  assert.equal(ok.next_deadline, null);
  assert.ok((await clocks(ok)).every((x) => x.status === 'not_applicable'));
});

test('a provider\'s serious incident: qualified from the saved classification, the 15-day clock runs and the initial report meets it', async () => {
  const sys = await system(['provider']);
  let inc = await incident(sys);
  const q = await qualify(inc, SERIOUS);
  inc = assertJson(q);
  assert.equal(q.headers.get('etag'), '"v2"');
  assert.equal(inc.serious, true);
  assert.equal(inc.harm_category, 'c');
  assert.equal(inc.qualification.high_risk, true);
  assert.equal(inc.qualification.eu_class, 'high_risk');
  assert.deepEqual(inc.qualification.roles, ['provider']);
  assert.equal(inc.qualification.qualified_by, srv.admin.email);
  const aware = new Date(inc.became_aware_at).getTime();
  assert.equal(inc.next_deadline, new Date(aware + 15 * 86400000).toISOString());
  const c15 = await clock(inc, 'eu-ai-act-73-2');
  assert.equal(c15.status, 'running');
  assert.equal(c15.citation, 'Art. 73(2)');
  assert.equal(c15.deadline, inc.next_deadline);
  assert.ok(c15.time_left_seconds > 12 * 86400 && c15.time_left_seconds <= 13 * 86400);
  assert.equal((await clock(inc, 'eu-ai-act-73-4')).status, 'not_applicable');
  assert.equal((await clock(inc, 'eu-ai-act-26-5-provider')).status, 'not_applicable');
  assert.equal(assertJson(await c('GET', `${INC}?serious=serious&limit=500`)).items.some((x) => x.id === inc.id), true);
  assert.equal(assertJson(await c('GET', `${INC}?serious=unqualified&limit=500`)).items.some((x) => x.id === inc.id), false);
  const board = assertJson(await c('GET', '/api/v1/incident-clocks?limit=500'));
  assert.ok(board.items.some((x) => x.incident_id === inc.id && x.next_deadline === inc.next_deadline));

  const sent = assertJson(await report(inc, initial(), inc.version), 201);
  assert.equal(sent.id, 'RPT-1');
  assert.equal(sent.incident.id, inc.id);
  const { sha256, ...content } = sent;
  assert.match(sha256, /^[0-9a-f]{64}$/);
  // The audit entry of the frozen report holds the SHA-256 of its stored content.
  const entries = assertJson(await c('GET', '/api/v1/audit/entries?order=newest&limit=50')).items;
  const entry = entries.find((e) => e.record_id === `${inc.id}/RPT-1`);
  assert.ok(entry, JSON.stringify(entries.slice(-2)));
  assert.match(entry.content_sha256, /^[0-9a-f]{64}$/);
  assert.equal(content.content, 'What we know so far.');
  inc = await get(inc);
  assert.equal(inc.status, 'reported');
  assert.equal(inc.reports.length, 1);
  assert.equal(inc.reports[0].sha256, sha256);
  assert.equal(inc.next_deadline, null);
  const met = await clock(inc, 'eu-ai-act-73-2');
  assert.equal(met.status, 'met');
  assert.equal(met.on_time, true);
  assert.equal(met.met_by_report, 'RPT-1');
  assert.equal(assertJson(await c('GET', '/api/v1/incident-clocks?limit=500')).items.some((x) => x.incident_id === inc.id), false);

  // The chain: no second initial, then follow-up and final; nothing after the final.
  const again = assertProblem(await report(inc, initial(), inc.version), 422);
  assert.ok(again.errors.some((e) => e.field === 'type'));
  assertJson(await report(inc, initial({ type: 'follow_up', sent_at: hoursAgo(0.5) }), inc.version), 201);
  inc = await get(inc);
  assertJson(await report(inc, initial({ type: 'final', sent_at: hoursAgo(0.1) }), inc.version), 201);
  inc = await get(inc);
  assertProblem(await report(inc, initial({ type: 'follow_up' }), inc.version), 409);
  const chain = assertJson(await c('GET', `${INC}/${inc.id}/reports`)).items;
  assert.deepEqual(chain.map((r) => r.type), ['initial', 'follow_up', 'final']);
  assert.equal(chain[0].sha256, sha256);
  const exported = assertJson(await c('GET', `${INC}/${inc.id}/export`));
  assert.equal(exported.format, 'aims-incident/1');
  assert.equal(exported.reports.length, 3);
  assert.equal(exported.incident.id, inc.id);
  const history = assertJson(await c('GET', `${INC}/${inc.id}/history`)).items.map((h) => h.operation);
  assert.deepEqual(history.slice(0, 4), ['report', 'report', 'report', 'qualify']);
});

test('a deployer informs the provider first: that clock met, the authority\'s still running; the demo-like case', async () => {
  const sys = await system(['deployer']);
  let inc = assertJson(await qualify(await incident(sys), SERIOUS));
  assert.equal((await clock(inc, 'eu-ai-act-73-2')).status, 'not_applicable');
  const prov = await clock(inc, 'eu-ai-act-26-5-provider');
  assert.equal(prov.status, 'running');
  assert.equal(prov.deadline, null);
  assertJson(await report(inc, initial({ recipient_kind: 'provider', recipient: 'The vendor' }), inc.version), 201);
  inc = await get(inc);
  assert.equal((await clock(inc, 'eu-ai-act-26-5-provider')).status, 'met');
  assert.equal((await clock(inc, 'eu-ai-act-26-5-authority')).status, 'running');
  // The authority's chain starts with its own initial report.
  const p = assertProblem(await report(inc, initial({ type: 'final' }), inc.version), 422);
  assert.ok(p.errors.some((e) => e.field === 'type'));
});

test('not serious: a system that is not high-risk, no harm or no causal link; a re-qualification keeps its history', async () => {
  const minimal = await system(['provider'], { roles: ['provider'] });
  let inc = assertJson(await qualify(await incident(minimal), SERIOUS));
  assert.equal(inc.serious, false);
  assert.match(inc.qualification.outcome, /not high-risk/);
  assert.ok((await clocks(inc)).every((x) => x.status === 'not_applicable'));
  const sys = await system(['provider']);
  inc = assertJson(await qualify(await incident(sys), { ...SERIOUS, causal_link: 'none' }));
  assert.equal(inc.serious, false);
  inc = assertJson(await qualify(inc, { ...SERIOUS, harm_category: 'a', death: true, causal_link: 'reasonably_likely' }));
  assert.equal(inc.serious, true);
  assert.equal((await clock(inc, 'eu-ai-act-73-4')).status, 'running');
  assert.equal(inc.next_deadline, new Date(new Date(inc.became_aware_at).getTime() + 10 * 86400000).toISOString());
  const h = assertJson(await c('GET', `${INC}/${inc.id}/history`)).items;
  assert.deepEqual(h.slice(0, 2).map((x) => x.operation), ['qualify', 'qualify']);
  const change = h[0].changes.find((x) => x.field === 'qualification');
  assert.equal(change.from.causal_link, 'none');
  assert.equal(change.to.causal_link, 'reasonably_likely');
});

test('awareness changed afterwards moves the deadline, and the history shows it; overdue clocks are a SQL query', async () => {
  const sys = await system(['provider']);
  let inc = assertJson(await qualify(await incident(sys, { occurred_at: hoursAgo(20 * 24), became_aware_at: hoursAgo(3 * 24) }), SERIOUS));
  const first = inc.next_deadline;
  assert.equal((await clock(inc, 'eu-ai-act-73-2')).status, 'running');
  const moved = hoursAgo(16 * 24).replace('Z', '+00:00').replace(/\.\d+/, '');
  inc = assertJson(await c('PATCH', `${INC}/${inc.id}`, { json: { became_aware_at: moved }, headers: ifMatch(inc.version) }));
  assert.notEqual(inc.next_deadline, first);
  const late = await clock(inc, 'eu-ai-act-73-2');
  assert.equal(late.status, 'overdue');
  assert.ok(late.time_left_seconds < 0);
  const h = assertJson(await c('GET', `${INC}/${inc.id}/history`)).items[0];
  assert.deepEqual(h.changes.find((x) => x.field === 'became_aware_at').to, moved);
  const overdue = assertJson(await c('GET', '/api/v1/incident-clocks?state=overdue&limit=500'));
  assert.ok(overdue.items.some((x) => x.incident_id === inc.id));
  assert.ok(overdue.items.every((x) => x.next_deadline < overdue.now));
  const open = assertJson(await c('GET', '/api/v1/incident-clocks?state=open&limit=1'));
  assert.equal(open.items.length, 1);
  if (open.total > 1) {
    const next = assertJson(await c('GET', `/api/v1/incident-clocks?state=open&limit=1&cursor=${encodeURIComponent(open.next)}`));
    assert.notEqual(next.items[0].incident_id, open.items[0].incident_id);
    assert.ok((next.items[0].next_deadline ?? '') >= (open.items[0].next_deadline ?? ''), 'immediate duties (no deadline) first, then soonest');
  }
  for (const q of ['state=late', 'limit=0', 'cursor=nope', 'sort=title'])
    assertProblem(await c('GET', `/api/v1/incident-clocks?${q}`), 400);
  const figures = assertJson(await c('GET', '/api/v1/dashboard')).cards.incidents;
  assert.ok(figures.overdue_clocks >= 1);
  assert.ok(figures.open_clocks >= figures.overdue_clocks);
});

test('bad qualifications and reports are 422 and change nothing; If-Match is required', async () => {
  const sys = await system(['provider']);
  const inc = await incident(sys);
  const was = await state(inc);
  for (const body of [{}, { ...SERIOUS, harm_category: 'e' }, { ...SERIOUS, rationale: '' }, { ...SERIOUS, causal_link: 'maybe' },
    { ...SERIOUS, harm_category: 'c', death: true }, { ...SERIOUS, extra: 1 }])
    assertProblem(await qualify(inc, body), 422);
  assertProblem(await c('POST', `${INC}/${inc.id}/qualification`, { json: SERIOUS }), 428);
  assertProblem(await qualify(inc, SERIOUS, c, 7), 412);
  for (const body of [initial({ type: 'draft' }), initial({ sent_at: '2026-12-01T10:00' }), initial({ sent_at: new Date(Date.now() + 3600e3).toISOString() }),
    initial({ recipient: '' }), initial({ content: '' }), initial({ recipient_kind: 'press' }), initial({ sent_at: hoursAgo(60) })])
    assertProblem(await report(inc, body, inc.version), 422);
  assertProblem(await c('POST', `${INC}/${inc.id}/reports`, { json: initial() }), 428);
  assert.deepEqual(await state(inc), was);
});

test('who may do what: contributors create, managers and admins qualify and report; others get 403 and nothing changes', async () => {
  const sys = await system(['provider']);
  for (const role of ['auditor', 'viewer'])
    assertProblem(await as[role]('POST', INC, { json: { title: 'x', system_id: sys.id, occurred_at: hoursAgo(3), became_aware_at: hoursAgo(2), description: 'x' } }), 403);
  const inc = await incident(sys, {}, as.contributor);
  const was = await state(inc);
  for (const role of ['contributor', 'auditor', 'viewer']) {
    assertProblem(await qualify(inc, SERIOUS, as[role]), 403);
    assertProblem(await report(inc, initial(), inc.version, as[role]), 403);
  }
  assert.deepEqual(await state(inc), was);
  for (const role of ['auditor', 'viewer']) {
    assertJson(await as[role]('GET', `${INC}/${inc.id}/clocks`));
    assertJson(await as[role]('GET', '/api/v1/incident-clocks'));
  }
  const q = assertJson(await qualify(inc, SERIOUS, as.manager));
  assertJson(await report(q, initial(), q.version, as.manager), 201);
});

/**
 * The text of a PDF as pdftotext extracts it (a real PDF parser: a broken file fails here): laid
 * out as on the page, or with `raw` in the order it was drawn, each table cell's lines together.
 */
function pdfText(bytes, raw = false) {
  const r = spawnSync('pdftotext', [raw ? '-raw' : '-layout', '-', '-'], { input: bytes });
  assert.equal(r.status, 0, `pdftotext failed: ${r.stderr}`);
  return r.stdout.toString('utf8');
}

test('the export as a PDF: facts, qualification, each clock as /clocks gives it, the report chain with its hashes', async () => {
  const sys = await system(['provider']);
  let inc = await incident(sys, { member_states: 'DE, FR', affected_count: 12, affected_persons: 'Applicants with a career gap' });
  inc = assertJson(await qualify(inc, SERIOUS));
  const sent = assertJson(await report(inc, initial({ reference: 'MSA-PDF-7' }), inc.version), 201);
  inc = await get(inc);
  const history = (await state(inc)).history;

  const pdf = await as.viewer('GET', `${INC}/${inc.id}/export?format=pdf`);
  assert.equal(pdf.status, 200, pdf.text);
  assert.equal(pdf.ct, 'application/pdf');
  assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(pdf.headers.get('content-disposition'),
    new RegExp(`^attachment; filename="Acme AI ${inc.id} Applicants ranked unfairly incident report \\d{4}-\\d{2}-\\d{2}\\.pdf"`));
  const text = pdfText(pdf.bytes);
  const info = spawnSync('pdfinfo', ['-'], { input: pdf.bytes, encoding: 'utf8' });
  assert.equal(info.status, 0, info.stderr);
  assert.match(info.stdout, /^Tagged:\s+yes$/m, 'a tagged PDF like the other reports');
  assert.match(info.stdout, /^Title:\s+AI incident report /m);
  assert.match(info.stdout, /^Author:\s+Acme AI$/m);
  const drawn = pdfText(pdf.bytes, true).replace(/\s+/g, ' ');  // in drawing order: a table row's cells one after the other
  const flat = drawn.replace(/ /g, '');
  assert.match(text, new RegExp(`AI incident ${inc.id}: Applicants ranked unfairly`));
  assert.ok(drawn.includes(`${sys.name} (${sys.id})`), 'the AI system by its name and id');
  assert.match(text, /DE, FR/);
  assert.match(text, /Art\. 3\(49\)\(c\)/, 'the harm category with its point');
  assert.match(text, /A serious incident/);
  assert.ok(flat.includes(SERIOUS.rationale.replace(/\s+/g, '')), 'the rationale');
  // Every clock with its citation and the state /clocks gives (not recomputed by the PDF).
  const served = await clocks(inc);
  const words = { met: 'Met', running: 'Running', overdue: 'OVERDUE', not_applicable: 'Not applicable' };
  const rows = served.map((k) => drawn.indexOf(`${k.citation} ${k.regime} ${k.title} `));
  served.forEach((k, i) => {
    assert.ok(rows[i] > 0, `clock ${k.id}: ${k.citation} is in the PDF`);
    const row = drawn.slice(rows[i], rows[i + 1] ?? drawn.indexOf('Report chain', rows[i]));
    assert.ok(row.includes(` ${words[k.status]} `), `clock ${k.id} is ${k.status}: ${row}`);
  });
  assert.ok(rows.every((r, i) => i === 0 || r > rows[i - 1]), 'in the order of the data');
  assert.equal(served.find((k) => k.id === 'eu-ai-act-73-2').status, 'met');
  assert.match(drawn, /Met by RPT-1/);
  // The report chain: recipient, reference and the frozen report's SHA-256.
  assert.match(drawn, /Market surveillance authority DE/);
  assert.match(drawn, /MSA-PDF-7/);
  assert.ok(flat.includes(sent.sha256), 'the frozen report\'s SHA-256');
  // The JSON stays the default; the PDF changed nothing.
  const exported = assertJson(await c('GET', `${INC}/${inc.id}/export`));
  assert.equal(exported.format, 'aims-incident/1');
  assert.deepEqual(exported.system, { id: sys.id, name: sys.name });
  assert.equal(assertJson(await c('GET', `${INC}/${inc.id}/export?format=json`)).reports[0].sha256, sent.sha256);
  assert.equal((await state(inc)).history, history);

  // An unqualified incident without reports still has its PDF, saying so.
  const fresh = await incident(sys);
  const plain = pdfText((await c('GET', `${INC}/${fresh.id}/export?format=pdf`)).bytes);
  assert.match(plain, /Not qualified yet/);
  assert.match(plain, /No report sent yet/);

  // Bad parameters are a 400 naming them; another organization's incident is a 404.
  for (const [query, field] of [['format=xml', 'format'], ['format=PDF', 'format'], ['fmt=pdf', 'fmt']]) {
    const p = assertProblem(await c('GET', `${INC}/${inc.id}/export?${query}`), 400);
    assert.ok(p.errors?.some((e) => e.field === field), `${query}: ${JSON.stringify(p)}`);
  }
  assertProblem(await other('GET', `${INC}/${inc.id}/export?format=pdf`), 404);
  assertProblem(await c('GET', `${INC}/INC-999/export?format=pdf`), 404);
});

test('another organization\'s incident is a 404 on every incident route', async () => {
  const inc = await incident(await system(['provider']));
  for (const path of ['clocks', 'reports', 'export']) assertProblem(await other('GET', `${INC}/${inc.id}/${path}`), 404);
  assertProblem(await other('POST', `${INC}/${inc.id}/qualification`, { json: SERIOUS, headers: ifMatch(1) }), 404);
  assertProblem(await other('POST', `${INC}/${inc.id}/reports`, { json: initial(), headers: ifMatch(1) }), 404);
  assert.equal(assertJson(await other('GET', '/api/v1/incident-clocks')).items.length, 0);
  assertProblem(await c('GET', `${INC}/INC-999/clocks`), 404);
});

test('the clock rules are served as cited data', async () => {
  const rules = assertJson(await as.viewer('GET', '/api/v1/incident-clock-rules'));
  const ids = rules.clocks.map((x) => x.id);
  assert.deepEqual(ids.filter((x) => x.startsWith('eu-ai-act-73')), ['eu-ai-act-73-2', 'eu-ai-act-73-3', 'eu-ai-act-73-4']);
  assert.deepEqual(rules.clocks.map((x) => x.days), [15, 2, 10, null, null]);
  assert.ok(rules.rules.some((r) => r.citation === 'Art. 73(5)'));
});
