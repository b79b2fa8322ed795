// The plan's year follows the customer's fiscal year: changing the start month moves the
// plan onto the year running now; "Start next year's plan" keeps last year's, read-only,
// and the new plan shows its variance against it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, addAccount, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

/** "FY 2026/27": the fiscal year from July that today (the app's clock) falls in, plus `plus`. */
function julyYear(plus = 0) {
  const now = new Date();
  const fy = (now.getMonth() + 1 >= 7 ? now.getFullYear() : now.getFullYear() - 1) + plus;
  return `FY ${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
}

const open = async (page, name) => {
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
};

const selected = (select) => select.evaluate((s) => s.options[s.selectedIndex].text);

test('the fiscal start moves the plan year; next year\'s plan keeps last year\'s read-only, with the variance', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Umbrella Health');
  await page.getByRole('link', { name: 'Umbrella Health' }).click();
  await open(page, 'Overview & revenue');

  // A July fiscal year: the plan is for the fiscal year running today.
  await page.getByLabel('Fiscal year starts in').selectOption({ label: 'July' });
  const year = page.getByLabel('Plan year');
  await page.waitForFunction((label) => {
    const s = document.getElementById([...document.querySelectorAll('label')].find((l) => l.textContent === 'Plan year').htmlFor);
    return s.options[s.selectedIndex]?.text === label;
  }, julyYear());
  await page.getByRole('heading', { name: `Revenue, ${julyYear()}` }).waitFor();

  // This year's figures.
  await page.getByLabel('Revenue commitment').fill('1,000,000');
  await page.getByLabel('Q1 actual').fill('200,000');
  await page.getByLabel('Q2 actual').fill('250,000');
  await open(page, 'Success measures');
  await page.getByRole('button', { name: 'Add success measure' }).click();
  await page.getByLabel('Measure', { exact: true }).fill('NPS');
  await page.getByLabel('Target').fill('50');
  await page.getByLabel('Current value').fill('42');
  await open(page, 'Feedback');
  await page.getByRole('button', { name: 'Add to “Start doing”' }).click();
  await page.getByLabel('What').fill('Weekly status call');

  // Start next year's plan, after a confirmation.
  await open(page, 'Overview & revenue');
  await page.getByRole('button', { name: "Start next year's plan" }).click();
  await page.getByRole('group', { name: "Start next year's plan" }).getByRole('button', { name: `Start ${julyYear(1)}` }).click();
  assert.equal(await selected(year), julyYear(1));
  assert.equal(await page.getByLabel('Revenue commitment').inputValue(), '', 'the new year starts without a commitment');
  assert.equal(await page.getByLabel("Last year's spend").inputValue(), '450,000', 'what was spent last year');

  // Last year's plan, read-only, as it ended.
  const last = page.getByRole('region', { name: `Last year's plan (${julyYear()})` });
  await last.getByText('Commitment $1M; actuals $450K (2 of 4 quarters recorded).').waitFor();
  await last.getByText('NPS: final 42 (target 50)').waitFor();
  await last.getByText('Weekly status call').waitFor();
  assert.equal(await last.getByRole('textbox').count(), 0, 'nothing of last year can be edited');

  // The variance: this year's Q1 against last year's.
  await page.getByLabel('Q1 actual').fill('230,000');
  await page.getByRole('group', { name: 'Against last year' })
    .getByText('Q1–Q1: $230K this year against $200K last year, +$30K (+15%).').waitFor();

  // Measures: the value starts anew, compared with last year's final value.
  await open(page, 'Success measures');
  assert.equal(await page.getByLabel('Current value').inputValue(), '');
  await page.getByText('Last year: final 42 (target 50).').waitFor();
  await page.getByLabel('Current value').fill('45');
  await page.getByText('Last year: final 42 (target 50), +3 since.').waitFor();

  // Feedback: asked for anew, last year's visible read-only.
  await open(page, 'Feedback');
  await page.getByRole('status').filter({ hasText: `No feedback for ${julyYear(1)} yet` }).waitFor();
  assert.equal(await page.getByLabel('What').count(), 0);
  const lastFeedback = page.getByRole('region', { name: `Last year's feedback (${julyYear()})` });
  await lastFeedback.getByText('Weekly status call').waitFor();

  // Everything is still there after a reload.
  await page.waitForTimeout(300); // the save
  await page.reload();
  await lastFeedback.getByText('Weekly status call').waitFor();
  await open(page, 'Overview & revenue');
  assert.equal(await selected(page.getByLabel('Plan year')), julyYear(1));
  // The year can be set back by hand.
  await page.getByLabel('Plan year').selectOption({ label: julyYear() });
  await page.getByRole('heading', { name: `Revenue, ${julyYear()}` }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});
