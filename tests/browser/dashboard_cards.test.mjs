// Browser test in real chromium against a real demo server: every dashboard card that describes
// itself (title, page, figures: the controlled documents and competence cards) is on the
// dashboard with the figures the API gives, each figure and the card's head link open their page,
// and a card whose figures are all zero shows its empty state (a new organization).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, closeCleanSession, openAdminSession, openSession, uiLogin } from './helpers.mjs';

describe('the dashboard renders every card the server describes', () => {
  let server, browser, page, api, described;

  before(async () => {
    ({ server, browser, page, api } = await openSession({ server: { demo: true }, api: true }));
    const dash = await apiGet(server.url, api, '/api/v1/dashboard');
    described = Object.entries(dash.cards).filter(([, c]) => c && typeof c.title === 'string' && Array.isArray(c.figures));
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeCleanSession(browser, server));

  test('every card that describes itself is there with the API\'s figures', async () => {
    assert.deepEqual(described.map(([k]) => k).sort(), ['actions', 'certification', 'competence', 'documents', 'incidents', 'management_review', 'nonconformities']);
    await page.goto('/');
    for (const [key, card] of described) {
      const el = page.getByTestId(`dashboard-card-${key}`);
      await el.waitFor();
      assert.equal((await el.locator('h2').textContent()).trim(), card.title);
      for (const f of card.figures) {
        const fig = page.getByTestId(`dashboard-${key}-${f.key}`);
        assert.equal((await fig.locator('.figure-value').textContent()).trim(), String(f.value));
        assert.equal((await fig.locator('.figure-label').textContent()).trim(), f.label);
        assert.equal(await fig.getAttribute('href'), f.link);
      }
      const quiet = card.figures.every((f) => f.value === 0);
      assert.equal(await page.getByTestId(`dashboard-${key}-empty`).count(), quiet ? 1 : 0, `${key}: the empty state only when all is zero`);
    }
    const competence = Object.fromEntries(described).competence;
    assert.ok(competence.figures.find((f) => f.key === 'gaps').value > 0, 'the demo has competence gaps');
    const documents = Object.fromEntries(described).documents;
    assert.ok(documents.figures.find((f) => f.key === 'missing_acknowledgements').value > 0, 'the demo\'s AI policy asks for acknowledgements');
  });

  test('a figure opens the page listing what it counts, and the head link the card\'s page', async () => {
    await page.goto('/');
    await page.getByTestId('dashboard-competence-gaps').click();
    await page.waitForURL('**/competence');
    await page.goto('/');
    await page.getByTestId('dashboard-card-documents').getByRole('link', { name: 'Open →' }).click();
    await page.waitForURL('**/documents');
    await page.goto('/');
    await page.getByTestId('dashboard-documents-overdue_reviews').click();
    await page.waitForURL('**/documents?sort=next_review_date');
  });
});

describe('a new organization\'s described cards show their empty state', () => {
  let server, browser, page;

  before(async () => ({ server, browser, page } = await openAdminSession({ server: {} })));
  after(() => closeCleanSession(browser, server));

  test('nothing overdue, owed or missing: the documents and competence cards say so', async () => {
    await page.goto('/');
    for (const key of ['documents', 'competence']) {
      await page.getByTestId(`dashboard-${key}-empty`).waitFor();
      for (const v of await page.getByTestId(`dashboard-card-${key}`).locator('.figure-value').allTextContents()) assert.equal(v.trim(), '0');
    }
  });
});
