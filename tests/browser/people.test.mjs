// Browser tests of the people of an organization in real chromium against a real aims server: an
// admin invites someone, copies the one-time link, and the new person opens it in a fresh browser,
// sets name and password and lands in the app with the invited role; a deactivated user's open
// page is logged out at its next action.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aims, startServer } from '../lib/server.mjs';
import { launchBrowser, screenshot, uiLogin } from './helpers.mjs';

const PW = 'viewer browser password';
const NEW_PW = 'violet lantern over harbor 9';

describe('people in the browser', () => {
  let server, admin;

  before(async () => {
    server = await startServer();
    admin = await launchBrowser({ baseURL: server.url });
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await uiLogin(admin.page, server.admin.email, server.admin.password);
  });

  after(async () => {
    await admin?.close();
    await server?.stop();
  });

  test('an admin invites, copies the link; the new person opens it in a fresh browser, sets a password and lands in the app', async () => {
    const page = admin.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    const form = page.getByTestId('invite-form');
    await form.getByLabel('Email').fill('newcomer@acme.test');
    await form.getByLabel('Role').selectOption('contributor');
    await form.getByRole('button', { name: 'Invite' }).click();
    await page.getByTestId('invite-link').waitFor();
    await page.getByTestId('invite-link-copy').click();
    await page.getByTestId('invite-link-copy').filter({ hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.getByTestId('invite-link-url').inputValue());
    assert.match(copied, /\/invite\/org_[a-z0-9]+\.inv_[a-z0-9]+\.[A-Za-z0-9_-]{43}$/);
    await page.getByTestId('invitations-table').getByText('newcomer@acme.test').waitFor();
    await screenshot(page, '95-people-invited');

    const fresh = await launchBrowser({ baseURL: server.url });
    try {
      const p = fresh.page;
      await p.goto(new URL(copied).pathname);
      await p.getByTestId('invite-intro').filter({ hasText: 'newcomer@acme.test' }).waitFor();
      await p.getByLabel('Your name').fill('New Comer');
      await p.getByLabel('New password', { exact: true }).fill('password12');
      await p.getByLabel('New password again').fill('password12');
      await p.getByRole('button', { name: 'Join' }).click();
      await p.getByTestId('link-error').waitFor();
      await p.getByLabel('New password', { exact: true }).fill(NEW_PW);
      await p.getByLabel('New password again').fill(NEW_PW);
      await p.getByRole('button', { name: 'Join' }).click();
      await p.getByTestId('user-email').filter({ hasText: 'newcomer@acme.test' }).waitFor();
      await p.getByTestId('user-role').filter({ hasText: 'Contributor' }).waitFor();
      assert.deepEqual(fresh.problems, []);
      // The link worked once: opened again it says so.
      const again = await launchBrowser({ baseURL: server.url });
      try {
        await again.page.goto(new URL(copied).pathname);
        await again.page.getByTestId('link-error').filter({ hasText: 'used already' }).waitFor();
      } finally {
        await again.close();
      }
    } finally {
      await fresh.close();
    }
    await page.reload();
    await page.getByTestId('member-newcomer@acme.test').getByText('Active').waitFor();
  });

  test("a deactivated user's open page is logged out at its next action", async () => {
    const add = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', 'leaving@acme.test', '--role', 'viewer'], PW + '\n');
    assert.equal(add.status, 0, add.stderr);
    const leaving = await launchBrowser({ baseURL: server.url });
    try {
      await uiLogin(leaving.page, 'leaving@acme.test', PW);
      const page = admin.page;
      await page.goto('/people');
      const row = page.getByTestId('member-leaving@acme.test');
      await row.getByRole('button', { name: 'Deactivate' }).click();
      const dialog = page.getByTestId('confirm-dialog');
      await dialog.getByText('their sessions and API tokens end at once').waitFor();
      await dialog.getByRole('button', { name: 'Deactivate' }).click();
      await row.getByTestId('member-status').filter({ hasText: 'Deactivated' }).waitFor();
      // The viewer's page is still open; its next action meets the ended session.
      await leaving.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI systems' }).click();
      await leaving.page.getByRole('button', { name: 'Log in' }).waitFor();
      assert.match(leaving.page.url(), /\/login/);
      await leaving.page.getByLabel('Email').fill('leaving@acme.test');
      await leaving.page.getByLabel('Password').fill(PW);
      await leaving.page.getByRole('button', { name: 'Log in' }).click();
      await leaving.page.getByTestId('login-error').filter({ hasText: 'deactivated' }).waitFor();
    } finally {
      await leaving.close();
    }
  });
});
