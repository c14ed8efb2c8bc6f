// The certification cycle (docs/certification.md): the certificate's rules (expiry after the issue
// and at most three years later, approve roles only), the certification audit's and finding's
// rules (dates in order, a completed audit ended, a requirement that is a clause or control of the
// catalog, an NC number), the cycle worked out from the certificate and its audits (surveillance
// due 12 and 24 months after the decision, recertification before expiry, expired from today's
// date), the stage 1 readiness checklist (missing, out of date, present; filters, CSV, JSON and
// PDF export, the PDF's text read back with pdftotext), the stage 2 evidence index and its CSV, JSON and PDF export (each
// evidence file with its SHA-256 and date), the dashboard card, bad parameters (400, nothing changed),
// no GET changes anything, and another organization (404). The generic record contract covers
// the rest of the three kinds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { startServer, login } from '../lib/server.mjs';
import { client, assertProblem, assertJson, stopServer, memberClients } from '../lib/http.mjs';
import { otherOrgClient } from '../lib/fixture.mjs';

const PW = 'certification tests password';
let srv, c, as, other, orgId;

before(async () => {
  srv = await startServer();
  c = client(srv.url, await login(srv.url, srv.admin.email, srv.admin.password));
  as = await memberClients(srv, ['manager', 'contributor', 'auditor', 'viewer'], PW);
  other = await otherOrgClient(srv, PW);
  orgId = assertJson(await c('GET', '/api/v1/me')).organization.id;
});
after(() => stopServer(srv));

