// Browser test of internal audits in real chromium against a real demo server: the audit
// programme's coverage (the demo's gaps flagged), then an audit of the gap planned, opened from the
// programme, started (checklist generated), a checklist row recorded, a major nonconformity
// recorded from the row (offering "Raise nonconformity"), the audit reported and signed off by its
// lead auditor and by an auditee in their own session: frozen, with the report's SHA-256. The
// demo's signed-off audit's edit page, opened by its URL, shows why it is locked instead of the form.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, apiSend, closeCleanSession, openAdminSession, screenshot, uiLogin } from './helpers.mjs';
import { openPage } from './pages.mjs';

describe('internal audit from programme to sign-off', () => {
  let server, browser, page, api;

  before(async () => ({ server, browser, page, api } = await openAdminSession({ api: true })));
  after(() => closeCleanSession(browser, server));

  test('a signed-off audit is locked: its page offers no Edit, and its edit page by URL says why instead of the form', async () => {
    const audits = (await apiGet(server.url, api, '/api/v1/internal-audits?limit=500')).items;
    const signed = audits.find((a) => a.status === 'signed_off');
    assert.ok(signed, 'the demo has a signed-off audit');
    await openPage(page, `/internal-audits/${encodeURIComponent(signed.id)}`);
    await page.getByTestId('kind-locked').filter({ hasText: 'Signed off' }).waitFor();
    assert.equal(await page.getByTestId('kind-edit').count(), 0);

    await openPage(page, `/internal-audits/${encodeURIComponent(signed.id)}/edit`);
    const locked = page.getByTestId('edit-locked');
    await locked.waitFor();
    assert.match(await locked.textContent(), /Signed off: the audit and its report are frozen\. It cannot be edited\./);
    assert.equal(await page.getByTestId('kind-form').count(), 0, 'no form');
    assert.equal(await page.getByRole('button', { name: 'Save changes' }).count(), 0);
    await page.getByTestId('edit-locked-back').click();
    await page.waitForURL((u) => u.pathname === `/internal-audits/${encodeURIComponent(signed.id)}`);
    await page.getByTestId('audit-workflow').waitFor();

    // A draft audit's edit page still has its form.
    const open = audits.find((a) => a.status !== 'signed_off' && !a.archived);
    if (open) {
      await openPage(page, `/internal-audits/${encodeURIComponent(open.id)}/edit`);
      await page.getByTestId('kind-form').waitFor();
      assert.equal(await page.getByTestId('edit-locked').count(), 0);
    }
  });

  test('programme → audit → checklist row → finding → report → two sign-offs', async () => {
    await openPage(page, '/audit-programme');
    await page.getByTestId('coverage-table').waitFor();
    assert.match(await page.locator('[data-requirement="8.2"]').textContent(), /IA-1/);
    await page.locator('[data-requirement="6.2"]').getByTestId('not-covered').waitFor();
    assert.match(await page.locator('[data-requirement="A.10.4"]').textContent(), /Not applicable/);
    await screenshot(page, 'internal-audit-coverage');

    // The gap gets an audit, led by the admin; the programme shows it covering 6.2.
    const me = (await apiGet(server.url, api, '/api/v1/me')).user.id;
    const start = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
    const made = await apiSend(server.url, api, 'POST', '/api/v1/internal-audits', {
      body: { title: 'Audit of AI objectives and planning of changes', clauses: '6.2, 6.3', lead_auditor: me, planned_start: start },
    });
    assert.equal(made.status, 201, await made.clone().text());
    const audit = await made.json();
    await page.reload();
    const covered = page.locator('[data-requirement="6.2"]').getByRole('link', { name: audit.id });
    await covered.click();
    await page.getByTestId('audit-workflow').waitFor();
    await page.getByTestId('checklist-empty').waitFor();

    await page.getByTestId('audit-start').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Start' }).click();
    await page.locator('[data-row="6.2"]').waitFor();
    assert.equal(await page.locator('[data-row]').count(), 2);

    const row = page.locator('[data-row="6.2"]');
    await row.getByTestId('row-record').click();
    const form = page.getByTestId('row-form');
    await form.locator('[name="examined"]').fill('The objectives register and its plans');
    await form.locator('[name="result"]').selectOption('nc_raised');
    await page.getByTestId('row-save').click();
    await row.getByTestId('row-result').filter({ hasText: 'Nonconformity raised' }).waitFor();

    await page.locator('[data-row="6.2"]').getByTestId('row-finding').click();
    const finding = page.getByTestId('finding-form');
    await finding.locator('[name="type"]').selectOption('major_nc');
    await finding.locator('[name="title"]').fill('Objectives without plans');
    await finding.locator('[name="description"]').fill('No AI objective has a plan saying who does what by when.');
    await page.getByTestId('finding-save').click();
    await page.getByTestId('finding-form').waitFor({ state: 'detached' });
    await page.getByTestId('audit-tab-findings').click();
    const raise = page.getByTestId('findings').getByTestId('raise-nc');
    await raise.waitFor();
    assert.match(await raise.getAttribute('href'), /^\/nonconformities\/new\?source=internal_audit&source_ref=AF-\d+&requirement=6\.2&title=/);
    await screenshot(page, 'internal-audit-finding');

    await page.getByTestId('audit-tab-signoff').click();
    await page.getByTestId('report-form').locator('[name="conclusion"]').fill('Planning of objectives does not conform: one major nonconformity.');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('audit-status').filter({ hasText: 'Reported' }).waitFor();
    await page.getByTestId('audit-tab-signoff').click();
    await page.getByTestId('sign-lead').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Sign off' }).click();
    await page.getByTestId('audit-tab-signoff').click();
    await page.getByTestId('signoffs').filter({ hasText: 'Lead auditor' }).waitFor();
    assert.equal(await page.getByTestId('sign-auditee').count(), 0, 'the lead auditor is no auditee');

    // The auditee signs in their own session.
    await browser.context.clearCookies();
    await uiLogin(page, 'compliance@demo.aims.test', server.admin.password);
    await openPage(page, `/internal-audits/${audit.id}`);
    await page.getByTestId('audit-tab-signoff').click();
    await page.getByTestId('sign-auditee').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Sign off' }).click();
    await page.getByTestId('audit-status').filter({ hasText: 'Signed off' }).waitFor();
    await page.getByTestId('audit-tab-signoff').click();
    assert.match(await page.getByTestId('report-hash').textContent(), /[0-9a-f]{64}/);
    await screenshot(page, 'internal-audit-signed-off');
  });
});
