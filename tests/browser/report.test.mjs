// The printable gap-assessment report in real chromium: it lives at a real address of the web app
// (/assessments/:id/report) that opens directly, as a bookmark would, shows the API's report model
// (figures, roadmap actions by phase and start with their action text), uses no blob: URL, and
// prints without the app's frame.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, apiSend, closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';

const ASM = '/api/v1/assessments';

describe('the printable report page', () => {
  let server, browser, page, api, id, report;
  const blobs = [];

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    const send = async (method, path, body) => {
      const r = await apiSend(server.url, api, method, path, { body });
      const text = await r.text();
      assert.ok(r.ok, `${method} ${path}: ${r.status} ${text}`);
      return JSON.parse(text);
    };
    id = (await send('POST', ASM, { name: 'Report <Q4> & co', approach: 'clauses', target_maturity: 3, owner: 'Zoë', assessment_date: '2026-12-06' })).id;
    const items = (await apiGet(server.url, api, `${ASM}/${id}/answers`)).items;
    for (const [i, it] of items.entries())
      await send('PUT', `${ASM}/${id}/answers/${encodeURIComponent(it.item_id)}`, { maturity: [1, 4, 2, 0, 3][i % 5] });
    await send('POST', `${ASM}/${id}/roadmap`, { start_date: '2027-01-04', capacity: 2 });
    report = await apiGet(server.url, api, `${ASM}/${id}/report?format=json`);
    // Every navigation and request the pages make, to show that none is a blob: URL.
    browser.context.on('request', (r) => r.url().startsWith('blob:') && blobs.push(r.url()));
    browser.context.on('page', (p) => p.on('framenavigated', (f) => f.url().startsWith('blob:') && blobs.push(f.url())));
    page.on('framenavigated', (f) => f.url().startsWith('blob:') && blobs.push(f.url()));
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  test('the results page links to the report at its own address', async () => {
    await page.goto(`/assessments/${encodeURIComponent(id)}/results`);
    const link = page.getByTestId('report-html');
    assert.equal(await link.getAttribute('href'), `/assessments/${encodeURIComponent(id)}/report`);
    await link.click();
    await page.waitForURL(new RegExp(`/assessments/${id}/report$`));
    await page.getByTestId('printable-report').waitFor();
  });

  test('opened directly (a bookmark), it shows the report model: figures, and the roadmap by phase and start with the action text', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(`/assessments/${encodeURIComponent(id)}/report`);
    const r = tab.getByTestId('printable-report');
    await r.getByRole('heading', { level: 1, name: 'Report <Q4> & co' }).waitFor();
    // The title is set by an effect after the report has rendered: wait for the report's own.
    await tab.waitForFunction(() => document.title.startsWith('Gap assessment report'));
    assert.equal(await tab.title(), 'Gap assessment report — Report <Q4> & co · aims');
    assert.equal((await tab.getByTestId('report-overall').locator('.value').textContent()).trim(), report.summary.overall_maturity_text);
    assert.equal((await tab.getByTestId('report-readiness').locator('.value').textContent()).trim(), report.summary.readiness.percent_text);
    assert.equal(await tab.getByTestId('report-items').locator('tbody tr').count(), report.items.length);
    await tab.getByTestId('report-radar-clauses').waitFor();

    const rows = tab.getByTestId('report-roadmap').locator('tbody tr');
    const actions = report.roadmap.actions;
    assert.ok(actions.length > 2);
    assert.equal(await rows.count(), actions.length);
    assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.dataset.itemId)), actions.map((a) => a.item_id));
    const keys = actions.map((a) => [a.phase, a.start_date]);
    assert.deepEqual(keys, [...keys].sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1])), 'by phase, then start');
    const first = rows.first();
    await first.getByText(actions[0].suggested_action).waitFor();
    await first.getByText(actions[0].title).waitFor();
    assert.doesNotMatch(await r.textContent(), /\b\d{4}-\d\d-\d\d\b/, 'dates for people');
    await screenshot(tab, '39-assessment-report');

    // On paper: the report alone, without the app's frame and the toolbar.
    await tab.emulateMedia({ media: 'print' });
    assert.equal(await tab.locator('.topbar').isVisible(), false);
    assert.equal(await tab.locator('.sidenav').isVisible(), false);
    assert.equal(await tab.getByTestId('report-print').isVisible(), false);
    assert.equal(await r.isVisible(), true);
    const box = await r.boundingBox();
    assert.ok(box.x < 40, `the report starts at the left edge when printed (x = ${box.x})`);
    await tab.emulateMedia({ media: 'screen' });
    assert.equal(await tab.getByTestId('report-print').isVisible(), true);
    await tab.close();
  });

  test('no blob: URL was used', () => {
    assert.deepEqual(blobs, []);
    assert.deepEqual(browser.problems, []);
  });

  test('another organization\'s id, or none, shows the error, not a report', async () => {
    await page.goto('/assessments/asm_doesnotexist/report');
    await page.getByText('The report could not be loaded.').waitFor();
    assert.equal(await page.getByTestId('printable-report').count(), 0);
  });
});
