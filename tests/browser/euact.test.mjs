// Browser test of the EU AI Act classification wizard and obligations board in real chromium
// against a real aims server: the empty states, the wizard step by step with conditional
// questions and Back, a high-risk result with its basis, role, rationale and obligations, the
// obligations on the board (columns and timeline, filters, an owner edit with a server rule),
// a re-classification that keeps the earlier version visible, the classes of their own as
// badges, the read-only EU AI Act fields of the system form, the re-check marks on the board and
// the dashboard, and the "our interpretation" marker of Annex A documented information.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { client } from '../lib/http.mjs';
import { classifyAs } from '../lib/euact.mjs';
import { apiGet, apiSend, launchBrowser, openSession, screenshot, uiLogin } from './helpers.mjs';

describe('EU AI Act classification and obligations in the browser', () => {
  let server, browser, page, api, system;

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    const r = await apiSend(server.url, api, 'POST', '/api/v1/systems', {
      body: { name: 'Candidate ranking', purpose: 'Ranks job applications for recruiters', owner: 'HR Director' },
    });
    assert.equal(r.status, 201);
    system = await r.json();
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(async () => {
    assert.deepEqual(browser?.problems ?? [], [], 'no page or console errors');
    await browser?.close();
    await server?.stop();
  });

  /** Answers a yes/no question of the current step. */
  const yesNo = (id, yes) => page.locator(`[data-question="${id}"]`).getByLabel(yes ? 'Yes' : 'No', { exact: true }).check();
  const stepTitle = () => page.locator('#step-title').textContent();
  const next = async (title) => {
    await page.getByRole('button', { name: 'Next' }).click();
    if (title) await page.locator('#step-title').filter({ hasText: title }).waitFor();
  };

  test('empty states: the board without obligations, a system without a classification', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'EU AI Act obligations' }).click();
    await page.getByTestId('obligations-empty').waitFor();
    await screenshot(page, '70-obligations-empty');
    await page.goto(`/systems/${system.id}`);
    await page.getByTestId('classification-link').click();
    await page.getByTestId('classification-empty').waitFor();
    await screenshot(page, '71-classification-empty');
  });

  test('the wizard runs step by step with conditional questions and Back to a high-risk result', async () => {
    await page.getByTestId('classification-empty').getByRole('link', { name: 'Classify' }).click();
    await page.getByTestId('wizard').waitFor();
    assert.match(await stepTitle(), /Your role/);
    // Next without answers names the open questions.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByTestId('question-error-roles').waitFor();
    const roles = page.locator('[data-question="roles"]');
    await roles.getByLabel(/^Provider/).check();
    // A provider is asked where it is established; a deployer alone is not.
    await page.locator('[data-question="provider-outside-eu"]').waitFor();
    await roles.getByLabel(/^Deployer/).check();
    await yesNo('provider-outside-eu', false);
    // A provider is not asked the Art. 25(1) triggers that make a deployer a provider.
    assert.equal(await page.locator('[data-question="art25-1"]').count(), 0);
    await screenshot(page, '72-wizard-role', { fullPage: false });
    await next('Scope (Art. 2)');
    // The Art. 2 exclusions come first; none applies here.
    const scope = page.locator('[data-question="art2-scope"]');
    await scope.getByLabel(/^Developed and put into service for the sole purpose of scientific research/).waitFor();
    await scope.getByLabel(/^None of these/).check();
    await next('Prohibited practices');

    // A yes opens the exception's follow-up; the 2026/1744 ban is asked too.
    await yesNo('art5-1-d', true);
    await page.locator('[data-question="art5-1-d-exception"]').waitFor();
    await yesNo('art5-1-d', false);
    assert.equal(await page.locator('[data-question="art5-1-d-exception"]').count(), 0);
    assert.match(await page.locator('[data-question="art5-1-ba"] legend').textContent(), /Art\. 5\(1\)\(ba\)/);
    assert.match(await page.locator('[data-question="art5-1-f"] legend').textContent(), /biometric data/);
    for (const id of ['art5-1-a', 'art5-1-b', 'art5-1-c', 'art5-1-e', 'art5-1-f', 'art5-1-g', 'art5-1-h', 'art5-1-ba', 'art5-1-bb']) await yesNo(id, false);
    // A no to the purpose asks a provider whether the content is a foreseeable outcome without safeguards.
    for (const id of ['art5-1-ba-foreseeable', 'art5-1-bb-foreseeable']) await yesNo(id, false);
    await next('Products under EU product law');
    await yesNo('art6-1', false);
    await next('Uses listed in Annex III');
    const areas = page.locator('[data-question="annex3-areas"]');
    await areas.getByLabel(/^Education/).check();
    await next('Annex III area 3');
    // Back, change the area: the step of the other area follows instead.
    await page.getByRole('button', { name: 'Back' }).click();
    await page.locator('#step-title').filter({ hasText: 'Uses listed in Annex III' }).waitFor();
    await areas.getByLabel(/^Education/).uncheck();
    await areas.getByLabel(/^Employment/).check();
    await next('Annex III area 4');
    await yesNo('annex3-4-a', true);
    await yesNo('annex3-4-b', false);
    await next('Art. 6(3)');
    await yesNo('art6-3-profiling', true);
    assert.equal(await page.locator('[data-question="art6-3-a"]').count(), 0, 'profiling rules out the derogations');
    await next('Deployers of high-risk systems');
    // Two questions: Art. 27 (public law or public services) and Art. 49(3) (public authorities).
    await yesNo('deployer-public-service', false);
    await yesNo('deployer-public-authority', false);
    await next('Systems already on the market');
    await yesNo('art111-2', false);
    await next('Transparency duties');
    for (const id of ['art50-1', 'art50-2', 'art50-3', 'art50-4']) await yesNo(id, false);
    await next('General-purpose AI models');
    await yesNo('gpai-model', false);
    await next('Review and save');
    await page.locator('[data-answer="annex3-4-a"]').filter({ hasText: 'Yes' }).waitFor();
    await page.getByLabel('Note (optional)').fill('From the vendor documentation');
    await screenshot(page, '73-wizard-review', { fullPage: false });
    await page.getByTestId('wizard-save').click();

    const result = page.getByTestId('classification-result');
    await result.waitFor();
    await page.getByTestId('flash').filter({ hasText: 'version 1' }).waitFor();
    assert.equal(await page.getByTestId('result-class').textContent(), 'High-risk');
    assert.equal(await page.getByTestId('result-basis').textContent(), 'Annex III point 4(a)');
    assert.equal(await page.getByTestId('result-roles').textContent(), 'Provider, Deployer');
    assert.match(await page.getByTestId('result-rationale').textContent(), /High-risk under Annex III point 4\(a\)[\s\S]*Is the system used to target job ads/);
    const obs = page.getByTestId('result-obligations');
    await obs.locator('tr[data-obligation="art9"]').filter({ hasText: '2 Dec 2027' }).waitFor();
    await obs.locator('tr[data-obligation="art26"]').waitFor();
    await screenshot(page, '74-classification-result');
    const sys = await apiGet(server.url, api, `/api/v1/systems/${system.id}`);
    assert.equal(sys.eu_ai_act_class, 'high_risk');
    assert.equal(sys.eu_ai_act_basis, 'Annex III point 4(a)');
  });

  test('the obligations are on the board by status and on the timeline; an owner edit is saved', async () => {
    await page.getByTestId('result-board-link').click();
    const board = page.getByTestId('obligations-board');
    await board.waitFor();
    const todo = board.locator('[data-column="not_started"]');
    const art9 = todo.locator(`[data-obligation="${system.id}/art9"]`);
    await art9.waitFor();
    assert.match(await art9.textContent(), /Art\. 9[\s\S]*Risk management system[\s\S]*Candidate ranking[\s\S]*Due 2 Dec 2027/);
    assert.match(await art9.getByTestId('ob-owner').textContent(), /HR Director/);
    await screenshot(page, '75-board-columns', { fullPage: false });

    // Not applicable without a reason is refused in the form; with a new owner and status it is saved.
    await art9.getByRole('button', { name: /^Edit/ }).click();
    const editor = art9.getByTestId('obligation-editor');
    await editor.getByLabel('Status').selectOption('not_applicable');
    await editor.getByTestId('obligation-save').click();
    await editor.locator('[data-field="reason"] .field-error').waitFor();
    await editor.getByLabel('Status').selectOption('in_progress');
    await editor.getByLabel('Owner').fill('Risk Manager');
    await editor.getByTestId('obligation-save').click();
    const moved = board.locator('[data-column="in_progress"]').locator(`[data-obligation="${system.id}/art9"]`);
    await moved.getByTestId('ob-owner').filter({ hasText: 'Risk Manager' }).waitFor();
    const stored = await apiGet(server.url, api, `/api/v1/obligations/${system.id}/art9`);
    assert.equal(stored.owner, 'Risk Manager');
    assert.equal(stored.status, 'in_progress');

    // Filters live in the URL; the timeline groups by application date.
    // The filter bar's Status (an open card editor has a Status too).
    const statusFilter = page.getByRole('search', { name: 'Filter obligations' }).getByLabel('Status');
    await statusFilter.selectOption('in_progress');
    await page.waitForURL(/status=in_progress/);
    await board.locator('[data-column="not_started"] .ob-card').first().waitFor({ state: 'detached' });
    assert.equal(await board.locator('.ob-card').count(), 1);
    await page.getByRole('button', { name: 'Timeline' }).click();
    await page.waitForURL(/view=timeline/);
    // The router renders the new URL a moment later, and a filter builds on the URL the page has
    // rendered: choose the status once the timeline is shown, or the view would be dropped again.
    await board.getByTestId('ob-timeline').waitFor();
    await statusFilter.selectOption('');
    const all = await apiGet(server.url, api, '/api/v1/obligations?applies_from=2027-12-02');
    assert.ok(all.total >= 18);
    await page.waitForFunction((n) => document.querySelectorAll('li[data-date="2027-12-02"] .ob-card').length === n, all.total);
    await screenshot(page, '76-board-timeline');
    // The dashboard card counts them.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('dashboard-obligations').getByText('in progress').waitFor();
  });

  test('re-classifying keeps the earlier version visible and retires obligations that no longer follow', async () => {
    await page.goto(`/systems/${system.id}/classification`);
    await page.getByRole('link', { name: 'Re-classify' }).click();
    await page.getByTestId('wizard').waitFor();
    // Prefilled with the current answers: every step is reachable; change the Annex III point.
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Annex III area 4/ }).click();
    await yesNo('annex3-4-a', false);
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Review and save/ }).click();
    await page.getByTestId('wizard-save').click();
    await page.getByTestId('flash').filter({ hasText: 'version 2' }).waitFor();
    assert.equal(await page.getByTestId('result-class').first().textContent(), 'Minimal risk');
    // Only AI literacy (Art. 4) follows from a minimal-risk system.
    await page.getByTestId('result-obligations').locator('tr[data-obligation="art4"]').waitFor();
    assert.equal(await page.getByTestId('result-obligations').locator('tr[data-obligation]').count(), 1);
    const history = page.getByTestId('classification-history');
    await history.locator('[data-version="1"]').filter({ hasText: 'Annex III point 4(a)' }).waitFor();
    await screenshot(page, '77-reclassified');
    const board = await apiGet(server.url, api, `/api/v1/obligations?system=${system.id}`);
    assert.deepEqual(board.items.map((o) => o.obligation_id), ['art4']);
    const retired = await apiGet(server.url, api, `/api/v1/obligations?system=${system.id}&retired=true&limit=500`);
    assert.equal(retired.items.find((o) => o.obligation_id === 'art9').owner, 'Risk Manager');
  });

  test('the classes of their own are badges; the system form shows the EU AI Act fields read-only', async () => {
    const c = client(server.url, api);
    const make = async (name) => (await apiSend(server.url, api, 'POST', '/api/v1/systems', { body: { name, purpose: 'Classes of their own' } })).json();
    const exempt = await make('Exempt screener');
    await classifyAs(c, exempt.id, 'high_risk_exempt');
    const model = await make('Foundation model');
    await classifyAs(c, model.id, 'gpai_systemic');
    await page.goto('/systems?q=screener');
    const row = page.getByTestId('systems-table').locator('tr').filter({ hasText: 'Exempt screener' });
    await row.locator('.badge-class-high_risk_exempt').filter({ hasText: 'Not high-risk (Art. 6(3))' }).waitFor();
    await page.goto('/systems?eu_ai_act_class=gpai_systemic');
    await page.getByTestId('systems-table').locator('.badge-class-gpai_systemic').filter({ hasText: 'GPAI model, systemic risk' }).waitFor();
    await screenshot(page, '78-class-badges');

    await page.goto(`/systems/${exempt.id}/edit`);
    await page.getByTestId('readonly-eu_ai_act_class').locator('.badge-class-high_risk_exempt').waitFor();
    assert.match(await page.getByTestId('readonly-eu_ai_act_basis').textContent(), /derogation under Art\. 6\(3\)\(d\)/);
    assert.equal(await page.locator('select[name="eu_ai_act_class"], input[name="eu_ai_act_basis"], textarea[name="eu_ai_act_rationale"]').count(), 0, 'not editable');
    await screenshot(page, '79-form-readonly-euact');
    // Saving another field leaves them as they are.
    await page.getByLabel('Owner', { exact: true }).fill('Talent team');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('flash').waitFor();
    const saved = await apiGet(server.url, api, `/api/v1/systems/${exempt.id}`);
    assert.equal(saved.owner, 'Talent team');
    assert.equal(saved.eu_ai_act_class, 'high_risk_exempt');
    await page.goto(`/systems/${exempt.id}/edit`);
    await page.getByTestId('euact-derived-link').click();
    await page.waitForURL(new RegExp(`/systems/${exempt.id}/classification$`));
    await page.getByTestId('result-class').first().filter({ hasText: 'Not high-risk under Art. 6(3)' }).waitFor();
  });

  test('a classification stored before the new classes is marked for re-check on the board and the dashboard', async () => {
    const c = client(server.url, api);
    const old = await (await apiSend(server.url, api, 'POST', '/api/v1/systems', { body: { name: 'Older model', purpose: 'Classified before the new classes' } })).json();
    await classifyAs(c, old.id, 'gpai_model');
    // As the earlier version stored it: the same answers with the class minimal.
    const r = spawnSync('sqlite3', [join(server.dataDir, 'aims.db'),
      `UPDATE records SET doc = json_set(doc, '$.result.class', 'minimal') WHERE kind = 'classification' AND id = '${old.id}';`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);

    await page.goto('/obligations');
    const systems = page.getByTestId('ob-recheck-systems');
    await systems.getByRole('link', { name: 'Older model' }).waitFor();
    const marked = page.locator('.ob-card').filter({ has: page.getByTestId('ob-recheck') });
    await marked.first().waitFor();
    const total = await page.locator('.ob-card').count();
    assert.ok((await marked.count()) > 0 && (await marked.count()) < total, 'only the cards of that system are marked');
    // The box follows the URL, which the router updates in a transition: click, then wait for the URL.
    await page.getByTestId('ob-recheck-filter').click();
    await page.waitForURL(/recheck=true/);
    await page.getByTestId('ob-recheck-filter').and(page.locator(':checked')).waitFor();
    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('.ob-card')];
      return cards.length > 0 && cards.every((x) => x.querySelector('[data-testid="ob-recheck"]'));
    });
    await screenshot(page, '80-board-recheck');

    // Each card names its system's class; the class filter keeps only that class's systems.
    await page.goto('/obligations');
    await page.locator('.ob-card').first().waitFor();
    await page.getByTestId('ob-class-filter').selectOption('gpai_model');
    await page.waitForURL(/system_class=gpai_model/);
    await page.waitForFunction(() => {
      const cards = [...document.querySelectorAll('.ob-card')];
      return cards.length > 0 && cards.every((x) => x.querySelector('[data-testid="ob-class"]')?.textContent === 'GPAI model');
    });

    await page.goto('/');
    const dash = page.getByTestId('dash-recheck');
    await dash.filter({ hasText: '1 AI system to re-classify' }).waitFor();
    await screenshot(page, '81-dashboard-recheck');
    await dash.getByRole('link').click();
    await page.waitForURL(/\/obligations\?recheck=true$/);
    await page.getByTestId('ob-recheck').first().waitFor();

    // The classification page says why and offers to save it again.
    await page.goto(`/systems/${old.id}/classification`);
    await page.getByTestId('recheck-banner').filter({ hasText: 'Class: minimal becomes gpai_model.' }).waitFor();
  });

  test('Annex A documented information carries an "our interpretation" marker with its explanation', async () => {
    await page.goto('/catalog/iso42001/A.2.3');
    const marker = page.getByTestId('doc-interpretation');
    await marker.waitFor();
    assert.match(await marker.getAttribute('title'), /aims authors' reading/);
    await page.goto('/catalog/iso42001/4.3');
    await page.getByTestId('catalog-item-id').filter({ hasText: /^4\.3$/ }).waitFor();
    await page.getByTestId('doc-badge').waitFor();
    assert.equal(await page.getByTestId('doc-interpretation').count(), 0, 'not for the clauses');
  });

  test('a viewer sees the classification but no Classify, Re-classify or Edit', async () => {
    const { aims } = await import('../lib/server.mjs');
    const add = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', 'viewer@acme.test', '--role', 'viewer'], 'viewer password 123\n');
    assert.equal(add.status, 0, add.stderr);
    const viewer = await launchBrowser({ baseURL: server.url });
    try {
      await uiLogin(viewer.page, 'viewer@acme.test', 'viewer password 123');
      await viewer.page.goto(`/systems/${system.id}/classification`);
      await viewer.page.getByTestId('classification-result').first().waitFor();
      assert.equal(await viewer.page.getByRole('link', { name: 'Re-classify' }).count(), 0);
      await viewer.page.goto('/obligations?retired=true');
      await viewer.page.locator('.ob-card').first().waitFor();
      assert.equal(await viewer.page.getByRole('button', { name: /^Edit/ }).count(), 0);
    } finally {
      await viewer.close();
    }
  });
});
