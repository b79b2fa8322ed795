// The first journey: a new user opens the release build, adds an account, opens it,
// reloads, and finds everything still there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../lib/server.js';
import { launch, openPage, assertNoErrors } from '../lib/browser.js';

let server, browser;
before(async () => {
  server = await serve(new URL('../../dist', import.meta.url).pathname);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('an account added on the portfolio survives a reload and opens its plan', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(server.url);

  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await page.getByText('No accounts yet').waitFor();

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
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByText('Enter a name for the account.').waitFor();
  assert.equal(await page.getByLabel('Account name').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByRole('table').count(), 0);
  assertNoErrors(page, assert);
  await context.close();
});