/** The UTC day `n` days from today, YYYY-MM-DD. */
const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
/** `d` (YYYY-MM-DD) moved by whole months, on the month's last day when it is shorter. */
function addMonths(d, months) {
  const [y, m, dd] = d.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12), nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${ny}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(dd, last)).padStart(2, '0')}`;
}
const checkpoint = async () => assertJson(await c('GET', '/api/v1/audit/checkpoint')).size;
const count = async (path) => assertJson(await c('GET', `/api/v1/${path}?limit=500&archived=all`)).items.length;
let certs = 0;
const certBody = (extra = {}) => ({ certificate_number: `AIMS-${++certs}`, certification_body: 'Nordcert', scope_version: 1, issued_on: day(-200), ...extra });

test('a certificate expires after its issue and at most three years later; only approve roles keep it (422 / 403, nothing stored)', async () => {
  const before = await count('certificates');
  for (const [extra, field] of [
    [{ expires_on: day(-200) }, 'expires_on'],
    [{ expires_on: day(-300) }, 'expires_on'],
    [{ expires_on: addMonths(day(-200), 36).replace(/\d\d$/, (x) => String(Number(x) + 1).padStart(2, '0')) }, 'expires_on'],
    [{ scope_version: 0 }, 'scope_version'],
    [{ status: 'expired' }, 'status'],
    [{ issued_on: '2026-02-30' }, 'issued_on'],
  ]) {
    const p = assertProblem(await c('POST', '/api/v1/certificates', { json: certBody(extra) }), 422);
    assert.ok(p.errors.some((e) => e.field === field), `${JSON.stringify(extra)}: ${JSON.stringify(p.errors)}`);
  }
  for (const role of ['contributor', 'auditor', 'viewer'])
    assertProblem(await as[role]('POST', '/api/v1/certificates', { json: certBody() }), 403);
  assert.equal(await count('certificates'), before);
  const made = assertJson(await as.manager('POST', '/api/v1/certificates', { json: certBody({ expires_on: addMonths(day(-200), 36) }) }), 201);
  assert.match(made.id, /^CERT-\d+$/);
  assert.equal(made.expiry, addMonths(day(-200), 36), 'the stored expiry is served as expiry');
  const dflt = assertJson(await c('POST', '/api/v1/certificates', { json: certBody({ issued_on: '2026-01-31' }) }), 201);
  assert.equal(dflt.expiry, '2029-01-31', 'three years after the issue by default');
  assert.equal(dflt.standard, 'iso42001:2023');
  for (const r of [made, dflt]) assertJson(await c('POST', `/api/v1/certificates/${r.id}/archive`, { headers: { 'if-match': `"v${r.version}"` } }));
});

test('a certification audit keeps its dates in order and a completed one its end; a finding names a clause or control of the catalog', async () => {
  const before = await count('certification-audits');
  for (const [body, field] of [
    [{ planned_start: day(10), planned_end: day(9) }, 'planned_end'],
    [{ status: 'completed', actual_start: day(-3) }, 'actual_end'],
    [{ status: 'planned', actual_start: day(-3) }, 'status'],
    [{ type: 'stage3' }, 'type'],
  ]) {
    const p = assertProblem(await c('POST', '/api/v1/certification-audits', { json: { title: 'Bad', type: 'stage1', planned_start: day(5), ...body } }), 422);
    assert.ok(p.errors.some((e) => e.field === field), `${JSON.stringify(body)}: ${JSON.stringify(p.errors)}`);
  }
  assert.equal(await count('certification-audits'), before);
  const audit = assertJson(await as.contributor('POST', '/api/v1/certification-audits', { json: { title: 'Rules audit', type: 'stage2', planned_start: day(5) } }), 201);
  assert.match(audit.id, /^CERTA-\d+$/);
  const findings = await count('certification-findings');
  for (const [body, field] of [
    [{ requirement: 'A.99.1' }, 'requirement'],
    [{ requirement: 'A.6' }, 'requirement'],
    [{ requirement: '11.1' }, 'requirement'],
    [{ nc_id: 'NC-x' }, 'nc_id'],
    [{ audit_id: 'CERTA-999' }, 'audit_id'],
    [{ type: 'nc' }, 'type'],
  ]) {
    const p = assertProblem(await c('POST', '/api/v1/certification-findings', { json: { audit_id: audit.id, type: 'minor_nc', requirement: '6.1.2', description: 'x', ...body } }), 422);
    assert.ok(p.errors.some((e) => e.field === field), `${JSON.stringify(body)}: ${JSON.stringify(p.errors)}`);
  }
  assert.equal(await count('certification-findings'), findings);
  for (const requirement of ['6.1.2', 'A.6.2.4', '9.2.2', '4']) {
    const f = assertJson(await c('POST', '/api/v1/certification-findings', { json: { audit_id: audit.id, type: 'observation', requirement, description: 'Seen.' } }), 201);
    assert.match(f.id, /^CF-\d+$/);
    assertJson(await c('POST', `/api/v1/certification-findings/${f.id}/archive`, { headers: { 'if-match': `"v${f.version}"` } }));
  }
  const f = assertJson(await c('POST', '/api/v1/certification-findings', { json: { audit_id: audit.id, type: 'major_nc', requirement: 'A.5.3', description: 'No record.', nc_id: 'NC-12' } }), 201);
  assert.equal(f.nc_id, 'NC-12');
  assertJson(await c('POST', `/api/v1/certification-findings/${f.id}/archive`, { headers: { 'if-match': `"v${f.version}"` } }));
  assertJson(await c('POST', `/api/v1/certification-audits/${audit.id}/archive`, { headers: { 'if-match': `"v${audit.version}"` } }));
});

test('the cycle: stages before the certificate, surveillance due 12 and 24 months after the decision, recertification before expiry, what is next', async () => {
  let cy = assertJson(await as.viewer('GET', '/api/v1/certification/cycle'));
  assert.equal(cy.certificate, null);
  assert.deepEqual(cy.milestones.map((m) => m.type), ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification']);
  assert.equal(cy.next.type, 'stage1');
  assert.equal(cy.next.date, null);
  assert.equal(cy.next.text, 'next: Stage 1 (not planned yet)');
  assert.equal(cy.today, day(0));

  const s1 = assertJson(await c('POST', '/api/v1/certification-audits', { json: { title: 'Stage 1', type: 'stage1', status: 'completed', planned_start: day(-260), actual_start: day(-260), actual_end: day(-259) } }), 201);
  const s2p = assertJson(await c('POST', '/api/v1/certification-audits', { json: { title: 'Stage 2', type: 'stage2', planned_start: day(-230) } }), 201);
  cy = assertJson(await c('GET', '/api/v1/certification/cycle'));
  assert.equal(cy.milestones[0].state, 'done');
  assert.equal(cy.milestones[0].date, day(-259));
  assert.equal(cy.milestones[1].state, 'overdue', 'a planned audit whose start has passed is overdue');
  assert.equal(cy.next.type, 'stage2');

  const issued = day(-200);
  const cert = assertJson(await c('POST', '/api/v1/certificates', { json: certBody({ issued_on: issued }) }), 201);
  assertJson(await c('PATCH', `/api/v1/certification-audits/${s2p.id}`, { json: { status: 'completed', certificate_id: cert.id, actual_start: day(-230), actual_end: day(-228) }, headers: { 'if-match': `"v${s2p.version}"` } }));
  cy = assertJson(await c('GET', '/api/v1/certification/cycle'));
  assert.equal(cy.certificate.id, cert.id);
  assert.equal(cy.certificate.status, 'valid');
  assert.equal(cy.certificate.expiry, addMonths(issued, 36));
  const by = Object.fromEntries(cy.milestones.map((m) => [m.type, m]));
  assert.equal(by.stage2.state, 'done');
  assert.equal(by.surveillance1.due, addMonths(issued, 12));
  assert.equal(by.surveillance2.due, addMonths(issued, 24));
  assert.equal(by.recertification.due, addMonths(addMonths(issued, 36), -3));
  assert.equal(by.surveillance1.state, 'due');
  assert.equal(cy.next.type, 'surveillance1');
  assert.equal(cy.next.date, addMonths(issued, 12));
  assert.match(cy.next.text, /^next: Surveillance 1 in \d+ months?$/);

  // Planned: the planned start is the date; done: surveillance 2 is next.
  const sv1 = assertJson(await c('POST', '/api/v1/certification-audits', { json: { title: 'Surveillance 1', type: 'surveillance1', certificate_id: cert.id, planned_start: day(40) } }), 201);
  cy = assertJson(await c('GET', '/api/v1/certification/cycle'));
  assert.equal(cy.next.type, 'surveillance1');
  assert.equal(cy.next.state, 'planned');
  assert.equal(cy.next.date, day(40));
  assert.equal(cy.next.text, 'next: Surveillance 1 in 1 month');
  assertJson(await c('PATCH', `/api/v1/certification-audits/${sv1.id}`, { json: { status: 'completed', actual_start: day(-2), actual_end: day(-1) }, headers: { 'if-match': `"v${sv1.version}"` } }));
  cy = assertJson(await c('GET', '/api/v1/certification/cycle'));
  assert.equal(cy.next.type, 'surveillance2');
  assert.equal(cy.next.date, addMonths(issued, 24));

  // Findings of the cycle's audits are counted; a nonconformity without its NC is open.
  const f = assertJson(await c('POST', '/api/v1/certification-findings', { json: { audit_id: s2p.id, type: 'minor_nc', requirement: '9.2.2', description: 'Programme incomplete.' } }), 201);
  cy = assertJson(await c('GET', '/api/v1/certification/cycle'));
  assert.equal(cy.findings.minor_nc, 1);
  assert.equal(cy.findings.open_nc, 1);
  const dash = assertJson(await c('GET', '/api/v1/dashboard')).cards.certification;
  assert.equal(dash.title, 'Certification');
  assert.equal(dash.next.type, 'surveillance2');
  assert.equal(dash.figures.find((x) => x.key === 'open_nc').value, 1);
  assertJson(await c('PATCH', `/api/v1/certification-findings/${f.id}`, { json: { nc_id: 'NC-1' }, headers: { 'if-match': `"v${f.version}"` } }));
  assert.equal(assertJson(await c('GET', '/api/v1/certification/cycle')).findings.open_nc, 0);

  // A later certificate is the current one; past its expiry it is expired, unless withdrawn.
  const old = assertJson(await c('POST', '/api/v1/certificates', { json: certBody({ issued_on: addMonths(day(-10), -36) }) }), 201);
  assert.equal(assertJson(await c('GET', '/api/v1/certification/cycle')).certificate.id, cert.id, 'the latest issued certificate is the current one');
  const late = assertJson(await c('POST', '/api/v1/certificates', { json: certBody({ issued_on: day(-5), expires_on: day(-1) }) }), 201);
  cy = assertJson(await c('GET', '/api/v1/certification/cycle'));
  assert.equal(cy.certificate.id, late.id);
  assert.equal(cy.certificate.status, 'expired');
  assertJson(await c('PATCH', `/api/v1/certificates/${late.id}`, { json: { status: 'withdrawn' }, headers: { 'if-match': `"v${late.version}"` } }));
  assert.equal(assertJson(await c('GET', '/api/v1/certification/cycle')).certificate.status, 'withdrawn');
  for (const r of [late, old]) {
    const now = assertJson(await c('GET', `/api/v1/certificates/${r.id}`));
    assertJson(await c('POST', `/api/v1/certificates/${r.id}/archive`, { headers: { 'if-match': `"v${now.version}"` } }));
  }
  assert.equal(assertJson(await c('GET', '/api/v1/certification/cycle')).certificate.id, cert.id, 'archived certificates leave the cycle');
  void s1;
});

test('stage 1 readiness: each requirement present, missing or out of date with what satisfies it; filters and exports', async () => {
  let r = assertJson(await as.auditor('GET', '/api/v1/certification/readiness'));
  const item = (id) => r.items.find((i) => i.id === id);
  assert.ok(r.items.length > 16, 'every documented-information requirement and applicable control');
  assert.equal(item('DI-5.2').status, 'missing');
  assert.equal(item('DI-5.2').requirement, '5.2');
  assert.equal(item('DI-5.2').title, 'AI policy');
  assert.equal(item('DI-4.3').status, 'missing');
  assert.equal(item('DI-6.1.3').status, 'missing', 'no SoA version approved yet');
  assert.equal(item('A.6.2.4').status, 'missing', 'a control not implemented in the SoA');
  assert.equal(r.items.filter((i) => i.area === 'controls').length, 38, 'every control is applicable until the SoA excludes it');
  assert.equal(r.summary.total, r.items.length);
  assert.equal(r.summary.present + r.summary.missing + r.summary.out_of_date, r.summary.total);
  assert.equal(r.ready, false);

  // A document of the right type: out of date until a version is published.
  const doc = assertJson(await c('POST', '/api/v1/documents', { json: { title: 'Group AI policy', type: 'policy', classification: 'internal' } }), 201);
  r = assertJson(await c('GET', '/api/v1/certification/readiness'));
  assert.equal(item('DI-5.2').status, 'out_of_date');
  assert.match(item('DI-5.2').reason, /no approved \(published\) version/);
  assert.deepEqual(item('DI-5.2').satisfied_by.map((s) => [s.type, s.id, s.link]), [['document', doc.id, `/documents/${doc.id}`]]);

  // Records of a kind: the context issues serve no requirement, risks with review dates do.
  r = assertJson(await c('GET', '/api/v1/certification/readiness?status=missing'));
  assert.ok(r.items.length > 0 && r.items.every((i) => i.status === 'missing'));
  const missingBefore = r.items.length;
  r = assertJson(await c('GET', '/api/v1/certification/readiness?status=out_of_date&area=clauses'));
  assert.ok(r.items.some((i) => i.id === 'DI-5.2') && r.items.every((i) => i.area === 'clauses' && i.status === 'out_of_date'));
  r = assertJson(await c('GET', '/api/v1/certification/readiness?area=controls'));
  assert.ok(r.items.every((i) => i.area === 'controls'));

  // The scope: saved as a draft it is out of date.
  const scope = await c('GET', '/api/v1/scope');
  const put = await c('PUT', '/api/v1/scope', { json: { units: ['Risk'], sites: ['Berlin'], ai_roles: ['deployer'], in_scope: [], out_of_scope: [], interfaces: [] }, headers: { 'if-match': scope.headers.get('etag') ?? '"v0"' } });
  if (put.status === 200 || put.status === 201) {
    r = assertJson(await c('GET', '/api/v1/certification/readiness'));
    assert.equal(item('DI-4.3').status, 'out_of_date');
    assert.equal(item('DI-4.3').satisfied_by[0].link, '/scope');
  }
  r = assertJson(await c('GET', '/api/v1/certification/readiness?status=missing'));
  assert.ok(r.items.length <= missingBefore);

  // Exports: CSV with a BOM and a header row, JSON; the filters apply.
  const csv = await c('GET', '/api/v1/certification/readiness/export?format=csv&area=clauses', { contract: false });
  assert.equal(csv.status, 200, csv.text);
  assert.match(csv.ct, /^text\/csv/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines[0], 'area,id,requirement,title,description,status,reason,satisfied_by');
  assert.ok(lines.some((l) => l.startsWith('clauses,DI-5.2,5.2,AI policy,') && l.includes('out_of_date') && l.includes(doc.id)));
  assert.ok(lines.slice(1).every((l) => l.startsWith('clauses,')));
  const json = await c('GET', '/api/v1/certification/readiness/export?format=json', { contract: false });
  assert.equal(json.status, 200);
  assert.match(json.headers.get('content-disposition'), /^attachment/);
  assert.equal(JSON.parse(json.text).summary.total, assertJson(await c('GET', '/api/v1/certification/readiness')).summary.total);
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

test('stage 1 readiness as a PDF: the summary over every item, then the items the filters keep, from the same checklist', async () => {
  const all = assertJson(await as.viewer('GET', '/api/v1/certification/readiness'));
  const pdf = await as.viewer('GET', '/api/v1/certification/readiness/export?format=pdf');
  assert.equal(pdf.status, 200, pdf.text);
  assert.equal(pdf.ct, 'application/pdf');
  assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.match(pdf.headers.get('content-disposition'), /^attachment; filename="Acme AI stage 1 readiness \d{4}-\d{2}-\d{2}\.pdf"/);
  const text = pdfText(pdf.bytes);
  const info = spawnSync('pdfinfo', ['-'], { input: pdf.bytes, encoding: 'utf8' });
  assert.equal(info.status, 0, info.stderr);
  assert.match(info.stdout, /^Tagged:\s+yes$/m, 'a tagged PDF like the other reports');
  assert.match(info.stdout, /^Title:\s+Stage 1 readiness checklist/m);
  assert.match(info.stdout, /^Author:\s+Acme AI$/m);
  const count = (label) => Number(new RegExp(`^\\s*${label}\\s+(\\d+)\\s*$`, 'm').exec(text)?.[1]);
  assert.equal(count('Present'), all.summary.present);
  assert.equal(count('Missing'), all.summary.missing);
  assert.equal(count('Out of date'), all.summary.out_of_date);
  assert.equal(count('Total'), all.summary.total);
  for (const i of all.items) assert.ok(text.includes(i.requirement), `requirement ${i.requirement} is in the PDF`);
  for (const id of ['DI-5.2', 'DI-4.3', 'A.6.2.4']) assert.ok(text.includes(id), id);
  const withRef = all.items.find((i) => i.satisfied_by.length > 0);
  if (withRef) assert.ok(text.includes(withRef.satisfied_by[0].id), `what satisfies ${withRef.id}`);
  const missing = all.items.find((i) => i.status === 'missing');
  assert.ok(pdfText(pdf.bytes, true).replace(/\s+/g, ' ').includes(missing.reason.split(' ').slice(0, 4).join(' ')), `why ${missing.id} is missing`);

  // Filtered: only the missing clauses are listed; the counts stay those of every item.
  const some = assertJson(await c('GET', '/api/v1/certification/readiness?status=missing&area=clauses'));
  const filtered = pdfText((await c('GET', '/api/v1/certification/readiness/export?format=pdf&status=missing&area=clauses')).bytes);
  assert.equal(Number(/^\s*Total\s+(\d+)\s*$/m.exec(filtered)?.[1]), all.summary.total);
  assert.match(filtered, /status missing and area clauses/);
  for (const i of some.items) assert.ok(filtered.includes(i.id), i.id);
  const notShown = all.items.find((i) => i.area === 'clauses' && i.status !== 'missing');
  if (notShown) assert.ok(!filtered.includes(`${notShown.id}\n`) && !new RegExp(`\\b${notShown.id}\\s`).test(filtered), `${notShown.id} is filtered out`);
  assert.ok(!/A\.\d+\.\d+/.test(filtered.split('Annex A: applicable controls')[1] ?? ''), 'no control listed');
  assertProblem(await other('GET', '/api/v1/certification/readiness/export?format=pdf', { org: orgId }), 404);
});

test('stage 2 evidence index: every clause and applicable control with what supports it; one requirement alone', async () => {
  const ix = assertJson(await as.viewer('GET', '/api/v1/certification/evidence-index'));
  const ids = ix.items.map((i) => i.id);
  for (const id of ['4.1', '4.3', '6.1.2', '9.2.2', '10.2', 'A.2.2', 'A.10.4']) assert.ok(ids.includes(id), id);
  assert.ok(!ids.includes('4') && !ids.includes('A.2'), 'only leaf clauses and controls');
  assert.equal(ix.summary.total, ix.items.length);
  assert.equal(ix.summary.supported + ix.summary.unsupported, ix.summary.total);
  const before = assertJson(await c('GET', '/api/v1/certification/evidence-index?requirement=4.1')).items;
  assert.equal(before.length, 1);
  const issues = before[0].kinds.find((k) => k.kind === 'context_issue');
  assert.ok(issues, 'the context issues serve clause 4.1');
  assertJson(await c('POST', '/api/v1/context-issues', { json: { title: 'Evidence index issue', origin: 'internal', category: 'legal', effect: 'risk', relevance: 'low', status: 'monitored' } }), 201);
  const after = assertJson(await c('GET', '/api/v1/certification/evidence-index?requirement=4.1')).items[0];
  assert.equal(after.kinds.find((k) => k.kind === 'context_issue').count, issues.count + 1);
  assert.equal(after.supported, true);
  const p = assertJson(await c('GET', '/api/v1/certification/evidence-index?requirement=5.2')).items[0];
  assert.ok(p.records.some((x) => x.type === 'document'), 'the readiness check\'s document supports 5.2');
});

/** A CSV's rows as arrays of cells (quoted cells with commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('stage 2 evidence index as a file: CSV, JSON and PDF from the same rows as the index, each evidence file with its SHA-256 and date', async () => {
  // An evidence file linked to clause 7.5.3 and to control A.6.2.4's SoA entry.
  const bytes = Buffer.from(`evidence index export ${Date.now()}`);
  const qs = new URLSearchParams({ filename: 'retention log.txt', title: 'Retention log' });
  qs.append('link', 'catalog_item:iso42001:7.5.3');
  qs.append('link', 'soa_entry:A.6.2.4');
  const ev = assertJson(await c('POST', `/api/v1/evidence?${qs}`, { body: bytes, headers: { 'content-type': 'application/octet-stream' } }), 201);
  const sha = createHash('sha256').update(bytes).digest('hex');
  assert.equal(ev.sha256, sha);

  const ix = assertJson(await as.viewer('GET', '/api/v1/certification/evidence-index'));
  const item = (id) => ix.items.find((i) => i.id === id);
  const e753 = item('7.5.3').evidence.find((e) => e.id === ev.id);
  assert.ok(e753, 'the file supports 7.5.3');
  assert.equal(e753.sha256, sha);
  assert.equal(e753.uploaded_at, ev.uploaded_at);
  assert.ok(item('A.6.2.4').evidence.some((e) => e.id === ev.id), 'and A.6.2.4 through its SoA entry');

  // CSV: a byte order mark, the header, one row per thing behind each clause and control.
  const csv = await as.viewer('GET', '/api/v1/certification/evidence-index/export?format=csv', { contract: false });
  assert.equal(csv.status, 200, csv.text);
  assert.match(csv.ct, /^text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /^attachment; filename="Acme AI stage 2 evidence index \d{4}-\d{2}-\d{2}\.csv"/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte order mark');
  const [header, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
  assert.deepEqual(header, ['area', 'requirement', 'title', 'supported', 'source', 'id', 'name', 'sha256', 'date', 'link']);
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  const fileRows = rows.filter((r) => r[col.sha256] === sha);
  assert.deepEqual(fileRows.map((r) => r[col.requirement]).sort(), ['7.5.3', 'A.6.2.4']);
  for (const r of fileRows) {
    assert.equal(r[col.source], 'evidence');
    assert.equal(r[col.id], ev.number);
    assert.equal(r[col.name], 'Retention log (retention log.txt)');
    assert.equal(r[col.date], ev.uploaded_at);
    assert.equal(r[col.link], `/evidence/${ev.id}`);
    assert.equal(r[col.supported], 'yes');
  }
  // Every item of the index has its rows (one row "none" when nothing supports it), nothing else.
  assert.deepEqual([...new Set(rows.map((r) => r[col.requirement]))].sort(), ix.items.map((i) => i.id).sort());
  for (const i of ix.items) {
    const mine = rows.filter((r) => r[col.requirement] === i.id);
    assert.equal(mine.length, Math.max(1, i.records.length + i.kinds.length + i.evidence.length), i.id);
    if (!i.supported) assert.deepEqual(mine.map((r) => r[col.source]), ['none']);
  }
  const rec = ix.items.flatMap((i) => i.records.map((r) => [i.id, r])).find(([, r]) => r.updated_at);
  assert.ok(rec, 'a record behind a clause has the day it last changed');
  assert.ok(rows.some((r) => r[col.requirement] === rec[0] && r[col.id] === rec[1].id && r[col.date] === rec[1].updated_at && r[col.name] === rec[1].label));

  // Filters: the same as the index's; JSON is the index itself.
  const ctl = parseCsv((await c('GET', '/api/v1/certification/evidence-index/export?format=csv&area=controls&supported=true', { contract: false })).text.replace(/^\uFEFF/, ''))
    .slice(1).filter((r) => r.length > 1);
  assert.ok(ctl.length > 0 && ctl.every((r) => r[0] === 'controls' && r[3] === 'yes'));
  const one = assertJson(await c('GET', '/api/v1/certification/evidence-index?requirement=7.5.3&supported=true'));
  assert.deepEqual(one.items.map((i) => i.id), ['7.5.3']);
  const json = await c('GET', '/api/v1/certification/evidence-index/export?format=json&supported=false', { contract: false });
  assert.equal(json.status, 200);
  assert.match(json.headers.get('content-disposition'), /stage 2 evidence index \d{4}-\d{2}-\d{2}\.json"/);
  const unsupported = JSON.parse(json.text);
  assert.deepEqual(unsupported.items, ix.items.filter((i) => !i.supported));
  assert.deepEqual(unsupported.summary, ix.summary, 'the summary counts every item');

  // PDF: a tagged PDF whose text holds every requirement, the counts, the file's SHA-256 and day.
  const pdf = await as.auditor('GET', '/api/v1/certification/evidence-index/export?format=pdf');
  assert.equal(pdf.status, 200, pdf.text);
  assert.equal(pdf.ct, 'application/pdf');
  assert.match(pdf.headers.get('content-disposition'), /^attachment; filename="Acme AI stage 2 evidence index \d{4}-\d{2}-\d{2}\.pdf"/);
  const info = spawnSync('pdfinfo', ['-'], { input: pdf.bytes, encoding: 'utf8' });
  assert.equal(info.status, 0, info.stderr);
  assert.match(info.stdout, /^Tagged:\s+yes$/m);
  assert.match(info.stdout, /^Title:\s+Stage 2 evidence index/m);
  const text = pdfText(pdf.bytes);
  const flat = pdfText(pdf.bytes, true).replace(/\s+/g, '');
  const count = (label) => Number(new RegExp(`^\\s*${label}\\s+(\\d+)\\s*$`, 'm').exec(text)?.[1]);
  assert.equal(count('Supported'), ix.summary.supported);
  assert.equal(count('Nothing to show'), ix.summary.unsupported);
  assert.equal(count('Total'), ix.summary.total);
  for (const i of ix.items) assert.ok(text.includes(i.id), `${i.id} is in the PDF`);
  assert.ok(flat.includes(`SHA-256${sha}`), 'the file\'s SHA-256, whole');
  assert.ok(flat.includes(`${ev.number}Retentionlog`), 'the file by number and title');
  const filtered = pdfText((await c('GET', '/api/v1/certification/evidence-index/export?format=pdf&area=clauses&requirement=7.5.3')).bytes);
  assert.match(filtered, /area clauses and requirement 7\.5\.3/);
  assert.ok(!/A\.\d+\.\d+/.test(filtered.split('Annex A: applicable controls')[1] ?? ''), 'no control listed');
  assert.ok(!/^\s*4\.1\s/m.test(filtered), 'another clause is not listed');

  // Refusals: a bad format or filter is a 400 naming it; another organization is a 404.
  for (const [q, field] of [['format=xlsx', 'format'], ['supported=maybe', 'supported'], ['area=annex&format=pdf', 'area'], ['requirement=9.9', 'requirement'], ['limit=5', 'limit']]) {
    const p = assertProblem(await c('GET', `/api/v1/certification/evidence-index/export?${q}`), 400);
    assert.ok(p.errors?.some((e) => e.field === field), `${q}: ${JSON.stringify(p)}`);
  }
  for (const f of ['csv', 'pdf']) assertProblem(await other('GET', `/api/v1/certification/evidence-index/export?format=${f}`, { org: orgId }), 404);
});

test('bad parameters are a 400 naming them and change nothing; no GET changes anything', async () => {
  const size = await checkpoint();
  for (const [path, field] of [
    ['/api/v1/certification/readiness?status=gone', 'status'],
    ['/api/v1/certification/readiness?area=annex', 'area'],
    ['/api/v1/certification/readiness?limit=5', 'limit'],
    ['/api/v1/certification/readiness?status=missing&status=present', 'status'],
    ['/api/v1/certification/readiness/export?format=xml', 'format'],
    ['/api/v1/certification/readiness/export?status=bad', 'status'],
    ['/api/v1/certification/readiness/export?format=pdf&area=annex', 'area'],
    ['/api/v1/certification/evidence-index?requirement=A.99', 'requirement'],
    ['/api/v1/certification/evidence-index?sort=id', 'sort'],
    ['/api/v1/certification/cycle?certificate=CERT-1', 'certificate'],
  ]) {
    const p = assertProblem(await c('GET', path), 400);
    assert.ok(p.errors?.some((e) => e.field === field), `${path}: ${JSON.stringify(p)}`);
  }
  for (const path of ['cycle', 'readiness', 'readiness/export', 'readiness/export?format=pdf', 'evidence-index', 'evidence-index/export', 'evidence-index/export?format=pdf']) await c('GET', `/api/v1/certification/${path}`, { contract: false });
  await c('GET', '/api/v1/dashboard');
  assert.equal(await checkpoint(), size, 'nothing was written');
});

test('another organization sees none of it (404 for its records and for this organization)', async () => {
  const cert = assertJson(await c('POST', '/api/v1/certificates', { json: certBody() }), 201);
  assertProblem(await other('GET', `/api/v1/certificates/${cert.id}`), 404);
  assert.equal(assertJson(await other('GET', '/api/v1/certification/cycle')).certificate, null);
  for (const path of ['cycle', 'readiness', 'readiness/export', 'evidence-index', 'evidence-index/export'])
    assertProblem(await other('GET', `/api/v1/certification/${path}`, { org: orgId }), 404);
  const a = assertJson(await c('POST', '/api/v1/certification-audits', { json: { title: 'Mine', type: 'stage1', planned_start: day(3) } }), 201);
  assertProblem(await other('POST', '/api/v1/certification-findings', { json: { audit_id: a.id, type: 'ofi', requirement: '4.1', description: 'x' } }), 422);
});
