// Browser tests of one's own account and the organization's name in real chromium against a real
// aims server: "My account" shows the last log-in and changes one's name (a bad one is refused
// with the reason); the members page shows each member's last log-in; an admin renames the
// organization in its settings and the organization switcher and page title follow at once; an
// admin creates a new organization from My account and switches to it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';

describe('my account and the organization name in the browser', () => {
  let server, admin;

  before(async () => {
    ({ server, browser: admin } = await openSession());
    await uiLogin(admin.page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(admin, server));

  test('my account shows the last log-in and changes my name; a blank name is refused and nothing changes', async () => {
    const page = admin.page;
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    const last = await page.getByTestId('last-login').textContent();
    assert.match(last, /Last log-in: \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

    const form = page.getByTestId('name-form');
    await form.getByLabel('Name').fill('   ');
    await form.getByRole('button', { name: 'Save name' }).click();
    await page.getByTestId('name-note').filter({ hasText: /name/i }).waitFor();
    assert.doesNotMatch(await page.getByTestId('name-note').textContent(), /saved/);

    await form.getByLabel('Name').fill('  Ada Admin ');
    await form.getByRole('button', { name: 'Save name' }).click();
    await page.getByTestId('name-note').filter({ hasText: 'Name saved.' }).waitFor();
    await page.getByTestId('account-name').filter({ hasText: 'Ada Admin ·' }).waitFor();
    assert.equal(await form.getByLabel('Name').inputValue(), 'Ada Admin');
    await screenshot(page, '96-account-name');

    await page.goto('/people');
    const row = page.getByTestId(`member-${server.admin.email}`);
    await row.getByText('Ada Admin').waitFor();
    assert.match(await row.getByTestId('member-last-login').textContent(), /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    assert.deepEqual(admin.problems, []);
  });

  test('an admin renames the organization: the switcher and the page title show the new name', async () => {
    const page = admin.page;
    await page.goto('/settings');
    await page.getByRole('heading', { level: 1, name: 'Organization settings' }).waitFor();
    const form = page.getByTestId('org-name-form');
    assert.equal(await form.getByLabel('Organization name').inputValue(), server.org);

    await form.getByLabel('Organization name').fill('');
    await form.getByRole('button', { name: 'Rename' }).click();
    await page.getByTestId('org-name-note').waitFor();
    assert.doesNotMatch(await page.getByTestId('org-name-note').textContent(), /now called/);
    await page.getByTestId('org-name').filter({ hasText: server.org }).waitFor();

    await form.getByLabel('Organization name').fill('Acme Renamed Ltd');
    await form.getByRole('button', { name: 'Rename' }).click();
    await page.getByTestId('org-name-note').filter({ hasText: 'now called Acme Renamed Ltd' }).waitFor();
    await page.getByTestId('org-name').filter({ hasText: 'Acme Renamed Ltd' }).waitFor();
    await page.waitForFunction(() => document.title.includes('Acme Renamed Ltd'));
    await screenshot(page, '97-org-renamed');
    // A reload reads it from the server.
    await page.reload();
    await page.getByTestId('org-name').filter({ hasText: 'Acme Renamed Ltd' }).waitFor();
    assert.deepEqual(admin.problems, []);
  });

  test('an admin creates a new organization from My account: a blank name is refused; then they are its admin and switch to it', async () => {
    const page = admin.page;
    await page.goto('/account');
    const form = page.getByTestId('new-org-form');
    await form.getByLabel('Name').fill('  ');
    await form.getByRole('button', { name: 'Create organization' }).click();
    await page.getByTestId('org-error').waitFor();
    await form.getByLabel('Name').fill('Acme Labs');
    await form.getByRole('button', { name: 'Create organization' }).click();
    const switcher = page.getByTestId('org-switcher');
    await switcher.waitFor();
    await page.waitForFunction(() => {
      const s = document.querySelector('[data-testid="org-switcher"]');
      return s && s.selectedOptions[0]?.textContent?.includes('Acme Labs');
    });
    // The new organization starts empty: its inventory has no AI system.
    await page.goto('/systems');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const labels = await switcher.locator('option').allTextContents();
    assert.ok(labels.some((l) => l.includes('Acme Labs')) && labels.some((l) => l.includes('Acme Renamed Ltd')), labels.join(' | '));
    assert.deepEqual(admin.problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  });
});
