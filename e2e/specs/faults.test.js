// Storage faults behind the app's back: keys removed, writes refused, a value corrupted.
// The app keeps working, tells the user, loses nothing typed, and catches up once the
// fault clears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, openPage, assertNoErrors, startEmpty, addAccount } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

/** Waits until storage holds an account key whose value mentions `name`. */
const stored = (page, name) => page.waitForFunction((n) => Object.keys(localStorage)
  .some((k) => k.startsWith('account-planner/account/') && wasmBindings.storedJson(localStorage.getItem(k)).includes(n)), name);

const keyOf = (page, name) => page.evaluate((n) => Object.keys(localStorage)
  .find((k) => k.startsWith('account-planner/account/') && wasmBindings.storedJson(localStorage.getItem(k)).includes(n)), name);

async function expectAccounts(page, names) {
  for (const name of names) await page.getByRole('link', { name }).waitFor();
}

test('keys removed behind the app are written again by the next save', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Aperture Labs');
  await addAccount(page, 'Black Mesa');
  await stored(page, 'Black Mesa');
  const key = await keyOf(page, 'Aperture Labs');
  await page.evaluate((k) => {
    localStorage.removeItem(k);
    localStorage.removeItem('account-planner/index');
  }, key);

  await addAccount(page, 'Cyberdyne Systems');
  await stored(page, 'Cyberdyne Systems');
  await page.reload();
  await expectAccounts(page, ['Aperture Labs', 'Black Mesa', 'Cyberdyne Systems']);
  assertNoErrors(page, assert);
  await context.close();
});

test('refused writes warn, keep the edits in the page, and catch up when storage works again', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true, downloads: true });
  await page.evaluate(() => {
    window.realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await addAccount(page, 'Dunder Mifflin');
  const warning = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await warning.waitFor();
  await warning.getByRole('button', { name: 'Export workspace' }).waitFor();
  await addAccount(page, 'Entertech');
  await expectAccounts(page, ['Dunder Mifflin', 'Entertech']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.json$/);

  await page.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
  await addAccount(page, 'Frobozz');
  await warning.waitFor({ state: 'detached' });
  await stored(page, 'Frobozz');
  await page.reload();
  await expectAccounts(page, ['Dunder Mifflin', 'Entertech', 'Frobozz']);
  assertNoErrors(page, assert);
  await context.close();
});

test('a value corrupted behind the app is kept, named and offered for download; the rest loads', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true, downloads: true });
  await addAccount(page, 'Globex');
  await addAccount(page, 'Hooli');
  await stored(page, 'Hooli');
  const key = await keyOf(page, 'Globex');
  const broken = await page.evaluate((k) => {
    const v = localStorage.getItem(k).slice(0, Math.floor(localStorage.getItem(k).length / 2));
    localStorage.setItem(k, v);
    return v;
  }, key);

  await page.reload();
  await page.getByRole('link', { name: 'Hooli' }).waitFor();
  const banner = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await banner.waitFor();
  assert.match(await banner.textContent(), /Globex/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), broken, 'left in place');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button').first().click(),
  ]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  assert.equal(await readFile(path, 'utf8'), broken, 'the raw text is offered as it was');
  assertNoErrors(page, assert);
  await context.close();
});

for (const granted of [false, true]) {
  test(`storage persistence ${granted ? 'granted: no reminder' : 'refused: a reminder to export, one click away'}`, async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.addInitScript((g) => {
      window.__persistAsked = 0;
      navigator.storage.persisted = async () => false;
      navigator.storage.persist = async () => { window.__persistAsked++; return g; };
    }, granted);
    const page = await openPage(context);
    await page.goto(server.url);
    const reminder = page.getByRole('region', { name: 'Backup reminder' });
    await page.getByRole('region', { name: 'Demo data' }).waitFor();
    assert.equal(await page.evaluate(() => window.__persistAsked), 0, 'not asked before anything is stored');
    await startEmpty(page);
    await addAccount(page, 'Initrode');
    await page.waitForFunction(() => window.__persistAsked === 1);
    if (granted) {
      await page.waitForTimeout(200);
      assert.equal(await reminder.count(), 0);
    } else {
      await reminder.waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        reminder.getByRole('button', { name: 'Export a backup' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^account-planner-workspace-.*\.json$/);
      await reminder.getByRole('button', { name: 'Dismiss' }).click();
      assert.equal(await reminder.count(), 0);
    }
    await addAccount(page, 'Initrode Two');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__persistAsked), 1, 'asked once per session');
    assertNoErrors(page, assert);
    await context.close();
  });
}
