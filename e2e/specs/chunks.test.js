// Code loaded on demand (src/chunk.rs). The storage codec comes in a wasm chunk of its own
// (src/codec_chunk.rs): a first visit starts without it. A page that finds data stored
// starts the returning build, whose main module holds it (scripts/split.mjs). When a chunk
// or a build cannot be fetched, nothing stored is touched, nothing typed is lost, the app
// keeps working where it can, and the page says why and what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertNoErrors, startEmpty, addAccount } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

const CODEC = /split_storage_codec-[0-9a-f]+\.wasm$/;
const RETURNING = /account-planner-returning-[0-9a-f]+_bg\.wasm$/;
/** The main modules (`*_bg.wasm`) the page asked for, by name. */
const mainModules = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname.split('/').pop()).filter((f) => f.endsWith('_bg.wasm')));
const isReturning = (name) => RETURNING.test(name);
const codecFetches = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .filter((e) => /split_storage_codec-/.test(e.name)).length);
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
async function contextWithChunkSwitch(pattern = CODEC) {
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
  // The codec is fetched once the first screen is up, without storing anything.
  await page.waitForFunction(() => performance.getEntriesByType('resource')
    .some((e) => /split_storage_codec-/.test(e.name)));
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

test('with data stored, the page starts the returning build, which holds the codec', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await openPage(context);
  await page.goto(server.url);
  await page.getByRole('region', { name: 'Demo data' }).waitFor();
  assert.deepEqual((await mainModules(page)).map(isReturning), [false], 'a first visit starts the first-visit build');
  await startEmpty(page);
  await addAccount(page, 'Cyberdyne Systems');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('account-planner/account/')));

  await page.reload();
  await page.getByRole('link', { name: 'Cyberdyne Systems' }).waitFor();
  assert.deepEqual((await mainModules(page)).map(isReturning), [true], 'data stored starts the returning build');
  assert.equal(await codecFetches(page), 0, 'and it has no codec to fetch');
  // Its codec is at hand: the console helper decodes a stored account at once.
  assert.match(await page.evaluate(() => wasmBindings.storedJson(localStorage.getItem(
    Object.keys(localStorage).find((k) => k.startsWith('account-planner/account/'))))), /"name":"Cyberdyne Systems"/);
  await addAccount(page, 'Massive Dynamic');
  await page.reload();
  for (const name of ['Cyberdyne Systems', 'Massive Dynamic']) await page.getByRole('link', { name }).waitFor();
  assertNoErrors(page, assert);

  // Quarantined copies alone are not data to open: a first visit again.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) localStorage.removeItem(k);
    localStorage.setItem('account-planner/quarantine/account-planner/account/x', '{oops');
  });
  await page.reload();
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  assert.deepEqual((await mainModules(page)).map(isReturning), [false]);
  await context.close();
});

test('stored data is left untouched, and the page says why, when the returning build cannot be fetched', async () => {
  const { context, blocked } = await contextWithChunkSwitch(RETURNING);
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

test('a page started as a first visit that then finds data stored waits for the codec, and says why when it cannot be fetched', async () => {
  const { context, blocked } = await contextWithChunkSwitch();
  const page = await openPage(context);
  const before = await storeOneAccount(page, 'Initech');

  // Another tab's first save landing between the page picking its build and the app
  // reading storage: the page's pick sees an empty storage, the app then finds data.
  await context.addInitScript(() => {
    const { get } = Object.getOwnPropertyDescriptor(Storage.prototype, 'length');
    let first = true;
    Object.defineProperty(Storage.prototype, 'length', {
      configurable: true,
      get() { if (first) { first = false; return 0; } return get.call(this); },
    });
  });
  blocked.on = true;
  await page.reload();
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: 'could not start' }).waitFor();
  assert.match(await alert.textContent(), /Your data is safe in this browser/);
  assert.deepEqual((await mainModules(page)).map(isReturning), [false], 'the first-visit build started');
  assert.equal(await page.getByRole('link', { name: 'Initech' }).count(), 0);
  assert.deepEqual(await storage(page), before, 'storage is exactly as it was');

  blocked.on = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('link', { name: 'Initech' }).waitFor();
  assert.ok(await codecFetches(page) >= 1, 'the first-visit build fetched the codec for the data');
  await context.close();
});

test('a first save without the codec keeps the edit in the page with a warning, and saves it once the codec comes', async () => {
  const { context, blocked } = await contextWithChunkSwitch();
  blocked.on = true;
  const page = await openPage(context);
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await addAccount(page, 'Tyrell Corporation');
  const warning = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await warning.waitFor();
  assert.match(await warning.textContent(), /could not be downloaded/);
  assert.deepEqual(await storage(page), {}, 'nothing half-written');
  assert.ok(blocked.requests >= 1, 'the codec was asked for');

  blocked.on = false;
  await addAccount(page, 'Wallace Corporation');
  await warning.waitFor({ state: 'detached' });
  await page.waitForFunction(() => localStorage.getItem('account-planner/meta') !== null);
  await page.reload();
  for (const name of ['Tyrell Corporation', 'Wallace Corporation']) {
    await page.getByRole('link', { name }).waitFor();
  }
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
