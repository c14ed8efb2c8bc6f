// Browser test of the webhooks page (docs/notifications.md) in real chromium against a real aims
// server and a webhook receiver started here: an admin adds an endpoint with the keyboard-reachable
// form, copies the secret shown once, sends a test that the receiver accepts with a valid
// signature, sees it delivered in the log, and removes the endpoint after a confirmation; a manager
// is told that only admins manage webhooks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';
import { startServer } from '../lib/server.mjs';
import { adminAndManagerBrowsers, closeBrowsers, screenshot } from './helpers.mjs';

const PW = 'manager browser password';

describe('webhooks in the browser', () => {
  let server, browser, page, mb, rx, rxUrl;
  const calls = [];
  let secret = '';

  before(async () => {
    rx = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const ts = req.headers['aims-webhook-timestamp'];
        const want = 'v1=' + createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
        calls.push({ body, verified: want === req.headers['aims-webhook-signature'] });
        res.writeHead(200);
        res.end('ok');
      });
    });
    await new Promise((r) => rx.listen(0, '127.0.0.1', r));
    rxUrl = `http://127.0.0.1:${rx.address().port}/hook`;
    server = await startServer({ env: { AIMS_NOTIFY_POLL_MS: '50', AIMS_NOTIFY_RETRY_BASE_MS: '200' } });
    ({ browser, page, mb } = await adminAndManagerBrowsers(server, PW));
  });

  after(async () => {
    await closeBrowsers(server, mb, browser);
    rx?.close();
  });

  test('an admin adds an endpoint, sees its secret once, sends a test and removes it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByTestId('webhooks-empty').waitFor();
    await page.getByTestId('deliveries-empty').waitFor();
    // A refused URL: the server's words, nothing added.
    await page.getByLabel('URL').fill('ftp://127.0.0.1/x');
    await page.getByRole('checkbox', { name: /action\.overdue/ }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByTestId('webhook-error').waitFor();
    assert.match(await page.getByTestId('webhook-error').textContent(), /url: must use http or https/);
    await page.getByLabel('URL').fill(rxUrl);
    await page.getByLabel('Description').fill('Receiver of the test');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const shown = page.getByTestId('webhook-secret-value');
    await shown.waitFor();
    secret = (await shown.textContent()).trim();
    assert.match(secret, /^whsec_/);
    await page.getByTestId('webhook-row').filter({ hasText: rxUrl }).waitFor();
    await screenshot(page, '95-webhooks');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    assert.equal(await page.getByTestId('webhook-secret').count(), 0, 'the secret is not shown again');

    await page.getByRole('button', { name: `Send a test to ${rxUrl}` }).click();
    await page.getByTestId('webhooks-note').filter({ hasText: 'test delivery' }).waitFor();
    for (let i = 0; i < 100 && calls.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(calls.length, 1);
    assert.ok(calls[0].verified, 'the signature verifies with the secret the page showed');
    assert.equal(JSON.parse(calls[0].body).type, 'webhook.test');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByTestId('delivery-row').getByTestId('delivery-status').filter({ hasText: 'Delivered' }).waitFor();

    await page.getByRole('button', { name: `Remove ${rxUrl}` }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByRole('heading', { name: 'Remove this endpoint?' }).waitFor();
    await dialog.getByRole('button', { name: 'Remove endpoint' }).click();
    await page.getByTestId('webhooks-empty').waitFor();
    await page.getByTestId('delivery-row').first().waitFor();
  });

  test('a manager is told that only admins manage webhooks', async () => {
    await mb.page.goto('/webhooks');
    await mb.page.getByTestId('webhooks-admin-only').waitFor();
    assert.equal(await mb.page.getByTestId('webhook-form').count(), 0);
  });
});
