// Browser tests of the AI system inventory in real chromium against a real aims server:
// logging in, registering and editing a system, finding it, importing CSV, and what a viewer sees.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aims, login } from '../lib/server.mjs';
import { apiGet, apiSend, closeSession, openSession, screenshot, settledRows, settledValue, uiLogin } from './helpers.mjs';

describe('AI system inventory in the browser', () => {
  let server, browser, page;
  let api; // an HTTP session of the admin, to check what the server stored

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
  });

  after(() => closeSession(browser, server));

  test('the admin logs in (a wrong password is refused clearly)', async () => {
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await screenshot(page, '01-login');

    await page.getByLabel('Email').fill(server.admin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await assert.doesNotReject(page.getByTestId('login-error').filter({ hasText: 'not correct' }).waitFor());
    await screenshot(page, '02-login-error');

    await uiLogin(page, server.admin.email, server.admin.password);
    assert.equal(await page.getByTestId('user-role').textContent(), 'Admin');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByTestId('dashboard-empty').waitFor();
    await page.getByTestId('catalog-figures').getByText('Annex A controls in 9 areas').waitFor();
    await screenshot(page, '03-dashboard-empty');
  });

  test('an AI system is registered through the form and found by search', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI systems' }).click();
    await page.getByTestId('systems-empty').waitFor();
    await screenshot(page, '04-systems-empty');
    await page.getByTestId('new-system').click();
    await page.getByRole('heading', { name: 'New AI system' }).waitFor();

    // Required fields are checked before anything is sent.
    await page.getByRole('button', { name: 'Register AI system' }).click();
    await page.getByTestId('field-error-name').waitFor();
    await page.getByTestId('field-error-purpose').waitFor();
    await screenshot(page, '05-create-required', { fullPage: false });

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Credit scoring engine');
    await page.getByRole('textbox', { name: 'Purpose', exact: true }).fill('Scores consumer loan applications for default risk.');
    await page.getByLabel('Owner', { exact: true }).fill('Retail credit risk');
    await page.getByLabel('Life-cycle stage').selectOption('verification_and_validation');
    // The EU AI Act fields are set by the classification: shown, not editable.
    await page.getByTestId('euact-derived-note').waitFor();
    assert.equal(await page.locator('[name="eu_ai_act_class"], [name="eu_ai_act_basis"]').count(), 0);
    await page.getByLabel('Data sources').fill('Core banking ledger\nCredit bureau reports');

    // What only the server checks comes back as a problem and shows next to its field.
    await page.getByLabel('Tags').fill('x'.repeat(101));
    await page.getByRole('button', { name: 'Register AI system' }).click();
    await page.getByTestId('field-error-tags').waitFor();
    await page.getByTestId('error-banner').waitFor();
    assert.equal((await apiGet(server.url, api, '/api/v1/systems?archived=all')).total, 0, 'nothing stored');
    await screenshot(page, '05b-create-server-error', { fullPage: false });
    await page.getByLabel('Tags').fill('credit\nretail');
    await page.getByRole('button', { name: 'Register AI system' }).click();

    // /systems/new itself matches /systems/<id>: wait for an id that is not "new".
    await page.waitForURL(/\/systems\/(?!new$)[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Credit scoring engine' }).waitFor();
    await page.getByTestId('flash').waitFor();
    const detail = page.getByTestId('system-detail');
    await page.getByRole('tab', { name: 'Details' }).click();
    await detail.locator('[data-field="lifecycle_stage"]').getByText('Verification and validation').waitFor();
    await detail.locator('[data-field="data_sources"]').getByText('Credit bureau reports').waitFor();
    await screenshot(page, '06-system-detail');

    const stored = await apiGet(server.url, api, '/api/v1/systems?q=credit');
    assert.equal(stored.total, 1);
    assert.deepEqual(stored.items[0].data_sources, ['Core banking ledger', 'Credit bureau reports']);
    assert.equal(stored.items[0].eu_ai_act_class, 'unclassified');

    // The list finds it by text search and by filter, and says so when nothing matches.
    await page.getByRole('link', { name: 'AI systems' }).first().click();
    await page.getByTestId('systems-search').fill('scoring');
    await page.waitForURL(/q=scoring/);
    // The unfiltered list (the same one system) stays on screen, busy, until the search's answer is
    // in; "Clear filters" shows once the page has rendered the new URL (the router renders it later).
    await page.getByRole('button', { name: 'Clear filters' }).waitFor();
    await settledRows(page);
    await page.getByTestId('systems-table').getByRole('link', { name: 'Credit scoring engine' }).waitFor();
    await page.getByTestId('systems-total').filter({ hasText: 'of 1 AI system' }).waitFor();
    await screenshot(page, '07-systems-search');
    await page.getByTestId('systems-search').fill('no such system');
    await page.getByTestId('systems-total').filter({ hasText: 'No AI systems match' }).waitFor();
    await page.getByTestId('systems-search').fill('');
    // Emptying the box brings the system back before the class filter is chosen (which builds on
    // the URL the page has rendered): wait for that, then choose the class and wait for its answer.
    await page.getByTestId('systems-table').getByRole('link', { name: 'Credit scoring engine' }).waitFor();
    const euClass = page.getByLabel('EU AI Act class');
    await euClass.selectOption('unclassified');
    assert.equal(await settledValue(euClass, 'unclassified'), 'unclassified');
    await settledRows(page);
    await page.getByTestId('systems-table').getByRole('link', { name: 'Credit scoring engine' }).waitFor();
    await page.getByTestId('systems-total').filter({ hasText: '1–1 of 1 AI system' }).waitFor();
  });

  test('an edit is saved with If-Match and shows in the history', async () => {
    await page.getByTestId('systems-table').getByRole('link', { name: 'Credit scoring engine' }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Edit Credit scoring engine' }).waitFor();
    await page.getByLabel('Owner', { exact: true }).fill('Model risk office');
    await screenshot(page, '08-system-edit', { fullPage: false });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('flash').filter({ hasText: 'Changes saved.' }).waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    const latest = page.getByTestId('history').locator('.timeline-entry').first();
    await latest.getByText('Updated').waitFor();
    const change = latest.locator('tr').filter({ hasText: 'Owner' });
    assert.equal((await change.locator('td').nth(1).textContent()).trim(), 'Retail credit risk');
    assert.equal((await change.locator('td').nth(2).textContent()).trim(), 'Model risk office');
    await screenshot(page, '09-system-history');
  });

  test('a save after someone else changed the system is refused (412) and offers a reload', async () => {
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Model type').fill('Gradient-boosted trees');

    // Meanwhile another user changes the owner.
    const current = await fetch(`${server.url}/api/v1/systems/${encodeURIComponent(id)}`, { headers: { cookie: api.cookie } });
    const etag = current.headers.get('etag');
    assert.ok(etag, 'GET /systems/{id} sends an ETag');
    const changed = await apiSend(server.url, api, 'PATCH', `/api/v1/systems/${encodeURIComponent(id)}`, { body: { owner: 'Someone else' }, headers: { 'if-match': etag } });
    assert.equal(changed.status, 200, await changed.text());

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('conflict-banner').waitFor();
    await screenshot(page, '10-system-conflict', { fullPage: false });
    await page.getByRole('button', { name: 'Reload latest version' }).click();
    await page.waitForFunction(() => document.querySelector('input[name="owner"]')?.value === 'Someone else');
    await page.getByRole('button', { name: 'Cancel' }).click();
    // "Edit Credit scoring engine" contains the name too: wait for the detail page's own heading.
    await page.getByRole('heading', { level: 1, name: 'Credit scoring engine', exact: true }).waitFor();
  });

  test('archive and restore ask for confirmation', async () => {
    await page.getByRole('button', { name: 'Archive' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByRole('heading', { name: 'Archive this AI system?' }).waitFor();
    await screenshot(page, '11-archive-confirm', { fullPage: false });
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await page.getByTestId('flash').filter({ hasText: 'archived' }).waitFor();
    await page.locator('.badge-archived').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Edit' }).count(), 0, 'archived systems are not edited');
    assert.equal((await apiGet(server.url, api, '/api/v1/systems?archived=true')).total, 1);

    await page.getByRole('button', { name: 'Restore' }).click();
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await page.getByTestId('flash').filter({ hasText: 'restored' }).waitFor();
    await page.getByRole('link', { name: 'Edit' }).waitFor();
    assert.equal((await apiGet(server.url, api, '/api/v1/systems?archived=true')).total, 0);
  });

  test('a CSV import shows row errors and stores nothing, then imports once fixed', async () => {
    const before = (await apiGet(server.url, api, '/api/v1/systems?archived=all')).total;
    const header = 'name,purpose,lifecycle_stage,status';
    const good = ['Invoice reader,Extracts fields from supplier invoices,deployment,active', 'Support assistant,Answers customer questions in chat,operation_and_monitoring,planned'];
    const bad = 'Churn predictor,Predicts which customers will leave,launch_party,active';
    const fixed = 'Churn predictor,Predicts which customers will leave,inception,active';

    await page.goto('/systems');
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { name: 'Import AI systems from CSV' }).waitFor();
    await page.getByTestId('import-file').setInputFiles({ name: 'systems.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...good, bad].join('\n') + '\n') });
    await page.getByTestId('import-check').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const row = errors.locator('tbody tr').filter({ hasText: 'lifecycle_stage' });
    assert.equal(await row.count(), 1, 'one error, on the life-cycle stage');
    assert.equal((await row.locator('td').first().textContent()).trim(), '4', 'the header is row 1, so the bad row is row 4');
    await screenshot(page, '12-import-errors');
    assert.equal((await apiGet(server.url, api, '/api/v1/systems?archived=all')).total, before, 'nothing imported');

    await page.getByTestId('import-file').setInputFiles({ name: 'systems-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...good, fixed].join('\n') + '\n') });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-checked').getByText('3 new AI systems').waitFor();
    await screenshot(page, '13-import-checked');
    assert.equal((await apiGet(server.url, api, '/api/v1/systems?archived=all')).total, before, 'a dry run stores nothing');
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').getByText('3 AI systems registered').waitFor();
    await screenshot(page, '14-import-done');
    assert.equal((await apiGet(server.url, api, '/api/v1/systems?archived=all')).total, before + 3);

    await page.getByRole('link', { name: 'Go to AI systems' }).click();
    await page.getByTestId('systems-table').getByRole('link', { name: 'Churn predictor' }).waitFor();
    await page.getByTestId('systems-total').filter({ hasText: `of ${before + 3} AI systems` }).waitFor();
    await screenshot(page, '15-systems-list');

    // Export hands over a CSV of the same systems.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = await streamText(await download.createReadStream());
    assert.match(csv.split(/\r?\n/)[0], /\bname\b/);
    assert.match(csv, /Invoice reader/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('stat-total').getByText(String(before + 3)).waitFor();
    await screenshot(page, '16-dashboard');
  });

  test('a viewer sees the inventory but no way to change it', async () => {
    const viewer = { email: 'viewer@acme.test', password: 'viewer password 123' };
    const added = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', viewer.email, '--role', 'viewer'], viewer.password + '\n');
    assert.equal(added.status, 0, added.stderr);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await uiLogin(page, viewer.email, viewer.password);
    assert.equal(await page.getByTestId('user-role').textContent(), 'Viewer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI systems' }).click();
    await page.getByTestId('systems-table').getByRole('link', { name: 'Credit scoring engine' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'New AI system' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Import CSV' }).count(), 0);
    await screenshot(page, '17-viewer-systems');

    await page.getByTestId('systems-table').getByRole('link', { name: 'Credit scoring engine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Credit scoring engine' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Edit' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Archive' }).count(), 0);
    assert.deepEqual(browser.problems, []);
  });
});

async function streamText(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}
