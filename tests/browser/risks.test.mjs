// Browser test of the AI risk register (SPEC §6) in real chromium against a real aims server: the
// empty register, the heat map of inherent and residual risk, filtering the register from a heat map
// cell, creating a risk through the form (client and server field errors), its link in the Statement
// of Applicability, formal acceptance through the confirmation dialog, the criteria page, and what a
// viewer does not see.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aims } from '../lib/server.mjs';
import { apiGet, apiSend, closeSession, launchBrowser, openSession, screenshot, setSegregation, uiLogin } from './helpers.mjs';

const inDays = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

describe('risk register in the browser', () => {
  let server, browser, page, api, sys;

  const post = async (path, body, headers) => {
    const r = await apiSend(server.url, api, 'POST', path, { body, headers });
    const text = await r.text();
    assert.ok(r.status < 300, `${path}: ${r.status} ${text}`);
    return JSON.parse(text);
  };

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    await setSegregation(server.url, api, { risk_acceptance: false }); // the admin accepts its own risks here
    sys = await post('/api/v1/systems', { name: 'Credit scoring model', purpose: 'Scores loan applications' });
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  test('an empty register explains itself and offers to register the first risk', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risks' }).waitFor();
    await page.getByTestId('risks-empty').waitFor();
    await page.getByTestId('heatmap-card').getByText('No open risks to map yet.').waitFor();
    await screenshot(page, '60-risks-empty');
  });

  test('the heat map shows inherent and residual risks per cell in the level colours', async () => {
    await post('/api/v1/risks', { title: 'Biased scores for some postcodes', system_id: sys.id, inherent_likelihood: 4, inherent_impact: 4, residual_likelihood: 2, residual_impact: 4, treatment: 'modify', status: 'treating', planned_controls: ['A.7.4'] });
    await post('/api/v1/risks', { title: 'Model drift after a rate change', system_id: sys.id, inherent_likelihood: 4, inherent_impact: 4, residual_likelihood: 3, residual_impact: 3, treatment: 'modify', status: 'treating', review_date: inDays(-3) });
    await post('/api/v1/risks', { title: 'Too few trained reviewers', inherent_likelihood: 2, inherent_impact: 3 });
    await page.reload();
    const inherent = page.getByTestId('heatmap-inherent');
    const residual = page.getByTestId('heatmap-residual');
    await inherent.locator('[data-cell="4,4"]').filter({ hasText: '2' }).waitFor();
    assert.equal((await inherent.locator('[data-cell="2,3"]').textContent()).trim(), '1');
    assert.equal((await residual.locator('[data-cell="2,4"]').textContent()).trim(), '1');
    assert.equal((await residual.locator('[data-cell="3,3"]').textContent()).trim(), '1');
    assert.equal((await residual.locator('[data-cell="4,4"]').textContent()).trim(), '·');
    // The critical cell is red, the low corner green (the default criteria's colours).
    assert.equal(await inherent.locator('[data-cell="4,4"]').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(198, 40, 40)');
    assert.equal(await inherent.locator('[data-cell="1,1"]').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(46, 125, 50)');
    await page.getByTestId('heatmap-card').getByText('3 open risks · 1 overdue review').waitFor();
    // The register loads apart from the heat map: count its rows once its answer is in.
    await page.getByTestId('risks-total').filter({ hasText: '1–3 of 3 risks' }).waitFor();
    assert.equal(await page.getByTestId('risks-table').locator('tbody tr').count(), 3);
    await screenshot(page, '61-risks-heatmap');
  });

  test('clicking a heat map cell filters the register (in the URL); the chip clears it', async () => {
    await page.getByTestId('heatmap-residual').locator('[data-cell="3,3"]').click();
    await page.waitForURL(/residual_likelihood=3&residual_impact=3/);
    await page.getByTestId('risks-total').filter({ hasText: '1–1 of 1 risk' }).waitFor();
    const rows = page.getByTestId('risks-table').locator('tbody tr');
    assert.equal(await rows.count(), 1);
    await rows.first().getByText('Model drift after a rate change').waitFor();
    assert.equal(await page.getByTestId('heatmap-residual').locator('[data-cell="3,3"]').getAttribute('aria-pressed'), 'true');
    await screenshot(page, '62-risks-cell-filter');
    // A deep link reproduces the view.
    await page.goto('/risks?inherent_likelihood=4&inherent_impact=4&sort=-residual');
    await page.getByTestId('risks-total').filter({ hasText: 'of 2 risks' }).waitFor();
    assert.deepEqual(await rows.locator('td.mono').allTextContents(), ['R-2', 'R-1']);
    await page.getByTestId('cell-filter').click();
    await page.getByTestId('risks-total').filter({ hasText: 'of 3 risks' }).waitFor();
    // The box follows the URL, which the router updates in a transition: click, then wait for the URL
    // (check() would insist on the new state at once, before that render).
    await page.getByTestId('filter-overdue').click();
    await page.waitForURL(/overdue=true/);
    await page.getByTestId('filter-overdue').and(page.locator(':checked')).waitFor();
    await page.getByTestId('risks-total').filter({ hasText: '1–1 of 1 risk' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByTestId('risks-total').filter({ hasText: 'of 3 risks' }).waitFor();
  });

  test('creating a risk: client checks, a server field error on the planned controls, then success and the SoA link', async () => {
    await page.getByTestId('new-risk').click();
    await page.getByRole('heading', { level: 1, name: 'New risk' }).waitFor();
    const form = page.getByTestId('risk-form');
    await page.getByTestId('risk-save').click();
    await form.getByTestId('field-error-title').waitFor();
    await form.getByTestId('field-error-inherent_likelihood').waitFor();

    await form.getByLabel('Title').fill('Chatbot answers taken as financial advice');
    await form.getByLabel('AI system').selectOption({ label: 'Credit scoring model' });
    await form.getByText('C.3.3').click();
    await form.getByLabel('Inherent likelihood').selectOption('3');
    await form.getByLabel('Inherent impact').selectOption('4');
    await form.getByTestId('inherent-preview').getByText('High').waitFor();
    await form.getByLabel('Treatment option').selectOption('modify');
    await form.getByTestId('add-control').selectOption('A.8.2');
    await form.getByLabel('Planned controls').fill('A.8.2\nA.6.2.99\nDisclaimer in every answer');
    await form.getByLabel('Residual likelihood').selectOption('2');
    await form.getByTestId('residual-preview').getByText('Medium').waitFor();
    await form.getByLabel('Status').selectOption('treating');
    await page.getByTestId('risk-save').click();
    await form.getByTestId('field-error-planned_controls').filter({ hasText: 'A.6.2.99 is not an Annex A control' }).waitFor();
    assert.equal((await apiGet(server.url, api, '/api/v1/risks')).total, 3, 'nothing was stored');
    await screenshot(page, '63-risk-form-error');

    await form.getByLabel('Planned controls').fill('A.8.2\nDisclaimer in every answer');
    await page.getByTestId('risk-save').click();
    await page.waitForURL(/\/risks\/R-4$/);
    await page.getByTestId('flash').filter({ hasText: 'R-4' }).waitFor();
    await page.getByTestId('inherent-level').filter({ hasText: 'High' }).waitFor();
    await page.getByTestId('residual-level').filter({ hasText: 'Medium' }).waitFor();
    const stored = await apiGet(server.url, api, '/api/v1/risks/R-4');
    assert.deepEqual(stored.planned_controls, ['A.8.2', 'Disclaimer in every answer']);
    assert.deepEqual(stored.risk_sources, ['C.3.3']);
    assert.equal(stored.system_id, sys.id);
    await screenshot(page, '64-risk-detail');

    // The Statement of Applicability shows the link, and it leads back to the risk.
    await page.goto('/soa?q=A.8.2');
    const row = page.locator('tr[data-control="A.8.2"]');
    await row.getByTestId('linked-risks').getByRole('link', { name: 'R-4' }).click();
    await page.waitForURL(/\/risks\/R-4$/);
  });

  test('accepting the residual risk goes through a confirmation dialog; a high residual cannot be accepted', async () => {
    await page.goto('/risks/R-4');
    await page.getByTestId('accept-risk').click();
    const dialog = page.getByTestId('confirm-dialog').filter({ hasText: 'Accept the residual risk of R-4?' });
    await dialog.getByTestId('accept-rationale').fill('Disclosure and hand-over to an agent are live.');
    await dialog.getByTestId('accept-expires').fill(inDays(200));
    await screenshot(page, '65-risk-accept', { fullPage: false });
    await dialog.getByRole('button', { name: 'Accept risk' }).click();
    await page.getByTestId('flash').filter({ hasText: 'R-4 was accepted' }).waitFor();
    await page.getByTestId('acceptance').getByText('Accepted', { exact: true }).waitFor();
    const stored = await apiGet(server.url, api, '/api/v1/risks/R-4');
    assert.equal(stored.acceptance_state, 'accepted');
    assert.equal(stored.acceptance.expires_on, inDays(200));

    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByTestId('history').getByText('Accepted', { exact: true }).waitFor();
    // Each change is in the audit log, its inclusion proof checked in the browser.
    await page.waitForFunction((sel) => {
      const all = [...document.querySelectorAll(`${sel} [data-testid="proof-status"]`)];
      return all.length > 0 && all.every((e) => e.dataset.status !== 'checking');
    }, '[data-testid="history"]');
    assert.deepEqual([...new Set(await page.locator('[data-testid="history"] [data-testid="proof-status"]').evaluateAll((els) => els.map((e) => e.dataset.status)))], ['verified'],
      'every history row\'s audit entry verifies in the browser');

    // R-2's residual level is medium at 3 × 3 … raised to high, the page says why it cannot be accepted.
    const r2 = await apiGet(server.url, api, '/api/v1/risks/R-2');
    const r = await apiSend(server.url, api, 'PATCH', '/api/v1/risks/R-2', { body: { residual_impact: 4 }, headers: { 'if-match': `"v${r2.version}"` } });
    assert.equal(r.status, 200);
    await page.goto('/risks/R-2');
    await page.getByTestId('accept-blocked').filter({ hasText: 'above the acceptance threshold' }).waitFor();
    assert.equal(await page.getByTestId('accept-risk').count(), 0);
  });

  test('an edit made by someone else meanwhile is refused (412) and the latest version can be reloaded', async () => {
    await page.goto('/risks/R-3/edit');
    const form = page.getByTestId('risk-form');
    await form.getByLabel('Owner').fill('Governance office');
    const r3 = await apiGet(server.url, api, '/api/v1/risks/R-3');
    const r = await apiSend(server.url, api, 'PATCH', '/api/v1/risks/R-3', { body: { owner: 'Someone else' }, headers: { 'if-match': `"v${r3.version}"` } });
    assert.equal(r.status, 200);
    await page.getByTestId('risk-save').click();
    await page.getByTestId('conflict-banner').waitFor();
    assert.equal((await apiGet(server.url, api, '/api/v1/risks/R-3')).owner, 'Someone else');
    await page.getByRole('button', { name: 'Reload latest version' }).click();
    await page.waitForFunction(() => document.querySelector('[name="owner"]')?.value === 'Someone else');
    await form.getByLabel('Owner').fill('Governance office');
    await page.getByTestId('risk-save').click();
    await page.waitForURL(/\/risks\/R-3$/);
    assert.equal((await apiGet(server.url, api, '/api/v1/risks/R-3')).owner, 'Governance office');
  });

  test('the criteria page: an admin changes the threshold; the dashboard card counts the register', async () => {
    await page.getByTestId('risk-criteria-link').count(); // present on the register page
    await page.goto('/risk-criteria');
    await page.getByRole('heading', { level: 1, name: 'Risk criteria' }).waitFor();
    await page.getByTestId('matrix').locator('[data-cell="5,5"]').filter({ hasText: 'Critical' }).waitFor();
    await page.getByTestId('threshold').selectOption('high');
    await page.getByTestId('save-criteria').click();
    await page.getByTestId('flash').filter({ hasText: 'Saved as version 1' }).waitFor();
    assert.equal((await apiGet(server.url, api, '/api/v1/risk-criteria')).acceptance_threshold, 'high');
    await screenshot(page, '66-risk-criteria');
    await page.goto('/risks/R-2');
    await page.getByTestId('accept-risk').waitFor();

    await page.goto('/');
    const card = page.getByTestId('dashboard-risks');
    await card.getByTestId('dash-overdue-reviews').filter({ hasText: '1' }).waitFor();
    await screenshot(page, '67-dashboard-risks');
    await card.getByTestId('dash-overdue-reviews').click();
    await page.waitForURL(/\/risks\?overdue=true/);
    await page.getByTestId('risks-total').filter({ hasText: '1–1 of 1 risk' }).waitFor();
    assert.deepEqual(browser.problems, []);
  });

  test('a viewer sees the register and the criteria but no write buttons', async () => {
    const add = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', 'viewer@acme.test', '--role', 'viewer'], 'viewer password 1\n');
    assert.equal(add.status, 0, add.stderr);
    const viewer = await launchBrowser({ baseURL: server.url });
    try {
      await uiLogin(viewer.page, 'viewer@acme.test', 'viewer password 1');
      await viewer.page.goto('/risks');
      await viewer.page.getByTestId('risks-table').waitFor();
      assert.equal(await viewer.page.getByTestId('new-risk').count(), 0);
      await viewer.page.goto('/risks/R-4');
      await viewer.page.getByTestId('acceptance').waitFor();
      assert.equal(await viewer.page.getByTestId('edit-risk').count(), 0);
      assert.equal(await viewer.page.getByTestId('withdraw-acceptance').count(), 0);
      await viewer.page.goto('/risk-criteria');
      await viewer.page.getByText('Only admins change the risk criteria').waitFor();
      assert.equal(await viewer.page.getByTestId('save-criteria').count(), 0);
      assert.deepEqual(viewer.problems, []);
    } finally {
      await viewer.close();
    }
  });
});
