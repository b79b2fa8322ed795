// Two tabs of the app on one browser: edits to different accounts both survive; the same
// account changed in both asks the user, and nothing is silently lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertNoErrors, startEmpty, addAccount } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

/** Polls a field until it shows `value` (another tab's write arrives asynchronously). */
async function waitForValue(locator, value, timeout = 5000) {
  const end = Date.now() + timeout;
  while ((await locator.inputValue()) !== value) {
    if (Date.now() > end) assert.fail(`the field still shows ${await locator.inputValue()}, not ${value}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

async function setIndustry(page, value) {
  await page.getByLabel('Industry').fill(value);
  await page.getByLabel('Industry').press('Tab');
}

test('accounts added in two tabs both survive, in both tabs and after a reload', async () => {
  const context = await browser.newContext();
  const a = await openPage(context);
  const b = await openPage(context);
  await a.goto(server.url);
  await startEmpty(a);
  await b.goto(server.url);
  await addAccount(a, 'Alpha Mining');
  await addAccount(b, 'Bravo Shipping');
  for (const page of [a, b]) {
    await page.getByRole('link', { name: 'Alpha Mining' }).waitFor();
    await page.getByRole('link', { name: 'Bravo Shipping' }).waitFor();
  }
  await a.reload();
  await a.getByRole('link', { name: 'Alpha Mining' }).waitFor();
  await a.getByRole('link', { name: 'Bravo Shipping' }).waitFor();
  assertNoErrors(a, assert);
  assertNoErrors(b, assert);
  await context.close();
});

test('the same account changed in two tabs asks which version to keep', async () => {
  const context = await browser.newContext();
  const a = await openPage(context);
  await a.goto(server.url);
  await startEmpty(a);
  await addAccount(a, 'Gringotts');
  await a.getByRole('link', { name: 'Gringotts' }).click();
  await a.getByRole('heading', { name: 'Gringotts' }).waitFor();
  await a.getByRole('link', { name: 'Overview & revenue' }).click();
  await a.getByLabel('Industry').waitFor();
  const b = await openPage(context);
  await b.goto(a.url());
  await b.getByRole('heading', { name: 'Gringotts' }).waitFor();

  // Tab B's edit cannot be saved yet (its storage writes fail), so it is unsaved when
  // tab A saves its own edit of the same account.
  await b.evaluate(() => {
    window.realSetItem = localStorage.setItem;
    localStorage.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await setIndustry(b, 'Banking (tab B)');
  await b.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
  await setIndustry(a, 'Finance (tab A)');

  const conflict = b.getByRole('alert').filter({ hasText: '“Gringotts” was changed in another tab' });
  await conflict.waitFor();
  assert.equal(await b.getByLabel('Industry').inputValue(), 'Banking (tab B)', 'B still shows its edit');
  const stored = () => a.evaluate(() => wasmBindings.storedJson(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('account-planner/account/')))));
  assert.match(await stored(), /Finance \(tab A\)/, "A's version is in storage, not overwritten");

  await b.evaluate(() => { delete localStorage.setItem; });
  await b.getByRole('button', { name: "Keep this tab's version" }).click();
  await conflict.waitFor({ state: 'detached' });
  await waitForValue(a.getByLabel('Industry'), 'Banking (tab B)');
  assert.match(await stored(), /Banking \(tab B\)/);
  await b.reload();
  assert.equal(await b.getByLabel('Industry').inputValue(), 'Banking (tab B)');
  assertNoErrors(a, assert);
  await context.close();
});

test('typing, a deletion and the settings in one tab show in the other as they happen', async () => {
  const context = await browser.newContext();
  const a = await openPage(context);
  const b = await openPage(context);
  await a.goto(server.url);
  await startEmpty(a);
  await addAccount(a, 'Cyberdyne');
  await addAccount(a, 'Dunder Mifflin');
  await a.getByRole('link', { name: 'Cyberdyne' }).click();
  await a.getByRole('heading', { name: 'Cyberdyne' }).waitFor();
  await a.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Overview & revenue' }).click();
  await a.getByLabel('Notes').waitFor();
  await b.goto(a.url());
  await b.getByRole('heading', { name: 'Cyberdyne' }).waitFor();

  // Each keystroke is stored at once, and the other tab follows without a reload.
  await a.getByLabel('Notes').click();
  await a.keyboard.type('Board approved');
  await waitForValue(b.getByLabel('Notes'), 'Board approved');

  await b.getByRole('link', { name: 'Portfolio' }).first().click();
  await b.getByRole('link', { name: 'Dunder Mifflin' }).waitFor();
  await a.getByRole('link', { name: 'Portfolio' }).first().click();
  await a.getByRole('button', { name: 'Delete Dunder Mifflin' }).click();
  await b.getByRole('link', { name: 'Dunder Mifflin' }).waitFor({ state: 'detached' });
  await b.getByRole('link', { name: 'Cyberdyne' }).waitFor();

  await b.getByRole('link', { name: 'Settings' }).click();
  await a.getByRole('link', { name: 'Settings' }).click();
  await a.getByLabel('Workspace name').fill('Shared plans');
  await a.getByLabel('Workspace name').press('Tab');
  await waitForValue(b.getByLabel('Workspace name'), 'Shared plans');

  await b.reload();
  await waitForValue(b.getByLabel('Workspace name'), 'Shared plans');
  assertNoErrors(a, assert);
  assertNoErrors(b, assert);
  await context.close();
});

test('a tab left on the untouched demo takes what another tab stores, and never writes the demo back', async () => {
  const context = await browser.newContext();
  const demo = await openPage(context);
  await demo.goto(server.url);
  await demo.getByRole('region', { name: 'Demo data' }).waitFor();
  const rows = (page) => page.locator('table.portfolio tbody tr').count();
  assert.ok(await rows(demo) > 1, 'the demo has accounts');

  const mine = await openPage(context);
  await mine.goto(server.url);
  await startEmpty(mine);
  await addAccount(mine, 'Initech');

  // The demo tab follows: the user's one account, no demo banner, no made-up accounts.
  await demo.getByRole('link', { name: 'Initech' }).waitFor();
  await demo.getByRole('region', { name: 'Demo data' }).waitFor({ state: 'detached' });
  assert.equal(await rows(demo), 1);
  // Nothing of the demo was written back: storage still holds the one account.
  await mine.reload();
  await mine.getByRole('link', { name: 'Initech' }).waitFor();
  assert.equal(await rows(mine), 1);
  assert.equal(await mine.getByRole('region', { name: 'Demo data' }).count(), 0);
  assert.equal(await mine.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('account-planner/account/')).length), 1);
  assertNoErrors(demo, assert);
  assertNoErrors(mine, assert);
  await context.close();
});
