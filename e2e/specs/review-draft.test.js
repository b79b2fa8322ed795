// A review in progress survives a reload and a closed tab, until it is saved or
// cancelled; past reviews are edited in place and deleted with undo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

async function openReviews(page, account) {
  await page.goto(server.url);
  await page.getByRole('link', { name: account }).click();
  await page.getByRole('heading', { name: account, level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Reviews', exact: true }).click();
  await page.getByRole('heading', { name: 'Reviews', level: 2 }).waitFor();
}

const draftKept = (page, text) => page.waitForFunction(
  (t) => Object.keys(localStorage).some((k) => k.startsWith('account-planner/draft/') && localStorage.getItem(k).includes(t)),
  text,
);

test('a review in progress survives a reload and a closed tab', async () => {
  const context = await browser.newContext();
  let page = await openPage(context);
  await openReviews(page, 'Stonebridge Credit Union');
  await page.getByRole('button', { name: 'Start monthly review' }).click();
  await page.getByRole('heading', { name: 'Part 1 of 2: Opportunities', level: 3 }).waitFor();
  await page.getByLabel('Notes on Opportunities').fill('Pilot moved to June');
  await page.getByRole('button', { name: 'Reviewed, next' }).click();
  await page.getByRole('heading', { name: 'Part 2 of 2: Cadence', level: 3 }).waitFor();
  await draftKept(page, 'Pilot moved to June');

  await page.reload();
  await page.getByRole('heading', { name: 'Part 2 of 2: Cadence', level: 3 }).waitFor();
  await page.getByRole('button', { name: 'Previous part' }).click();
  assert.equal(await page.getByLabel('Notes on Opportunities').inputValue(), 'Pilot moved to June');

  // The tab closed, the app opened again: the draft is still there.
  const url = page.url();
  await page.close();
  page = await openPage(context);
  await page.goto(url);
  await page.getByRole('heading', { name: 'Part 1 of 2: Opportunities', level: 3 }).waitFor();
  assert.equal(await page.getByLabel('Notes on Opportunities').inputValue(), 'Pilot moved to June');

  // Cancelled by the user: gone, after a reload too.
  await page.getByRole('button', { name: 'Cancel review' }).click();
  await page.getByRole('button', { name: 'Start monthly review' }).waitFor();
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith('account-planner/draft/')));
  await page.reload();
  await page.getByRole('button', { name: 'Start monthly review' }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});

test('a past review is edited, deleted, and its deletion undone', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await openReviews(page, 'Stonebridge Credit Union');
  const history = page.getByRole('table', { name: 'Past reviews, newest first' });
  const rows = history.getByRole('row');
  assert.equal(await rows.count(), 1 + 3);

  // Edit the newest: its notes change in the table as they are typed.
  await rows.nth(1).getByRole('button', { name: /^Edit / }).click();
  const editor = page.getByRole('region', { name: /^Editing the / });
  await editor.getByLabel('Notes of the review').fill('Notes corrected after the meeting');
  await rows.nth(1).getByText('Notes corrected after the meeting').waitFor();
  await editor.getByRole('button', { name: 'Done editing' }).click();
  await editor.waitFor({ state: 'detached' });

  // Delete it, then undo.
  const label = await rows.nth(1).getByRole('button', { name: /^Delete / }).getAttribute('aria-label');
  await rows.nth(1).getByRole('button', { name: /^Delete / }).click();
  const notice = page.getByRole('status').filter({ hasText: /^Deleted .*review of \d{4}-\d{2}-\d{2}\./ });
  await notice.waitFor();
  assert.equal(await rows.count(), 1 + 2);
  await notice.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('button', { name: label }).waitFor();
  assert.equal(await rows.count(), 1 + 3);

  // What was undone is saved: a reload keeps the review and its corrected notes.
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('heading', { name: 'Reviews', level: 2 }).waitFor();
  assert.equal(await rows.count(), 1 + 3);
  await history.getByText('Notes corrected after the meeting').waitFor();
  assertNoErrors(page, assert);
  await context.close();
});
