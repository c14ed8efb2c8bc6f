// Browser test of the pages every record kind served from its schema gets (GET /api/v1/kinds), in
// real chromium against a real demo server, over the context issues register (ISO/IEC 42001 4.1):
// the list from the navigation with the demo rows, filters, sorting both ways, paging, creating
// (the client's and then the server's field errors first), editing, a 412 when someone else changed
// the record meanwhile, the history with verified audit proofs, archive and restore behind a
// confirmation, and what a viewer does not see.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aims, aimsBin, login } from '../lib/server.mjs';
import { apiGet, apiSend, launchBrowser, screenshot, settledRows, settledValue, uiLogin } from './helpers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PATH = 'context-issues';
const inDays = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

/** Starts `aims serve --demo` with the built web UI; resolves to { url, email, password, stop() }. */
async function startDemo() {
  const dir = mkdtempSync(join(tmpdir(), 'aims-kinds-demo-'));
  const child = spawn(aimsBin(), ['serve', '--demo', '--listen', '127.0.0.1:0', '--data', dir, '--web', join(root, 'web', 'dist')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.resume();
  const out = await new Promise((resolveOut, reject) => {
    let text = '';
    child.stdout.on('data', (x) => {
      text += x;
      if (/listening on http/.test(text) && /log in as/.test(text)) resolveOut(text);
    });
    child.on('exit', (code) => reject(new Error(`demo server exited with ${code}: ${text}`)));
  });
  child.stdout.resume();
  const [, email, password] = out.match(/log in as (\S+) with password (\S+)/);
  return {
    url: out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)[1],
    dir,
    email,
    password,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('record kinds served from their schema, in the browser (context issues)', () => {
  let demo;
  let browser;
  let page;
  let api;
  let kind;
  let created;

  const list = (query = '') => apiGet(demo.url, api, `/api/v1/${PATH}${query}`);
  const numbers = () => page.getByTestId('kind-table').locator('tbody tr td:first-child a').allTextContents();
  const total = (text) => page.getByTestId('kind-total').filter({ hasText: text }).waitFor();

  /** A valid create body built from the schema: every field filled, required or not. */
  const validBody = (title) => {
    const body = {};
    for (const f of kind.fields) {
      if (f.type === 'text') body[f.name] = f.name === 'title' ? title : 'Quality lead';
      else if (f.type === 'long_text') body[f.name] = 'Written by the browser test.';
      else if (f.type === 'enum') body[f.name] = f.values[0].value;
      else if (f.type === 'date') body[f.name] = inDays(90);
      else if (f.type === 'integer') body[f.name] = f.min ?? 1;
      else if (f.type === 'boolean') body[f.name] = false;
    }
    return body;
  };

  before(async () => {
    demo = await startDemo();
    api = await login(demo.url, demo.email, demo.password);
    kind = (await apiGet(demo.url, api, '/api/v1/kinds')).items.find((k) => k.path === PATH);
    assert.ok(kind, 'the server serves the context issues kind');
    browser = await launchBrowser({ baseURL: demo.url });
    page = browser.page;
    await uiLogin(page, demo.email, demo.password);
  });

  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  test('the register opens from the navigation with its clause and the demo rows', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Context issues' }).click();
    await page.getByRole('heading', { level: 1, name: /Context issues/ }).waitFor();
    assert.equal(await page.getByTestId('kind-clause').textContent(), 'Clause 4.1');
    const stored = await list('?sort=number');
    assert.ok(stored.total >= 1, 'the demo organization has context issues');
    await total(`of ${stored.total} context issue`);
    assert.deepEqual(await numbers(), stored.items.map((r) => r.number));
    // The columns are the number and the fields marked as columns, enum values by their label.
    const heads = await page.getByTestId('kind-table').locator('thead th').allTextContents();
    assert.deepEqual(heads.map((h) => h.replace(/[▲▼↕]/g, '').trim()), ['Number', ...kind.fields.filter((f) => f.column).map((f) => f.label)]);
    const enumColumn = kind.fields.find((f) => f.column && f.type === 'enum');
    if (enumColumn) {
      const shown = await page.getByTestId('kind-table').locator(`tbody tr:first-child td[data-col="${enumColumn.name}"]`).textContent();
      assert.equal(shown, enumColumn.values.find((v) => v.value === stored.items[0][enumColumn.name]).label);
    }
    assert.equal(await page.getByTestId('kind-new').textContent(), 'New context issue');
    await screenshot(page, 'kinds-0-list');
  });

  test('a filter from the schema narrows the list (in the URL); clear filters brings all back', async () => {
    const all = (await list()).total;
    const filter = kind.filters.find((f) => f.values?.length);
    assert.ok(filter, 'the kind has a filter with values');
    const counts = await Promise.all(filter.values.map(async (v) => [v, (await list(`?${filter.name}=${v.value}`)).total]));
    const [value, count] = counts.find(([, n]) => n > 0 && n < all) ?? counts.find(([, n]) => n > 0);
    // The total of the unfiltered list stays on screen while the filtered one loads (and is the same
    // when every issue has the value): wait until the page shows the filter and its answer.
    const select = page.getByTestId(`filter-${filter.name}`);
    await select.selectOption(value.value);
    await page.waitForURL(new RegExp(`${filter.name}=${value.value}`));
    assert.equal(await settledValue(select, value.value), value.value);
    await settledRows(page);
    await total(`of ${count} context issue${count === 1 ? '' : 's'}`);
    await screenshot(page, 'kinds-1-filtered');
    await select.selectOption('');
    await page.waitForURL((u) => !u.searchParams.has(filter.name));
    assert.equal(await settledValue(select, ''), '');
    await settledRows(page);
    await total(`of ${all} context issues`);
    // A value nobody has: "no records match" with a way back.
    await page.getByTestId('kind-search').fill('no such issue anywhere');
    await page.getByTestId('kind-total').filter({ hasText: 'No context issues match these filters.' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await total(`of ${all} context issues`);
  });

  test('a column head sorts both ways, with aria-sort', async () => {
    const sort = kind.sorts.find((s) => s.name === 'title') ?? kind.sorts.find((s) => s.name !== 'number');
    const head = page.getByTestId('kind-table').locator('thead th').filter({ hasText: sort.label });
    await head.getByRole('button').click();
    await page.waitForURL(new RegExp(`sort=${sort.name}`));
    await page.getByTestId('kind-table').locator(`thead th[aria-sort="ascending"]`).filter({ hasText: sort.label }).waitFor();
    await settledRows(page); // the rows in the order before stay on screen until the sorted answer is in
    const up = await list(`?sort=${sort.name}`);
    await page.waitForFunction((want) => [...document.querySelectorAll('[data-testid="kind-table"] tbody tr td:first-child a')].map((a) => a.textContent).join() === want, up.items.map((r) => r.number).join());
    await head.getByRole('button').click();
    await page.waitForURL(new RegExp(`sort=-${sort.name}`));
    await page.getByTestId('kind-table').locator(`thead th[aria-sort="descending"]`).filter({ hasText: sort.label }).waitFor();
    await settledRows(page);
    const down = await list(`?sort=-${sort.name}`);
    await page.waitForFunction((want) => [...document.querySelectorAll('[data-testid="kind-table"] tbody tr td:first-child a')].map((a) => a.textContent).join() === want, down.items.map((r) => r.number).join());
    assert.notDeepEqual(up.items.map((r) => r.number), down.items.map((r) => r.number));
    await screenshot(page, 'kinds-2-sorted-desc');
  });

  test('more rows than a page: the pager moves through them', async () => {
    const before = (await list()).total;
    for (let i = before; i < 30; i++) {
      const r = await apiSend(demo.url, api, 'POST', `/api/v1/${PATH}`, { body: validBody(`Paging issue ${i}`) });
      assert.equal(r.status, 201, await r.text());
    }
    await page.goto(`/${PATH}?sort=number`);
    await total('1–25 of 30 context issues');
    await page.getByRole('button', { name: 'Next →' }).click();
    await total('26–30 of 30 context issues');
    assert.equal((await numbers()).length, 5);
    await page.getByRole('button', { name: '← Previous' }).click();
    await total('1–25 of 30 context issues');
  });

  test('creating an issue: the field error first, then it is recorded', async () => {
    await page.getByTestId('kind-new').click();
    await page.getByRole('heading', { level: 1, name: 'New context issue' }).waitFor();
    const form = page.getByTestId('kind-form');
    await page.getByTestId('kind-submit').click();
    await form.getByTestId('field-error-title').waitFor();
    assert.equal(await form.locator('[name="title"]').evaluate((e) => e === document.activeElement), true, 'the first field in error has focus');
    await screenshot(page, 'kinds-3-form-client-error');
    assert.equal((await list()).total, 30, 'nothing was stored');

    const body = { ...validBody('Regulator guidance on AI transparency'), relevance: 'high', status: 'open' };
    for (const f of kind.fields) {
      const input = form.locator(`[name="${f.name}"]`);
      if (['text', 'long_text', 'integer'].includes(f.type)) await input.fill(String(body[f.name]));
      else if (f.type === 'enum') await input.selectOption(body[f.name]);
    }
    // The kind's own rule, checked only by the server: an open issue of high relevance needs a review date.
    await page.getByTestId('kind-submit').click();
    await form.getByTestId('field-error-review_date').filter({ hasText: 'needs a next review date' }).waitFor();
    assert.equal(await form.getByTestId('field-error-title').count(), 0);
    assert.equal((await list()).total, 30, 'nothing was stored');
    await screenshot(page, 'kinds-3-form-server-error');
    await form.locator('[name="review_date"]').fill(body.review_date);
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('flash').filter({ hasText: 'Regulator guidance on AI transparency was recorded' }).waitFor();
    await page.getByTestId('kind-detail').waitFor();
    const found = (await list('?q=Regulator%20guidance')).items;
    assert.equal(found.length, 1);
    created = found[0];
    assert.equal(created.title, 'Regulator guidance on AI transparency');
    await page.waitForURL(new RegExp(`/${PATH}/${created.id}$`));
    await screenshot(page, 'kinds-4-detail');
  });

  test('editing it saves a change', async () => {
    await page.getByTestId('kind-edit').click();
    const form = page.getByTestId('kind-form');
    await form.locator('[name="title"]').fill('Regulator guidance on AI transparency (2027)');
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('flash').filter({ hasText: 'Changes saved.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: /AI transparency \(2027\)/ }).waitFor();
    const stored = await apiGet(demo.url, api, `/api/v1/${PATH}/${created.id}`);
    assert.equal(stored.title, 'Regulator guidance on AI transparency (2027)');
    assert.equal(stored.version, created.version + 1);
  });

  test('a change by someone else in between is refused with a 412 and the latest version offered', async () => {
    await page.getByTestId('kind-edit').click();
    const form = page.getByTestId('kind-form');
    await form.locator('[name="title"]').waitFor();
    const now = await apiGet(demo.url, api, `/api/v1/${PATH}/${created.id}`);
    const r = await apiSend(demo.url, api, 'PATCH', `/api/v1/${PATH}/${created.id}`, {
      body: { title: 'Changed by a colleague' },
      headers: { 'if-match': `"v${now.version}"` },
    });
    assert.equal(r.status, 200, await r.text());
    await form.locator('[name="title"]').fill('My own title');
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('conflict-banner').filter({ hasText: 'Someone else changed this context issue' }).waitFor();
    await screenshot(page, 'kinds-5-conflict');
    assert.equal((await apiGet(demo.url, api, `/api/v1/${PATH}/${created.id}`)).title, 'Changed by a colleague');
    await page.getByRole('button', { name: 'Reload latest version' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="kind-form"] [name="title"]')?.value === 'Changed by a colleague');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('kind-detail').waitFor();
  });

  test('the history lists each change with its verified audit proof', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByTestId('history');
    await history.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="history"] .timeline-entry').length >= 3);
    await history.getByText('Recorded', { exact: true }).waitFor();
    await history.getByText('Changed by a colleague').first().waitFor();
    await page.waitForFunction((sel) => {
      const all = [...document.querySelectorAll(`${sel} [data-testid="proof-status"]`)];
      return all.length > 0 && all.every((e) => e.dataset.status !== 'checking');
    }, '[data-testid="history"]');
    assert.deepEqual(
      [...new Set(await page.locator('[data-testid="history"] [data-testid="proof-status"]').evaluateAll((els) => els.map((e) => e.dataset.status)))],
      ['verified'],
      "every history row's audit entry verifies in the browser",
    );
    await screenshot(page, 'kinds-6-history');
    // Evidence is linked to the record as context_issue:<id>; none yet.
    await page.getByRole('tab', { name: 'Evidence' }).click();
    await page.getByTestId('evidence-panel-empty').filter({ hasText: 'No evidence is linked to this context issue yet.' }).waitFor();
  });

  test('archiving asks first, hides the issue from the list, and restoring brings it back', async () => {
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByTestId('kind-archive').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByRole('heading', { name: 'Archive this context issue?' }).waitFor();
    await screenshot(page, 'kinds-7-archive-confirm', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await apiGet(demo.url, api, `/api/v1/${PATH}/${created.id}`)).archived, false, 'cancel changes nothing');
    await page.getByTestId('kind-archive').click();
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await page.getByTestId('flash').filter({ hasText: 'was archived' }).waitFor();
    assert.equal(await page.getByTestId('kind-edit').count(), 0);
    assert.equal((await apiGet(demo.url, api, `/api/v1/${PATH}/${created.id}`)).archived, true);

    await page.goto(`/${PATH}?q=colleague`);
    await page.getByTestId('kind-total').filter({ hasText: 'No context issues match these filters.' }).waitFor();
    await page.getByTestId('filter-archived').click();
    await page.waitForURL(/archived=all/);
    await total('1–1 of 1 context issue');
    await page.getByTestId('kind-table').getByText('Archived').waitFor();
    await page.getByTestId('kind-table').getByRole('link', { name: 'Changed by a colleague' }).click();
    await page.getByTestId('kind-archive').filter({ hasText: 'Restore' }).click();
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await page.getByTestId('flash').filter({ hasText: 'was restored' }).waitFor();
    assert.equal((await apiGet(demo.url, api, `/api/v1/${PATH}/${created.id}`)).archived, false);
    assert.deepEqual(browser.problems, []);
  });

  test('a viewer sees the register and its records but no write buttons', async () => {
    const add = aims(['user', 'add', '--data', demo.dir, '--org', 'Demo Org', '--email', 'viewer@demo.test', '--role', 'viewer'], 'viewer password 1\n');
    assert.equal(add.status, 0, add.stderr);
    const viewer = await launchBrowser({ baseURL: demo.url });
    try {
      await uiLogin(viewer.page, 'viewer@demo.test', 'viewer password 1');
      await viewer.page.goto(`/${PATH}`);
      await viewer.page.getByTestId('kind-table').waitFor();
      assert.equal(await viewer.page.getByTestId('kind-new').count(), 0);
      await viewer.page.goto(`/${PATH}/${created.id}`);
      await viewer.page.getByTestId('kind-detail').waitFor();
      assert.equal(await viewer.page.getByTestId('kind-edit').count(), 0);
      assert.equal(await viewer.page.getByTestId('kind-archive').count(), 0);
      await viewer.page.goto(`/${PATH}/new`);
      await viewer.page.getByTestId('kind-list').waitFor();
      assert.equal(await viewer.page.getByTestId('kind-form').count(), 0);
      await screenshot(viewer.page, 'kinds-8-viewer');
      assert.deepEqual(viewer.problems, []);
    } finally {
      await viewer.close();
    }
  });
});
