// Browser test in real chromium against a real demo server: the dashboard answers "where do we
// stand" first — its first section is "Where we stand" with the latest completed assessment's
// readiness and maturity as the results page rounds them — then the next roadmap actions and what is
// due this month, before the inventory counts; every link of the due list opens its record's page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, closeCleanSession, openSession, uiLogin } from './helpers.mjs';
import { settled } from './pages.mjs';

describe('the dashboard, where we stand first', () => {
  let server, browser, page, api, dash;

  before(async () => {
    ({ server, browser, page, api } = await openSession({ server: { demo: true }, api: true }));
    dash = await apiGet(server.url, api, '/api/v1/dashboard');
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeCleanSession(browser, server));

  const figure = async (testId) => (await page.getByTestId(testId).locator('.figure-value').first().textContent()).trim();

  test('the first section is "Where we stand", then the next actions and what is due, then the counts', async () => {
    await page.goto('/');
    await page.getByTestId('stand-readiness').waitFor();
    const headings = await page.locator('main h2').allTextContents();
    assert.deepEqual(headings.slice(0, 3), ['Where we stand', 'Next roadmap actions', 'Due this month']);
    // The inventory's counts come after the three.
    const order = await page.evaluate(() => {
      const at = (sel) => [...document.querySelectorAll('main *')].indexOf(document.querySelector(sel));
      return { due: at('[data-testid="due-this-month"]'), counts: at('[data-testid="stat-total"]') };
    });
    assert.ok(order.due >= 0 && order.counts > order.due, JSON.stringify(order));

    const s = dash.where_we_stand;
    const results = await apiGet(server.url, api, `/api/v1/assessments/${s.assessment.id}/results`);
    assert.equal(await figure('stand-readiness'), `${results.readiness.percent.toFixed(1)}%`);
    assert.equal(await figure('stand-maturity'), results.overall_maturity.toFixed(2));
    await page.getByTestId('stand-draft').getByText(s.draft.name).waitFor();

    const actions = page.getByTestId('next-action');
    assert.equal(await actions.count(), dash.next_actions.items.length);
    const first = dash.next_actions.items[0];
    assert.match(await actions.first().innerText(), new RegExp(`Phase ${first.phase}`));
    await actions.first().getByRole('link').click();
    await page.waitForURL(`**/assessments/${s.assessment.id}/roadmap`);
  });

  test('each link of the due list opens its page', async () => {
    const items = dash.due_this_month.items;
    assert.ok(items.length > 0, 'the demo has something due');
    // One item of each source the demo has, followed from the page.
    const seen = new Set();
    for (const [i, x] of items.entries()) {
      if (seen.has(x.source)) continue;
      seen.add(x.source);
      await page.goto('/');
      const li = page.getByTestId('due-item').nth(i);
      await li.waitFor();
      assert.equal(await li.getAttribute('data-source'), x.source);
      await li.getByRole('link', { name: x.title }).click();
      await page.waitForURL((u) => u.pathname + u.search === x.link);
      // The dashboard (its own h1, no error) stays a moment after the URL changes: wait until it
      // is gone and the page opened has loaded before looking for an error.
      await page.getByTestId('due-this-month').waitFor({ state: 'detached' });
      await settled(page);
      assert.equal(await page.locator('[role="alert"].banner-error').count(), 0, `${x.link} opened without an error`);
    }
    assert.ok(seen.size >= 2, [...seen].join(', '));
  });
});
