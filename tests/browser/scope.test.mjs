// Browser test of the AIMS scope page in real chromium against a real aims server: the admin edits
// the scope and sees the certificate statement change before saving, places the systems and saves;
// a system added to the inventory shows as drift (on the page and the dashboard) and is placed in
// one click; the system page says whether the system is in scope; a contributor (who may not read
// the members list) sends the scope to a manager picked by name from the member directory.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aims, login } from '../lib/server.mjs';
import { apiGet, apiSend, closeSession, launchBrowser, openSession, uiLogin } from './helpers.mjs';

describe('AIMS scope in the browser', () => {
  let server, browser, page, admin, loan, chat;

  const create = async (name) => {
    const r = await apiSend(server.url, admin, 'POST', '/api/v1/systems', { body: { name, purpose: 'Browser scope test' } });
    assert.equal(r.status, 201, await r.clone().text());
    return r.json();
  };

  before(async () => {
    ({ server, browser, page, api: admin } = await openSession({ api: true }));
    loan = await create('Loan scoring');
    chat = await create('Support chatbot');
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  test('edit the scope: the statement follows the form; placing the systems saves a draft', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AIMS scope' }).click();
    await page.getByRole('heading', { level: 1, name: 'AIMS scope' }).waitFor();
    const statement = page.getByTestId('scope-statement');
    await statement.filter({ hasText: 'covering the use of no AI systems yet.' }).waitFor();
    await page.getByTestId(`drift-${loan.id}`).waitFor();
    await page.getByTestId('scope-units').fill('Retail Banking');
    await page.getByTestId('scope-sites').fill('Frankfurt\nLisbon');
    await page.getByTestId('scope-role-provider').check();
    await page.getByTestId(`scope-where-${loan.id}`).selectOption('in');
    await statement.filter({ hasText: 'covering the development of 1 AI system (Loan scoring) at Frankfurt and Lisbon by Retail Banking, in the role of provider.' }).waitFor();
    await page.getByTestId(`scope-where-${chat.id}`).selectOption('out');
    await page.getByTestId(`scope-reason-${chat.id}`).fill('Run by a supplier');
    await page.getByTestId('scope-save').click();
    await page.getByTestId('scope-notice').filter({ hasText: 'Scope saved as a draft.' }).waitFor();
    await page.getByTestId('scope-status').filter({ hasText: 'Version 1, draft by' }).waitFor();
    assert.equal(await page.getByTestId('scope-drift').count(), 0);
    const s = await apiGet(server.url, admin, '/api/v1/scope');
    assert.deepEqual(s.in_scope, [loan.id]);
    assert.deepEqual(s.out_of_scope, [{ system_id: chat.id, reason: 'Run by a supplier' }]);
    assert.deepEqual(s.sites, ['Frankfurt', 'Lisbon']);
    assert.equal(await statement.textContent(), s.statement);
  });

  test('a new AI system is drift on the dashboard and the scope page until it is added in one click', async () => {
    const fresh = await create('Fresh model');
    await page.goto('/');
    await page.getByTestId('dashboard-scope-drift').filter({ hasText: '1' }).click();
    await page.getByRole('heading', { level: 1, name: 'AIMS scope' }).waitFor();
    await page.getByTestId(`drift-${fresh.id}`).filter({ hasText: 'Fresh model is in the inventory but neither in nor out of scope.' }).waitFor();
    await page.getByTestId(`drift-in-${fresh.id}`).click();
    await page.getByTestId('scope-status').filter({ hasText: 'Version 2' }).waitFor();
    assert.equal(await page.getByTestId('scope-drift').count(), 0);
    await page.getByTestId('scope-statement').filter({ hasText: '2 AI systems (Loan scoring and Fresh model)' }).waitFor();
    const s = await apiGet(server.url, admin, '/api/v1/scope');
    assert.deepEqual(s.in_scope, [loan.id, fresh.id]);
    assert.deepEqual(s.drift, []);
    await page.goto('/');
    await page.getByTestId('stat-total').waitFor();
    assert.equal(await page.getByTestId('dashboard-scope').count(), 0);
  });

  test('a contributor picks the approver by name from the member directory and sends the scope for approval', async () => {
    const PW = 'scope browser colleague password';
    for (const [email, role, name] of [['mia@acme.test', 'manager', 'Mia Manager'], ['carl@acme.test', 'contributor', 'Carl Contributor']]) {
      const r = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', email, '--role', role], PW + '\n');
      assert.equal(r.status, 0, r.stderr);
      const s = await login(server.url, email, PW);
      assert.equal((await apiSend(server.url, s, 'PATCH', '/api/v1/me', { body: { name } })).status, 200);
    }
    const mia = (await apiGet(server.url, await login(server.url, 'mia@acme.test', PW), '/api/v1/me')).user.id;
    const carl = await launchBrowser({ baseURL: server.url });
    try {
      await uiLogin(carl.page, 'carl@acme.test', PW);
      await carl.page.goto('/scope');
      const form = carl.page.getByTestId('scope-submit-form');
      await form.getByLabel('Find an approver by name').fill('mia');
      await form.getByRole('checkbox', { name: /^Mia Manager \(manager\)/ }).check();
      assert.equal(await form.getByTestId('scope-approver-ids').count(), 0, 'no user ids to type');
      assert.ok(!(await form.textContent()).includes('@'), 'no emails in the picker');
      await carl.page.getByTestId('scope-submit').click();
      await carl.page.getByTestId('scope-notice').filter({ hasText: 'Scope sent for approval.' }).waitFor();
      const s = await apiGet(server.url, admin, '/api/v1/scope');
      assert.equal(s.status, 'in_approval');
      assert.deepEqual(s.approval.required, [mia]);
      assert.deepEqual(carl.problems, []);
    } finally {
      await carl.close();
    }
  });

  test('the system page says whether the system is in scope', async () => {
    await page.goto(`/systems/${chat.id}`);
    await page.getByTestId('overview-scope').filter({ hasText: 'Out of the AIMS scope: Run by a supplier' }).waitFor();
    await page.goto(`/systems/${loan.id}`);
    await page.getByTestId('overview-scope').filter({ hasText: 'In the AIMS scope' }).waitFor();
  });

  test('the inventory shows the membership the scope page sets, as a link to the scope, and offers no way to edit it', async () => {
    const cell = (name) => page.getByRole('row', { name: new RegExp(name) }).getByTestId('system-scope');
    await page.goto('/systems');
    await cell('Loan scoring').filter({ hasText: 'In scope' }).waitFor();
    await cell('Support chatbot').filter({ hasText: 'Out of scope' }).waitFor();
    assert.equal(await cell('Support chatbot').getByRole('link').getAttribute('title'), 'Run by a supplier');
    await page.goto(`/systems/${chat.id}`);
    const header = page.getByTestId('system-scope');
    await header.filter({ hasText: 'Out of the AIMS scope: Run by a supplier (scope not approved yet)' }).waitFor();
    await page.goto(`/systems/${chat.id}/edit`);
    await page.getByRole('button', { name: /save/i }).first().waitFor();
    assert.equal(await page.getByLabel(/in scope/i).count(), 0, 'the form has no scope field');
    // Placed in scope on the scope page: the inventory follows without any change to the system.
    const version = (await apiGet(server.url, admin, `/api/v1/systems/${chat.id}`)).version;
    await page.goto(`/systems/${chat.id}`);
    await header.click();
    await page.getByRole('heading', { level: 1, name: 'AIMS scope' }).waitFor();
    await page.getByTestId(`scope-where-${chat.id}`).selectOption('in');
    await page.getByTestId('scope-save').click();
    await page.getByTestId('scope-notice').filter({ hasText: 'Scope saved as a draft.' }).waitFor();
    await page.goto('/systems');
    await cell('Support chatbot').filter({ hasText: 'In scope' }).waitFor();
    await page.goto(`/systems/${chat.id}`);
    await header.filter({ hasText: 'In the AIMS scope' }).waitFor();
    assert.equal((await apiGet(server.url, admin, `/api/v1/systems/${chat.id}`)).version, version);
  });
});
