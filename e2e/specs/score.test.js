// Confidence and completeness: a new account is Incomplete, never green (nor amber or red),
// says what to fill in first and what each step unlocks, and turns into a real band as
// its plan fills in; the portfolio counts, tags and sorts it apart meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, addAccount, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

const section = (page, name) => page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name, exact: true });

async function open(page, name) {
  await section(page, name).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

const newest = (page) => page.locator('.entity').last();
const scorecard = (page) => page.getByRole('region', { name: 'Scorecard' });
const bandText = (page) => scorecard(page).locator('.overall-band').innerText();
const nextBest = (page) => page.getByRole('region', { name: 'Next best actions' }).getByRole('listitem');
/** A figure of the portfolio summary, by its term ("Incomplete", "Green"). */
const figure = (page, term) => page.getByLabel('Portfolio summary').locator('div')
  .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) })
  .getByRole('definition').innerText();
const portfolioRow = (page, name) => page.getByRole('table', { name: 'Accounts' }).getByRole('row').filter({ has: page.getByRole('link', { name }) });

test('a new account is Incomplete with what to fill first, and gets a real band as its plan fills in', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Nakatomi Trading');

  // The portfolio: counted as incomplete, tagged in words, nothing of the plan filled in.
  assert.equal(await figure(page, 'Incomplete'), '1');
  assert.equal(await figure(page, 'Green'), '0');
  const row = portfolioRow(page, 'Nakatomi Trading');
  await row.getByText('incomplete').waitFor();
  assert.match(await row.locator('td.filled').innerText(), /^0 of 11/);

  // The scorecard: Incomplete, on nothing, and why; never "in good shape".
  await page.getByRole('link', { name: 'Nakatomi Trading' }).click();
  await page.getByRole('heading', { name: 'Scorecard', level: 2 }).waitFor();
  assert.match(await bandText(page), /^incomplete$/i);
  await scorecard(page).getByText(/^Measured on 0 of 8 components/).waitFor();
  await scorecard(page).getByText(/Too little of the plan is filled in to judge it: 0 of 8 components have data, 4 are needed; no contact recorded; no revenue commitment recorded\./).waitFor();
  assert.equal(await page.getByText('Nothing to correct: the plan is in good shape.').count(), 0);

  // What to fill in first: the contact and the commitment, each with what it unlocks.
  const first = nextBest(page).first();
  await first.getByRole('link', { name: 'Add the contacts you work with at the customer' }).waitFor();
  assert.match(await first.innerText(), /Needed for a band · unlocks Coverage, Plan freshness/);
  assert.match(await nextBest(page).nth(1).innerText(), /^Record this year's revenue commitment\s+Needed for a band/);
  assert.match(await nextBest(page).nth(2).innerText(), /Unlocks Relationship balance, Plan freshness/);

  // Completeness, part by part: nothing started.
  const completeness = page.getByRole('table', { name: 'What each part of the plan holds and lacks' });
  await completeness.getByRole('row', { name: /^Overview & revenue Not started — revenue commitment, growth target/ }).waitFor();
  await page.getByText('0 of 11 parts of the plan started.').waitFor();

  // A part never filled in is "Not started", not "reviewed on time".
  await first.getByRole('link').click();
  await page.getByRole('heading', { name: 'Contacts & interactions', level: 2 }).waitFor();
  await page.locator('.section-head').getByText('Not started', { exact: true }).waitFor();

  // Fill in: a contact (an executive), a touch, the commitment, a success measure on target.
  await page.getByRole('button', { name: 'Add contact' }).click();
  await newest(page).getByLabel('Name', { exact: true }).fill('Joseph Takagi');
  await newest(page).getByLabel('Department').selectOption({ label: 'Executive office' });
  await newest(page).getByLabel('Level').selectOption({ label: 'Executive' });
  await page.locator('.section-head').getByText(/^Never reviewed · due \d{4}-\d{2}-\d{2}$/).waitFor();
  await page.getByRole('button', { name: 'Log interaction (L)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
  await dialog.getByLabel('Find contacts').fill('Takagi');
  await dialog.getByLabel('Find contacts').press('Enter');
  await dialog.getByLabel('Note').fill('Introduction at the tower');
  await dialog.getByRole('button', { name: 'Save interaction' }).click();
  await dialog.waitFor({ state: 'detached' });

  // Still incomplete without a commitment, whatever the score: the step now leads.
  await section(page, 'Scorecard').click();
  assert.match(await bandText(page), /^incomplete$/i);
  await nextBest(page).first().getByRole('link', { name: "Record this year's revenue commitment" }).waitFor();
  assert.equal(await nextBest(page).filter({ hasText: 'Add the contacts you work with at the customer' }).count(), 0);

  await open(page, 'Overview & revenue');
  await page.getByLabel('Revenue commitment').fill('2,000,000');
  await page.getByLabel('Revenue commitment').press('Tab');
  await open(page, 'Success measures');
  await page.getByRole('button', { name: 'Add success measure' }).click();
  await newest(page).getByLabel('Measure', { exact: true }).fill('Deals closed on time');
  await newest(page).getByLabel('Target').fill('90');
  await newest(page).getByLabel('Current value').fill('95');
  await newest(page).getByLabel('Current value').press('Tab');

  // Coverage, balance, measures and freshness (and revenue once a quarter is over): a band.
  await section(page, 'Scorecard').click();
  await page.getByRole('heading', { name: 'Scorecard', level: 2 }).waitFor();
  assert.match(await bandText(page), /^(red|amber|green)$/i);
  assert.match(await scorecard(page).locator('.overall .hint').innerText(), /^Measured on [4-5] of 8 components/);
  assert.equal(await page.locator('.incomplete-why').count(), 0);
  await completeness.getByRole('row', { name: /^Success measures Filled in success measures, a target and a current value for each —$/ }).waitFor();
  await page.getByText('3 of 11 parts of the plan started.').waitFor();

  // The portfolio follows: no longer counted nor tagged incomplete; three parts filled in.
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await portfolioRow(page, 'Nakatomi Trading').waitFor();
  assert.equal(await figure(page, 'Incomplete'), '0');
  assert.equal(await portfolioRow(page, 'Nakatomi Trading').getByText('incomplete').count(), 0);
  assert.match(await portfolioRow(page, 'Nakatomi Trading').locator('td.filled').innerText(), /^3 of 11/);
  assertNoErrors(page, assert);
  await context.close();
});

test('the demo: Lumina is incomplete, filtered and sorted apart from the judged plans', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.getByRole('link', { name: 'Lumina Learning' }).waitFor();
  await page.getByLabel('Band').selectOption('Incomplete');
  const rows = page.getByRole('table', { name: 'Accounts' }).getByRole('row');
  assert.equal(await rows.count(), 2, 'a header and Lumina Learning');
  await rows.nth(1).getByRole('link', { name: 'Lumina Learning' }).waitFor();
  await page.getByLabel('Band').selectOption('');
  assert.equal(await rows.count(), 7);

  // By score, either way, the judged plans come first and Lumina last.
  const score = page.getByRole('button', { name: /^Score/ });
  const last = async () => rows.last().getByRole('link').first().innerText();
  await score.click();
  assert.equal(await last(), 'Lumina Learning');
  await score.click();
  assert.equal(await last(), 'Lumina Learning');

  // The team view counts it for its owner.
  await page.getByRole('link', { name: 'Team view' }).click();
  const owners = page.getByRole('table', { name: 'Owners' });
  await owners.getByRole('row', { name: /^Sofia Lind 2 \d+ \d+ 1 / }).waitFor();
  await page.getByText(/^2 accounts · 1 incomplete · /).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});
