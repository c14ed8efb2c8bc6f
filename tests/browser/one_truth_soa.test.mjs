// Browser test: the SoA and the gap assessment agree (docs/soa.md). A status that contradicts the
// assessed maturity is flagged on the SoA page and on the results of the assessment it comes from,
// kept there with a reason; the SoA names its source; the approval dialog counts the missing
// justifications; the roadmap of an incomplete assessment warns, asks before generating, and lists
// the control the SoA excludes as left out.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, apiSend, closeSession, openSession, screenshot, setSegregation, uiLogin } from './helpers.mjs';

describe('one truth: SoA, assessment results and roadmap in the browser', () => {
  let server, browser, page, api;
  let baseline, draft;
  const send = async (method, path, body, headers) => {
    const r = await apiSend(server.url, api, method, path, { body, headers });
    const text = await r.text();
    assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${text}`);
    return JSON.parse(text);
  };
  const entry = async (id) => (await apiGet(server.url, api, '/api/v1/soa')).items.find((e) => e.control_id === id);
  const editEntry = async (id, body) => send('PATCH', `/api/v1/soa/entries/${id}`, body, { 'if-match': `"v${(await entry(id)).version}"` });

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    await setSegregation(server.url, api, { soa_approval: false }); // the admin edits and approves here
    await editEntry('A.6.2.2', { implementation_status: 'implemented', policy_refs: ['Requirements spec v2'] });
    await editEntry('A.10.3', { applicable: false, justification: 'We use no third-party AI suppliers' });
    baseline = await send('POST', '/api/v1/assessments', { name: 'Baseline review', approach: 'annex_a', assessment_date: '2026-05-04' });
    for (const [item, maturity] of [['A.6.2.2', 1], ['A.7.2', 4], ['A.2.2', 3]])
      await send('PUT', `/api/v1/assessments/${baseline.id}/answers/${item}`, { maturity });
    const now = await send('GET', `/api/v1/assessments/${baseline.id}`);
    await send('PATCH', `/api/v1/assessments/${baseline.id}`, { status: 'completed' }, { 'if-match': `"v${now.version}"` });
    draft = await send('POST', '/api/v1/assessments', { name: 'Partial draft', approach: 'annex_a', assessment_date: '2026-06-01' });
    for (const [item, maturity] of [['A.2.2', 2], ['A.2.3', 1], ['A.10.3', 0]])
      await send('PUT', `/api/v1/assessments/${draft.id}/answers/${item}`, { maturity });
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  test('the SoA names its source, flags both conflicts, and keeps a status with a reason', async () => {
    await page.goto('/soa');
    const from = page.getByTestId('soa-answers-from');
    await from.getByRole('link', { name: 'Baseline review' }).waitFor();
    assert.match(await from.textContent(), /latest completed assessment/);
    await page.getByTestId('soa-conflicts').filter({ hasText: '2 controls' }).waitFor();
    const c1 = page.getByTestId('conflict-A.6.2.2');
    assert.match(await c1.textContent(), /'implemented' while the assessment found maturity 1/);
    assert.match(await page.getByTestId('conflict-A.7.2').textContent(), /'not started' while the assessment found maturity 4/);
    assert.equal(await page.locator('[data-testid^="conflict-A."]').count(), 2, 'no other control is flagged');
    await screenshot(page, '90-soa-conflicts');

    await page.getByTestId('keep-A.6.2.2').click();
    await page.getByTestId('keep-reason-A.6.2.2').fill('Compensating control run by the parent company');
    await page.getByTestId('keep-save-A.6.2.2').click();
    await page.getByTestId('conflict-kept-A.6.2.2').filter({ hasText: 'Compensating control run by the parent company' }).waitFor();
    await page.getByTestId('soa-conflicts').filter({ hasText: '1 control has' }).waitFor();
    const stored = await entry('A.6.2.2');
    assert.equal(stored.conflict.kept, true);
    assert.equal(stored.conflict.reason, 'Compensating control run by the parent company');
    assert.equal(stored.implementation_status, 'implemented', 'the status stays');
  });

  test('the results page of the source assessment shows the same conflicts per control', async () => {
    await page.goto(`/assessments/${encodeURIComponent(baseline.id)}/results`);
    const card = page.getByTestId('results-soa-conflicts');
    await card.getByTestId('conflict-A.7.2').waitFor();
    await card.getByTestId('conflict-kept-A.6.2.2').waitFor();
    assert.equal(await card.locator('li[data-control]').count(), 2);
    await screenshot(page, '91-results-soa-conflicts');
    // The draft is no source: its results page says which assessment is.
    await page.goto(`/assessments/${encodeURIComponent(draft.id)}/results`);
    await page.getByTestId('results-soa-source').getByRole('link', { name: 'Baseline review' }).waitFor();
    assert.equal(await page.locator('[data-testid^="conflict-A."]').count(), 0);
  });

  test('the approval dialog counts the applicable controls without a justification', async () => {
    await page.goto('/soa');
    await page.getByTestId('soa-approve').click();
    const soa = await apiGet(server.url, api, '/api/v1/soa');
    await page.getByTestId('approve-justifications')
      .filter({ hasText: `${soa.justification_missing.length} of ${soa.summary.applicable} applicable controls have no justification` }).waitFor();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  test('the roadmap of an incomplete assessment warns with coverage, lists the excluded control and asks before generating', async () => {
    await page.goto(`/assessments/${encodeURIComponent(draft.id)}/roadmap`);
    await page.getByTestId('roadmap-coverage').filter({ hasText: '3 of 38 items answered' }).waitFor();
    const excluded = page.getByTestId('roadmap-excluded');
    await excluded.locator('li[data-item-id="A.10.3"]').filter({ hasText: 'excluded in the SoA — We use no third-party AI suppliers' }).waitFor();
    assert.equal(await page.locator('tr[data-row-action="act-A.10.3"]').count(), 0, 'no action for the excluded control');
    await screenshot(page, '92-roadmap-incomplete');

    await page.getByTestId('generate').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByTestId('confirm-coverage').filter({ hasText: 'Only 3 of 38 items answered' }).waitFor();
    assert.equal((await apiGet(server.url, api, `/api/v1/assessments/${draft.id}/roadmap`)).saved, false, 'nothing generated before confirming');
    await dialog.getByRole('button', { name: 'Generate anyway' }).click();
    await page.getByTestId('flash').filter({ hasText: 'generated and saved' }).waitFor();
    const rm = await apiGet(server.url, api, `/api/v1/assessments/${draft.id}/roadmap`);
    assert.equal(rm.saved, true);
    assert.deepEqual(rm.excluded.map((x) => x.item_id), ['A.10.3']);
  });
});
