// Browser test in real chromium against a real demo server: one figure, one rounding — the
// dashboard and the results page show the same readiness and maturity text for the demo's
// latest assessment — and people's dates: no list page shows a raw ISO timestamp.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, closeCleanSession, openAdminSession } from './helpers.mjs';

describe('figures and dates as people read them', () => {
  let server, browser, page, api;

  before(async () => ({ server, browser, page, api } = await openAdminSession({ api: true })));
  after(() => closeCleanSession(browser, server));

  const text = async (testId) => (await page.getByTestId(testId).locator('.figure-value, .stat-value').first().textContent()).trim();

  test('the dashboard and the results page show the same readiness and maturity', async () => {
    const latest = (await apiGet(server.url, api, '/api/v1/assessments?limit=1')).items[0];
    const results = await apiGet(server.url, api, `/api/v1/assessments/${latest.id}/results`);
    await page.goto('/');
    await page.getByTestId('dash-readiness').waitFor();
    const dash = { readiness: await text('dash-readiness'), maturity: await text('dash-maturity') };
    await page.goto(`/assessments/${encodeURIComponent(latest.id)}/results`);
    await page.getByTestId('readiness').waitFor();
    const onResults = { readiness: await text('readiness'), maturity: await text('overall-maturity') };
    assert.deepEqual(dash, onResults);
    assert.equal(dash.readiness, `${results.readiness.percent.toFixed(1)}%`, 'the server value, one decimal');
    assert.equal(dash.maturity, results.overall_maturity.toFixed(2));
  });

  test('list pages show people\'s dates, never a raw ISO timestamp', async () => {
    for (const [path, ready] of [
      ['/systems', 'table tbody tr'], ['/assessments', 'main a'], ['/impact', 'table tbody tr'], ['/risks', 'table tbody tr'],
      ['/objectives', 'main a'], ['/evidence', 'table tbody tr'], ['/obligations', '.ob-card'], ['/audit', 'main'],
    ]) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const body = await page.locator('main').innerText();
      assert.doesNotMatch(body, /\d{4}-\d{2}-\d{2}T/, `${path} shows a raw timestamp`);
    }
  });
});
