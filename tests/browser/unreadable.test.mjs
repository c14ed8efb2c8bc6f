// A stored record whose JSON cannot be read, in real chromium against a real aims server: the test
// corrupts records directly in the SQLite file while the server runs (WAL lets a second writer in
// between requests), then checks that every list page shows the other rows plus a readable error
// row, that the dashboard still renders, and that the record's own page says clearly that it could
// not be loaded, with no page errors anywhere.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { apiGet, apiSend, closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';

const inDays = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

describe('an unreadable stored record in the browser', () => {
  let server, browser, page, api;
  const broken = {};
  const fine = {};

  const post = async (path, body) => {
    const r = await apiSend(server.url, api, 'POST', path, { body });
    const text = await r.text();
    assert.ok(r.status < 300, `${path}: ${r.status} ${text}`);
    return JSON.parse(text);
  };
  const sql = (q) => {
    const r = spawnSync('sqlite3', [join(server.dataDir, 'aims.db'), q], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };

  before(async () => {
    ({ server, browser, page, api } = await openSession({ api: true }));
    const org = (await apiGet(server.url, api, '/api/v1/me')).organization.id;
    broken.system = await post('/api/v1/systems', { name: 'Broken system', purpose: 'Its JSON is damaged' });
    fine.system = await post('/api/v1/systems', { name: 'Healthy system', purpose: 'Stays readable' });
    broken.risk = await post('/api/v1/risks', { title: 'Broken risk', inherent_likelihood: 2, inherent_impact: 2 });
    fine.risk = await post('/api/v1/risks', { title: 'Healthy risk', inherent_likelihood: 3, inherent_impact: 3 });
    const objective = (title) => ({ title, annex_c_objective: 'C.2.5', measure: 'A ratio', owner: 'Owner', due_date: inDays(90), target_value: 1 });
    broken.objective = await post('/api/v1/objectives', objective('Broken objective'));
    fine.objective = await post('/api/v1/objectives', objective('Healthy objective'));
    const impact = { impacts: [{ category: 'individual', type: 'harm', affected_party: 'Applicants', description: 'x', severity: 2, likelihood: 2 }] };
    broken.impact = await post('/api/v1/impact-assessments', { system_id: fine.system.id, title: 'Broken impact assessment', ...impact });
    fine.impact = await post('/api/v1/impact-assessments', { system_id: fine.system.id, title: 'Healthy impact assessment', ...impact });

    const damaged = `'{"title":"x","target_value":.0}'`;
    sql(`UPDATE systems SET doc = ${damaged} WHERE id = '${broken.system.id}'`);
    sql(`UPDATE records SET doc = ${damaged} WHERE kind = 'risk' AND id = '${broken.risk.id}'`);
    sql(`UPDATE records SET doc = ${damaged} WHERE kind = 'objective' AND id = '${broken.objective.id}'`);
    sql(`UPDATE records SET doc = 'not json at all' WHERE kind = 'impact_assessment' AND id = '${broken.impact.id}'`);
    const now = new Date().toISOString();
    sql(`INSERT INTO records (org_id, kind, parent_id, id, position, ref, version, created_at, updated_at, doc)
         VALUES ('${org}', 'evidence', '', 'ev_broken', 900, '', 1, '${now}', '${now}', 'not json at all')`);
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(() => closeSession(browser, server));

  /** Opens `path` and waits for the unreadable row naming `id`; `healthy` must be on the page too. */
  async function listShows(path, id, healthy, shot) {
    await page.goto(path);
    const row = page.getByTestId('unreadable-row').filter({ hasText: id });
    await row.waitFor();
    assert.match(await row.innerText(), /cannot be read/);
    if (healthy) await page.getByText(healthy, { exact: false }).first().waitFor();
    await screenshot(page, shot);
  }

  async function detailSays(path, shot) {
    await page.goto(path);
    const banner = page.getByTestId('error-banner').first();
    await banner.waitFor();
    assert.match(await banner.innerText(), /could not be loaded/i);
    await screenshot(page, shot);
  }

  test('list pages show the readable rows and an error row for the unreadable one', async () => {
    await listShows('/systems', broken.system.id, 'Healthy system', 'unreadable-systems');
    await listShows('/risks', broken.risk.id, 'Healthy risk', 'unreadable-risks');
    await listShows('/objectives', broken.objective.id, 'Healthy objective', 'unreadable-objectives');
    await listShows('/impact', broken.impact.id, 'Healthy impact assessment', 'unreadable-impact');
    await listShows('/evidence', 'ev_broken', null, 'unreadable-evidence');
    assert.deepEqual(browser.problems.filter((p) => !/status of 500/.test(p)), []);
  });

  test('the dashboard still renders', async () => {
    await page.goto('/');
    await page.getByRole('heading').first().waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'unreadable-dashboard');
    assert.deepEqual(await page.getByTestId('error-banner').allInnerTexts(), [], 'the dashboard shows an error');
    assert.deepEqual(browser.problems.filter((p) => !/status of 500/.test(p)), []);
  });

  test("the unreadable record's own page says it could not be loaded", async () => {
    await detailSays(`/systems/${broken.system.id}`, 'unreadable-system-detail');
    await detailSays(`/risks/${broken.risk.id}`, 'unreadable-risk-detail');
    await detailSays(`/objectives/${broken.objective.id}`, 'unreadable-objective-detail');
    await detailSays(`/impact/${broken.impact.id}`, 'unreadable-impact-detail');
    await detailSays('/evidence/ev_broken', 'unreadable-evidence-detail');
    assert.deepEqual(browser.problems.filter((p) => !/status of 500/.test(p)), []);
  });
});
