// Browser test of the certification cycle in real chromium against a real server: the stage 1
// readiness page filtered on what is missing shows the AI policy missing; once the policy exists
// (created, and approved by its two approvers) the same page shows it present with a link to it;
// the checklist downloaded as a PDF. The stage 2 evidence index downloaded as a PDF, and as CSV with
// only the clauses and controls that have nothing to show.
// The certification page shows the certificate with the next audit of its cycle on the timeline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { aims, login } from '../lib/server.mjs';
import { apiGet, apiSend, closeSession, openSession, screenshot, settledRows, uiLogin } from './helpers.mjs';
import { openPage } from './pages.mjs';

const PW = 'certification browser password';
let server, browser, page, admin;
const people = {};
const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

async function send(session, method, path, body, status) {
  const r = await apiSend(server.url, session, method, path, { body });
  const text = await r.text();
  assert.equal(r.status, status, `${method} ${path}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

before(async () => {
  ({ server, browser, page, api: admin } = await openSession({ api: true }));
  for (const name of ['ann', 'bob']) {
    const r = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', `${name}@acme.test`, '--role', 'manager'], PW + '\n');
    assert.equal(r.status, 0, r.stderr);
    const session = await login(server.url, `${name}@acme.test`, PW);
    people[name] = { session, id: (await apiGet(server.url, session, '/api/v1/me')).user.id };
  }
  await uiLogin(page, server.admin.email, server.admin.password);
});

after(async () => {
  assert.deepEqual(browser?.problems ?? [], [], 'no page or console errors');
  await closeSession(browser, server);
});

test('readiness: the AI policy is missing; created and approved, it is present with its link', async () => {
  await openPage(page, '/certification/readiness');
  await page.getByRole('heading', { name: 'Stage 1 readiness' }).waitFor();
  await page.getByLabel('Status').selectOption('missing');
  // The unfiltered list has the row too (missing as well): wait until the table shows the filter's answer.
  await settledRows(page);
  const row = page.locator('[data-item="DI-5.2"]');
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'missing');
  assert.match(await row.textContent(), /AI policy.*Missing/s);
  await screenshot(page, 'certification-readiness-missing');

  const doc = await send(admin, 'POST', '/api/v1/documents', { title: 'AI policy', type: 'policy', classification: 'internal', approvers: [people.ann.id, people.bob.id] }, 201);
  await send(admin, 'POST', `/api/v1/documents/${doc.id}/versions`, { content: '# AI policy\n\nHow we use AI.', change_note: 'First issue' }, 201);
  await send(admin, 'POST', `/api/v1/documents/${doc.id}/versions/1.0/submit`, {}, 200);
  for (const name of ['ann', 'bob']) await send(people[name].session, 'POST', `/api/v1/documents/${doc.id}/versions/1.0/approve`, {}, 200);

  await page.reload();
  await page.getByLabel('Status').selectOption('present');
  // The reloaded page shows every item (the unfiltered answer) until the filter's answer is in: wait until every row is a present one.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-item]')];
    return rows.length > 0 && rows.every((r) => r.getAttribute('data-status') === 'present');
  });
  const present = page.locator('[data-item="DI-5.2"][data-status="present"]');
  assert.equal(await present.getAttribute('data-status'), 'present');
  const link = present.getByRole('link', { name: new RegExp(doc.id) });
  assert.equal(await link.getAttribute('href'), `/documents/${doc.id}`);
  await page.getByLabel('Status').selectOption('missing');
  // The present rows stay on the page until the answer to the new filter is in: wait until every row is a missing one.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-item]')];
    return rows.length > 0 && rows.every((r) => r.getAttribute('data-status') === 'missing');
  });
  assert.equal(await page.locator('[data-item="DI-4.3"][data-status="missing"]').count(), 1, 'the scope statement is still missing');
  assert.equal(await page.locator('[data-item="DI-5.2"]').count(), 0, 'no longer among the missing');
  await screenshot(page, 'certification-readiness-present');

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('readiness-export-pdf').click()]);
  assert.match(pdf.suggestedFilename(), /stage 1 readiness \d{4}-\d{2}-\d{2}\.pdf$/);
  assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1'), '%PDF-');
});

test('the stage 2 evidence index: CSV and PDF downloads with the page\'s filter', async () => {
  await openPage(page, '/certification/evidence');
  await page.getByRole('heading', { name: 'Stage 2 evidence index' }).waitFor();
  await page.getByTestId('evidence-index-table').waitFor();
  for (const id of ['evidence-index-export-csv', 'evidence-index-export-json', 'evidence-index-export-pdf'])
    assert.equal(await page.getByTestId(id).isVisible(), true, id);
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-index-export-pdf').click()]);
  assert.match(pdf.suggestedFilename(), /stage 2 evidence index \d{4}-\d{2}-\d{2}\.pdf$/);
  assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1'), '%PDF-');

  // Only what has nothing to show: the CSV holds those items alone, each with its row "none".
  await page.getByTestId('evidence-index-unsupported').check();
  await settledRows(page);
  const shown = await page.locator('[data-testid="evidence-index-table"] tbody tr[data-item]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item')));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-index-export-csv').click()]);
  assert.match(csv.suggestedFilename(), /stage 2 evidence index \d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines[0], 'area,requirement,title,supported,source,id,name,sha256,date,link');
  const ids = lines.slice(1).map((l) => l.split(',')[1]);
  assert.ok(shown.length > 0, 'a fresh organization has clauses with nothing to show');
  assert.deepEqual(ids.sort(), [...shown].sort());
  assert.ok(lines.slice(1).every((l) => /,no,none,,,,,$/.test(l)), 'each is unsupported, with nothing behind it');
  await screenshot(page, 'certification-evidence-index');
});

test('the certification page: the certificate and the next audit of its cycle', async () => {
  const cert = await send(admin, 'POST', '/api/v1/certificates', { certificate_number: 'AIMS-2026-77', certification_body: 'Nordcert', scope_version: 1, issued_on: day(-200) }, 201);
  const stage2 = await send(admin, 'POST', '/api/v1/certification-audits', { title: 'Stage 2', type: 'stage2', status: 'completed', certificate_id: cert.id, planned_start: day(-230), actual_start: day(-230), actual_end: day(-228) }, 201);
  await send(admin, 'POST', '/api/v1/certification-findings', { audit_id: stage2.id, type: 'minor_nc', requirement: '9.2.2', description: 'Audit programme incomplete.' }, 201);
  await send(admin, 'POST', '/api/v1/certification-audits', { title: 'Surveillance 1', type: 'surveillance1', certificate_id: cert.id, planned_start: day(40) }, 201);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Certification' }).click();
  await page.getByTestId('cert-timeline').waitFor();
  assert.match(await page.getByTestId('cert-certificate').textContent(), /AIMS-2026-77.*Valid/s);
  assert.equal((await page.getByTestId('cert-next').textContent()).trim().startsWith('next: Surveillance 1 in 1 month'), true);
  assert.match(await page.getByTestId('cert-milestone-stage2').textContent(), /Done/);
  assert.match(await page.getByTestId('cert-milestone-surveillance1').textContent(), /Planned/);
  const raise = page.locator('[data-audit] a', { hasText: 'Raise nonconformity' });
  assert.match(await raise.getAttribute('href'), /^\/nonconformities\/new\?source=external_audit&source_ref=CF-\d+&requirement=9.2.2/);
  await screenshot(page, 'certification-cycle');
});
