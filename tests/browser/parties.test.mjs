// Browser test of the clause 4.1/4.2 registers in real chromium against a real demo server: a new
// interested party with its owner picked among the members, a requirement of it with the party
// and an Annex A control picked by search (shown by name, stored as ids), the legal requirements
// page with the EU AI Act obligations of the AI systems beside its own entries, clearly labelled,
// and the climate decision on the context issues page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, closeSession, openAdminSession, screenshot } from './helpers.mjs';

describe('interested parties and their requirements, in the browser', () => {
  let server, browser, page, api;
  let party;

  before(async () => ({ server, browser, page, api } = await openAdminSession({ api: true })));
  after(() => closeSession(browser, server));

  test('a new party with its owner chosen among the members', async () => {
    const me = (await apiGet(server.url, api, '/api/v1/me')).user;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interested parties' }).click();
    await page.getByRole('heading', { level: 1, name: /Interested parties/ }).waitFor();
    await page.getByTestId('kind-new').click();
    await page.locator('input[name="name"]').fill('Hospital patients');
    await page.locator('select[name="party_type"]').selectOption('affected_persons');
    await page.locator('select[name="origin"]').selectOption('external');
    await page.locator('select[name="owner_id"]').selectOption(me.id);
    await page.locator('textarea[name="needs"]').fill('To know when AI helps with their diagnosis.');
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('kind-detail').waitFor();
    party = page.url().split('/').pop();
    assert.match(party, /^IP-\d+$/);
    // The owner shows as an id at once and by name when the members have loaded: wait for the name.
    const owner = page.locator('[data-field="owner_id"] dd');
    await owner.filter({ hasText: me.name || me.email }).waitFor();
    assert.equal((await owner.textContent()).trim(), me.name || me.email, 'the owner by name, not id');
    const stored = await apiGet(server.url, api, `/api/v1/interested-parties/${party}`);
    assert.equal(stored.owner_id, me.id);
  });

  test('a requirement with the party and an Annex A control picked by search', async () => {
    await page.goto('/party-requirements/new');
    await page.locator('input[name="requirement"]').fill('Patients are told when AI took part');
    await page.getByTestId('picker-party_id').getByRole('combobox').fill('Hospital');
    await page.getByRole('option', { name: new RegExp(`${party} Hospital patients`) }).click();
    await page.getByTestId('refs-party_id').filter({ hasText: `${party} Hospital patients` }).waitFor();
    await page.getByTestId('picker-control_ids').getByRole('combobox').fill('impact assessment process');
    await page.getByRole('option', { name: /A\.5\.2 AI system impact assessment process/ }).click();
    await page.getByTestId('refs-control_ids').filter({ hasText: 'A.5.2 AI system impact assessment process' }).waitFor();
    await page.locator('select[name="addressed"]').selectOption('partly');
    // The server's rule: "partly" needs how; the error shows on the field and nothing is stored.
    const before = (await apiGet(server.url, api, '/api/v1/party-requirements')).total;
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('field-error-how_addressed').waitFor();
    assert.equal((await apiGet(server.url, api, '/api/v1/party-requirements')).total, before);
    await page.locator('textarea[name="how_addressed"]').fill('The consent form says so; the letters do not yet.');
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('kind-detail').waitFor();
    const id = page.url().split('/').pop();
    // The link shows the id at once and the title when the catalog has loaded: wait for the title.
    const control = page.locator('[data-field="control_ids"] a').filter({ hasText: 'A.5.2 AI system impact assessment process' });
    await control.waitFor();
    assert.equal(await control.textContent(), 'A.5.2 AI system impact assessment process');
    assert.equal(await control.getAttribute('href'), '/catalog/iso42001/A.5.2');
    // The same for the party: its id at once, its name once the parties have loaded.
    const partyLink = page.locator('[data-field="party_id"] a');
    await partyLink.filter({ hasText: 'Hospital patients' }).waitFor();
    assert.equal(await partyLink.textContent(), `${party} Hospital patients`);
    await screenshot(page, 'parties-requirement');
    const stored = await apiGet(server.url, api, `/api/v1/party-requirements/${id}`);
    assert.equal(stored.party_id, party);
    assert.deepEqual(stored.control_ids, ['A.5.2']);
    // The list names the party, not its id.
    await page.goto(`/party-requirements?party_id=${party}`);
    await page.getByTestId('kind-table').locator(`tr[data-record="${id}"] td[data-col="party_id"]`).filter({ hasText: `${party} Hospital patients` }).waitFor();
  });

  test('the legal requirements page shows the EU AI Act obligations beside its own entries, labelled', async () => {
    const obligations = await apiGet(server.url, api, '/api/v1/obligations?limit=500');
    assert.ok(obligations.total > 0, 'the demo systems have EU AI Act obligations');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Legal requirements' }).click();
    const section = page.getByTestId('eu-obligations');
    await section.getByText('From the EU AI Act register').waitFor();
    await section.locator('tbody tr').first().waitFor();
    assert.equal(await section.locator('tbody tr').count(), obligations.items.length);
    const own = await apiGet(server.url, api, '/api/v1/legal-requirements');
    await page.getByTestId('kind-total').filter({ hasText: `of ${own.total} legal` }).waitFor();
    await screenshot(page, 'parties-legal');
  });

  test('the context issues page shows the climate decision', async () => {
    await page.goto('/context-issues');
    const decision = page.getByTestId('climate-decision');
    await decision.getByTestId('climate-relevant').filter({ hasText: 'Yes' }).waitFor();
    await decision.getByRole('link', { name: /CD-1/ }).click();
    await page.getByTestId('kind-detail').waitFor();
    await page.locator('[data-field="decided_by"] dd').filter({ hasText: /Management board/ }).waitFor();
  });
});
