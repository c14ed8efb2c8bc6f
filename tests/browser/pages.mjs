// The top-level pages of the web UI for the layout and accessibility browser tests: every entry of
// the side navigation as the shell renders it from the feature registry, plus a detail page of a
// system, a risk and an assessment's results of the demo organization. Stateless helpers.
import assert from 'node:assert/strict';
import { apiGet, closeSession, openSession, settledRows, uiLogin } from './helpers.mjs';

/** The navigation entries the shell shows (the registry's, in order) as [{ name, path }]. */
export async function navPages(page) {
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await links.first().waitFor({ state: 'attached' });
  const pages = await links.evaluateAll((as) => as.map((a) => ({ name: a.textContent.trim(), path: a.getAttribute('href') })));
  assert.ok(pages.length >= 10, `the navigation lists the registry's entries (got ${pages.length})`);
  return pages;
}

/** The navigation's pages and one detail page of a system, a risk and an assessment's results. */
export async function topLevelPages(page, server, api) {
  const one = async (path) => {
    const { items } = await apiGet(server.url, api, path);
    assert.ok(items.length > 0, `the demo organization has records at ${path}`);
    return encodeURIComponent(items[0].id);
  };
  return [
    ...(await navPages(page)),
    { name: 'A system', path: `/systems/${await one('/api/v1/systems')}` },
    { name: 'A risk', path: `/risks/${await one('/api/v1/risks')}` },
    { name: "An assessment's results", path: `/assessments/${await one('/api/v1/assessments')}/results` },
  ];
}

/** A server with the demo organization, a browser logged in as its admin, and its top-level pages. */
export async function openDemoPages() {
  const { server, browser, page, api } = await openSession({ server: { demo: true }, api: true });
  try {
    await uiLogin(page, server.admin.email, server.admin.password);
    return { server, browser, page, pages: await topLevelPages(page, server, api) };
  } catch (e) {
    await closeSession(browser, server);
    throw e;
  }
}

/** Waits until the shown page has its heading and nothing of it is still loading. */
export async function settled(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('main .loading'));
  await settledRows(page);
}

/** Opens `path` in the shell and waits until it has settled. */
export async function openPage(page, path) {
  await page.goto(path);
  await settled(page);
}
