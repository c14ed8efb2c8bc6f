// Browser test of the side navigation's groups in real chromium against a real aims server: the
// entries stand under their clause headings in order, a heading closes and opens its group by mouse
// and by keyboard (aria-expanded, the list hidden), a closed group stays closed after a reload, the
// current page's group opens when one of its pages is shown, and the narrow screen's menu has the
// same groups.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';
import { settled } from './pages.mjs';

const headings = [
  'Overview',
  'Context & scope (4)',
  'Leadership & policy (5)',
  'Planning & risk (6)',
  'Support (7)',
  'Operation (8)',
  'Performance & improvement (9–10)',
  'Administration',
];

describe('the side navigation grouped by clause', () => {
  let server, browser, page;
  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const heading = (name) => nav().getByRole('button', { name, exact: true });
  /** The labels of the links under the heading `name` (closed ones too). */
  const entriesOf = (name) =>
    heading(name).evaluate((b) => [...document.getElementById(b.getAttribute('aria-controls')).querySelectorAll('a')].map((a) => a.textContent.trim()));

  before(async () => {
    ({ server, browser, page } = await openSession());
    await uiLogin(page, server.admin.email, server.admin.password);
    await settled(page);
  });

  after(async () => {
    assert.deepEqual(browser?.problems ?? [], [], 'no page or console errors');
    await closeSession(browser, server);
  });

  test('the entries stand under the clause headings, in order, every group open at first', async () => {
    const shown = await nav().getByRole('heading', { level: 2 }).allTextContents();
    assert.deepEqual(shown.map((s) => s.trim()), headings);
    for (const h of headings) assert.equal(await heading(h).getAttribute('aria-expanded'), 'true', `${h} is open`);
    assert.deepEqual(await entriesOf('Overview'), ['Dashboard', 'Catalog']);
    for (const label of ['AIMS scope', 'Context issues', 'Interested parties', 'Legal requirements'])
      assert.ok((await entriesOf('Context & scope (4)')).includes(label), `${label} under clause 4`);
    for (const label of ['Documents', 'RACI matrix', 'AIMS roles']) assert.ok((await entriesOf('Leadership & policy (5)')).includes(label), `${label} under clause 5`);
    for (const label of ['Risks', 'Statement of Applicability', 'AI objectives']) assert.ok((await entriesOf('Planning & risk (6)')).includes(label), `${label} under clause 6`);
    for (const label of ['Competence', 'Training', 'Communication plan', 'Evidence']) assert.ok((await entriesOf('Support (7)')).includes(label), `${label} under clause 7`);
    assert.deepEqual(await entriesOf('Administration'), ['Audit log', 'Settings', 'People', 'Webhooks']);
    await screenshot(page, 'navigation-groups', { fullPage: false });
  });

  test('a heading closes and opens its group, by mouse and by keyboard; the choice outlives a reload', async () => {
    const support = heading('Support (7)');
    await support.click();
    assert.equal(await support.getAttribute('aria-expanded'), 'false');
    assert.equal(await nav().getByRole('link', { name: 'Training', exact: true }).count(), 0, 'a closed group hides its links');
    await page.reload();
    await settled(page);
    assert.equal(await heading('Support (7)').getAttribute('aria-expanded'), 'false', 'still closed after a reload');
    await heading('Support (7)').focus();
    await page.keyboard.press('Enter');
    assert.equal(await heading('Support (7)').getAttribute('aria-expanded'), 'true');
    await nav().getByRole('link', { name: 'Training', exact: true }).waitFor();
    await page.keyboard.press('Space');
    assert.equal(await heading('Support (7)').getAttribute('aria-expanded'), 'false');
  });

  test("showing a page opens its group; the current page's entry is marked", async () => {
    // Support is closed (the test before); showing one of its pages opens it.
    assert.equal(await heading('Support (7)').getAttribute('aria-expanded'), 'false');
    await page.goto('/training-campaigns');
    await settled(page);
    assert.equal(await heading('Support (7)').getAttribute('aria-expanded'), 'true');
    await heading('Support (7)').click();
    assert.equal(await heading('Support (7)').getAttribute('aria-expanded'), 'false', 'the current group may be closed by hand');
    await page.goto('/competence');
    await settled(page);
    assert.equal(await heading('Support (7)').getAttribute('aria-expanded'), 'true', 'a page of the group opens it');
    assert.equal(await nav().getByRole('link', { name: 'Competence', exact: true }).getAttribute('aria-current'), 'page');
  });

  test('the narrow menu shows the same groups and works by keyboard', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto('/risks');
      await settled(page);
      await page.getByRole('button', { name: 'Menu' }).click();
      await nav().waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Risks', "focus on the current page's entry");
      const shown = await nav().getByRole('heading', { level: 2 }).allTextContents();
      assert.deepEqual(shown.map((s) => s.trim()), headings);
      await heading('Administration').click();
      assert.equal(await heading('Administration').getAttribute('aria-expanded'), 'false');
      assert.equal(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded'), 'true', 'a heading does not close the menu');
      await heading('Administration').click();
      await screenshot(page, 'navigation-groups-narrow', { fullPage: false });
      await nav().getByRole('link', { name: 'People', exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/people');
      assert.equal(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded'), 'false');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
