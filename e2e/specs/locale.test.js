// Numbers follow the locale: German reads "2,5" as 2.5 and shows it so; English refuses
// "2,5" (25 or 2.5?) with what it expected and saves nothing; money shows the currency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, addAccount, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

async function chooseFormat(page, label) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Number format').selectOption({ label });
}

async function openContract(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await page.getByRole('link', { name: 'Umbrella Health' }).click();
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Contract & renewal' }).click();
  await page.getByRole('heading', { name: 'Contract & renewal', level: 2 }).waitFor();
}

const saved = (page) => page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
  .then(() => page.waitForTimeout(300)); // the save runs in a microtask after the event

test('German reads 2,5 as 2.5; English refuses it and saves nothing; money shows the currency', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Umbrella Health');

  await chooseFormat(page, 'Deutsch (Deutschland) · 1.234,5');
  await page.getByText('Example: 1.234.567,5').waitFor();
  // The choice is this browser's, under its own key, not in the workspace.
  assert.equal(await page.evaluate(() => localStorage.getItem('account-planner-pref/locale')), 'de-DE');

  await openContract(page);
  // The currency is in the money field's label.
  const value = page.getByLabel('Contract value (USD)');
  await value.fill('2,5');
  assert.equal(await value.getAttribute('aria-invalid'), 'false');
  await value.blur();
  assert.equal(await value.inputValue(), '2,5');
  await saved(page);

  await page.reload();
  await page.getByRole('heading', { name: 'Contract & renewal', level: 2 }).waitFor();
  assert.equal(await page.getByLabel('Contract value (USD)').inputValue(), '2,5', 'German after a reload');

  // English shows the same stored number as 2.5: it was saved as 2.5, not 25.
  await chooseFormat(page, 'English (United States) · 1,234.5');
  await openContract(page);
  const en = page.getByLabel('Contract value (USD)');
  assert.equal(await en.inputValue(), '2.5');

  // In English "2,5" could be 25 or 2.5: refused, with what was expected, and kept as typed.
  await en.fill('2,5');
  const message = page.locator(`#${await en.getAttribute('aria-describedby')}`);
  await message.filter({ hasText: 'Use a point for decimals, e.g. 2.5' }).waitFor();
  assert.equal(await en.getAttribute('aria-invalid'), 'true');
  assert.equal(await en.inputValue(), '2,5');
  await saved(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Contract & renewal', level: 2 }).waitFor();
  assert.equal(await page.getByLabel('Contract value (USD)').inputValue(), '2.5', 'nothing was saved');

  // Money elsewhere carries the workspace's currency, in the locale's format.
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Overview & revenue' }).click();
  await page.getByLabel('Revenue commitment (USD)').fill('1,250,000');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  const summary = page.getByRole('definition').filter({ hasText: '$1.25M' });
  await summary.first().waitFor();
  await chooseFormat(page, 'Deutsch (Deutschland) · 1.234,5');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await page.getByText('1,25M\u00a0$').first().waitFor();
  assertNoErrors(page, assert);
  await context.close();
});
