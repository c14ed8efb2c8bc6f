// Browser test in real chromium against a real demo server: the EU AI Act facts of an AI system
// come from one source, its saved classification. For the demo credit-scoring system the impact
// assessment's Art. 27 tab, the obligations board, the classification page and the systems list
// agree (FRIA required; roles provider and deployer); after a re-classification in the wizard
// without the deployer role all four agree on the new answer. And a system classified through the wizard
// with "None of these" at Annex III reaches a result.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, apiSend, closeCleanSession, openSession, uiLogin } from './helpers.mjs';

describe('one truth for the EU AI Act facts in the browser', () => {
  let server, browser, page, api, credit, ia;

  before(async () => {
    ({ server, browser, page, api } = await openSession({ server: { demo: true }, api: true }));
    credit = (await apiGet(server.url, api, `/api/v1/systems?q=${encodeURIComponent('Credit scoring model')}`)).items[0];
    const r = await apiSend(server.url, api, 'POST', '/api/v1/impact-assessments', { body: { system_id: credit.id, title: 'Credit scoring FRIA' } });
    assert.equal(r.status, 201);
    ia = await r.json();
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeCleanSession(browser, server));

  /** What the three pages say: FRIA required or not, and the roles. */
  async function pagesSay() {
    await page.goto(`/impact/${ia.id}/fria`);
    const required = (await page.getByTestId('fria-required').textContent()).trim();
    const friaRoles = (await page.getByTestId('fria-roles').textContent()).trim();

    await page.goto(`/obligations?system=${encodeURIComponent(credit.id)}`);
    const board = page.getByTestId('obligations-board');
    await board.locator('.ob-card').first().waitFor();
    const boardFria = await board.locator(`[data-obligation="${credit.id}/art27"]`).count();

    await page.goto(`/systems/${encodeURIComponent(credit.id)}/classification`);
    const current = page.locator('section[aria-label="Current classification"]');
    await current.getByTestId('classification-result').waitFor();
    const classRoles = (await current.getByTestId('result-roles').textContent()).trim();
    const classFria = await current.getByTestId('result-obligations').locator('[data-obligation="art27"]').count();

    await page.goto(`/systems?q=${encodeURIComponent('Credit scoring model')}`);
    const row = page.getByTestId('systems-table').locator('tbody tr', { hasText: 'Credit scoring model' });
    await row.waitFor();
    const listRoles = (await row.getByTestId('roles-of').textContent()).trim();
    return { required, friaRoles, boardFria, classRoles, classFria, listRoles };
  }

  test('the Art. 27 tab, the obligations board and the classification page agree, before and after a re-classification', async () => {
    assert.equal(credit.organization_role, 'provider', 'the inventory keeps one role; it is not what decides');
    assert.deepEqual(await pagesSay(), {
      required: 'An FRIA is required', friaRoles: 'Provider, Deployer', boardFria: 1, classRoles: 'Provider, Deployer', classFria: 1,
      listRoles: 'Provider, Deployer',
    });

    // Re-classify in the wizard without the deployer role.
    await page.goto(`/systems/${encodeURIComponent(credit.id)}/classification/wizard`);
    await page.getByTestId('wizard').waitFor();
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Your role/ }).click();
    await page.locator('[data-question="roles"]').getByLabel(/^Deployer/).uncheck();
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Review and save/ }).click();
    await page.getByTestId('wizard-save').click();
    await page.getByTestId('flash').filter({ hasText: 'Classification saved' }).waitFor();

    assert.deepEqual(await pagesSay(), {
      required: 'No FRIA is required', friaRoles: 'Provider', boardFria: 0, classRoles: 'Provider', classFria: 0, listRoles: 'Provider',
    });
  });

  test('a system not classified yet says so on the Art. 27 tab, with a way to classify it', async () => {
    const sys = await (await apiSend(server.url, api, 'POST', '/api/v1/systems', { body: { name: 'Unclassified scorer', purpose: 'Scores', organization_role: 'deployer' } })).json();
    const own = await (await apiSend(server.url, api, 'POST', '/api/v1/impact-assessments', { body: { system_id: sys.id } })).json();
    await page.goto(`/systems?q=${encodeURIComponent('Unclassified scorer')}`);
    const row = page.getByTestId('systems-table').locator('tbody tr', { hasText: 'Unclassified scorer' });
    await row.waitFor();
    assert.equal((await row.getByTestId('roles-of').textContent()).trim(), 'not classified yet', 'not the inventory\'s "deployer"');
    await page.goto(`/impact/${own.id}/fria`);
    assert.equal((await page.getByTestId('fria-required').textContent()).trim(), 'Not classified yet');
    await page.getByTestId('fria-applicability').getByText(/not classified yet — classify it/).waitFor();
    await page.getByTestId('fria-classification-link').click();
    await page.getByTestId('classification-empty').waitFor();
  });

  test('"None of these" at Annex III is an answer: the wizard goes on to a result', async () => {
    const sys = await (await apiSend(server.url, api, 'POST', '/api/v1/systems', { body: { name: 'Route planner', purpose: 'Plans delivery routes' } })).json();
    await page.goto(`/systems/${encodeURIComponent(sys.id)}/classification/wizard`);
    await page.getByTestId('wizard').waitFor();
    const next = async () => {
      const before = await page.locator('#step-title').textContent();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.waitForFunction((t) => document.querySelector('#step-title')?.textContent !== t, before).catch(async (e) => {
        const open = await page.locator('.field-error').allTextContents();
        const qs = await page.locator('[data-question]').evaluateAll((els) => els.map((x) => x.dataset.question));
        throw new Error(`still on "${before}": ${qs.join(', ')} — ${open.join('; ')} (${e.message})`);
      });
    };
    /** Answers every open question of the step: No, or "None of these". */
    const noneOrNo = async () => {
      for (const q of await page.locator('[data-question]').evaluateAll((els) => els.map((e) => e.dataset.question))) {
        const box = page.locator(`[data-question="${q}"]`);
        if (q === 'roles' || (await box.locator('input:checked').count())) continue;
        const no = box.getByLabel('No', { exact: true });
        if (await no.count()) await no.check();
        else await box.getByLabel(/^None of these/).check();
      }
    };
    await page.locator('[data-question="roles"]').getByLabel(/^Deployer/).check();
    for (let i = 0; i < 20 && !/Uses listed in Annex III/.test(await page.locator('#step-title').textContent()); i++) {
      await noneOrNo();
      await next();
    }
    const areas = page.locator('[data-question="annex3-areas"]');
    await areas.getByLabel(/^Employment/).check();
    await areas.getByLabel(/^None of these/).check();
    assert.equal(await areas.getByLabel(/^Employment/).isChecked(), false, '"None of these" excludes the areas');
    assert.equal(await areas.getByLabel(/^None of these/).isChecked(), true);
    await next();
    // The steps that follow (transparency, …): no, or none, until the review.
    for (let i = 0; i < 20 && !/Review and save/.test(await page.locator('#step-title').textContent()); i++) {
      await noneOrNo();
      await next();
    }
    await page.getByTestId('wizard-save').click();
    await page.getByTestId('classification-result').waitFor();
    assert.equal(await page.getByTestId('result-class').textContent(), 'Minimal risk');
    const saved = await apiGet(server.url, api, `/api/v1/systems/${sys.id}/classification`);
    assert.deepEqual(saved.answers['annex3-areas'], []);
  });
});
