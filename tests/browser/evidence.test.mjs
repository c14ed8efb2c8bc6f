// Browser tests of the evidence vault in real chromium against a real aims server: uploading
// through the UI (picker, drag and drop, progress, clear refusals), editing, linking from an AI
// system's page, the dashboard card, deletion with confirmation, and that HTML and SVG evidence
// is downloaded, never rendered.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { aims } from '../lib/server.mjs';
import { apiGet, apiSend, closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const EV = '/api/v1/evidence';

describe('evidence vault in the browser', () => {
  let server, browser, page, api, system;

  /** Uploads through the API as the admin; resolves to the stored evidence. */
  async function apiUpload(name, bytes, query = '') {
    const r = await fetch(`${server.url}${EV}?filename=${encodeURIComponent(name)}${query}`, {
      method: 'POST',
      headers: { cookie: api.cookie, 'x-csrf-token': api.csrf, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    assert.equal(r.status, 201, await r.clone().text());
    return r.json();
  }

  before(async () => {
    ({ server, browser, page, api } = await openSession({ server: { env: { AIMS_MAX_UPLOAD_MIB: '1' } }, api: true }));
    const r = await apiSend(server.url, api, 'POST', '/api/v1/systems', { body: { name: 'Fraud model', purpose: 'Flags card fraud' } });
    system = await r.json();
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  test('a file picked in the upload box is stored with its details and shown', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence' }).click();
    await page.getByTestId('evidence-empty').waitFor();
    await screenshot(page, 'evidence-01-empty');
    await page.getByTestId('open-upload').click();
    await page.getByTestId('evidence-file-input').setInputFiles({ name: 'bias-report.csv', mimeType: 'text/csv', buffer: Buffer.from('group,rate\na,0.2\nb,0.21\n') });
    await page.getByTestId('evidence-file-name').filter({ hasText: 'bias-report.csv' }).waitFor();
    await page.getByLabel('Title').fill('Bias test results');
    await page.getByLabel('Owner').fill('Fairness lead');
    await page.getByTestId('upload-expires').fill(day(10));
    await screenshot(page, 'evidence-02-upload-form');
    await page.getByTestId('upload-submit').click();
    await page.getByTestId('evidence-detail').waitFor();
    await page.getByRole('heading', { name: /Bias test results/ }).waitFor();
    await page.getByTestId('freshness-badge').filter({ hasText: 'Expiring soon' }).first().waitFor();
    const fields = await page.getByTestId('evidence-fields').textContent();
    assert.match(fields, /bias-report\.csv \(UTF-8 text, 24 B\)/);
    assert.match(fields, /text\/csv/);
    await screenshot(page, 'evidence-03-detail');
    const list = await apiGet(server.url, api, EV);
    assert.equal(list.total, 1);
    assert.equal(list.items[0].owner, 'Fairness lead');
    assert.equal(list.items[0].expires_on, day(10));
  });

  test('a file dropped on the box is uploaded; too large and mismatched files are refused clearly and nothing is stored', async () => {
    await page.goto('/evidence');
    await page.getByTestId('open-upload').click();
    const drop = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Policy text, approved.\n'], 'policy.md', { type: 'text/markdown' }));
      return dt;
    });
    await page.getByTestId('evidence-dropzone').dispatchEvent('drop', { dataTransfer: drop });
    await page.getByTestId('evidence-file-name').filter({ hasText: 'policy.md' }).waitFor();
    await page.getByTestId('upload-submit').click();
    await page.getByTestId('evidence-detail').waitFor();
    await page.getByRole('heading', { name: /policy/, level: 1 }).waitFor();

    const before = (await apiGet(server.url, api, EV)).total;
    await page.goto('/evidence');
    await page.getByTestId('open-upload').click();
    await page.getByTestId('evidence-file-input').setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(1536 * 1024, 0x61) });
    await page.getByTestId('upload-submit').click();
    const tooLarge = await page.getByTestId('upload-error').textContent();
    assert.match(tooLarge, /too large/i);
    assert.match(tooLarge, /1 MiB/);
    await screenshot(page, 'evidence-04-too-large');

    await page.getByTestId('evidence-file-input').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!DOCTYPE html><html><body>fake</body></html>') });
    await page.getByTestId('upload-submit').click();
    await page.getByTestId('upload-error').filter({ hasText: 'HTML document' }).waitFor();
    const mismatch = await page.getByTestId('upload-error').textContent();
    assert.match(mismatch, /report\.pdf/);
    assert.match(mismatch, /PDF document/);
    await page.getByTestId('field-error-filename').waitFor();
    await screenshot(page, 'evidence-05-mismatch');
    assert.equal((await apiGet(server.url, api, EV)).total, before, 'refused uploads store nothing');
  });

  test('details are edited with If-Match, and the change shows in the chain of custody', async () => {
    const ev = (await apiGet(server.url, api, `${EV}?q=bias`)).items[0];
    await page.goto(`/evidence/${ev.id}`);
    await page.getByTestId('edit-evidence').click();
    await page.getByLabel('Title').fill('Bias test results Q3');
    await page.getByTestId('edit-expires').fill(day(-1));
    await page.getByTestId('save-evidence').click();
    await page.getByRole('heading', { name: /Bias test results Q3/ }).waitFor();
    await page.getByTestId('freshness-badge').filter({ hasText: 'Expired' }).first().waitFor();
    await page.locator('[data-testid="evidence-event-row"][data-action="update"]').waitFor();
    const stored = (await apiGet(server.url, api, `${EV}/${ev.id}`));
    assert.equal(stored.title, 'Bias test results Q3');
    assert.equal(stored.version, 2);
  });

  test("an AI system's page shows its evidence; a file uploaded there is linked to it, can be unlinked and linked again", async () => {
    await page.goto(`/systems/${system.id}`);
    await page.getByTestId('evidence-panel-empty').waitFor();
    await page.getByTestId('evidence-panel-upload').click();
    await page.getByTestId('evidence-panel').getByTestId('evidence-file-input').setInputFiles({ name: 'model-card.txt', mimeType: 'text/plain', buffer: Buffer.from('Fraud model card v2\n') });
    await page.getByTestId('evidence-panel').getByTestId('upload-submit').click();
    await page.getByTestId('evidence-panel-item').filter({ hasText: 'model-card' }).waitFor();
    await screenshot(page, 'evidence-06-system-panel');
    const linked = await apiGet(server.url, api, `${EV}?linked_to=${encodeURIComponent(`system:${system.id}`)}`);
    assert.deepEqual(linked.items.map((e) => e.filename), ['model-card.txt']);
    // On the evidence page the link leads back to the system.
    await page.getByTestId('evidence-panel-item').getByRole('link').first().click();
    await page.getByTestId('evidence-links').getByRole('link', { name: 'Fraud model' }).click();
    await page.getByTestId('system-detail').waitFor();
    // Unlinking asks first, then keeps the evidence in the vault.
    await page.getByTestId('evidence-panel-item').getByRole('button', { name: 'Unlink' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Unlink' }).click();
    await page.getByTestId('evidence-panel-empty').waitFor();
    assert.ok((await apiGet(server.url, api, `${EV}?q=model-card`)).total === 1, 'the evidence stays in the vault');
    // Evidence already in the vault is found and linked from the panel.
    await page.getByTestId('evidence-panel-link-existing').click();
    await page.getByRole('combobox', { name: 'Find evidence in the vault' }).fill('model-card');
    await page.getByRole('option', { name: /model-card/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('evidence-panel-item').filter({ hasText: 'model-card' }).waitFor();
    const relinked = await apiGet(server.url, api, `${EV}?linked_to=${encodeURIComponent(`system:${system.id}`)}`);
    assert.deepEqual(relinked.items.map((e) => e.filename), ['model-card.txt']);
  });

  test('downloading HTML or SVG evidence saves the file and never renders it', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><head><title>rendered</title></head><body><h1 id="x">Rendered markup</h1><script>document.title="script ran"</script></body></html>');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><title>rendered</title><script>document.title="script ran"</script><text y="20">Rendered markup</text></svg>');
    for (const [name, bytes] of [['page.html', html], ['drawing.svg', svg]]) {
      const ev = await apiUpload(name, bytes);
      // Straight to the content URL, as a link or a typed address would go.
      await page.goto(`/evidence/${ev.id}`);
      await page.getByTestId('evidence-detail').waitFor();
      const [download, nav] = await Promise.all([
        page.waitForEvent('download'),
        page.goto(`${EV}/${ev.id}/content`).then(() => 'rendered', (e) => e.message),
      ]);
      assert.notEqual(nav, 'rendered', `${name}: the browser rendered the content URL instead of downloading it`);
      assert.equal(download.suggestedFilename(), name);
      assert.deepEqual(readFileSync(await download.path()), bytes, `${name}: the saved file is the uploaded bytes`);
      assert.match(page.url(), new RegExp(`/evidence/${ev.id}$`), `${name}: the page did not navigate to the file`);
      assert.notEqual(await page.title(), 'script ran');
      assert.equal(await page.getByText('Rendered markup').count(), 0);
      // And through the page's Download button.
      const [viaButton] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-evidence').click()]);
      assert.equal(viaButton.suggestedFilename(), name);
      assert.deepEqual(readFileSync(await viaButton.path()), bytes);
      assert.equal(await page.getByText('Rendered markup').count(), 0);
      assert.notEqual(await page.title(), 'script ran');
    }
    const events = await apiGet(server.url, api, `${EV}/${(await apiGet(server.url, api, `${EV}?q=page.html`)).items[0].id}/events`);
    assert.deepEqual(events.items.map((e) => e.action), ['upload', 'download', 'download']);
    await screenshot(page, 'evidence-07-after-downloads');
  });

  test('the dashboard shows expired and expiring evidence', async () => {
    await apiUpload('renewal.txt', Buffer.from('renew soon'), `&expires_on=${day(3)}&title=Renewal%20certificate`);
    await page.goto('/');
    const card = page.getByTestId('dashboard-evidence');
    await card.waitFor();
    await card.getByTestId('evidence-expired').filter({ hasText: '1' }).waitFor();
    await card.getByTestId('evidence-expiring').filter({ hasText: '1' }).waitFor();
    await card.getByText('Renewal certificate').waitFor();
    await screenshot(page, 'evidence-08-dashboard');
    await card.getByTestId('evidence-expired').click();
    await page.getByTestId('evidence-table').getByText('Bias test results Q3').waitFor();
    assert.equal(await page.getByTestId('evidence-table').locator('tbody tr').count(), 1);
  });

  test('deleting asks first and explains why linked evidence cannot go; a viewer sees no write buttons', async () => {
    const ev = await apiUpload('to-delete.txt', Buffer.from('delete me'), `&link=${encodeURIComponent('soa_entry:A.2.2')}`);
    await page.goto(`/evidence/${ev.id}`);
    await page.getByTestId('delete-evidence').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('delete-error').filter({ hasText: 'still linked' }).waitFor();
    await screenshot(page, 'evidence-09-delete-refused', { fullPage: false });
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('evidence-link-row').getByRole('button', { name: 'Unlink' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Unlink' }).click();
    await page.getByTestId('evidence-links').getByText('Not linked to any record yet.').waitFor();
    await page.getByTestId('delete-evidence').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('evidence-list').waitFor();
    assert.equal((await apiGet(server.url, api, `${EV}/${ev.id}`)).deleted, true);

    const pw = 'viewer password 123';
    const r = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', 'viewer@acme.test', '--role', 'viewer'], pw + '\n');
    assert.equal(r.status, 0, r.stderr);
    await page.getByRole('button', { name: 'Log out' }).click();
    await uiLogin(page, 'viewer@acme.test', pw);
    await page.goto('/evidence');
    await page.getByTestId('evidence-table').waitFor();
    assert.equal(await page.getByTestId('open-upload').count(), 0);
    const some = (await apiGet(server.url, api, `${EV}?q=bias`)).items[0];
    await page.goto(`/evidence/${some.id}`);
    await page.getByTestId('download-evidence').waitFor();
    for (const id of ['edit-evidence', 'delete-evidence', 'add-link']) assert.equal(await page.getByTestId(id).count(), 0, id);
    await page.goto(`/systems/${system.id}`);
    await page.getByTestId('evidence-panel').waitFor();
    assert.equal(await page.getByTestId('evidence-panel-upload').count(), 0);
    assert.deepEqual(browser.problems, []);
  });
});
