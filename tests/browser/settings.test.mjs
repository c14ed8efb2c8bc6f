// Browser test of the organization settings page and segregation of duties in real chromium against
// a real aims server: an admin turns a duty off and on again; a manager sees the settings read-only;
// the approve and accept buttons are disabled for the author of the work, with the reason shown.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { login, startServer } from '../lib/server.mjs';
import { adminAndManagerBrowsers, apiGet, apiSend, closeBrowsers, screenshot } from './helpers.mjs';

const PW = 'manager browser password';
const inDays = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

describe('organization settings in the browser', () => {
  let server, browser, page;
  let admin; // API session of the admin
  let manager; // API session of the manager
  let mb; // the manager's browser

  const send = async (session, method, path, body, headers) => {
    const r = await apiSend(server.url, session, method, path, { body, headers });
    const text = await r.text();
    assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${text}`);
    return JSON.parse(text);
  };

  before(async () => {
    server = await startServer();
    ({ browser, page, mb } = await adminAndManagerBrowsers(server, PW));
    admin = await login(server.url, server.admin.email, server.admin.password);
    manager = await login(server.url, 'manager@acme.test', PW);
  });

  after(() => closeBrowsers(server, mb, browser));

  test('an admin turns SoA approval segregation off and on again; the page shows who changed it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organization settings' }).waitFor();
    const form = page.getByTestId('org-settings-form');
    await form.getByText('These are the defaults; no one has changed them yet.').waitFor();
    for (const d of ['impact_approval', 'risk_acceptance', 'soa_approval']) assert.equal(await page.getByTestId(`sod-${d}`).isChecked(), true, d);
    await page.getByTestId('sod-soa_approval').uncheck();
    await page.getByTestId('org-settings-save').click();
    await page.getByTestId('flash').waitFor();
    await page.getByTestId('org-settings-version').filter({ hasText: `Version 1, last changed by ${server.admin.email}.` }).waitFor();
    let s = await apiGet(server.url, admin, '/api/v1/org-settings');
    assert.deepEqual(s.segregation_of_duties, { impact_approval: true, risk_acceptance: true, soa_approval: false });
    await screenshot(page, '90-org-settings');
    await page.getByTestId('sod-soa_approval').check();
    await page.getByTestId('org-settings-save').click();
    await page.getByTestId('org-settings-version').filter({ hasText: 'Version 2' }).waitFor();
    s = await apiGet(server.url, admin, '/api/v1/org-settings');
    assert.equal(s.segregation_of_duties.soa_approval, true);
    assert.deepEqual(browser.problems, []);
  });

  test('a manager sees the settings read-only', async () => {
    await mb.page.goto('/settings');
    await mb.page.getByTestId('org-settings-readonly').filter({ hasText: 'Only admins change these settings.' }).waitFor();
    assert.equal(await mb.page.getByTestId('org-settings-save').count(), 0);
    for (const d of ['impact_approval', 'risk_acceptance', 'soa_approval']) assert.equal(await mb.page.getByTestId(`sod-${d}`).isDisabled(), true, d);
    await screenshot(mb.page, '91-org-settings-read-only');
    assert.deepEqual(mb.problems, []);
  });

  test('the submitter cannot approve an impact assessment: the button says why; another approver can', async () => {
    const sys = await send(admin, 'POST', '/api/v1/systems', { name: 'Loan scoring', purpose: 'Scores loan applications' });
    const a = await send(manager, 'POST', '/api/v1/impact-assessments', {
      system_id: sys.id, scope: 'Loan decisions', purpose: 'Scoring', intended_uses: 'Decision support', deployment_context: 'Branches',
      next_review_date: inDays(365),
      impacts: [{ category: 'individual', type: 'harm', affected_party: 'Applicants', description: 'Unfair refusal', severity: 2, likelihood: 3 }],
    });
    await send(manager, 'POST', `/api/v1/impact-assessments/${a.id}/submit`);
    await mb.page.goto(`/impact/${a.id}`);
    await mb.page.getByTestId('approve-blocked').filter({ hasText: 'Segregation of duties: you submitted this assessment; another manager or admin must approve it.' }).waitFor();
    assert.equal(await mb.page.getByTestId('approve').isDisabled(), true);
    await screenshot(mb.page, '92-impact-approve-own-work', { fullPage: false });
    await page.goto(`/impact/${a.id}`);
    await page.getByTestId('approve').waitFor();
    assert.equal(await page.getByTestId('approve').isDisabled(), false);
    assert.equal(await page.getByTestId('approve-blocked').count(), 0);
  });

  test('the creator cannot accept a risk, and an SoA editor cannot approve: the buttons say why; the admin can', async () => {
    const risk = await send(manager, 'POST', '/api/v1/risks', { title: 'Model drift', inherent_likelihood: 2, inherent_impact: 2 });
    await mb.page.goto(`/risks/${risk.id}`);
    await mb.page.getByTestId('accept-own-work').filter({ hasText: 'Segregation of duties: you created this risk' }).waitFor();
    assert.equal(await mb.page.getByTestId('accept-risk').isDisabled(), true);
    await page.goto(`/risks/${risk.id}`);
    await page.getByTestId('accept-risk').waitFor();
    assert.equal(await page.getByTestId('accept-risk').isDisabled(), false);

    await send(manager, 'PATCH', '/api/v1/soa/entries/A.2.2', { owner: 'Head of AI Governance' }, { 'if-match': '"v0"' });
    await mb.page.goto('/soa');
    await mb.page.getByTestId('soa-approve-blocked').filter({ hasText: 'you changed entries of this version (A.2.2)' }).waitFor();
    assert.equal(await mb.page.getByTestId('soa-approve').isDisabled(), true);
    await screenshot(mb.page, '93-soa-approve-own-work', { fullPage: false });
    await page.goto('/soa');
    await page.getByTestId('soa-approve').waitFor();
    assert.equal(await page.getByTestId('soa-approve').isDisabled(), false);
    assert.deepEqual(mb.problems, []);
    assert.deepEqual(browser.problems, []);
  });
});
