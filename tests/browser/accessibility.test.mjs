// Browser test in real chromium against a real demo server: axe-core finds no "serious" or
// "critical" violation on any top-level page (every navigation entry of the registry, and a
// system's, a risk's and an assessment's results page), on a wide and on a 390 px screen, with the
// menu of the narrow layout open too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { closeSession } from './helpers.mjs';
import { openDemoPages, openPage } from './pages.mjs';

/** axe-core's source, evaluated in the page through the browser's debugging protocol (the page's
 *  content security policy forbids inserted scripts, and rightly so). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the shown page; resolves to its serious and critical violations, one line per element. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} at ${n.target.join(' ')}: ${v.help} (${n.failureSummary?.split('\n').slice(1).join(' ').trim()})`));
}

describe('accessibility of the top-level pages', () => {
  let server, browser, page, pages;

  before(async () => {
    ({ server, browser, page, pages } = await openDemoPages());
  });

  after(async () => {
    assert.deepEqual(browser?.problems ?? [], [], 'no page or console errors');
    await closeSession(browser, server);
  });

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    test(`no serious or critical violation at ${width} px`, async () => {
      await page.setViewportSize({ width, height });
      const found = [];
      for (const p of pages) {
        await openPage(page, p.path);
        for (const v of await violations(page)) found.push(`${p.name} (${p.path}): ${v}`);
      }
      assert.deepEqual(found, [], `axe-core violations at ${width} px`);
    });
  }

  test('no serious or critical violation with the narrow menu open', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage(page, '/');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    assert.deepEqual(await violations(page), []);
  });
});
