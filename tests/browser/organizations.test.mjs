// Browser tests of the organization switcher in real chromium against a real aims server: a user
// who belongs to two organizations sees each one's own inventory, and the choice survives a reload.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aims, login, startServer } from '../lib/server.mjs';
import { apiGet, apiSend, closeSession, launchBrowser, screenshot, uiLogin } from './helpers.mjs';

describe('organizations in the browser', () => {
  let server, browser, page;
  let api; // an HTTP session of the admin, to set up and to check what the server stored
  let first; // the membership the server picks by default (Acme AI)
  let other; // the second organization the admin belongs to

  /** The systems the server holds for one organization, by name. */
  const systemNames = async (orgId) => {
    const r = await fetch(`${server.url}/api/v1/systems?archived=all`, { headers: { cookie: api.cookie, 'x-aims-org': orgId } });
    assert.equal(r.status, 200, await r.clone().text());
    return (await r.json()).items.map((s) => s.name).sort();
  };

  /** Chooses an organization in the top bar's switcher and waits until the shell shows it. */
  const switchTo = async (org) => {
    const switcher = page.getByTestId('org-switcher');
    await switcher.selectOption({ label: org.name });
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="org-switcher"]')?.value === id && localStorage.getItem('aims.org') === id,
      org.id,
    );
    await page.waitForFunction(() => !document.querySelector('[data-testid="org-switcher"]')?.disabled);
  };

  before(async () => {
    server = await startServer();
    const created = aims(['org', 'create', '--data', server.dataDir, '--name', 'Other Org', '--admin-email', server.admin.email], 'ignored for an existing user\n');
    assert.equal(created.status, 0, created.stderr);
    browser = await launchBrowser({ baseURL: server.url });
    page = browser.page;
    api = await login(server.url, server.admin.email, server.admin.password);
    const me = await apiGet(server.url, api, '/api/v1/me');
    assert.deepEqual(me.organizations.map((o) => o.name).sort(), ['Acme AI', 'Other Org']);
    first = me.organization;
    assert.equal(first.name, 'Acme AI', 'the first membership is the default');
    other = me.organizations.find((o) => o.name === 'Other Org');
    assert.equal(other.role, 'admin');
  });

  after(() => closeSession(browser, server));

  test('a member of two organizations gets a switcher and starts in the first one', async () => {
    const made = await apiSend(server.url, api, 'POST', '/api/v1/systems', {
      body: { name: 'Acme fraud detector', purpose: 'Flags card payments that look fraudulent.' },
      headers: { 'x-aims-org': first.id },
    });
    assert.equal(made.status, 201, await made.text());

    await uiLogin(page, server.admin.email, server.admin.password);
    const switcher = page.getByTestId('org-switcher');
    await switcher.waitFor();
    assert.equal(await switcher.inputValue(), first.id);
    assert.deepEqual(await switcher.locator('option').allTextContents(), ['Acme AI', 'Other Org']);
    assert.equal(await page.getByLabel('Organization').count(), 1, 'the switcher has a label');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.locator('.page-head').getByText('Acme AI').waitFor();
    await page.getByTestId('stat-total').getByText('1', { exact: true }).waitFor();
    await screenshot(page, '30-org-dashboard-first');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI systems' }).click();
    await page.getByTestId('systems-table').getByRole('link', { name: 'Acme fraud detector' }).waitFor();
    await page.getByTestId('systems-total').filter({ hasText: 'of 1 AI system' }).waitFor();
    await screenshot(page, '31-org-systems-first');
  });

  test('switching to the other organization shows its own, empty inventory, where a system is registered', async () => {
    await switchTo(other);
    await page.getByTestId('systems-empty').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Acme fraud detector' }).count(), 0, "the first organization's system is gone");
    await screenshot(page, '32-org-systems-other-empty');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('.page-head').getByText('Other Org').waitFor();
    await page.getByTestId('dashboard-empty').waitFor();
    assert.equal(await page.getByTestId('stat-total').count(), 0, 'no figures for an empty inventory');
    await screenshot(page, '33-org-dashboard-other-empty');

    await page.getByRole('link', { name: 'Register your first AI system' }).click();
    await page.getByRole('heading', { name: 'New AI system' }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Other support assistant');
    await page.getByRole('textbox', { name: 'Purpose', exact: true }).fill('Answers customer questions in chat.');
    await page.getByRole('button', { name: 'Register AI system' }).click();
    // /systems/new matches /systems/<id> too: wait for an id that is not "new".
    await page.waitForURL(/\/systems\/(?!new$)[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Other support assistant' }).waitFor();
    await screenshot(page, '34-org-system-other');

    assert.deepEqual(await systemNames(other.id), ['Other support assistant'], 'stored in the organization chosen in the switcher');
    assert.deepEqual(await systemNames(first.id), ['Acme fraud detector'], 'the first organization is untouched');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('stat-total').getByText('1', { exact: true }).waitFor();
  });

  test("switching back on a record page goes to the first organization's list, which holds only its system", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI systems' }).click();
    await page.getByTestId('systems-table').getByRole('link', { name: 'Other support assistant' }).click();
    await page.getByRole('heading', { level: 1, name: 'Other support assistant' }).waitFor();

    await switchTo(first);
    await page.waitForURL(/\/systems$/);
    const table = page.getByTestId('systems-table');
    await table.getByRole('link', { name: 'Acme fraud detector' }).waitFor();
    await page.getByTestId('systems-total').filter({ hasText: 'of 1 AI system' }).waitFor();
    assert.equal(await table.getByRole('link', { name: 'Other support assistant' }).count(), 0);
    await screenshot(page, '35-org-systems-back-to-first');
  });

  test('the chosen organization survives a reload', async () => {
    await switchTo(other);
    await page.getByTestId('systems-table').getByRole('link', { name: 'Other support assistant' }).waitFor();
    await page.reload();
    await page.getByTestId('systems-table').getByRole('link', { name: 'Other support assistant' }).waitFor();
    assert.equal(await page.getByTestId('org-switcher').inputValue(), other.id);
    assert.equal(await page.getByRole('link', { name: 'Acme fraud detector' }).count(), 0);
    await screenshot(page, '36-org-reloaded-other');

    // A new visit to the dashboard also stays there.
    await page.goto('/');
    await page.locator('.page-head').getByText('Other Org').waitFor();
    assert.equal(await page.getByTestId('org-switcher').inputValue(), other.id);
  });

  test('a second tab keeps its own organization: a switch there does not move this one', async () => {
    // This tab works in "Other Org"; a second tab of the same browser starts there too, then switches.
    const second = await browser.context.newPage();
    try {
      await second.goto('/systems');
      await second.getByTestId('systems-table').getByRole('link', { name: 'Other support assistant' }).waitFor();
      assert.equal(await second.getByTestId('org-switcher').inputValue(), other.id, 'a new tab starts in the last choice');
      await second.getByTestId('org-switcher').selectOption({ label: first.name });
      await second.getByTestId('systems-table').getByRole('link', { name: 'Acme fraud detector' }).waitFor();
    } finally {
      await second.close();
    }

    // Back in the first tab, which still says "Other Org", pages and writes stay in "Other Org".
    assert.equal(await page.getByTestId('org-switcher').inputValue(), other.id);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI systems' }).click();
    await page.getByTestId('systems-table').getByRole('link', { name: 'Other support assistant' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Acme fraud detector' }).count(), 0);
    await page.getByTestId('new-system').click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Other demand forecaster');
    await page.getByRole('textbox', { name: 'Purpose', exact: true }).fill('Forecasts weekly demand per store.');
    await page.getByRole('button', { name: 'Register AI system' }).click();
    await page.getByRole('heading', { level: 1, name: 'Other demand forecaster' }).waitFor();
    assert.deepEqual(await systemNames(other.id), ['Other demand forecaster', 'Other support assistant']);
    assert.deepEqual(await systemNames(first.id), ['Acme fraud detector']);

    // A reload of this tab keeps its own choice.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Other demand forecaster' }).waitFor();
    assert.equal(await page.getByTestId('org-switcher').inputValue(), other.id);
    await screenshot(page, '37-org-own-tab');
  });

  test('the role shown and what may be done follow the organization', async () => {
    const mixed = { email: 'analyst@acme.test', password: 'analyst password 123' };
    for (const [org, role] of [[first.name, 'viewer'], [other.name, 'contributor']]) {
      const added = aims(['user', 'add', '--data', server.dataDir, '--org', org, '--email', mixed.email, '--role', role], mixed.password + '\n');
      assert.equal(added.status, 0, added.stderr);
    }
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await uiLogin(page, mixed.email, mixed.password);
    // This tab last worked in "Other Org", and this user belongs to it too, so it opens there.
    assert.equal(await page.getByTestId('org-switcher').inputValue(), other.id);
    assert.equal(await page.getByTestId('user-role').textContent(), 'Contributor');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI systems' }).click();
    await page.getByTestId('systems-table').getByRole('link', { name: 'Other support assistant' }).waitFor();
    await page.getByTestId('new-system').waitFor();

    await switchTo(first);
    await page.getByTestId('systems-table').getByRole('link', { name: 'Acme fraud detector' }).waitFor();
    await page.getByTestId('user-role').filter({ hasText: 'Viewer' }).waitFor();
    assert.equal(await page.getByTestId('new-system').count(), 0, 'a viewer there registers nothing');
    await screenshot(page, '38-org-role-viewer');
  });

  test('a member of one organization sees its name and no switcher', async () => {
    const viewer = { email: 'viewer@acme.test', password: 'viewer password 123' };
    const added = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', viewer.email, '--role', 'viewer'], viewer.password + '\n');
    assert.equal(added.status, 0, added.stderr);

    // The tab is left in "Other Org", which this user does not belong to.
    await switchTo(other);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await uiLogin(page, viewer.email, viewer.password);
    await page.getByTestId('org-name').filter({ hasText: 'Acme AI' }).waitFor();
    assert.equal(await page.getByTestId('org-switcher').count(), 0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI systems' }).click();
    await page.getByTestId('systems-table').getByRole('link', { name: 'Acme fraud detector' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Other support assistant' }).count(), 0);
    await screenshot(page, '39-org-single-member');

    // A reload keeps them in their own organization too.
    await page.reload();
    await page.getByTestId('systems-table').getByRole('link', { name: 'Acme fraud detector' }).waitFor();
    assert.equal(await page.getByTestId('org-name').textContent(), 'Acme AI');
    assert.deepEqual(browser.problems, []);
  });
});
