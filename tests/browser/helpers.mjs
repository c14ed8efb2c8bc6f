// Shared pieces of the browser tests: Debian's chromium driven by playwright-core, screenshots,
// logging in through the UI, and a server with a browser for a suite (openSession). Never
// downloads a browser.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { aims, login, startServer } from '../lib/server.mjs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const chromiumPath = process.env.AIMS_CHROMIUM || '/usr/bin/chromium';
export const screenshotDir = process.env.AIMS_SCREENSHOT_DIR || '/tmp/aims-screenshots';

/**
 * How long an action or a wait may take before it fails (a ceiling, never a measure: no test asserts
 * how fast anything is). ctest runs several browser files at once on 2 cores, where a page may take
 * many seconds to show; $AIMS_BROWSER_TIMEOUT_MS sets another ceiling.
 */
const actionLimitMs = Number(process.env.AIMS_BROWSER_TIMEOUT_MS) || 30_000;

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Starts chromium with a fresh, throw-away profile. Resolves to { context, page, close() };
 * close() ends the browser and removes the profile.
 */
export async function launchBrowser({ baseURL } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'aims-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    baseURL,
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(actionLimitMs);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });
  return {
    context,
    page,
    /** Uncaught page errors and console errors seen so far (4xx responses excepted). */
    problems,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a screenshot as <dir>/<name>.png and returns its path: the whole page by default, only the
 * viewport with { fullPage: false } (for dialogs and sticky bars, which a full-page capture misplaces).
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Logs in through the login form and waits for the shell. */
export async function uiLogin(page, email, password) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('user-email').filter({ hasText: email }).waitFor();
}

/** Calls the API with a session from login() in ../lib/server.mjs. */
export async function apiGet(url, session, path) {
  const r = await fetch(url + path, { headers: { cookie: session.cookie } });
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

/** Sends a write to the API as that session (with its CSRF token); resolves to the Response. */
export function apiSend(url, session, method, path, { body, headers = {} } = {}) {
  return fetch(url + path, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Waits until the form field behind `locator` holds `value` (the page may still be re-rendering
 *  after a reload), then returns it; after `timeout` ms returns what it holds so the caller's
 *  assertion fails with the actual value. */
export async function settledValue(locator, value, timeout = actionLimitMs) {
  const until = Date.now() + timeout;
  let got = await locator.inputValue();
  while (got !== value && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    got = await locator.inputValue();
  }
  return got;
}

/**
 * Waits until no table (or other region) in the page's main part is aria-busy, i.e. every list shows
 * the answer for its current filters, sort and page rather than the previous one still on screen.
 * Call it once the page has rendered the new parameters: the router renders a changed URL a little
 * later (in a transition), so wait first for what that render shows (a select filter holding the
 * chosen value, see settledValue; "Clear filters"); a filter kept in the page's own state (not in
 * the URL) renders at once. Before that render nothing is busy yet.
 */
export async function settledRows(page) {
  await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]'));
}

/** Turns segregation of duties off for the given duties (e.g. {risk_acceptance: false}) as that admin
 *  session, for tests in which one admin does everything; tests/browser/settings.test.mjs covers it on. */
export async function setSegregation(url, session, duties) {
  const r = await fetch(url + '/api/v1/org-settings', { headers: { cookie: session.cookie } });
  const now = await r.json();
  const put = await apiSend(url, session, 'PUT', '/api/v1/org-settings', {
    body: { segregation_of_duties: { ...now.segregation_of_duties, ...duties } },
    headers: { 'if-match': r.headers.get('etag') },
  });
  if (put.status !== 200) throw new Error(`PUT /api/v1/org-settings: ${put.status} ${await put.text()}`);
}

/**
 * Starts an aims server (`server`: startServer options) and a browser on it; with `api`, also an
 * HTTP session of the admin. Resolves to { server, browser, page, api? }; closeSession stops both.
 */
export async function openSession({ server: serverOptions, api = false } = {}) {
  const server = await startServer(serverOptions);
  try {
    const browser = await launchBrowser({ baseURL: server.url });
    const session = api ? await login(server.url, server.admin.email, server.admin.password) : undefined;
    return { server, browser, page: browser.page, api: session };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** Closes the browser and stops the server of openSession (either may be missing). */
export async function closeSession(browser, server) {
  await browser?.close();
  await server?.stop();
}

/**
 * openSession (by default on a server with the demo organization), then its admin logged in through
 * the UI; stops both if the login fails. Resolves to { server, browser, page, api? }.
 */
export async function openAdminSession({ server = { demo: true }, api = false } = {}) {
  const session = await openSession({ server, api });
  try {
    await uiLogin(session.page, session.server.admin.email, session.server.admin.password);
    return session;
  } catch (e) {
    await closeSession(session.browser, session.server);
    throw e;
  }
}

/** Fails if the browser met page or console errors, then closes it and stops the server (closeSession). */
export async function closeCleanSession(browser, server) {
  assert.deepEqual(browser?.problems ?? [], [], 'no page or console errors');
  await closeSession(browser, server);
}

/** A further browser on `server` (launchBrowser) with `email` logged in through the UI; closed if the login fails. */
export async function loggedInBrowser(server, email, password) {
  const browser = await launchBrowser({ baseURL: server.url });
  try {
    await uiLogin(browser.page, email, password);
    return browser;
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/**
 * The admin and a manager of startServer's `server`, each logged in through the UI in a browser of
 * their own: adds manager@acme.test with `password`. Resolves to { browser, page, mb } (the admin's
 * browser and page, the manager's browser); closeBrowsers(server, mb, browser) closes them.
 */
export async function adminAndManagerBrowsers(server, password) {
  addMember(server, 'manager@acme.test', 'manager', password);
  const browser = await loggedInBrowser(server, server.admin.email, server.admin.password);
  try {
    return { browser, page: browser.page, mb: await loggedInBrowser(server, 'manager@acme.test', password) };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Closes the browsers (any may be missing), then stops startServer's `server`. */
export async function closeBrowsers(server, ...browsers) {
  for (const b of browsers) await b?.close();
  await server?.stop();
}

/** Adds `email` with `role` and `password` to the organization of startServer's `server` (`aims user add`). */
export function addMember(server, email, role, password) {
  const r = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', email, '--role', role], password + '\n');
  assert.equal(r.status, 0, r.stderr);
}
