// Browser test of the management review in real chromium against a real demo server: the demo's
// signed-off review with its frozen pack and three decisions; then a new review planned in the
// form with the admin (top management) attending, started with confirmation (the pack shown with
// its sections and links, and frozen: its hash is the review's), two decisions added, the
// conclusion recorded, the sign-off confirmed (the review locked) and the PDF minutes downloaded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, closeCleanSession, openAdminSession, screenshot } from './helpers.mjs';
import { openPage } from './pages.mjs';

describe('management review from plan to sign-off', () => {
  let server, browser, page, api, me, id;

  before(async () => {
    ({ server, browser, page, api } = await openAdminSession({ api: true }));
    me = (await apiGet(server.url, api, '/api/v1/me')).user.id;
  });
  after(() => closeCleanSession(browser, server));

  test('the demo review: signed off, its pack frozen, three decisions (one done)', async () => {
    await openPage(page, '/management-reviews/MR-1');
    await page.getByTestId('signed-off').waitFor();
    await page.getByTestId('review-pack').waitFor();
    assert.equal(await page.locator('[data-decision]').count(), 3);
    assert.equal(await page.locator('[data-decision]').filter({ hasText: 'Done' }).count(), 1);
    await page.getByTestId('top-management-present').waitFor();
    assert.equal(await page.getByTestId('review-start').count(), 0);
    assert.equal(await page.getByTestId('review-sign-off').count(), 0);
    // The sign-off and the pack's freezing time read like the rest of the UI, the ISO value kept.
    for (const where of [page.getByTestId('signed-off'), page.getByTestId('review-pack')]) {
      const time = where.locator('time').first();
      const iso = await time.getAttribute('datetime');
      assert.match(iso, /^\d{4}-\d{2}-\d{2}T/);
      const shown = await page.evaluate((v) => new Date(v).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }), iso);
      assert.equal((await time.textContent()).trim(), shown);
    }
  });

  test('plan, start (the pack shown and frozen), decide, conclude, sign off, download the minutes', async () => {
    await openPage(page, '/management-reviews/new');
    const form = page.getByTestId('kind-form');
    await form.locator('[name="title"]').fill('Extraordinary management review');
    const soon = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
    await form.locator('[name="planned_on"]').fill(soon);
    await form.locator(`input[name="attendees"][value="${me}"]`).check();
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('review-workflow').waitFor();
    id = new URL(page.url()).pathname.split('/').pop();
    assert.match(id, /^MR-\d+$/);
    await page.getByTestId('top-management-present').waitFor();

    await page.getByTestId('review-start').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByRole('button', { name: 'Start and freeze the pack' }).click();
    const pack = page.getByTestId('review-pack');
    await pack.waitFor();
    for (const key of ['previous_actions', 'changes', 'nonconformities', 'monitoring', 'audits', 'risks', 'incidents', 'improvements', 'ai_specific'])
      await pack.locator(`[data-section="${key}"]`).waitFor();
    // The demo's serious incident is linked from its section; the nonconformities section counts the demo's NCs.
    await pack.locator('[data-section="incidents"] a[href="/incidents/INC-1"]').waitFor();
    assert.match(await page.getByTestId('pack-summary-nonconformities').textContent(), /^\d+ nonconformities open, \d+ overdue; \d+ corrective actions overdue\.$/);
    const stored = await apiGet(server.url, api, `/api/v1/management-reviews/${id}`);
    assert.equal(stored.status, 'in_progress');
    assert.equal(await page.getByTestId('pack-hash').textContent(), stored.pack_hash);
    const frozen = await apiGet(server.url, api, `/api/v1/management-reviews/${id}/pack`);
    assert.equal(frozen.sha256, stored.pack_hash);
    await screenshot(page, 'management-review-pack');

    for (const [type, title] of [['resources', 'Budget for an external AI auditor'], ['aims_change', 'Bring the chatbot under the AIMS scope']]) {
      const f = page.getByTestId('decision-form');
      await f.getByLabel('Type').selectOption(type);
      await f.getByLabel('Decision').fill(title);
      await f.getByLabel('Due date').fill(soon);
      await page.getByTestId('decision-add').click();
      await page.locator('[data-decision]').filter({ hasText: title }).waitFor();
    }
    assert.equal(await page.locator('[data-decision]').count(), 2);
    assert.equal(await page.getByTestId('review-sign-off').isDisabled(), true, 'no sign-off before the conclusion');

    await page.getByTestId('kind-edit').click();
    const edit = page.getByTestId('kind-form');
    await edit.locator('[name="suitability"]').selectOption('suitable');
    await edit.locator('[name="suitability_text"]').fill('The system still fits our use of AI.');
    await edit.locator('[name="adequacy"]').selectOption('adequate');
    await edit.locator('[name="adequacy_text"]').fill('Resources are enough once the auditor is funded.');
    await edit.locator('[name="effectiveness"]').selectOption('effective');
    await edit.locator('[name="effectiveness_text"]').fill('Objectives met; incidents reported in time.');
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('flash').filter({ hasText: 'Changes saved.' }).waitFor();
    if (!new URL(page.url()).pathname.endsWith(id)) await openPage(page, `/management-reviews/${id}`);

    await page.getByTestId('review-sign-off').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Sign off and lock' }).click();
    await page.getByTestId('signed-off').waitFor();
    assert.equal(await page.getByTestId('decision-form').count(), 0);
    const signed = await apiGet(server.url, api, `/api/v1/management-reviews/${id}`);
    assert.equal(signed.status, 'signed_off');
    assert.match(signed.sign_off_hash, /^[0-9a-f]{64}$/);
    await screenshot(page, 'management-review-signed-off');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-minutes').click()]);
    assert.match(download.suggestedFilename(), new RegExp(`${id} Extraordinary management review minutes \\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    const fs = await import('node:fs/promises');
    const bytes = await fs.readFile(await download.path());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  });
});
