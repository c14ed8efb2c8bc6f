// The record picker in real chromium against a real aims server, by keyboard alone: evidence is
// linked by typing part of its name and pressing Enter on the guided assessment page (to the
// item's control), in the SoA entry editor (to the entry), and on an evidence page's linked records
// (an AI system picked by name; an obligation through its AI system's name; an assessment answer
// through its item); arrows choose among several matches, Escape closes and clears.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, apiSend, closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';
import { client } from '../lib/http.mjs';
import { classifyAs } from '../lib/euact.mjs';

const EV = '/api/v1/evidence';

describe('the record picker', () => {
  let server, browser, page, api, asm, policy, minutes, system;

  async function apiUpload(name, text, title) {
    const r = await fetch(`${server.url}${EV}?filename=${encodeURIComponent(name)}&title=${encodeURIComponent(title)}`, {
      method: 'POST',
      headers: { cookie: api.cookie, 'x-csrf-token': api.csrf, 'content-type': 'application/octet-stream' },
      body: Buffer.from(text),
    });
    assert.equal(r.status, 201, await r.clone().text());
    return r.json();
  }
  const linksOf = async (ev) => (await apiGet(server.url, api, `${EV}/${ev.id}/links`)).items.map((l) => l.target).sort();

  /**
   * Waits until the picker around `combobox` shows the matches of the whole typed text: typed key by
   * key, the options of an earlier prefix stay on screen until its answer is in (and Enter picks
   * nothing until then); the count in the status line shows only for the current text.
   */
  const matchesShown = (combobox, count = /\d+ match(es)?/) =>
    combobox.locator('xpath=..').getByRole('status').filter({ hasText: count }).waitFor({ state: 'attached' });

  /** Types into the focused combobox key by key, waits for the option of the whole text, and presses Enter. */
  async function pick(combobox, text, option) {
    await combobox.focus();
    await page.keyboard.type(text);
    await matchesShown(combobox);
    await page.getByRole('option', { name: option }).waitFor();
    assert.equal(await combobox.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Enter');
  }

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    policy = await apiUpload('access-policy.md', '# Access control policy\n', 'Access control policy');
    minutes = await apiUpload('review.txt', 'Management review minutes\n', 'Management review minutes');
    await apiUpload('access-log.txt', 'Access log sample\n', 'Access log sample');
    let r = await apiSend(server.url, api, 'POST', '/api/v1/assessments', { body: { name: 'Picker review', approach: 'both' } });
    asm = await r.json();
    r = await apiSend(server.url, api, 'POST', '/api/v1/systems', { body: { name: 'Fraud model', purpose: 'Flags card fraud' } });
    system = await r.json();
    await classifyAs(client(server.url, api), system.id, 'high_risk');
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  test('on the guided assessment page, typed and Enter links vault evidence to the control', async () => {
    await page.goto(`/assessments/${asm.id}/answer?item=A.2.2`);
    await page.locator('[data-testid="guided-item"][data-item-id="A.2.2"]').waitFor();
    const panel = page.getByTestId('evidence-panel');
    await panel.getByTestId('evidence-panel-link-existing').focus();
    await page.keyboard.press('Enter');
    const box = panel.getByRole('combobox', { name: 'Find evidence in the vault' });
    // Two matches: the arrow keys move the choice, Enter links the chosen one.
    await box.focus();
    await page.keyboard.type('access');
    // The matches of a shorter prefix ("a") may be on screen first: wait for those of "access".
    await matchesShown(box, '2 matches');
    await page.getByRole('option', { name: /Access log sample/ }).waitFor();
    await page.getByRole('option', { name: /Access control policy/ }).waitFor();
    assert.equal(await panel.getByRole('listbox').getByRole('option').count(), 2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const chosen = page.getByRole('option', { selected: true });
    assert.match(await chosen.textContent(), /Access control policy/);
    assert.equal(await box.getAttribute('aria-activedescendant'), await chosen.getAttribute('id'));
    await screenshot(page, 'picker-01-guided', { fullPage: false });
    await page.keyboard.press('Enter');
    await panel.getByTestId('evidence-panel-item').filter({ hasText: 'Access control policy' }).waitFor();
    assert.deepEqual(await linksOf(policy), ['catalog_item:iso42001:A.2.2']);
    // The answer shows it; the focus stayed in the picker and the page did not save or move on.
    const answer = await apiGet(server.url, api, `/api/v1/assessments/${asm.id}/answers/A.2.2`);
    assert.deepEqual(answer.evidence.map((e) => e.id), [policy.id]);
    assert.equal(answer.version, 0, 'Enter in the picker does not save the answer');
    assert.equal(await box.evaluate((el) => el === document.activeElement), true);
    // Escape closes the list, a second Escape clears the text.
    await page.keyboard.type('review');
    await page.getByRole('option', { name: /Management review minutes/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('listbox', { name: 'Find evidence in the vault' }).waitFor({ state: 'hidden' });
    assert.equal(await box.inputValue(), 'review');
    await page.keyboard.press('Escape');
    assert.equal(await box.inputValue(), '');
  });

  test('in the SoA entry editor, typed and Enter links vault evidence to the entry', async () => {
    await page.goto('/soa');
    await page.getByTestId('edit-A.6.2.4').focus();
    await page.keyboard.press('Enter');
    const row = page.locator('tr[data-editor="A.6.2.4"]');
    await row.getByTestId('entry-editor').waitFor();
    await row.getByTestId('evidence-panel-link-existing').focus();
    await page.keyboard.press('Enter');
    await pick(row.getByRole('combobox', { name: 'Find evidence in the vault' }), 'minutes', /Management review minutes/);
    await row.getByTestId('evidence-panel-item').filter({ hasText: 'Management review minutes' }).waitFor();
    await screenshot(page, 'picker-02-soa', { fullPage: false });
    assert.deepEqual(await linksOf(minutes), ['soa_entry:A.6.2.4']);
    const soa = await apiGet(server.url, api, '/api/v1/soa');
    const e = soa.items.find((x) => x.control_id === 'A.6.2.4');
    assert.deepEqual(e.evidence.map((x) => x.id), [minutes.id]);
    assert.deepEqual(e.evidence_refs, [`${minutes.number} Management review minutes`]);
  });

  test('on an evidence page, a record is linked by picking it by name', async () => {
    await page.goto(`/evidence/${minutes.id}`);
    const card = page.getByTestId('evidence-links');
    await card.waitFor();
    await pick(card.getByRole('combobox', { name: 'Find a record (AI system)' }), 'fraud', /Fraud model/);
    await card.getByTestId('evidence-link-row').filter({ hasText: 'Fraud model' }).waitFor();
    await screenshot(page, 'picker-03-links-card', { fullPage: false });
    assert.deepEqual(await linksOf(minutes), [`soa_entry:A.6.2.4`, `system:${system.id}`].sort());
    // What is linked already is not offered again.
    const box = card.getByRole('combobox', { name: 'Find a record (AI system)' });
    await box.focus();
    await page.keyboard.type('fraud');
    await card.getByText('Nothing matches “fraud”.').waitFor();
    assert.equal(await card.getByRole('listbox', { includeHidden: true }).getByRole('option', { includeHidden: true }).count(), 0);
  });

  test('obligations and assessment answers are picked by name too, not typed as ids', async () => {
    await page.goto(`/evidence/${policy.id}`);
    const card = page.getByTestId('evidence-links');
    await card.waitFor();
    await card.getByLabel('Kind').selectOption('obligation');
    await card.getByRole('combobox', { name: 'Find a record (Obligation)' }).waitFor();
    assert.equal(await card.getByTestId('link-id').count(), 0, 'no id to type');
    const obligations = await apiGet(server.url, api, `/api/v1/obligations?system=${encodeURIComponent(system.id)}&limit=100`);
    const art26 = obligations.items.find((o) => o.obligation_id === 'art26');
    assert.ok(art26, 'a high-risk deployer has the Art. 26 obligation');
    await pick(card.getByRole('combobox', { name: 'Find a record (Obligation)' }), 'art26', `${art26.article} ${art26.title}`);
    await card.getByTestId('evidence-link-row').filter({ hasText: `obligation:${system.id}:art26` }).waitFor();

    await card.getByLabel('Kind').selectOption('answer');
    await pick(card.getByRole('combobox', { name: 'Find a record (Assessment answer)' }), 'A.9.2', /^A\.9\.2 /);
    await card.getByTestId('evidence-link-row').filter({ hasText: `answer:${asm.id}:A.9.2` }).waitFor();
    const links = await linksOf(policy);
    assert.ok(links.includes(`obligation:${system.id}:art26`), links.join(', '));
    assert.ok(links.includes(`answer:${asm.id}:A.9.2`), links.join(', '));
  });
});
