// Code loaded on demand (src/chunk.rs): every view but the portfolio comes in a wasm chunk
// of its own; the storage codec is in the one main module. When the app or a chunk cannot be
// fetched, nothing stored is touched, nothing typed is lost, the app keeps working where it
// can, and the page says why and what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertNoErrors, startEmpty, addAccount } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

const MAIN = /account-planner-[0-9a-f]+_bg\.wasm$/;
/** The main modules (`*_bg.wasm`) the page asked for, by name. */
const mainModules = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname.split('/').pop()).filter((f) => f.endsWith('_bg.wasm')));
const storage = (page) => page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

/** Opens the app, clears the demo and adds the account `name`; resolves, once it is stored,
 * to what storage holds. */
async function storeOneAccount(page, name) {
  await page.goto(server.url);
  await startEmpty(page);
  await addAccount(page, name);
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('account-planner/account/')));
  return storage(page);
}

/** A fresh context whose requests for the chunk `pattern` fail while `blocked.on` is true
 * (no service worker, which would serve the chunk from its cache). */
async function contextWithChunkSwitch(pattern) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const blocked = { on: false, requests: 0 };
  await context.route(pattern, (route) => {
    blocked.requests += 1;
    return blocked.on ? route.abort('internetdisconnected') : route.continue();
  });
  return { context, blocked };
}

test('a first visit stores nothing until the user changes something, even when the page is closed', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await page.getByRole('region', { name: 'Demo data' }).waitFor();
  assertNoErrors(page, assert);
  await page.close({ runBeforeUnload: true });

  const again = await openPage(context);
  assert.deepEqual(await (async () => { await again.goto(server.url); return storage(again); })(), {},
    'closing a first visit stored nothing');
  await again.getByRole('region', { name: 'Demo data' }).waitFor();
  await addAccount(again, 'Umbrella Corp');
  await again.waitForFunction(() => localStorage.getItem('account-planner/meta') !== null);
  assertNoErrors(again, assert);
  await context.close();
});

test('stored data opens from the one main module, which holds the storage codec', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await openPage(context);
  await storeOneAccount(page, 'Cyberdyne Systems');
  await page.reload();
  await page.getByRole('link', { name: 'Cyberdyne Systems' }).waitFor();
  const modules = await mainModules(page);
  assert.equal(modules.length, 1, `one main module: ${modules}`);
  assert.match(modules[0], MAIN);
  // The codec is at hand: the console helper decodes a stored account at once.
  assert.match(await page.evaluate(() => wasmBindings.storedJson(localStorage.getItem(
    Object.keys(localStorage).find((k) => k.startsWith('account-planner/account/'))))), /"name":"Cyberdyne Systems"/);
  await addAccount(page, 'Massive Dynamic');
  await page.reload();
  for (const name of ['Cyberdyne Systems', 'Massive Dynamic']) await page.getByRole('link', { name }).waitFor();
  assertNoErrors(page, assert);

  // Quarantined copies alone are not data to open: a first visit again, with the demo.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) localStorage.removeItem(k);
    localStorage.setItem('account-planner/quarantine/account-planner/account/x', '{oops');
  });
  await page.reload();
  await page.getByRole('region', { name: 'Demo data' }).waitFor();
  await context.close();
});

test('stored data is left untouched, and the page says why, when the app cannot be fetched', async () => {
  const { context, blocked } = await contextWithChunkSwitch(MAIN);
  const page = await openPage(context);
  const before = await storeOneAccount(page, 'Soylent Industries');

  blocked.on = true;
  await page.reload();
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: 'could not start' }).waitFor();
  assert.match(await alert.textContent(), /could not be downloaded.*Your data is safe in this browser/);
  assert.equal(await page.getByRole('link', { name: 'Soylent Industries' }).count(), 0);
  assert.deepEqual(await storage(page), before, 'storage is exactly as it was');

  blocked.on = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('link', { name: 'Soylent Industries' }).waitFor();
  await context.close();
});

test('a view whose chunk cannot be fetched says so, the app goes on, and it opens when tried again', async () => {
  const { context, blocked } = await contextWithChunkSwitch(/split_team_view-[0-9a-f]+\.wasm$/);
  blocked.on = true;
  const page = await openPage(context);
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await page.getByRole('link', { name: 'Team view' }).click();
  await page.getByRole('heading', { name: 'This page could not be opened' }).waitFor();
  assert.match(await page.getByRole('alert').filter({ hasText: 'could not be downloaded' }).textContent(),
    /Your data is safe/);

  // The app is still alive: another view opens, and so does this one once it can be fetched.
  await page.getByRole('link', { name: 'Portfolio' }).click();
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await page.getByRole('link', { name: 'Team view' }).click();
  await page.getByRole('button', { name: 'Try again' }).waitFor();
  blocked.on = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: 'Team view' }).waitFor();
  assert.ok(blocked.requests >= 2, 'the chunk was asked for again');
  await context.close();
});
