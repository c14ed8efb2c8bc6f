// Browser test in real chromium against a real demo server: the overview tab of the demo
// credit-scoring system (the default tab) shows its parts and what is missing; a finding's link
// leads to the list filtered to the system, and a card's title to its filtered list.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, apiSend, closeCleanSession, openSession, screenshot, uiLogin } from './helpers.mjs';

const inDays = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

describe('the overview of one AI system', () => {
  let server, browser, page, api, credit, risk;

  before(async () => {
    ({ server, browser, page, api } = await openSession({ server: { demo: true }, api: true }));
    credit = (await apiGet(server.url, api, `/api/v1/systems?q=${encodeURIComponent('Credit scoring model')}`)).items[0];
    // A cause of a finding: a risk of the system past its review date.
    const r = await apiSend(server.url, api, 'POST', '/api/v1/risks', {
      body: { title: 'Overview overdue review', system_id: credit.id, inherent_likelihood: 2, inherent_impact: 2, review_date: inDays(-3) },
    });
    assert.equal(r.status, 201);
    risk = await r.json();
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeCleanSession(browser, server));

  test('the parts, the finding and a link to the filtered list', async () => {
    await page.goto(`/systems/${encodeURIComponent(credit.id)}`);
    const overview = page.getByTestId('system-overview');
    await overview.waitFor();
    for (const part of ['missing', 'classification', 'risks', 'impact', 'objectives', 'history'])
      await overview.getByTestId(`overview-${part}`).waitFor();
    await overview.getByTestId('evidence-panel').waitFor();
    const roles = (await overview.getByTestId('overview-classification').getByTestId('roles-of').textContent()).trim();
    assert.match(roles, /Provider/);
    assert.match(roles, /Deployer/);
    const finding = overview.getByTestId('overview-missing').locator('[data-code="risk_review_overdue"]');
    await finding.waitFor();
    await screenshot(page, '90-system-overview');

    await finding.getByRole('link').click();
    await page.waitForURL(/\/risks\?/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('system_id'), credit.id);
    assert.equal(url.searchParams.get('overdue'), 'true');
    await page.locator(`tr[data-risk="${risk.id}"]`).waitFor();
    const shown = await page.locator('tr[data-risk]').count();
    const listed = await apiGet(server.url, api, `/api/v1/risks?system_id=${credit.id}&overdue=true&limit=100`);
    assert.equal(shown, listed.items.length);

    // The risks card's title leads to the system's risks.
    await page.goBack();
    await page.getByTestId('overview-risks').getByRole('heading').getByRole('link').click();
    await page.waitForURL(/\/risks\?system_id=/);
    assert.equal(new URL(page.url()).searchParams.get('system_id'), credit.id);
  });
});
