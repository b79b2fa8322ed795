// Offline everywhere: the served release works offline after one visit (service worker),
// announces a new release, and the single-file build runs from file:// with no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../lib/server.js';
import { launch, openApp, openPage, assertNoErrors, startEmpty, addAccount } from '../lib/browser.js';

const DIST = new URL('../../dist', import.meta.url).pathname;
const SINGLE = new URL('../../dist-single/account-planner.html', import.meta.url).pathname;

let browser, site, server;
before(async () => {
  browser = await launch();
  // A copy of dist/, so that a "second release" can be published into it.
  site = await mkdtemp(join(tmpdir(), 'account-planner-site-'));
  await cp(DIST, site, { recursive: true });
  server = await serve(site);
});
after(async () => {
  await browser?.close();
  await server?.close();
  await rm(site, { recursive: true, force: true });
});

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);

test('after one visit the app loads offline, on any view, with its data', async () => {
  const { context, page } = await openApp(browser, server.url);
  await controlled(page);
  await startEmpty(page);
  await addAccount(page, 'Stark Logistics');
  await page.getByRole('link', { name: 'Stark Logistics' }).click();
  await page.getByRole('heading', { name: 'Stark Logistics' }).waitFor();
  const accountUrl = page.url();

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Stark Logistics' }).waitFor();
  assert.equal(page.url(), accountUrl);
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Stark Logistics' }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});

test('a new release is announced and applied when the user reloads', async () => {
  const { context, page } = await openApp(browser, server.url);
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());

  // Publish a second build: a changed page and a service worker of a new version.
  const sw = await readFile(join(site, 'sw.js'), 'utf8');
  await writeFile(join(site, 'sw.js'), sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
  const html = await readFile(join(site, 'index.html'), 'utf8');
  await writeFile(join(site, 'index.html'), html.replace('<title>', '<meta name="release" content="next" />\n    <title>'));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));

  const notice = page.getByRole('status').filter({ hasText: 'A new version of Account Planner is ready' });
  await notice.waitFor();
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Reload to update' }).click(),
  ]);
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  assert.equal(await page.locator('meta[name="release"]').getAttribute('content'), 'next');
  await page.waitForFunction((old) => caches.keys().then((keys) => keys.length === 1 && !old.includes(keys[0])), before);
  assertNoErrors(page, assert);
  await context.close();
});

test('the single-file build runs from file:// with the network blocked and keeps its data', async () => {
  const context = await browser.newContext();
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await openPage(context);
  await page.goto(`file://${SINGLE}`);
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await startEmpty(page);
  await addAccount(page, 'Wayne Freight');
  await page.reload();
  await page.getByRole('link', { name: 'Wayne Freight' }).click();
  await page.getByRole('heading', { name: 'Wayne Freight' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Wayne Freight' }).waitFor();
  assert.deepEqual(requests, [], 'the single file asked the network for nothing');
  assertNoErrors(page, assert);
  await context.close();
});
