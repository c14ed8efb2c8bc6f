// Browser test of the competence pages in real chromium against a real demo server: the matrix
// with the demo's people (the data steward's expired AI literacy and her gaps), the AIMS role
// filter, and completing the annual AI literacy campaign for a person who is due, which the
// completions and the matrix then show.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeCleanSession, openAdminSession, screenshot } from './helpers.mjs';
import { openPage } from './pages.mjs';

describe('competence matrix and training completion', () => {
  let server, browser, page;

  before(async () => ({ server, browser, page } = await openAdminSession()));
  after(() => closeCleanSession(browser, server));

  test('the matrix shows held, expired and gaps, and filters by AIMS role', async () => {
    await openPage(page, '/competence');
    const dana = page.getByTestId('matrix-row-dana.steward@demo.aims.test');
    await dana.waitFor();
    const members = await page.evaluate(async () => (await (await fetch('/api/v1/org/members')).json()).items.length);
    assert.ok(members >= 4);
    assert.equal(await page.locator('[data-testid^="matrix-row-"]').count(), members, 'a row for each member of the demo organization');
    assert.ok((await dana.locator('[data-status="expired"]').count()) >= 1, 'her AI literacy expired');
    assert.ok(Number(await dana.getByTestId('matrix-gaps').textContent()) >= 1);
    await page.getByTestId('matrix-role').selectOption({ label: 'Internal auditor' });
    await page.getByTestId('matrix-row-dana.steward@demo.aims.test').waitFor({ state: 'detached' });
    assert.equal(await page.locator('[data-testid^="matrix-row-"]').count(), 1);
    await page.getByTestId('matrix-row-ines.auditor@demo.aims.test').waitFor();
    await screenshot(page, 'competence-matrix');
  });

  test('completing the AI literacy training for a person who is due', async () => {
    await openPage(page, '/competence');
    await page.getByRole('link', { name: /Annual AI literacy training/ }).click();
    await page.getByTestId('completions').waitFor();
    assert.match(await page.getByTestId('completions-summary').textContent(), /^2 of 4 completed/);
    const row = page.getByTestId('completion-dana.steward@demo.aims.test');
    assert.notEqual(await row.getByTestId('completion-status').textContent(), 'completed');
    await row.getByTestId('complete-training').click();
    await page.getByTestId('completions-summary').filter({ hasText: '3 of 4 completed' }).waitFor();
    assert.equal(await row.getByTestId('completion-status').textContent(), 'completed');
    assert.equal(await row.getByTestId('complete-training').count(), 0, 'nothing left to mark');
    await openPage(page, '/competence');
    const dana = page.getByTestId('matrix-row-dana.steward@demo.aims.test');
    await dana.waitFor();
    assert.equal(await dana.locator('[data-status="expired"]').count(), 0, 'the renewed record holds');
  });
});
