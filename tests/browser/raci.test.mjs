// Browser test of the RACI matrix page and of legal hold, in real chromium against a real demo
// server: the matrix of risk management from the navigation with its letters by member and the
// demo activity whose Responsible is also its Accountable marked with its warning (also on the
// activity's own page); the demo context issue under legal hold shows its hold, and archiving it
// is refused with the server's reason until the hold is released.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, apiSend, closeSession, openAdminSession } from './helpers.mjs';
import { openPage } from './pages.mjs';

describe('RACI matrix and legal hold in the browser', () => {
  let server, browser, page, api;

  before(async () => ({ server, browser, page, api } = await openAdminSession({ api: true })));
  after(() => closeSession(browser, server));

  test('the matrix of a process shows each member\'s letters and marks the R = A warning', async () => {
    const m = await apiGet(server.url, api, '/api/v1/raci/matrix?process=risk_management');
    assert.ok(m.activities.length >= 2, 'the demo has RACI activities for risk management');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'RACI matrix' }).click();
    await page.getByTestId('raci-matrix-page').waitFor();
    await page.getByTestId('raci-scope').selectOption('process:risk_management');
    await page.getByTestId('raci-matrix').waitFor();
    const first = m.activities[0];
    const row = page.getByTestId(`raci-row-${first.id}`);
    const cells = await row.locator('td').allTextContents();
    assert.deepEqual(cells, m.people.map((p) => first.letters[p.user_id] ?? ''));
    assert.ok(first.warnings.length > 0, "the demo's compliance lead is Responsible and Accountable");
    assert.equal(await row.getByTestId('raci-row-warning').count(), 1);
    await page.getByTestId('raci-matrix-warnings').waitFor();
    // The activity's own page shows the warning too.
    await row.getByRole('link').click();
    await page.getByTestId('raci-warning').first().waitFor();
    assert.match(await page.getByTestId('raci-warning').first().textContent(), /Responsible.*Accountable/);
  });

  test('a record under legal hold shows its hold and cannot be archived until released', async () => {
    const held = (await apiGet(server.url, api, '/api/v1/legal-holds')).items.find((h) => h.kind === 'context_issue');
    assert.ok(held, 'the demo holds a context issue');
    await openPage(page, `/context-issues/${held.record_id}`);
    await page.getByTestId('legal-hold').waitFor();
    assert.match(await page.getByTestId('legal-hold').textContent(), /Under legal hold/);
    await page.getByTestId('retention').waitFor();
    await page.getByTestId('kind-archive').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
    const refused = page.getByRole('dialog').getByRole('alert');
    await refused.waitFor();
    assert.match(await refused.textContent(), /under legal hold/);
    const still = await apiGet(server.url, api, `/api/v1/context-issues/${held.record_id}`);
    assert.equal(still.archived, false);
    const r = await apiSend(server.url, api, 'POST', '/api/v1/legal-holds/release', {
      body: { kind: 'context_issue', record_id: held.record_id, reason: 'Inquiry closed' },
    });
    assert.equal(r.status, 200);
    await openPage(page, `/context-issues/${held.record_id}`);
    // The retention note comes with the same record as the hold: once it shows, no hold is shown.
    await page.getByTestId('retention').waitFor();
    assert.equal(await page.getByTestId('legal-hold').count(), 0);
  });
});
