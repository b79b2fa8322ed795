// Debian's Chromium driven by playwright-core (never a downloaded browser). Every page
// records console errors and uncaught exceptions: a release build can compile and still
// die in the browser, so `assertNoErrors` fails the test on any of them.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Where the app may fetch from: the local test server and the page's own file/data/blob URLs. */
const OWN = /^(http:\/\/127\.0\.0\.1:\d+\/|file:|data:|blob:)/;

/**
 * A new page in `context` that collects errors into `page.errors`: console errors,
 * uncaught exceptions, HTTP errors, Content Security Policy violations, and any request
 * to another origin (the app has no analytics, fonts or CDN: it must never reach out).
 */
export async function openPage(context) {
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
    });
  });
  page.on('request', (req) => {
    page.requests.push(req.url());
    if (!OWN.test(req.url())) page.errors.push(`request to another origin: ${req.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.errors.push(`console: ${msg.text()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) page.errors.push(`http ${res.status()}: ${res.url()}`);
  });
  page.on('pageerror', (err) => page.errors.push(`uncaught: ${err.message}`));
  return page;
}

export function assertNoErrors(page, assert) {
  assert.deepEqual(page.errors, [], 'the page logged errors');
}

/**
 * A first visit opens the demo workspace; most journeys start from an empty one, as a user
 * who clicks "Clear demo and start empty" does. Waits for that choice to be stored.
 */
export async function startEmpty(page) {
  await page.getByRole('button', { name: 'Clear demo and start empty' }).click();
  await page.getByText('No accounts yet').waitFor();
  await page.waitForFunction(() => localStorage.getItem('account-planner/meta') !== null);
}

/**
 * A fresh browser context (empty storage) with one page of the app at `url`: `empty`
 * starts from an empty workspace instead of the demo, `downloads` accepts downloads.
 */
export async function openApp(browser, url, { empty = false, downloads = false } = {}) {
  const context = await browser.newContext(downloads ? { acceptDownloads: true } : {});
  const page = await openPage(context);
  await page.goto(url);
  if (empty) await startEmpty(page);
  return { context, page };
}

/** Adds an account on the portfolio, as a person does, and waits for its link. */
export async function addAccount(page, name) {
  await page.getByLabel('Account name').fill(name);
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('link', { name }).waitFor();
}
