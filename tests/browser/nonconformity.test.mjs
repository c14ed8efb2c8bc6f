// Browser test of nonconformities (docs/nonconformity.md) in real chromium against a real demo
// server: the demo's closed NC-1 with its steps done; then an NC raised from the pre-filled link
// of the demo's serious incident, contained, its cause analysed (5 whys), a corrective action
// added and done, the effectiveness check scheduled with the admin as verifier (the owner is
// another member), "not effective" reopening it, a second action, the check again, "effective",
// and the NC closed after the confirmation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeCleanSession, openAdminSession, screenshot } from './helpers.mjs';
import { openPage } from './pages.mjs';

/** Selects the option of `select` whose text matches `re`. */
async function choose(select, re) {
  // The members arrive after the form renders: wait for the option first.
  await select.locator('option', { hasText: re }).first().waitFor({ state: 'attached' }).catch(() => {});
  const value = await select.evaluate((el, src) => [...el.options].find((o) => new RegExp(src, 'i').test(o.textContent))?.value, re.source);
  const texts = await select.evaluate((el) => [...el.options].map((o) => o.textContent));
  assert.ok(value, `an option matching ${re} among ${JSON.stringify(texts)}`);
  await select.selectOption(value);
}

const step = (page, key) => page.locator(`[data-step="${key}"]`);

describe('nonconformities and their corrective action', () => {
  let server, browser, page;

  before(async () => ({ server, browser, page } = await openAdminSession()));
  after(() => closeCleanSession(browser, server));

  test('the demo NC-1 is closed with every step done, by whom and when', async () => {
    await openPage(page, '/nonconformities/NC-1');
    await page.getByTestId('nc-steps').waitFor();
    for (const key of ['containment', 'cause_analysis', 'elsewhere_check', 'corrective_actions', 'effectiveness_check', 'effectiveness_result', 'close'])
      assert.equal(await step(page, key).getAttribute('data-state'), 'done', key);
    assert.match(await step(page, 'effectiveness_result').textContent(), /cto@demo\.aims\.test/);
    assert.equal(await page.locator('[data-action]').count(), 2);
    await page.getByTestId('nc-closed').waitFor();
    await screenshot(page, 'nonconformity-demo-closed');
  });

  test('raise from the incident link, work every step, not effective then effective, close', async () => {
    const incident = await openPage(page, '/incidents/INC-1').then(() => page.getByTestId('raise-nc'));
    await incident.waitFor();
    const href = await incident.getAttribute('href');
    assert.match(href, /source=incident&source_ref=INC-1/);
    await openPage(page, `${href}&requirement=A.8.4`);
    const form = page.getByTestId('kind-form');
    await form.waitFor();
    assert.match(await form.locator('[name="title"]').inputValue(), /career gap/);
    assert.equal(await form.locator('[name="source"]').inputValue(), 'incident');
    assert.equal(await form.locator('[name="source_ref"]').inputValue(), 'INC-1');
    assert.equal(await form.locator('[name="requirement"]').inputValue(), 'A.8.4');
    assert.equal(await form.locator('[name="status"]').count(), 0, 'the steps set the status');
    await form.locator('[name="description"]').fill('Applicants with a career gap were ranked last; the ranking went live without a fairness test.');
    await form.locator('[name="severity"]').selectOption('major');
    await choose(form.locator('select[name="owner"]'), /^compliance/);
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('nc-steps').waitFor();
    assert.equal(await step(page, 'containment').getAttribute('data-state'), 'next');

    const containment = page.getByTestId('containment-form');
    await containment.locator('[name="action"]').fill('The ranking was switched off; recruiters read every application.');
    await page.getByTestId('containment-submit').click();
    await page.locator('[data-step="containment"][data-state="done"]').waitFor();

    const cause = page.getByTestId('cause-form');
    await cause.locator('[name="method"]').selectOption('five_whys');
    await cause.locator('[name="analysis"]').fill('Why ranked last? The model learnt from past hires. Why not caught? No fairness test before release.');
    await cause.locator('[name="root_cause"]').fill('Releases of ranking models need no fairness test.');
    await page.getByTestId('cause-submit').click();
    await page.locator('[data-step="cause_analysis"][data-state="done"]').waitFor();
    assert.match(await page.getByTestId('nc-cause').textContent(), /5 whys/);

    await page.getByTestId('elsewhere-form').locator('input[name="could_occur_elsewhere"][value="yes"]').check();
    await page.getByTestId('elsewhere-form').locator('[name="where"]').fill('The credit scoring model is released the same way.');
    await page.getByTestId('elsewhere-submit').click();
    await page.locator('[data-step="elsewhere_check"][data-state="done"]').waitFor();

    const addAction = async (title) => {
      const f = page.getByTestId('action-form');
      await f.locator('[name="title"]').fill(title);
      await page.getByTestId('action-submit').click();
      const row = page.locator('[data-action]').filter({ hasText: title });
      await row.waitFor();
      const id = await row.getAttribute('data-action');
      await page.getByTestId(`finish-${id}`).click();
      await page.locator(`[data-action="${id}"][data-status="done"]`).waitFor();
    };
    await addAction('Add a fairness test to the release checklist');
    await page.locator('[data-step="corrective_actions"][data-state="done"]').waitFor();

    const schedule = async () => {
      const f = page.getByTestId('check-form');
      await f.locator('[name="criterion"]').fill('No ranking released without a passed fairness test for three months.');
      await f.locator('[name="due_date"]').fill(new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10));
      const verifier = f.locator('select[name="verifier"]');
      await choose(verifier, /admin/);
      // Once the members are there: the owner is not among the verifiers.
      assert.equal(await verifier.locator('option', { hasText: /^compliance/ }).count(), 0, 'the owner cannot verify');
      await page.getByTestId('check-submit').click();
      await page.getByTestId('result-form').waitFor();
    };
    await schedule();
    await page.getByTestId('result-form').locator('input[name="result"][value="not_effective"]').check();
    await page.getByTestId('result-form').locator('[name="reason"]').fill('A model was released last week without the test.');
    await page.getByTestId('result-submit').click();
    await page.locator('[data-check-result="not_effective"]').waitFor();
    assert.equal(await step(page, 'corrective_actions').getAttribute('data-state'), 'next');
    assert.equal(await step(page, 'effectiveness_check').getAttribute('data-state'), 'later');
    assert.match(await page.getByTestId('nc-next-hint').textContent(), /not effective/);
    await screenshot(page, 'nonconformity-reopened');

    await addAction('Block releases in the pipeline until the fairness test passes');
    await schedule();
    await page.getByTestId('result-form').locator('input[name="result"][value="effective"]').check();
    await page.getByTestId('result-submit').click();
    await page.getByTestId('nc-close').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close it' }).click();
    await page.getByTestId('nc-closed').waitFor();
    for (const key of ['effectiveness_result', 'close']) assert.equal(await step(page, key).getAttribute('data-state'), 'done', key);
    await screenshot(page, 'nonconformity-closed');
  });
});
