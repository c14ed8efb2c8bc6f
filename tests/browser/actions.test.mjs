// Browser test of the action tracker (docs/actions.md) in real chromium against a real aims server:
// a contributor sees "My actions" by default, filters to their overdue actions (the overdue row is
// marked in words and colour), follows an action's link to the record that holds it; the admin sees
// everyone's; an empty list explains itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aims, login } from '../lib/server.mjs';
import { apiGet, apiSend, closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';

const PW = 'action tracker browser password';
const inDays = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

describe('action tracker in the browser', () => {
  let server, browser, page, api, contributorId, late, later;

  const post = async (path, body) => {
    const r = await apiSend(server.url, api, 'POST', path, { body });
    const text = await r.text();
    assert.ok(r.status < 300, `${path}: ${r.status} ${text}`);
    return JSON.parse(text);
  };

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    const add = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', 'doer@acme.test', '--role', 'contributor'], PW + '\n');
    assert.equal(add.status, 0, add.stderr);
    const doer = await login(server.url, 'doer@acme.test', PW);
    contributorId = (await apiGet(server.url, doer, '/api/v1/me')).user.id;
  });

  after(() => closeSession(browser, server));

  test('an empty tracker explains itself', async () => {
    await uiLogin(page, 'doer@acme.test', PW);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Actions' }).waitFor();
    await page.getByTestId('actions-empty').getByText('You have no actions').waitFor();
    assert.equal(await page.getByTestId('actions-mine').getAttribute('aria-pressed'), 'true');
  });

  test('filter to my overdue actions and follow one to its record', async () => {
    late = await post('/api/v1/risks', { title: 'Scores drift after retraining', inherent_likelihood: 4, inherent_impact: 3,
      treatment: 'modify', owner: contributorId, due_date: inDays(-5), status: 'treating' });
    later = await post('/api/v1/risks', { title: 'Unclear explanations to applicants', inherent_likelihood: 2, inherent_impact: 3,
      treatment: 'modify', owner: contributorId, due_date: inDays(20) });
    await post('/api/v1/risks', { title: 'Someone else\'s risk', inherent_likelihood: 2, inherent_impact: 2, treatment: 'share', owner: 'Another team', due_date: inDays(-1) });
    await page.reload();
    const table = page.getByTestId('actions-table');
    await table.waitFor();
    // Mine: two actions, the overdue one first (due date order) and marked.
    assert.equal(await table.locator('tbody tr').count(), 2);
    const first = table.locator('tbody tr').first();
    assert.equal(await first.getAttribute('data-overdue'), 'true');
    await first.getByTestId('overdue-badge').waitFor();
    assert.notEqual(await first.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgba(0, 0, 0, 0)');
    // The box follows the URL, which the click changes after a render: click it, then wait for both.
    await page.getByTestId('filter-overdue').click();
    await page.waitForURL(/overdue=true/);
    await page.locator('[data-testid="filter-overdue"]:checked').waitFor();
    await table.locator('tbody tr').filter({ hasText: 'Unclear explanations' }).waitFor({ state: 'detached' });
    assert.equal(await table.locator('tbody tr').count(), 1);
    await screenshot(page, '90-actions-my-overdue');
    await table.getByRole('link', { name: /Scores drift after retraining/ }).click();
    await page.waitForURL(new RegExp(`/risks/${late.id}$`));
    await page.getByRole('heading', { level: 1, name: /Scores drift after retraining/ }).waitFor();
  });

  test("everyone's actions and the keyboard: the other team's overdue action is listed too", async () => {
    await page.goto('/actions?overdue=true');
    await page.getByTestId('actions-everyone').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/mine=false/);
    const table = page.getByTestId('actions-table');
    await table.locator('tbody tr').filter({ hasText: "Someone else's risk" }).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 2);
    assert.ok(later.id);
  });
});
