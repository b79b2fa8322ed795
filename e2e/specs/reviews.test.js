// Reviews and the team view on the demo workspace: a monthly review walks through the
// stale parts and is kept in the history across a reload; a coaching review keeps its
// answers and adds a follow-up action to the plan; two reviews are compared; a leader
// sorts the team view and walks through the plans with buttons and arrow keys.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { openApp, openPage, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

const shots = new URL('../screenshots/', import.meta.url).pathname;
serveApp();
before(async () => {
  await mkdir(shots, { recursive: true });
});

const shoot = (page, name) => page.screenshot({ path: `${shots}${name}.png`, fullPage: true });

/** Opens a demo account's Reviews section from the portfolio. */
async function openReviews(page, account) {
  await page.goto(server.url);
  await page.getByRole('link', { name: account }).click();
  await page.getByRole('heading', { name: account, level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Reviews', exact: true }).click();
  await page.getByRole('heading', { name: 'Reviews', level: 2 }).waitFor();
  assert.match(page.url(), /section=reviews/);
}

/** Waits until the save has written `text` to storage. */
const stored = (page, text) => page.waitForFunction(
  (t) => Object.keys(localStorage).some((k) => wasmBindings.storedJson(localStorage.getItem(k) ?? '').includes(t)),
  text,
);

test('a monthly review walks the stale parts, is kept in the history and compares with the one before', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await openReviews(page, 'Stonebridge Credit Union');
  await page.getByText('2 parts overdue for review: Opportunities, Cadence.').waitFor();
  await page.getByRole('button', { name: 'Start monthly review' }).click();

  // Part 1: the opportunities, with their editor right there.
  await page.getByRole('heading', { name: 'Part 1 of 2: Opportunities', level: 3 }).waitFor();
  await page.getByText(/^Stale: \d+ days overdue, last reviewed \d{4}-\d{2}-\d{2}\.$/).waitFor();
  const embedded = page.locator('.review-embedded');
  await embedded.getByRole('heading', { name: 'Opportunities', level: 2 }).waitFor();
  await embedded.locator('.entity').first().getByLabel('Next step').fill('Pilot in two branches from June');
  await page.getByLabel('Notes on Opportunities').fill('Branch pilot moved to June');
  await page.getByRole('button', { name: 'Reviewed, next' }).click();

  // Part 2: the cadence; back and forth keeps the note.
  await page.getByRole('heading', { name: 'Part 2 of 2: Cadence', level: 3 }).waitFor();
  await page.getByRole('button', { name: 'Previous part' }).click();
  assert.equal(await page.getByLabel('Notes on Opportunities').inputValue(), 'Branch pilot moved to June');
  await page.getByRole('button', { name: 'Reviewed, next' }).click();
  await page.getByRole('button', { name: 'Reviewed, next' }).click();

  const summary = page.getByRole('region', { name: 'Summary' });
  await summary.waitFor();
  await summary.getByText('Opportunities: marked reviewed').waitFor();
  await summary.getByText('Cadence: marked reviewed').waitFor();
  await summary.getByText(/^Score saved with the review: \d+ \((red|amber|green)\)\.$/).waitFor();
  assert.equal(await summary.getByLabel('Reviewer').locator('option:checked').innerText(), 'Sofia Lind');
  await summary.getByLabel('Review notes').fill('Pilot and cadence checked with Marcus');
  await shoot(page, 'review-summary');
  await summary.getByRole('button', { name: 'Save review' }).click();

  await page.getByRole('status').filter({ hasText: 'Monthly review saved: 2 parts marked reviewed.' }).waitFor();
  await page.getByText('Every part of the plan is reviewed on time.').waitFor();
  const latest = page.getByRole('table', { name: 'Past reviews, newest first' }).getByRole('row').nth(1);
  await latest.getByRole('cell', { name: 'Opportunities, Cadence' }).waitFor();
  assert.match(await latest.innerText(), /Monthly review\s+Sofia Lind\s+\d+/);
  assert.match(await latest.innerText(), /Opportunities: Branch pilot moved to June/);

  // Kept across a reload, on the same section.
  await stored(page, 'Pilot and cadence checked with Marcus');
  await page.reload();
  await page.getByRole('heading', { name: 'Reviews', level: 2 }).waitFor();
  const history = page.getByRole('table', { name: 'Past reviews, newest first' });
  assert.equal(await history.getByRole('row').count(), 1 + 4, 'a header, three demo reviews and the new one');
  await history.getByRole('row').nth(1).getByText('Pilot and cadence checked with Marcus').waitFor();

  // Compared with the review before it: the freshness it restored shows.
  const compare = page.getByRole('region', { name: 'Compare reviews' });
  assert.equal(await compare.getByLabel('From').inputValue(), 'rev-sb-03');
  await compare.getByRole('table', { name: 'Score changes' }).getByRole('row', { name: /Plan freshness 75 100 \+25/ }).waitFor();

  // Any two: the first two demo reviews, where a contact and a goal were added.
  await compare.getByLabel('From').selectOption('rev-sb-01');
  await compare.getByLabel('To').selectOption('rev-sb-02');
  await compare.getByText('Overall score: 60 → 63 (+3).').waitFor();
  await compare.getByRole('table', { name: 'Score changes' }).getByRole('row', { name: 'Success measures — 55 new' }).waitFor();
  await compare.getByRole('region', { name: 'Contacts changed' }).getByText('Added: Sara Holt').waitFor();
  await compare.getByRole('region', { name: 'Goals changed' }).getByText('Added: Grow mobile banking users by 20%').waitFor();
  await shoot(page, 'review-compare');

  // The opportunity edited during the review was saved too.
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Opportunities', exact: true }).click();
  assert.equal(await page.locator('.entity').first().getByLabel('Next step').inputValue(), 'Pilot in two branches from June');
  assertNoErrors(page, assert);
  await context.close();
});

test('a coaching review keeps its answers and adds its follow-up to the actions', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await openReviews(page, 'Brightwell Foods');
  await page.getByRole('button', { name: 'Start coaching review' }).click();
  const coaching = page.getByRole('region', { name: 'Coaching review' });
  await coaching.waitFor();
  // The leader leads it; each question comes with what the plan says about it.
  assert.equal(await coaching.getByLabel('Reviewer').locator('option:checked').innerText(), 'Morgan Hale');
  await coaching.getByText('Met: Tom Becker, Jamie Fletcher.').waitFor();
  await coaching.getByLabel('How do you know these are the customer\'s goals?').waitFor();
  await coaching.getByLabel('What are the top 2-3 aligned opportunities?').waitFor();

  // Saving with nothing answered is refused, with the reason.
  await coaching.getByRole('button', { name: 'Save coaching review' }).click();
  await coaching.getByRole('alert').filter({ hasText: 'Answer at least one question.' }).waitFor();

  await coaching.getByLabel('Who at the account have you met to help develop the plan?').fill('Only Jamie and Tom; Irene declined the QBR.');
  await coaching.getByText('Answer at least one question.').waitFor({ state: 'detached' });
  await coaching.getByLabel('New follow-up action').fill('Ask Lukas to introduce us to the plant leadership');
  await coaching.getByLabel('Follow-up owner').selectOption({ label: 'Daniel Okoye' });
  await coaching.getByLabel('Follow-up due').fill('2031-03-01');
  await coaching.getByRole('button', { name: 'Add follow-up' }).click();
  await coaching.getByRole('button', { name: 'Remove follow-up Ask Lukas to introduce us to the plant leadership' }).waitFor();
  await coaching.getByText(/Ask Lukas to introduce us to the plant leadership · Daniel Okoye · due 2031-03-01/).waitFor();
  assert.equal(await coaching.getByLabel('New follow-up action').inputValue(), '', 'the form is ready for the next one');
  await shoot(page, 'coaching-review');
  await coaching.getByRole('button', { name: 'Save coaching review' }).click();

  await page.getByRole('status').filter({ hasText: 'Coaching review saved with 1 follow-up action.' }).waitFor();
  const latest = page.getByRole('table', { name: 'Past reviews, newest first' }).getByRole('row').nth(1);
  assert.match(await latest.innerText(), /Coaching review\s+Morgan Hale/);
  await latest.getByText('1 answered, 1 follow-up').waitFor();
  await latest.getByText('Answers and follow-ups').click();
  await latest.getByText('Only Jamie and Tom; Irene declined the QBR.').waitFor();
  await latest.getByText('Ask Lukas to introduce us to the plant leadership (open)').waitFor();

  await stored(page, 'Ask Lukas to introduce us to the plant leadership');
  await page.reload();
  const kept = page.getByRole('table', { name: 'Past reviews, newest first' }).getByRole('row').nth(1);
  await kept.getByText('1 answered, 1 follow-up').waitFor();
  await kept.getByText('Answers and follow-ups').click();
  await kept.getByRole('link', { name: 'Open the actions' }).click();
  await page.getByRole('heading', { name: 'Actions', level: 2 }).waitFor();
  await page.getByRole('heading', { name: 'Ask Lukas to introduce us to the plant leadership', level: 3 }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});

test('a quarterly update walks the whole plan and adds a point to the trend chart', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.getByRole('link', { name: 'Harborview Health Network' }).click();
  const trend = page.getByRole('table', { name: 'Overall score by date' }).getByRole('row');
  await page.getByRole('heading', { name: 'Trend', level: 3 }).waitFor();
  const before = await trend.count();

  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Reviews', exact: true }).click();
  await page.getByRole('button', { name: 'Start quarterly update' }).click();
  for (let i = 1; i <= 11; i++) {
    const heading = page.getByRole('heading', { name: new RegExp(`^Part ${i} of 11: `), level: 3 });
    await heading.waitFor();
    if ((await heading.innerText()).endsWith('White space')) {
      await page.getByRole('button', { name: 'Skip this part' }).click();
    } else {
      await page.getByRole('button', { name: 'Reviewed, next' }).click();
    }
  }
  const summary = page.getByRole('region', { name: 'Summary' });
  await summary.getByText('White space: skipped').waitFor();
  // The steps list jumps straight to a part.
  await page.getByRole('list', { name: 'Review steps' }).getByRole('button', { name: 'White space' }).click();
  await page.getByRole('heading', { name: 'Part 6 of 11: White space', level: 3 }).waitFor();
  await page.getByRole('list', { name: 'Review steps' }).getByRole('button', { name: 'Summary' }).click();
  await summary.getByRole('button', { name: 'Save review' }).click();
  await page.getByRole('status').filter({ hasText: 'Quarterly update saved: 10 parts marked reviewed.' }).waitFor();
  const latest = page.getByRole('table', { name: 'Past reviews, newest first' }).getByRole('row').nth(1);
  assert.match(await latest.innerText(), /Quarterly update/);
  assert.doesNotMatch(await latest.innerText(), /White space/);

  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Scorecard', exact: true }).click();
  await page.getByRole('heading', { name: 'Trend', level: 3 }).waitFor();
  assert.equal(await trend.count(), before + 1, 'the review is a new point');
  assertNoErrors(page, assert);
  await context.close();
});

