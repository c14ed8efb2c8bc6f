// Browser test of the audit log (SPEC §9) in real chromium against a real aims server: each row of
// a system's history shows its audit entry verified in the browser (WebCrypto checks the
// checkpoint's Ed25519 signature and the RFC 6962 inclusion proof); the audit page shows the signed
// checkpoint and the key and exports the log; a viewer sees no export; an entry altered in the
// database is shown as failing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aims } from '../lib/server.mjs';
import { closeSession, launchBrowser, openSession, screenshot, settledRows, settledValue, uiLogin } from './helpers.mjs';

describe('audit log in the browser', () => {
  let server, browser, page, api, system;

  const call = async (method, path, body, headers = {}) => {
    const r = await fetch(server.url + path, {
      method,
      headers: { cookie: api.cookie, 'x-csrf-token': api.csrf, 'content-type': 'application/json', ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${text}`);
    return JSON.parse(text);
  };

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    system = await call('POST', '/api/v1/systems', { name: 'Audited in the browser', purpose: 'Shows proof status' });
    await call('PATCH', `/api/v1/systems/${system.id}`, { owner: 'Model risk' }, { 'if-match': '"v1"' });
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  test("every row of a system's history shows its audit entry, verified in the browser", async () => {
    await page.goto(`/systems/${system.id}?tab=history`);
    const rows = page.getByTestId('history').locator('.timeline-entry');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);
    const status = page.getByTestId('proof-status');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="proof-status"]')].every((e) => e.dataset.status !== 'checking'));
    assert.deepEqual(await status.evaluateAll((els) => els.map((e) => e.dataset.status)), ['verified', 'verified']);
    const history = (await (await fetch(`${server.url}/api/v1/systems/${system.id}/history`, { headers: { cookie: api.cookie } })).json()).items;
    for (let i = 0; i < 2; i++) {
      const text = await status.nth(i).textContent();
      assert.match(text, new RegExp(`^✓ Audit entry ${history[i].audit_seq}, included in the checkpoint of size \\d+ — verified in your browser$`));
    }
    await screenshot(page, '70-history-proof-status');
    assert.deepEqual(browser.problems, []);
  });

  test('the audit page shows the signed checkpoint, the key, the entries, and exports the log', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const signature = page.getByTestId('checkpoint-signature');
    await signature.waitFor();
    assert.equal(await signature.getAttribute('data-status'), 'verified');
    const cp = await call('GET', '/api/v1/audit/checkpoint');
    assert.equal(await page.getByTestId('audit-size').textContent(), String(cp.size));
    const key = await call('GET', '/api/v1/audit/public-key');
    assert.equal(await page.getByTestId('audit-verifier-key').textContent(), key.verifier_key);
    const table = page.getByTestId('audit-entries');
    await table.locator('tbody tr').first().waitFor();
    assert.equal(await table.locator('tbody tr').count(), Math.min(cp.size, 25));
    // Newest first: the system's edit, by the admin's name, the record by its name.
    const newest = table.locator('tbody tr').first();
    assert.equal(await newest.getAttribute('data-seq'), String(cp.size - 1));
    assert.match(await newest.textContent(), /Changed.*Audited in the browser/);
    await screenshot(page, '71-audit-page');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    assert.match(download.suggestedFilename(), /^audit-log-org_\w+-\d+\.jsonl$/);
    const file = await download.path();
    const v = aims(['audit', 'verify', '--log', file, '--key', key.verifier_key]);
    assert.equal(v.status, 0, v.stderr);
    assert.match(v.stdout, /^OK: the \d+ entries of /);
    assert.ok(readFileSync(file, 'utf8').startsWith('{"format":"aims-audit-log"'));

    // The auditor package: a ZIP that aims audit verify --pack accepts.
    const [pack] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-pack').click()]);
    assert.match(pack.suggestedFilename(), /^audit-pack-org_\w+-\d+\.zip$/);
    const packFile = await pack.path();
    assert.equal(readFileSync(packFile).subarray(0, 4).toString('latin1'), 'PK\x03\x04');
    const vp = aims(['audit', 'verify', '--pack', packFile, '--key', key.verifier_key]);
    assert.equal(vp.status, 0, vp.stderr);
    assert.match(vp.stdout, /^OK: the auditor package of /);
    assert.deepEqual(browser.problems, []);
  });

  test('the entries filter by record type and actor, link to the record, and verify a proof on demand', async () => {
    await page.goto('/audit');
    const table = page.getByTestId('audit-entries');
    await table.locator('tbody tr').first().waitFor();
    const type = page.getByTestId('audit-filter-type');
    await type.selectOption('system');
    await page.waitForURL(/record_type=system/);
    // The unfiltered entries stay on screen (busy) until the filtered answer is in; the select shows
    // the choice once the page has rendered the new URL.
    assert.equal(await settledValue(type, 'system'), 'system');
    await settledRows(page);
    const rows = table.locator('tbody tr');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="audit-entries"] tbody tr')].every((r) => /AI system/.test(r.textContent)));
    assert.equal(await rows.count(), 2);  // created, then changed
    await page.getByTestId('audit-filter-actor').fill('nobody@acme.test');
    await page.getByTestId('audit-filter-actor').press('Enter');
    await page.getByTestId('audit-empty').waitFor();
    await page.getByTestId('audit-filter-actor').fill(server.admin.email.toLowerCase());
    await page.getByTestId('audit-filter-actor').press('Enter');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);
    const link = rows.first().getByRole('link', { name: 'Audited in the browser' });
    assert.equal(await link.getAttribute('href'), `/systems/${system.id}`);
    await rows.first().getByTestId('audit-proof').click();
    const status = rows.first().getByTestId('proof-status');
    // Wait for the status to exist and be done checking (a missing one would pass a "not checking" test).
    await rows.first().locator('[data-testid="proof-status"]:not([data-status="checking"])').waitFor();
    assert.equal(await status.getAttribute('data-status'), 'verified');
    assert.equal(await rows.nth(1).getByTestId('proof-status').count(), 0);
    await screenshot(page, '71-audit-filters-proof');
  });

  test('a viewer sees the checkpoint and the key, but no export and no entry list', async () => {
    const pw = 'viewer of the audit page';
    const r = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', 'viewer@acme.test', '--role', 'viewer'], pw + '\n');
    assert.equal(r.status, 0, r.stderr);
    const other = await launchBrowser({ baseURL: server.url });
    try {
      await uiLogin(other.page, 'viewer@acme.test', pw);
      await other.page.goto('/audit');
      await other.page.getByTestId('checkpoint-signature').waitFor();
      // What the viewer gets in place of the list first, so the absences are read from the page as shown.
      await other.page.getByTestId('audit-entries-role').waitFor();
      assert.equal(await other.page.getByTestId('audit-export').count(), 0);
      assert.equal(await other.page.getByTestId('audit-pack').count(), 0);
      assert.equal(await other.page.getByTestId('audit-entries').count(), 0);
      // The history of a record still shows verified entries.
      await other.page.goto(`/systems/${system.id}?tab=history`);
      await other.page.locator('[data-testid="proof-status"][data-status="verified"]').nth(1).waitFor();
      assert.deepEqual(other.problems, []);
    } finally {
      await other.close();
    }
  });

  test('an entry altered in the database is shown as failing verification', async () => {
    const history = (await (await fetch(`${server.url}/api/v1/systems/${system.id}/history`, { headers: { cookie: api.cookie } })).json()).items;
    const seq = history[0].audit_seq;
    const org = (await call('GET', '/api/v1/me')).organization.id;
    const db = join(server.dataDir, 'aims.db');
    const s = spawnSync('sqlite3', [db, `DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET entry = replace(entry, 'update', 'create') WHERE org_id = '${org}' AND seq = ${seq}`], { encoding: 'utf8' });
    assert.equal(s.status, 0, s.stderr);
    await page.goto(`/systems/${system.id}?tab=history`);
    const failed = page.locator('[data-testid="proof-status"][data-status="failed"]');
    await failed.first().waitFor();
    // The other entry may still be checking: count once every proof is done.
    await page.waitForFunction(() => {
      const all = [...document.querySelectorAll('[data-testid="history"] [data-testid="proof-status"]')];
      return all.length === 2 && all.every((e) => e.dataset.status !== 'checking');
    });
    assert.equal(await failed.count(), 1);
    assert.match(await failed.textContent(), new RegExp(`^✗ Audit entry ${seq} does not verify: the entry is not the one the signed checkpoint holds$`));
    assert.equal(await page.locator('[data-testid="proof-status"][data-status="verified"]').count(), 1);
    await screenshot(page, '72-history-proof-failed');
  });
});
