// Search from the header: `/` opens it (not while typing in a field), a contact's name finds
// them, the keyboard alone reaches the result, Enter lands on the account's contacts, and
// Escape closes the panel with the focus back on the Search button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

test('slash, a contact\'s name, arrow down and Enter land on the account\'s contacts', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.getByRole('region', { name: 'Demo data' }).waitFor();
  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();

  // `/` in a field types a slash; it does not open the search.
  const name = page.getByLabel('Account name');
  await name.fill('');
  await name.press('/');
  assert.equal(await name.inputValue(), '/');
  const field = page.getByRole('searchbox', { name: /^Search accounts, contacts/ });
  assert.equal(await field.count(), 0);
  await name.fill('');
  await name.blur();

  await page.keyboard.press('/');
  await field.waitFor();
  assert.ok(await field.evaluate((el) => el === document.activeElement), 'the field has the focus');
  // Accents and case do not matter: "raymond CHO" finds Raymond Cho.
  await page.keyboard.type('raymond CHO');
  const contacts = page.getByRole('region', { name: 'Contacts', exact: true });
  const raymond = contacts.getByRole('link', { name: /^Raymond Cho — Harborview Health Network/ });
  await raymond.waitFor();
  await page.keyboard.press('ArrowDown');
  assert.ok(await raymond.evaluate((el) => el === document.activeElement), 'the first result has the focus');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?account=[^&]+&section=contacts$/);
  await page.getByRole('heading', { name: 'Contacts & interactions', level: 2, exact: true }).waitFor();
  await field.waitFor({ state: 'detached' });

  // Again from the button; words in any order, an accent typed or not; Escape closes.
  const button = page.getByRole('button', { name: 'Search', exact: true });
  await button.click();
  await field.fill('freight meridian');
  await page.getByRole('region', { name: 'Accounts', exact: true }).getByRole('link', { name: /^Meridian Freight/ }).waitFor();
  await field.fill('zzzz nothing');
  await page.getByText('No results.').waitFor();
  await page.keyboard.press('Escape');
  await field.waitFor({ state: 'detached' });
  assert.ok(await button.evaluate((el) => el === document.activeElement), 'the focus is back on Search');
  assertNoErrors(page, assert);
  await context.close();
});
