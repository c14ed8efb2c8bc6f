// Browser test of the Statement of Applicability (SPEC §5) in real chromium against a real aims
// server: the server's rules shown on the row (an exclusion needs a justification, `implemented`
// needs a reference), approving a numbered version, a later change, the diff of that version with
// the working copy, the filters and the CSV export.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, closeSession, openSession, screenshot, setSegregation, uiLogin } from './helpers.mjs';

async function streamText(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

describe('Statement of Applicability in the browser', () => {
  let server, browser, page, api;
  const entry = async (id) => (await apiGet(server.url, api, '/api/v1/soa')).items.find((e) => e.control_id === id);

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    await setSegregation(server.url, api, { soa_approval: false }); // the admin approves its own edits here
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  test('all 38 controls are listed by area with the summary', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statement of Applicability' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statement of Applicability' }).waitFor();
    const table = page.getByTestId('soa-table');
    await table.locator('tr[data-control="A.6.2.4"]').waitFor();
    assert.equal(await table.locator('tr[data-control]').count(), 38);
    assert.equal(await table.locator('tr.group-row').count(), 9);
    assert.equal(await page.getByTestId('soa-applicable').textContent(), '38');
    await screenshot(page, '50-soa');
  });

  test('an exclusion without a justification is refused on its row, then saved with one', async () => {
    await page.getByTestId('edit-A.2.3').click();
    const editor = page.locator('tr[data-editor="A.2.3"]').getByTestId('entry-editor');
    await editor.getByTestId('entry-applicable').uncheck();
    await editor.getByTestId('entry-save').click();
    await editor.getByTestId('field-error-justification').waitFor();
    assert.equal((await entry('A.2.3')).applicable, true, 'nothing changed');
    await screenshot(page, '51-soa-exclusion-error', { fullPage: false });

    await editor.getByRole('textbox', { name: /Justification/ }).fill('Covered by the group-wide policy framework; no local AI policies exist.');
    await editor.getByLabel('Business requirement').check();
    await editor.getByTestId('entry-save').click();
    await page.getByTestId('flash').filter({ hasText: 'A.2.3 saved' }).waitFor();
    const row = page.locator('tr[data-control="A.2.3"]');
    await row.getByText('Excluded', { exact: true }).waitFor();
    await page.getByTestId('soa-excluded').filter({ hasText: '1' }).waitFor();
    const stored = await entry('A.2.3');
    assert.equal(stored.applicable, false);
    assert.deepEqual(stored.reasons, ['business_requirement']);
    assert.equal(stored.version, 1);
  });

  test('"implemented" without a reference is refused, then saved with one', async () => {
    await page.getByTestId('edit-A.2.2').click();
    const editor = page.locator('tr[data-editor="A.2.2"]').getByTestId('entry-editor');
    await editor.getByLabel('Implementation status').selectOption('implemented');
    await editor.getByTestId('entry-save').click();
    await editor.getByTestId('field-error-implementation_status').waitFor();
    assert.equal((await entry('A.2.2')).implementation_status, 'not_started');
    await screenshot(page, '52-soa-implemented-error', { fullPage: false });

    await editor.getByLabel('Policy references').fill('AI policy v1.2 (signed)\nBoard minutes 2026-02');
    await editor.getByLabel('Owner').fill('CISO');
    await editor.getByTestId('entry-save').click();
    await page.getByTestId('flash').filter({ hasText: 'A.2.2 saved' }).waitFor();
    await page.locator('tr[data-control="A.2.2"]').getByText('Implemented', { exact: true }).waitFor();
    const stored = await entry('A.2.2');
    assert.equal(stored.implementation_status, 'implemented');
    assert.deepEqual(stored.policy_refs, ['AI policy v1.2 (signed)', 'Board minutes 2026-02']);
  });

  test('a version is approved with a note; a later change shows in its diff with the working copy', async () => {
    await page.getByTestId('soa-approve').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByRole('heading', { name: 'Approve this version?' }).waitFor();
    await dialog.getByTestId('approve-note').fill('Approved at the management review');
    await screenshot(page, '53-soa-approve', { fullPage: false });
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('flash').filter({ hasText: 'Version 1 approved' }).waitFor();
    const versions = await apiGet(server.url, api, '/api/v1/soa/versions');
    assert.equal(versions.items.length, 1);
    assert.equal(versions.items[0].note, 'Approved at the management review');

    await page.getByTestId('edit-A.3.2').click();
    const editor = page.locator('tr[data-editor="A.3.2"]').getByTestId('entry-editor');
    await editor.getByLabel('Owner').fill('Head of AI governance');
    await editor.getByTestId('entry-save').click();
    await page.getByTestId('flash').filter({ hasText: 'A.3.2 saved' }).waitFor();

    await page.getByTestId('soa-history').click();
    await page.getByTestId('versions-table').locator('tr[data-version="1"]').getByRole('link', { name: 'Diff with working copy' }).click();
    await page.waitForURL(/\/soa\/diff\?from=1&to=working/);
    const change = page.getByTestId('diff-table').locator('tr[data-control="A.3.2"][data-field="owner"]');
    await change.waitFor();
    assert.equal((await change.locator('td.value-new').textContent()).trim(), 'Head of AI governance');
    assert.equal(await page.getByTestId('diff-table').locator('tbody tr').count(), 1, 'only the change made after the approval');
    await screenshot(page, '54-soa-diff');

    await page.getByRole('link', { name: 'Versions' }).click();
    await page.getByTestId('versions-table').getByRole('link', { name: 'Version 1' }).click();
    await page.getByTestId('soa-version').getByText('Approved at the management review').waitFor();
    await screenshot(page, '55-soa-version');
  });

  test('filters narrow the table, and the CSV export holds the entries', async () => {
    await page.goto('/soa');
    await page.getByLabel('Applicable', { exact: true }).selectOption('no');
    await page.getByTestId('soa-count').filter({ hasText: '1 of 38 controls' }).waitFor();
    await page.locator('tr[data-control="A.2.3"]').waitFor();
    await screenshot(page, '56-soa-filtered', { fullPage: false });
    // Each filter builds on the URL the page has rendered, and the count of the filter before ("1 of
    // 38") would answer for the next one: wait for the cleared table between them.
    const cleared = () => page.getByTestId('soa-count').filter({ hasText: /^38 controls$/ }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await cleared();
    await page.getByTestId('soa-search').fill('governance');
    await page.waitForURL(/q=governance/);
    await page.getByTestId('soa-count').filter({ hasText: '1 of 38 controls' }).waitFor();
    await page.locator('tr[data-control="A.3.2"]').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await cleared();
    await page.getByLabel('Area').selectOption('A.6');
    // A.6.2.4 is on the unfiltered table too: wait for the filter to take rows of other areas away.
    await page.locator('tr[data-control="A.2.2"]').waitFor({ state: 'detached' });
    await page.locator('tr[data-control="A.6.2.4"]').waitFor();
    assert.equal(await page.locator('tbody tr[data-control^="A.2."]').count(), 0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await cleared();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('soa-export-csv').click()]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const csv = await streamText(await download.createReadStream());
    const lines = csv.split(/\r?\n/).filter(Boolean);
    assert.match(lines[0], /control/i);
    assert.equal(lines.length, 39, 'a header and 38 controls');
    assert.match(lines.find((l) => l.startsWith('A.3.2')) ?? '', /Head of AI governance/);
    assert.match(lines.find((l) => l.startsWith('A.2.3')) ?? '', /group-wide policy/);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('soa-export-xlsx').click()]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('dashboard-soa').getByText('Version 1 approved').waitFor();
    assert.deepEqual(browser.problems, []);
  });
});
