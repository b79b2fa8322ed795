// The first journey: a new user opens the release build, adds an account, opens it,
// reloads, and finds everything still there.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { openApp, openPage, assertNoErrors, startEmpty } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

test('an account added on the portfolio survives a reload and opens its plan', async () => {
  const { context, page } = await openApp(browser, server.url);

  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await startEmpty(page);

  await page.getByLabel('Account name').fill('Initech');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('link', { name: 'Initech' }).waitFor();

  await page.reload();
  await page.getByRole('link', { name: 'Initech' }).click();
  await page.getByRole('heading', { name: 'Initech' }).waitFor();
  await page.getByRole('heading', { name: 'Scorecard' }).waitFor();
  await page.getByRole('link', { name: 'Overview & revenue' }).click();

  // The account's URL is a real address: reloading it lands on the same view.
  const accountUrl = page.url();
  assert.match(accountUrl, /\?account=/);
  await page.getByLabel('Industry').fill('Software');
  await page.getByLabel('Industry').press('Tab');
  await page.reload();
  await page.getByRole('heading', { name: 'Initech' }).waitFor();
  assert.equal(page.url(), accountUrl);
  assert.equal(await page.getByLabel('Industry').inputValue(), 'Software');

  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.getByRole('link', { name: 'Initech' }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});

test('an empty name gets a message and adds nothing', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByText('Enter a name for the account.').waitFor();
  assert.equal(await page.getByLabel('Account name').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByRole('table').count(), 0);
  assertNoErrors(page, assert);
  await context.close();
});

test('a first visit shows the demo, marked, and can start empty for good', async () => {
  const { context, page } = await openApp(browser, server.url);
  const banner = page.getByRole('region', { name: 'Demo data' });
  await banner.waitFor();
  const rows = page.getByRole('table').getByRole('row');
  assert.equal(await rows.count(), 7, 'a header and six demo accounts');
  // The demo is only in the page until the user changes something.
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  await page.getByRole('link', { name: 'Harborview Health Network' }).click();
  await page.getByRole('heading', { name: 'Scorecard', level: 2 }).waitFor();
  await page.goBack();

  await startEmpty(page);
  await page.reload();
  await page.getByText('No accounts yet').waitFor();
  assert.equal(await banner.count(), 0, 'the demo does not come back after a reload');
  assertNoErrors(page, assert);
  await context.close();
});

test('the page paints a static shell at once, and the app replaces it when it starts', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  // Hold the wasm back: what shows meanwhile is the shell of index.html.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  const shell = page.getByRole('status').filter({ hasText: 'Opening your accounts…' });
  await shell.waitFor();
  assert.equal(await page.getByRole('banner').textContent(), 'Account Planner');
  release();
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  assert.equal(await shell.count(), 0, 'the shell is gone');
  assert.equal(await page.getByRole('banner').count(), 1, 'one header');
  assertNoErrors(page, assert);
  await context.close();
});

test('a large portfolio shows a page of rows at a time; search, summary and sort cover them all', async () => {
  const { context, page } = await openApp(browser, server.url, { downloads: true });
  // The demo's own export, its first account copied into 230 accounts, imported back.
  await page.getByRole('link', { name: 'Import & export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  const model = file.accounts[0];
  file.accounts = Array.from({ length: 230 }, (_, i) => ({
    ...structuredClone(model), id: `acc-bulk-${i}`, name: `Bulk account ${String(i).padStart(3, '0')}`,
  }));
  await page.getByLabel('Import files').setInputFiles({ name: 'bulk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
  await page.getByRole('link', { name: 'Portfolio' }).first().click();

  const rows = page.getByRole('table', { name: 'Accounts' }).locator('tbody tr');
  await page.getByText('Showing the first 100 of 230 accounts.').waitFor();
  assert.equal(await rows.count(), 100);
  assert.match(await page.getByRole('group', { name: 'Portfolio summary' }).or(page.getByLabel('Portfolio summary')).first().textContent(), /Accounts\s*230/);
  await page.getByRole('button', { name: 'Show 100 more' }).click();
  await page.getByText('Showing the first 200 of 230 accounts.').waitFor();
  assert.equal(await rows.count(), 200);
  await page.getByRole('button', { name: 'Show 30 more' }).click();
  // The rows go into the document a screenful per turn of the page; then nothing is left.
  await page.getByText(/Showing the first/).waitFor({ state: 'detached' });
  assert.equal(await rows.count(), 230);

  // Sorting and searching work on every account, shown or not.
  await page.reload();
  await page.getByText('Showing the first 100 of 230 accounts.').waitFor();
  const byName = page.getByRole('columnheader', { name: 'Account' }).getByRole('button');
  await byName.click();
  await byName.click();
  assert.equal(await page.getByRole('columnheader', { name: 'Account' }).getAttribute('aria-sort'), 'descending');
  assert.equal(await rows.first().getByRole('link').first().textContent(), 'Bulk account 229');
  await page.getByLabel('Search accounts').fill('account 15');
  await page.getByText('10 of 230 accounts').waitFor(); // 150 to 159
  assert.equal(await rows.count(), 10);
  assertNoErrors(page, assert);
  await context.close();
});
