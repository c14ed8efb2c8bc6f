// Browser test of AI incidents in real chromium against a real demo server: the demo's serious
// incident with one clock met and one running; then a new incident of the credit scoring model
// (the organization is its provider) created in the form, qualified as serious in the wizard, its
// 15-day clock shown running, an initial and a final report recorded, and the clock met; the
// incident's PDF and JSON downloaded from its page. Its times (occurred, aware, reports sent,
// deadlines) read like the rest of the UI, each with its ISO value in <time datetime>.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';
import { openPage } from './pages.mjs';

describe('AI incidents and their reporting clocks', () => {
  let server, browser, page;

  before(async () => {
    ({ server, browser, page } = await openSession({ server: { demo: true } }));
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(async () => {
    assert.deepEqual(browser?.problems ?? [], [], 'no page or console errors');
    await closeSession(browser, server);
  });

  test('the demo incident: the provider informed in time, the authority still to inform', async () => {
    await openPage(page, '/incidents/clocks');
    const card = page.locator('[data-incident]').filter({ hasText: 'career gap' });
    await card.waitFor();
    assert.equal(await card.locator('[data-clock="eu-ai-act-26-5-authority"]').getAttribute('data-status'), 'running');
    for (const due of await page.getByTestId('clocks-board').locator('time').all()) {
      assert.match(await due.getAttribute('datetime'), /^\d{4}-\d{2}-\d{2}T/);
      assert.doesNotMatch(await due.textContent(), /\d{4}-\d{2}-\d{2}T/, 'the board\'s deadlines are not shown as ISO');
    }
    await card.getByRole('link').click();
    await page.getByTestId('incident-clocks').waitFor();
    const met = page.locator('[data-clock="eu-ai-act-26-5-provider"]');
    assert.equal(await met.getAttribute('data-status'), 'met');
    assert.match(await met.getByTestId('clock-status').textContent(), /Met \(in time\)/);
    await screenshot(page, 'incidents-demo');
  });

  test('create, qualify as serious, clocks shown, initial and final report, clock met', async () => {
    await openPage(page, '/incidents/new');
    const form = page.getByTestId('kind-form');
    await form.locator('[name="title"]').fill('Credit limits cut for a postcode');
    await form.locator('[name="system_id"]').selectOption({ label: 'Credit scoring model' });
    const occurred = new Date(Date.now() - 5 * 86400000).toISOString();
    const aware = new Date(Date.now() - 2 * 86400000).toISOString();
    await form.locator('[name="occurred_at"]').fill(occurred);
    await form.locator('[name="became_aware_at"]').fill(aware);
    await form.locator('[name="description"]').fill('Applicants from one postcode had their credit limits cut.');
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('kind-detail').waitFor();
    await page.getByTestId('incident-workflow').getByText('Not qualified yet.', { exact: true }).waitFor();
    // The times read like the rest of the UI (the browser's locale, to the minute), the ISO value kept.
    const shown = (iso) => page.evaluate((v) => new Date(v).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }), iso);
    for (const [field, iso] of [['occurred_at', occurred], ['became_aware_at', aware]]) {
      const time = page.locator(`[data-field="${field}"] dd time`);
      assert.equal((await time.textContent()).trim(), await shown(iso), field);
      assert.equal(await time.getAttribute('datetime'), iso);
      assert.ok(!(await page.locator(`[data-field="${field}"] dd`).textContent()).includes('T'), `${field} is not shown as ISO`);
    }

    await page.getByTestId('qualify-open').click();
    const wizard = page.getByTestId('qualify-form');
    await wizard.locator('input[name="harm_category"][value="c"]').check();
    await wizard.locator('input[name="causal_link"][value="established"]').check();
    await wizard.locator('[name="rationale"]').fill('Indirect discrimination by a high-risk credit scoring system.');
    await page.getByTestId('qualify-submit').click();
    await page.getByTestId('qualification-outcome').filter({ hasText: 'Serious incident' }).waitFor();
    const clock = page.locator('[data-clock="eu-ai-act-73-2"]');
    await clock.waitFor();
    assert.equal(await clock.getAttribute('data-status'), 'running');
    assert.match(await clock.textContent(), /Art\. 73\(2\).*Running.*left/s);
    await screenshot(page, 'incidents-qualified');

    const local = (msAgo) => page.evaluate((ago) => {
      const d = new Date(Date.now() - ago);
      const p = (n) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    }, msAgo);
    for (const [type, ago] of [['initial', 3600000], ['final', 600000]]) {
      await page.getByTestId('report-open').click();
      const f = page.getByTestId('report-form');
      await f.locator('[name="type"]').selectOption(type);
      await f.locator('[name="recipient"]').fill('Market surveillance authority');
      await f.locator('[name="sent_at"]').fill(await local(ago));
      await f.locator('[name="content"]').fill(`${type} report`);
      await page.getByTestId('report-submit').click();
      await page.locator(`[data-report="RPT-${type === 'initial' ? 1 : 2}"]`).waitFor();
    }
    await page.locator('[data-clock="eu-ai-act-73-2"][data-status="met"]').waitFor();
    // The report chain's sent times and the clocks' deadlines read the same way.
    const sent = page.locator('[data-report="RPT-1"] time');
    assert.equal((await sent.textContent()).trim(), await shown(await sent.getAttribute('datetime')));
    const deadline = page.locator('[data-clock="eu-ai-act-73-2"] time');
    assert.equal((await deadline.textContent()).trim(), await shown(await deadline.getAttribute('datetime')));
    assert.match(await page.locator('[data-clock="eu-ai-act-73-2"]').getByTestId('clock-status').textContent(), /Met \(in time\) by RPT-1/);
    await screenshot(page, 'incidents-reported');

    // The incident's exports: the PDF for an authority or an auditor, and the JSON.
    const id = new URL(page.url()).pathname.split('/').pop();
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('incident-export-pdf').click()]);
    assert.match(pdf.suggestedFilename(), new RegExp(`${id} Credit limits cut for a postcode incident report \\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    assert.equal(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1'), '%PDF-');
    const [data] = await Promise.all([page.waitForEvent('download'), page.getByTestId('incident-export-json').click()]);
    const exported = JSON.parse(readFileSync(await data.path(), 'utf8'));
    assert.equal(exported.format, 'aims-incident/1');
    assert.equal(exported.incident.id, id);
    assert.equal(exported.reports.length, 2);
  });
});
