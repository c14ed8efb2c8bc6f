// Browser test of the catalog browser: deep links, the tree, guidance and search.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';

describe('catalog browser', () => {
  let server, browser, page;

  before(async () => {
    ({ server, browser, page } = await openSession());
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  test('A.6.2.4 opens from a deep link with its title and guidance', async () => {
    await page.goto('/catalog/iso42001/A.6.2.4');
    const detail = page.getByTestId('catalog-detail');
    await detail.waitFor();
    assert.equal(await detail.getByTestId('catalog-item-id').textContent(), 'A.6.2.4');
    assert.equal(await detail.getByTestId('catalog-item-title').textContent(), 'AI system verification and validation');
    const summary = (await detail.getByTestId('catalog-summary').textContent()).trim();
    assert.ok(summary.length > 40, `guidance text is there: ${summary}`);
    assert.ok((await detail.getByTestId('catalog-evidence').locator('li').count()) > 0, 'evidence listed');
    assert.ok((await detail.getByTestId('catalog-questions').locator('li').count()) > 0, 'guiding questions listed');

    // The tree opened the path to it and marks it.
    const current = page.getByTestId('catalog-tree').locator('a[aria-current="page"]');
    assert.equal(await current.getAttribute('data-item-id'), 'A.6.2.4');
    await screenshot(page, '20-catalog-a624');
  });

  test('the tree holds clauses, Annex A, Annex C and the life-cycle stages', async () => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    const tree = page.getByTestId('catalog-tree');
    for (const title of ['Clauses 4–10', 'Annex A — controls', 'Annex C — AI objectives', 'Annex C — risk sources']) {
      await tree.getByRole('heading', { name: title }).waitFor();
    }
    await tree.getByRole('heading', { name: /Life-cycle stages/ }).waitFor();
    await tree.getByRole('button', { name: 'Expand 6', exact: true }).click();
    await tree.getByRole('button', { name: 'Expand 6.1', exact: true }).click();
    await tree.locator('a[data-item-id="6.1.3"]').click();
    await page.waitForURL(/\/catalog\/iso42001\/6\.1\.3$/);
    await page.getByTestId('catalog-item-title').filter({ hasText: 'AI risk treatment' }).waitFor();
    await page.getByTestId('doc-badge').filter({ hasText: 'M' }).waitFor();
    await screenshot(page, '21-catalog-clause');
  });

  test('text search finds A.6.2.4', async () => {
    await page.getByTestId('catalog-search').fill('verification and validation');
    await page.waitForURL(/q=verification/);
    const results = page.getByTestId('catalog-results');
    await results.getByRole('link', { name: /A\.6\.2\.4/ }).click();
    await page.waitForURL(/\/catalog\/iso42001\/A\.6\.2\.4\?q=/);
    await page.getByTestId('catalog-item-title').filter({ hasText: 'AI system verification and validation' }).waitFor();
    await screenshot(page, '22-catalog-search');
    assert.deepEqual(browser.problems, []);
  });
});
