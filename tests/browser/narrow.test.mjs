// Browser test in real chromium against a real demo server, on a 390 × 844 screen: no top-level page
// (every navigation entry of the registry, and a system's, a risk's and an assessment's results
// page) scrolls sideways, and the side navigation becomes a menu that opens, leads to every entry
// and works by keyboard.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSession, screenshot } from './helpers.mjs';
import { openDemoPages, openPage, settled } from './pages.mjs';

/** The elements sticking out to the right of the viewport and not inside a scrolling box, as short
 *  descriptions (the widest first). */
function overflowing(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const clipped = (e) => {
      if (['absolute', 'fixed'].includes(getComputedStyle(e).position)) return false;
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const name = (e) =>
      e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + [...e.classList].map((c) => `.${c}`).join('') + ` "${e.textContent.trim().slice(0, 30)}"`;
    return [...document.body.querySelectorAll('*')]
      .map((e) => ({ e, right: e.getBoundingClientRect().right }))
      .filter(({ e, right }) => right > width + 0.5 && !clipped(e))
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map(({ e, right }) => `${name(e)} to ${Math.round(right)}px`);
  });
}

describe('the web UI on a 390 px wide screen', () => {
  let server, browser, page, pages;

  before(async () => {
    ({ server, browser, page, pages } = await openDemoPages());
    await page.setViewportSize({ width: 390, height: 844 });
  });

  after(async () => {
    assert.deepEqual(browser?.problems ?? [], [], 'no page or console errors');
    await closeSession(browser, server);
  });

  const menuButton = () => page.getByRole('button', { name: 'Menu' });
  const menu = () => page.locator('nav[aria-label="Main"]');

  test('no top-level page scrolls sideways', async () => {
    const wide = [];
    for (const p of pages) {
      await openPage(page, p.path);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      if (scrollWidth > innerWidth) wide.push(`${p.name} (${p.path}): ${scrollWidth}px > ${innerWidth}px; ${(await overflowing(page)).join(', ')}`);
      await screenshot(page, `narrow-${p.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'dashboard'}`, { fullPage: false });
    }
    assert.deepEqual(wide, [], 'pages wider than the screen');
  });

  test('the menu replaces the side navigation and leads to every entry', async () => {
    await openPage(page, '/');
    const entries = pages.filter((p) => !/^A |^An /.test(p.name));
    assert.equal(await menu().isVisible(), false, 'the navigation is folded away');
    for (const entry of entries) {
      await menuButton().click();
      assert.equal(await menuButton().getAttribute('aria-expanded'), 'true');
      await menu().getByRole('link', { name: entry.name, exact: true }).click();
      await page.waitForURL((u) => u.pathname === entry.path);
      await settled(page);
      assert.equal(await menuButton().getAttribute('aria-expanded'), 'false', `the menu closes after going to ${entry.name}`);
      assert.equal(await menu().isVisible(), false);
    }
  });

  test('the menu by keyboard: focus moves in, Escape closes it and focus comes back', async () => {
    await openPage(page, '/systems');
    const button = menuButton();
    const controls = await button.getAttribute('aria-controls');
    assert.equal(await menu().getAttribute('id'), controls, 'the button names the menu it opens');
    await button.focus();
    await page.keyboard.press('Enter');
    await menu().waitFor();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate((id) => document.getElementById(id).contains(document.activeElement), controls), true, 'focus is inside the menu');
    await screenshot(page, 'narrow-menu-open', { fullPage: false });
    await page.keyboard.press('Escape');
    await menu().waitFor({ state: 'hidden' });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await button.evaluate((b) => b === document.activeElement), true, 'focus is back on the button');
  });

  test('on a wide screen the side navigation shows and the menu button does not', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await openPage(page, '/');
      assert.equal(await menu().isVisible(), true);
      assert.equal(await menuButton().isVisible(), false);
    } finally {
      await page.setViewportSize({ width: 390, height: 844 });
    }
  });
});