/** The owner names of the owners table, top to bottom. */
const ownerOrder = (page) => page.getByRole('table', { name: 'Owners' }).locator('tbody th').allInnerTexts();

test('the team view sorts owners and accounts and walks through the plans', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team view' }).click();
  await page.getByRole('heading', { name: 'Team view', level: 1 }).waitFor();
  assert.match(page.url(), /\?page=team$/);

  const owners = page.getByRole('table', { name: 'Owners' });
  await owners.waitFor();
  assert.deepEqual(await ownerOrder(page), ['Daniel Okoye', 'Priya Raman', 'Sofia Lind']);
  // Daniel's Copperleaf plan is stale with three overdue actions.
  await owners.getByRole('row', { name: /^Daniel Okoye 2 \d+ \d+ 0 1 4$/ }).waitFor();

  const byScore = owners.getByRole('button', { name: 'Average score' });
  await byScore.click();
  assert.equal(await owners.getByRole('columnheader', { name: 'Average score' }).getAttribute('aria-sort'), 'ascending');
  const scores = async () => (await owners.locator('tbody tr td:nth-child(3)').allInnerTexts()).map(Number);
  const ascending = await scores();
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
  await byScore.click();
  assert.equal(await owners.getByRole('columnheader', { name: 'Average score' }).getAttribute('aria-sort'), 'descending');
  const descending = await scores();
  assert.deepEqual(descending, [...ascending].reverse());

  // Each owner's accounts, sortable too: Sofia's stale Stonebridge first by overdue review.
  const sofia = page.getByRole('region', { name: 'Sofia Lind' });
  await sofia.getByRole('button', { name: 'Overdue review' }).click();
  const sofiaAccounts = () => sofia.locator('tbody th').allInnerTexts();
  assert.deepEqual(await sofiaAccounts(), ['Stonebridge Credit Union', 'Lumina Learning']);
  await sofia.getByRole('link', { name: '2 parts overdue' }).waitFor();
  await sofia.getByRole('button', { name: 'Account' }).click();
  assert.deepEqual(await sofiaAccounts(), ['Lumina Learning', 'Stonebridge Credit Union']);
  await shoot(page, 'team-view');

  // The walk-through follows the order shown: owners by score, best first.
  await page.getByRole('button', { name: 'Walk through the plans' }).click();
  const walk = page.getByRole('region', { name: /^Plan \d of 6$/ });
  await page.getByRole('heading', { name: 'Plan 1 of 6', level: 2 }).waitFor();
  assert.match(page.url(), /\?page=team&walk=/);
  const accountHeading = page.locator('#walk-account-heading');
  const first = await accountHeading.innerText();
  assert.equal(await page.getByRole('button', { name: 'Previous plan' }).isDisabled(), true);
  await walk.getByRole('table', { name: `Scorecard of ${first}` }).waitFor();
  await walk.getByRole('heading', { name: 'Next best actions', level: 4 }).waitFor();

  await page.keyboard.press('ArrowRight');
  await page.getByRole('heading', { name: 'Plan 2 of 6', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Next plan' }).click();
  await page.getByRole('heading', { name: 'Plan 3 of 6', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Previous plan' }).click();
  await page.getByRole('heading', { name: 'Plan 2 of 6', level: 2 }).waitFor();
  // The focus stays on the button, so the keys keep working from there.
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('heading', { name: 'Plan 1 of 6', level: 2 }).waitFor();
  assert.equal(await accountHeading.innerText(), first);
  await page.keyboard.press('ArrowRight');
  await page.getByRole('heading', { name: 'Plan 2 of 6', level: 2 }).waitFor();
  const second = await accountHeading.innerText();
  assert.notEqual(second, first);
  await shoot(page, 'team-walkthrough');

  // A reload lands on the same plan.
  await page.reload();
  await page.getByRole('heading', { name: second, level: 3 }).waitFor();

  // A next best action opens the plan where it is done; Back returns to the walk.
  const action = page.locator('.walk-card .nba a').first();
  await action.click();
  await page.getByRole('heading', { name: second, level: 1 }).waitFor();
  assert.match(page.url(), /\?account=.*&section=/);
  await page.goBack();
  await page.getByRole('heading', { name: second, level: 3 }).waitFor();
  await page.getByRole('link', { name: 'Leave the walk-through' }).click();
  await page.getByRole('table', { name: 'Owners' }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});
