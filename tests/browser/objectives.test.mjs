// Browser tests of AI objectives in real chromium against a real aims server: setting an objective
// through the form (with inline errors), recording readings and seeing the chart and the derived
// status change, editing with a stale version (412), deleting a reading after confirmation, the
// history, the list filters, the dashboard card, and what a viewer does not see.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aims } from '../lib/server.mjs';
import { apiGet, apiSend, closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';

function day(days = 0) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('AI objectives in the browser', () => {
  let server, browser, page, api, key;

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    const r = await apiSend(server.url, api, 'POST', '/api/v1/systems', { body: { name: 'Credit scoring model', purpose: 'Scores loans' } });
    assert.equal(r.status, 201);
  });

  after(() => closeSession(browser, server));

  const status = () => page.getByTestId('objective-status').getByTestId('derived-badge');
  /** Waits until the status card shows `text` (the page reloads its data after a change). */
  const statusIs = (text) => status().filter({ hasText: new RegExp(`^${text}$`) }).waitFor();

  async function record(value, measuredOn) {
    const form = page.getByTestId('reading-form');
    await form.getByLabel(/^Value/).fill(String(value));
    await form.getByLabel('Measured on').fill(measuredOn);
    await form.getByRole('button', { name: 'Record reading' }).click();
    await page.getByTestId('flash').filter({ hasText: `Reading recorded: ${value}` }).waitFor();
  }

  test('an objective is set through the form; required fields and server rules show beside their inputs', async () => {
    await uiLogin(page, server.admin.email, server.admin.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI objectives' }).click();
    await page.getByTestId('objectives-empty').waitFor();
    await screenshot(page, 'objectives-01-empty');
    await page.getByTestId('new-objective').click();
    await page.getByRole('heading', { name: 'New AI objective' }).waitFor();

    await page.getByRole('button', { name: 'Create objective' }).click();
    for (const f of ['title', 'annex_c_objective', 'measure', 'owner', 'due_date', 'target_value']) await page.getByTestId(`field-error-${f}`).waitFor();
    await screenshot(page, 'objectives-02-required', { fullPage: false });

    await page.getByLabel('Title').fill('Similar approval rates across age groups');
    await page.getByLabel('Annex C objective').selectOption('C.2.5');
    await page.getByLabel('AI system').selectOption({ label: 'Credit scoring model' });
    await page.getByLabel('Owner').fill('Head of Credit Risk');
    await page.getByLabel('What is measured').fill('Approval-rate ratio, lowest age group to highest');
    await page.getByRole('textbox', { name: 'Target', exact: true }).fill('0.9');
    // A threshold above the target is refused by the server, beside the field.
    await page.getByLabel('Warning threshold').fill('0.95');
    await page.getByLabel('Due date').fill(day(180));
    await page.getByRole('button', { name: 'Add a plan' }).click();
    await page.getByLabel('Plan 1: action').fill('Reweight the training data');
    await page.getByLabel('Responsible').fill('Credit modelling team');
    await page.getByRole('button', { name: 'Create objective' }).click();
    await page.getByTestId('field-error-warning_threshold').filter({ hasText: 'below the target' }).waitFor();
    await screenshot(page, 'objectives-03-server-error', { fullPage: false });
    assert.equal((await apiGet(server.url, api, '/api/v1/objectives')).total, 0, 'nothing was created');

    await page.getByLabel('Warning threshold').fill('0.8');
    await page.getByRole('button', { name: 'Create objective' }).click();
    await page.getByTestId('objective-detail').waitFor();
    await page.getByTestId('flash').filter({ hasText: 'was created' }).waitFor();
    key = new URL(page.url()).pathname.split('/').pop();
    assert.equal(key, 'OBJ-1');
    await statusIs('No data');
    await page.getByTestId('readings-empty').waitFor();
    const stored = await apiGet(server.url, api, '/api/v1/objectives/OBJ-1');
    assert.deepEqual([stored.target_value, stored.warning_threshold, stored.system_name, stored.plans[0].action],
      [0.9, 0.8, 'Credit scoring model', 'Reweight the training data']);
  });

  test('readings are recorded; the chart draws them with the target and warning band, and the status follows the latest', async () => {
    await record(0.7, day(-60));
    await statusIs('Off track');
    await record(0.85, day(-30));
    await statusIs('At risk');
    await record(0.95, day(0));
    await statusIs('On track');
    await page.getByTestId('explanation').filter({ hasText: 'is at or above the target of 0.9: on track' }).waitFor();

    const chart = page.getByTestId('readings-chart');
    assert.equal(await chart.getByTestId('chart-point').count(), 3);
    assert.equal(await chart.getByTestId('target-line').count(), 1);
    assert.equal(await chart.getByTestId('band-warning').count(), 1);
    assert.match(await chart.locator('svg > title').textContent(), /3 readings of Approval-rate ratio.*0\.95 \(On track\)/);
    // The table is the chart's text alternative, newest first.
    const rows = page.getByTestId('readings-table').locator('tbody tr');
    assert.equal(await rows.count(), 3);
    assert.match(await rows.first().textContent(), /0\.95.*On track/);
    assert.match(await rows.last().textContent(), /0\.7.*Off track/);
    await screenshot(page, 'objectives-04-chart');

    // A value that is not a number, and a date in the future, are refused beside the field.
    const form = page.getByTestId('reading-form');
    await form.getByLabel(/^Value/).fill('high');
    await form.getByRole('button', { name: 'Record reading' }).click();
    await page.getByTestId('field-error-value').filter({ hasText: 'must be a number' }).waitFor();
    await form.getByLabel(/^Value/).fill('0.5');
    await form.getByLabel('Measured on').fill(day(3));
    await form.getByRole('button', { name: 'Record reading' }).click();
    await page.getByTestId('field-error-measured_on').filter({ hasText: 'must not be in the future' }).waitFor();
    assert.equal((await apiGet(server.url, api, '/api/v1/objectives/OBJ-1/readings')).total, 3);
  });

  test('editing with a stale version is refused (412) and offers a reload; a new target changes the status', async () => {
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByTestId('objective-form').waitFor();
    // Someone else changes the objective meanwhile.
    const r = await apiSend(server.url, api, 'PATCH', '/api/v1/objectives/OBJ-1', { body: { owner: 'Chief Risk Officer' }, headers: { 'if-match': '"v1"' } });
    assert.equal(r.status, 200);
    await page.getByRole('textbox', { name: 'Target', exact: true }).fill('0.96');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('conflict-banner').waitFor();
    await screenshot(page, 'objectives-05-conflict', { fullPage: false });
    await page.getByRole('button', { name: 'Reload latest version' }).click();
    await page.waitForFunction(() => (document.querySelector('[name="owner"]') || {}).value === 'Chief Risk Officer');
    await page.getByRole('textbox', { name: 'Target', exact: true }).fill('0.96');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('flash').filter({ hasText: 'Changes saved.' }).waitFor();
    await statusIs('At risk');
    const stored = await apiGet(server.url, api, '/api/v1/objectives/OBJ-1');
    assert.deepEqual([stored.target_value, stored.owner, stored.version], [0.96, 'Chief Risk Officer', 3]);
  });

  test('a reading is deleted after confirmation, and the history keeps it', async () => {
    const rows = page.getByTestId('readings-table').locator('tbody tr');
    await rows.first().getByRole('button', { name: /Delete/ }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByText('history keeps a record').waitFor();
    await screenshot(page, 'objectives-06-confirm-delete', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await rows.count(), 3);
    await rows.first().getByRole('button', { name: /Delete/ }).click();
    await dialog.getByRole('button', { name: 'Delete reading' }).click();
    await page.getByTestId('flash').filter({ hasText: 'The reading was deleted' }).waitFor();
    await rows.nth(2).waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 2);
    await statusIs('At risk');

    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByTestId('objective-history');
    await history.getByText('Reading deleted').waitFor();
    assert.equal(await history.getByText('Reading added').count(), 3);
    assert.equal(await history.getByText('Created').count(), 1);
    // Each change is in the audit log, its inclusion proof checked in the browser.
    await page.waitForFunction((sel) => {
      const all = [...document.querySelectorAll(`${sel} [data-testid="proof-status"]`)];
      return all.length > 0 && all.every((e) => e.dataset.status !== 'checking');
    }, '[data-testid="objective-history"]');
    assert.deepEqual([...new Set(await page.locator('[data-testid="objective-history"] [data-testid="proof-status"]').evaluateAll((els) => els.map((e) => e.dataset.status)))], ['verified'],
      'every history row\'s audit entry verifies in the browser');
    await screenshot(page, 'objectives-07-history');
    assert.match(page.url(), /tab=history/);
  });

  test('the list shows the status badges and filters by derived status; the dashboard counts them', async () => {
    const r = await apiSend(server.url, api, 'POST', '/api/v1/objectives', {
      body: { title: 'Cut retraining energy', annex_c_objective: 'C.2.4', measure: 'kWh', owner: 'Analytics', due_date: day(90),
        direction: 'lower_is_better', target_value: 120, start_date: day(-80) },
    });
    assert.equal(r.status, 201);
    await page.goto('/objectives');
    const rows = page.getByTestId('objective-row');
    await rows.nth(1).waitFor();
    assert.match(await rows.nth(0).textContent(), /OBJ-1.*At risk/);
    assert.match(await rows.nth(1).textContent(), /OBJ-2.*No data.*Reading overdue/);
    await screenshot(page, 'objectives-08-list');
    await page.getByLabel('Derived status').selectOption('no_data');
    await page.getByTestId('objectives-total').filter({ hasText: '1–1 of 1 objective' }).waitFor();
    assert.match(page.url(), /derived_status=no_data/);
    assert.match(await rows.first().textContent(), /OBJ-2/);

    await page.goto('/');
    const card = page.getByTestId('dashboard-objectives');
    await card.getByTestId('dash-objectives-at_risk').filter({ hasText: '1' }).waitFor();
    assert.match(await card.getByTestId('dash-objectives-overdue').textContent(), /1\s*with a reading overdue/);
    await screenshot(page, 'objectives-09-dashboard');
    await card.getByTestId('dash-objectives-overdue').click();
    await page.waitForURL(/\/objectives\?status=active&overdue=true/);
    await page.getByTestId('objectives-total').filter({ hasText: 'of 1 objective' }).waitFor();
  });

  test('a viewer sees objectives, the chart and the history, but no write buttons', async () => {
    const add = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', 'viewer@acme.test', '--role', 'viewer'], 'viewer password 1\n');
    assert.equal(add.status, 0, add.stderr);
    await page.getByRole('button', { name: 'Log out' }).click();
    await uiLogin(page, 'viewer@acme.test', 'viewer password 1');
    await page.goto('/objectives');
    await page.getByTestId('objective-row').first().waitFor();
    assert.equal(await page.getByTestId('new-objective').count(), 0);
    await page.goto(`/objectives/${key}`);
    await page.getByTestId('readings-chart').waitFor();
    assert.equal(await page.getByTestId('reading-form').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Edit', exact: true }).count(), 0);
    assert.equal(await page.getByTestId('readings-table').getByRole('button').count(), 0);
    await page.goto(`/objectives/${key}/edit`);
    await page.waitForURL(new RegExp(`/objectives/${key}$`));
    assert.deepEqual(browser.problems, []);
  });
});
