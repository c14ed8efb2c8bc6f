// Browser test of the gap assessment (SPEC §4) in real chromium against a real aims server:
// starting an assessment of all 70 items, answering every one in the guided mode (one control not
// applicable, one item skipped and answered at the end), the results with their radar charts and
// gap list, the roadmap timeline with an edit and a regeneration, resuming, and the comparison.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, apiSend, closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';

const SKIPPED = '4.2';
const NOT_APPLICABLE = 'A.10.4';

describe('gap assessment in the browser', () => {
  let server, browser, page, api, assessmentId;

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  test('the empty list explains assessments; one is started for clauses and Annex A', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
    const empty = page.getByTestId('assessments-empty');
    await empty.getByText('one at a time').waitFor();
    await screenshot(page, '30-assessments-empty');
    await empty.getByRole('link', { name: 'Start your first assessment' }).click();

    await page.getByRole('heading', { name: 'New assessment' }).waitFor();
    // The target offers the level names of the maturity scale.
    await page.getByLabel('Target maturity').locator('option', { hasText: 'Defined' }).waitFor({ state: 'attached' });
    assert.equal(await page.getByLabel('Target maturity').inputValue(), '3');
    // A name is required before anything is sent.
    await page.getByTestId('create-assessment').click();
    await page.getByTestId('field-error-name').waitFor();
    await page.getByLabel('Name').fill('Baseline 2026');
    await page.getByLabel('Clauses 4–10 and Annex A').check();
    await page.getByLabel('Owner').fill('AI governance office');
    await screenshot(page, '31-assessment-create');
    await page.getByTestId('create-assessment').click();

    await page.waitForURL(/\/assessments\/[^/]+\/answer/);
    assessmentId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
    const stored = await apiGet(server.url, api, `/api/v1/assessments/${encodeURIComponent(assessmentId)}`);
    assert.equal(stored.approach, 'both');
    assert.equal(stored.item_count, 70);
    assert.equal(stored.owner, 'AI governance office');
  });

  test('all 70 items are answered in the guided mode', async () => {
    const item = page.getByTestId('guided-item');
    await item.and(page.locator('[data-item-id="4.1"]')).waitFor();
    await page.getByTestId('guidance-questions').waitFor();
    await page.getByTestId('guidance-evidence').waitFor();
    await page.getByTestId('maturity-picker').getByText('Optimizing').waitFor();
    const ids = await page.getByTestId('item-list').locator('button[data-item-id]').evaluateAll((els) => els.map((e) => e.dataset.itemId));
    assert.equal(ids.length, 70);
    assert.equal(ids[0], '4.1');
    assert.ok(ids.includes(NOT_APPLICABLE));
    await screenshot(page, '32-guided-first-item');

    // Clauses can never be not applicable; the choice is only offered for controls.
    assert.equal(await page.getByTestId('not-applicable').count(), 0);
    // Nothing is sent without a level.
    await page.getByTestId('save-next').click();
    await page.getByTestId('field-error-maturity').waitFor();

    const started = Date.now();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      await item.and(page.locator(`[data-item-id="${id}"]`)).waitFor();
      if (id === SKIPPED) {
        await page.getByTestId('skip').click();
      } else if (id === NOT_APPLICABLE) {
        await page.getByTestId('not-applicable').check();
        await page.getByTestId('save-next').click();
        await page.getByTestId('field-error-justification').waitFor();
        await page.getByRole('textbox', { name: 'Justification' }).fill('We build no AI systems for customers, so there is no customer information to provide.');
        await screenshot(page, '33-guided-not-applicable', { fullPage: false });
        await page.getByTestId('save-next').click();
      } else {
        await page.getByTestId(`level-${i % 6}`).click();
        if (i === 5) await page.getByRole('textbox', { name: 'Notes', exact: true }).fill('AI policy v1.2\nManagement review minutes 2026-03');
        await page.getByTestId('save-next').click();
      }
      if (i === 1) await screenshot(page, '34-guided-after-skip', { fullPage: false });
    }
    // After the last item the guided mode comes back to the skipped one.
    await item.and(page.locator(`[data-item-id="${SKIPPED}"]`)).waitFor();
    assert.equal((await page.getByTestId('item-state').textContent()).trim(), 'Skipped');
    assert.equal(await page.locator(`button[data-item-id="${SKIPPED}"]`).getAttribute('data-state'), 'skipped');
    await page.getByTestId('level-3').click();
    await page.getByTestId('save-next').click();
    await page.getByTestId('guided-done').waitFor();
    console.log(`# 70 items answered in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.match(await page.getByTestId('guided-progress').textContent(), /70 of 70/);
    await screenshot(page, '35-guided-done');

    const answers = await apiGet(server.url, api, `/api/v1/assessments/${encodeURIComponent(assessmentId)}/answers`);
    assert.equal(answers.answered, 70);
    const na = answers.items.find((a) => a.item_id === NOT_APPLICABLE);
    assert.equal(na.not_applicable, true);
    assert.match(na.justification, /no customer information/);
    assert.equal(answers.items.find((a) => a.item_id === SKIPPED).maturity, 3);
    assert.equal(answers.items[5].notes, 'AI policy v1.2\nManagement review minutes 2026-03');
    assert.equal(answers.items[2].maturity, 2);
  });

  test('the results show the radar charts, readiness and the gaps in audit order', async () => {
    await page.getByTestId('see-results').click();
    await page.waitForURL(/\/results$/);
    await page.getByTestId('radar-clauses').locator('[data-testid="radar-value"]').waitFor();
    await page.getByTestId('radar-areas').locator('[data-testid="radar-target"]').waitFor();
    const results = await apiGet(server.url, api, `/api/v1/assessments/${encodeURIComponent(assessmentId)}/results`);
    assert.match(await page.getByTestId('readiness').textContent(), new RegExp(`^${results.readiness.percent.toFixed(1)}%`));
    await page.getByTestId('readiness-formula').getByText('How readiness is computed').waitFor();
    assert.equal(await page.getByTestId('bars-areas').locator('.score-row').count(), 9);
    assert.equal(await page.getByTestId('bars-clauses').locator('.score-row').count(), 7);
    const rows = page.getByTestId('gap-table').locator('tbody tr');
    assert.equal(await rows.count(), results.gaps.length);
    assert.equal(await rows.first().getAttribute('data-item-id'), results.gaps[0].item_id);
    assert.equal((await rows.first().getByTestId('priority-badge').textContent()).trim(), 'Stage 1');
    await screenshot(page, '36-results');

    // The report: a PDF download and a printable page at its own address.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
    assert.match(pdf.suggestedFilename(), /\.pdf$/);
    const head = await new Promise((resolve, reject) => {
      pdf.createReadStream().then((s) => s.once('data', (d) => resolve(d.subarray(0, 5).toString('latin1'))).once('error', reject), reject);
    });
    assert.equal(head, '%PDF-');
    await page.getByTestId('report-html').click();
    await page.waitForURL(/\/assessments\/[^/]+\/report$/);
    await page.getByTestId('printable-report').getByText('Baseline 2026').first().waitFor();
    await page.goBack();
    await page.getByTestId('gap-table').waitFor();

    // A gap links back to its item in the guided mode.
    await rows.first().getByRole('link').click();
    await page.getByTestId('guided-item').and(page.locator(`[data-item-id="${results.gaps[0].item_id}"]`)).waitFor();
    await page.getByTestId('tab-results').click();
    await page.getByTestId('gap-table').waitFor();
  });

  test('the roadmap shows a preview until generated; an action is edited; it can be regenerated', async () => {
    await page.getByTestId('tab-roadmap').click();
    const timeline = page.getByTestId('roadmap-timeline');
    await timeline.locator('.tl-bar').first().waitFor();
    // Reading stored nothing: the page shows the preview and generates it on request.
    await page.getByTestId('roadmap-preview').waitFor();
    const preview = await apiGet(server.url, api, `/api/v1/assessments/${encodeURIComponent(assessmentId)}/roadmap`);
    assert.equal(preview.saved, false);
    await page.getByTestId('generate').click();
    await page.getByTestId('flash').filter({ hasText: 'generated and saved' }).waitFor();
    const roadmap = await apiGet(server.url, api, `/api/v1/assessments/${encodeURIComponent(assessmentId)}/roadmap`);
    assert.equal(roadmap.saved, true);
    assert.deepEqual(roadmap.actions.map((a) => a.id), preview.actions.map((a) => a.id));
    assert.equal(await timeline.locator('.tl-bar').count(), roadmap.actions.length);
    assert.ok(await timeline.locator('.tl-phase-label').count() >= 1);
    await screenshot(page, '37-roadmap');

    const first = roadmap.actions[0];
    const row = page.locator(`tr[data-row-action="${first.id}"]`);
    await row.getByLabel(`Owner of ${first.item_id}`).fill('Chief AI officer');
    await row.getByLabel(`Status of ${first.item_id}`).selectOption('in_progress');
    await row.getByRole('button', { name: 'Save' }).click();
    // Saved once the row's button is gone: while saving it is still there, named "Saving…".
    await row.locator('button.row-save').waitFor({ state: 'detached' });
    const after = await apiGet(server.url, api, `/api/v1/assessments/${encodeURIComponent(assessmentId)}/roadmap`);
    const edited = after.actions.find((a) => a.id === first.id);
    assert.equal(edited.owner, 'Chief AI officer');
    assert.equal(edited.status, 'in_progress');
    assert.equal(edited.version, first.version + 1);

    await page.getByLabel('Actions at a time').fill('3');
    await page.getByTestId('regenerate').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByText('are kept').waitFor();
    await screenshot(page, '38-roadmap-regenerate', { fullPage: false });
    await dialog.getByRole('button', { name: 'Regenerate' }).click();
    await page.getByTestId('flash').filter({ hasText: 'regenerated' }).waitFor();
    const regenerated = await apiGet(server.url, api, `/api/v1/assessments/${encodeURIComponent(assessmentId)}/roadmap`);
    assert.equal(regenerated.capacity, 3);
    assert.equal(regenerated.actions.find((a) => a.id === first.id)?.owner, 'Chief AI officer', 'edits are kept');
    await page.getByTestId('regeneration-report').filter({ hasText: 'Your edits were kept' }).waitFor();
  });

  test('a second assessment resumes where it was left and compares with the first', async () => {
    const r = await apiSend(server.url, api, 'POST', '/api/v1/assessments', { body: { name: 'Pre-audit check', approach: 'both' } });
    const text = await r.text();
    assert.equal(r.status, 201, text);
    const second = JSON.parse(text);
    const path = `/api/v1/assessments/${encodeURIComponent(second.id)}`;
    for (const [item, maturity] of [['4.1', 5], ['4.2', 4], ['4.3', 1]]) {
      const put = await apiSend(server.url, api, 'PUT', `${path}/answers/${item}`, { body: { maturity } });
      assert.equal(put.status, 200, `PUT ${item}: ${put.status}`);
    }
    await page.goto(`/assessments/${encodeURIComponent(second.id)}`);
    await page.waitForURL(/\/answer/);
    await page.getByTestId('guided-item').and(page.locator('[data-item-id="4.4"]')).waitFor();
    assert.match(await page.getByTestId('guided-progress').textContent(), /3 of 70/);
    await screenshot(page, '39-guided-resume', { fullPage: false });

    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare-overall').waitFor();
    assert.equal(await page.getByLabel('Compare with').inputValue(), assessmentId);
    await page.getByTestId('compare-improved').getByText('4.1').waitFor();
    await screenshot(page, '40-compare');

    // Completing the first one makes its answers read-only until it is reopened.
    await page.goto(`/assessments/${encodeURIComponent(assessmentId)}/answer`);
    await page.getByTestId('status-completed').click();
    await page.getByTestId('guided-completed').waitFor();
    assert.equal(await page.getByTestId('save-next').count(), 0);
    assert.equal((await apiGet(server.url, api, `/api/v1/assessments/${encodeURIComponent(assessmentId)}`)).status, 'completed');
    await screenshot(page, '40b-guided-completed', { fullPage: false });
    await page.getByTestId('status-in_progress').click();
    await page.getByTestId('save-next').waitFor();
    assert.equal((await apiGet(server.url, api, `/api/v1/assessments/${encodeURIComponent(assessmentId)}`)).status, 'in_progress');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assessments' }).click();
    const table = page.getByTestId('assessments-table');
    await table.getByRole('link', { name: 'Pre-audit check' }).waitFor();
    await table.getByRole('link', { name: 'Baseline 2026' }).waitFor();
    await screenshot(page, '41-assessments-list');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('dash-readiness').waitFor();
    await screenshot(page, '42-dashboard-assessment');
    assert.deepEqual(browser.problems, []);
  });
});
