// Browser test of impact assessments (SPEC §6) in real chromium against a real aims server: the
// empty list, starting an assessment from the inventory, filling the form and adding a harm with
// its live score, inline errors, a conflicting save (412), submitting and approving with the
// confirmation (the approval rules shown in the dialog), the Art. 27 view, versions, exports and
// the re-assessment notice after the AI system changes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { client } from '../lib/http.mjs';
import { classifyAs } from '../lib/euact.mjs';
import { apiGet, apiSend, closeSession, openSession, screenshot, setSegregation, settledValue, uiLogin } from './helpers.mjs';

const inAYear = () => new Date(Date.now() + 365 * 86400e3).toISOString().slice(0, 10);

describe('impact assessments in the browser', () => {
  let server, browser, page, api, sys, id;
  const record = async () => apiGet(server.url, api, `/api/v1/impact-assessments/${id}`);

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    await setSegregation(server.url, api, { impact_approval: false }); // the admin approves its own work here
    const r = await apiSend(server.url, api, 'POST', '/api/v1/systems', {
      body: {
        name: 'Loan scoring', purpose: 'Scores consumer loan applications', intended_use: 'Decision support for credit officers',
        deployment_context: 'Branches and the online channel', affected_people: ['Loan applicants'], organization_role: 'deployer',
        human_oversight: 'human_in_the_loop', model_type: 'Gradient-boosted trees',
      },
    });
    assert.equal(r.status, 201);
    sys = await r.json();
    // High-risk under Annex III point 5(b) by its classification (which sets the EU AI Act fields).
    await classifyAs(client(server.url, api), sys.id, 'high_risk', { answers: { roles: ['deployer'], 'annex3-areas': ['5'], 'annex3-5-b': true, 'art6-3-profiling': true } });
    sys = await apiGet(server.url, api, `/api/v1/systems/${sys.id}`);
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  test('the empty list invites the first assessment, which starts from the inventory record', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI impact' }).click();
    await page.getByTestId('impact-empty').waitFor();
    await screenshot(page, '60-impact-empty');
    await page.getByTestId('new-impact').click();
    // The list behind has an "AI system" filter too: pick in the create form only once it is there.
    await page.getByTestId('impact-create-form').getByLabel('AI system').selectOption(sys.id);
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByTestId('impact-form').waitFor();
    await page.getByTestId('flash').filter({ hasText: 'created from the inventory record of Loan scoring' }).waitFor();
    id = page.url().split('/impact/')[1];
    assert.match(id, /^ia_/);
    assert.equal(await page.getByLabel('Purpose').inputValue(), 'Scores consumer loan applications');
    assert.equal(await page.getByLabel(/^Intended uses/).inputValue(), 'Decision support for credit officers');
    assert.equal(await page.getByTestId('party-row').count(), 1);
    await page.getByTestId('impact-title').filter({ hasText: 'Impact assessment of Loan scoring' }).waitFor();
  });

  test('filling the form and adding a harm: inline errors first, then a live score and a save', async () => {
    await page.getByLabel('What the assessment covers').fill('Consumer loans up to 50,000 EUR in all branches.');
    await page.getByLabel('Next review date').fill(inAYear());
    await page.getByLabel('Processes in which the system is used').fill('Credit decisions on consumer loans');
    await page.getByLabel('Period and frequency of use').fill('Every application, continuously, from 2027');
    await page.getByTestId('add-harm').click();
    const row = page.getByTestId('impact-row').first();
    await page.getByTestId('save-impact').click();
    await page.getByTestId('form-errors').waitFor();
    await row.getByTestId('field-error-impacts[0].category').waitFor();
    await row.getByTestId('field-error-impacts[0].severity').waitFor();
    assert.equal((await record()).impacts.length, 0, 'nothing was saved');
    await screenshot(page, '61-impact-row-errors', { fullPage: false });

    await row.getByLabel('Category').selectOption('individual');
    await row.getByLabel('Affected party').fill('Loan applicants');
    await row.getByLabel('Description').fill('A creditworthy applicant is refused because of a biased score');
    await row.getByLabel('Severity').selectOption('4');
    await row.getByLabel('Likelihood').selectOption('3');
    await row.getByTestId('impact-score').filter({ hasText: 'score 12' }).waitFor();
    await row.getByTestId('impact-level').filter({ hasText: 'Restricted' }).waitFor();
    await page.getByTestId('add-benefit').click();
    const benefit = page.getByTestId('impact-row').nth(1);
    await benefit.getByLabel('Category').selectOption('society');
    await benefit.getByLabel('Affected party').fill('Applicants in rural areas');
    await benefit.getByLabel('Description').fill('Faster decisions without visiting a branch');
    await benefit.getByLabel('Size').selectOption('2');
    await benefit.getByLabel('Likelihood').selectOption('4');
    await page.getByTestId('save-impact').click();
    await page.getByTestId('save-state').filter({ hasText: 'Changes saved.' }).waitFor();
    const a = await record();
    assert.equal(a.scope, 'Consumer loans up to 50,000 EUR in all branches.');
    assert.deepEqual(a.impacts.map((e) => [e.type, e.score, e.level]), [['harm', 12, 'restricted'], ['benefit', 8, null]]);
    assert.equal(a.outcome, 'restricted');
    await page.getByTestId('ia-outcome').filter({ hasText: 'Restricted' }).waitFor();
    await screenshot(page, '62-impact-form');
  });

  test('a save over someone else\'s change is refused (412) with a reload that keeps nothing stale', async () => {
    const current = await fetch(`${server.url}/api/v1/impact-assessments/${id}`, { headers: { cookie: api.cookie } });
    const r = await apiSend(server.url, api, 'PATCH', `/api/v1/impact-assessments/${id}`, {
      body: { data_quality: 'Bureau data is checked monthly' }, headers: { 'if-match': current.headers.get('etag') },
    });
    assert.equal(r.status, 200);
    await page.getByLabel('Model type').fill('Changed in the browser');
    await page.getByTestId('save-impact').click();
    await page.getByTestId('conflict-banner').waitFor();
    assert.equal((await record()).model_type, 'Gradient-boosted trees', 'the stale save changed nothing');
    await page.getByRole('button', { name: 'Reload latest version' }).click();
    await page.getByTestId('conflict-banner').waitFor({ state: 'detached' });
    assert.equal(await settledValue(page.getByLabel('Data quality and provenance'), 'Bureau data is checked monthly'),
      'Bureau data is checked monthly');
    assert.equal(await settledValue(page.getByLabel('Model type'), 'Gradient-boosted trees'), 'Gradient-boosted trees');
  });

  test('submit and approve after confirmation; the dialog shows what approval still needs', async () => {
    await page.getByTestId('submit-review').click();
    let dialog = page.getByTestId('confirm-dialog').filter({ hasText: 'Submit' });
    await dialog.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByTestId('flash').filter({ hasText: 'submitted for review' }).waitFor();
    await page.getByTestId('ia-status').filter({ hasText: 'In review' }).waitFor();

    await page.getByTestId('approve').click();
    dialog = page.getByTestId('confirm-dialog').filter({ hasText: 'Approval freezes' });
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.getByTestId('workflow-error').waitFor();
    await dialog.getByText('needs a note').waitFor();
    await dialog.getByTestId('workflow-errors').getByText('Benefit or harm 1').waitFor();
    await screenshot(page, '63-impact-approve-refused', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await record()).status, 'in_review');

    // Add the missing measure (a change takes it back to draft), submit again, approve with a note.
    const row = page.getByTestId('impact-row').first();
    await row.getByTestId('add-measure').click();
    await row.getByTestId('measure-row').getByLabel(/^Measure/).fill('A credit officer reviews every refusal');
    await row.getByTestId('measure-row').getByLabel('Owner').fill('Head of Credit');
    await row.getByTestId('measure-row').getByLabel('Status').selectOption('implemented');
    await page.getByLabel('Internal governance and complaint mechanisms').fill('Applicants can ask for a review by a credit officer.');
    await page.getByTestId('save-impact').click();
    await page.getByTestId('save-state').filter({ hasText: 'draft again' }).waitFor();
    await page.getByTestId('ia-status').filter({ hasText: 'Draft' }).waitFor();
    await page.getByTestId('submit-review').click();
    await page.getByTestId('confirm-dialog').filter({ hasText: 'Submit' }).getByRole('button', { name: 'Submit for review' }).click();
    await page.getByTestId('ia-status').filter({ hasText: 'In review' }).waitFor();
    await page.getByTestId('approve').click();
    dialog = page.getByTestId('confirm-dialog').filter({ hasText: 'Approval freezes' });
    await dialog.getByTestId('approve-note').fill('Accepted: every refusal is reviewed by a credit officer.');
    await screenshot(page, '64-impact-approve', { fullPage: false });
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('flash').filter({ hasText: 'approved as version 1 (outcome restricted)' }).waitFor();
    await page.getByTestId('ia-status').filter({ hasText: 'Approved' }).waitFor();
    const a = await record();
    assert.equal(a.status, 'approved');
    assert.equal(a.approved_version, 1);
  });

  test('the Art. 27 view shows the FRIA as required and every element filled from the record', async () => {
    await page.getByTestId('tab-fria').click();
    await page.getByTestId('fria-applicability').filter({ hasText: 'An FRIA is required' }).waitFor();
    await page.getByTestId('fria-completeness').filter({ hasText: 'Every element of Art. 27(1) is filled' }).waitFor();
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f']) assert.equal(await page.getByTestId(`fria-${k}`).getAttribute('data-status'), 'filled', k);
    await page.getByTestId('fria-a').getByText('Credit decisions on consumer loans').waitFor();
    await page.getByTestId('fria-d').getByText('A creditworthy applicant is refused').waitFor();
    await page.getByTestId('fria-f').getByText('A credit officer reviews every refusal').waitFor();
    await screenshot(page, '65-impact-fria');
  });

  test('versions are listed and shown as approved; exports download as files', async () => {
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('versions-table').getByRole('link', { name: 'Version 1' }).click();
    await page.getByTestId('version-view').getByText('Accepted: every refusal is reviewed by a credit officer.').waitFor();
    await page.getByTestId('version-outcome').filter({ hasText: 'Restricted' }).waitFor();
    await screenshot(page, '66-impact-version');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    assert.match(pdf.suggestedFilename(), /^.+ impact assessment IA-1 working copy \d{4}-\d\d-\d\d\.pdf$/);
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    assert.match(json.suggestedFilename(), /\.json$/);
  });

  test('after the AI system changes, the assessment and the list show a re-assessment as due', async () => {
    const s = await fetch(`${server.url}/api/v1/systems/${sys.id}`, { headers: { cookie: api.cookie } });
    const r = await apiSend(server.url, api, 'PATCH', `/api/v1/systems/${sys.id}`, {
      body: { model_type: 'Neural network' }, headers: { 'if-match': s.headers.get('etag') },
    });
    assert.equal(r.status, 200);
    await page.goto(`/impact/${id}`);
    await page.getByTestId('reassessment-banner').getByTestId('changed-fields').getByText('Gradient-boosted trees → Neural network').waitFor();
    await page.goto('/impact?reassessment_due=true');
    await page.getByTestId('impact-table').locator('tr[data-impact="IA-1"]').getByTestId('ia-due').waitFor();
    await screenshot(page, '67-impact-list-due');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByTestId('dash-impact-due').filter({ hasText: '1' }).waitFor();
    assert.deepEqual(browser.problems, []);
  });
});
