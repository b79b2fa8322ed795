// Settings: taxonomies and the team are edited in place; removing something plans still
// use is refused with where it is used; "delete all my data" asks first and then leaves
// nothing behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, openPage, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

const ourKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('account-planner/')));

test('taxonomies and the team edit in place, and what plans use cannot be removed', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.getByRole('region', { name: 'Demo data' }).waitFor();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  assert.match(page.url(), /\?page=settings$/);

  // The demo's contacts sit in Finance: removing it is refused and says where it is used.
  const departments = page.getByRole('region', { name: 'Departments' });
  await departments.getByRole('button', { name: 'Remove department Finance' }).click();
  await departments.getByRole('alert').filter({ hasText: /Department “Finance” is still used \(accounts\[\d+\]\.plan\.contacts\[\d+\]\.department/ }).waitFor();
  assert.equal(await departments.getByRole('button', { name: 'Remove department Finance' }).count(), 1, 'still there');

  // A new, unused department is added, renamed, then removed.
  await departments.getByRole('button', { name: 'Add department' }).click();
  const last = departments.getByRole('textbox').last();
  await last.fill('Legal');
  await departments.getByRole('button', { name: 'Remove department Legal' }).waitFor();

  const team = page.getByRole('region', { name: 'Team' });
  await team.getByLabel('New team member').fill('Alex Kim');
  await team.getByRole('button', { name: 'Add to team' }).click();
  const alex = team.getByRole('group', { name: 'Alex Kim' });
  await alex.getByLabel('Email').fill('alex.kim@example.com');
  await team.getByRole('button', { name: 'Remove Priya Raman from the team' }).click();
  await team.getByRole('alert').filter({ hasText: 'Priya Raman is still used' }).waitFor();

  await page.waitForTimeout(300); // the save
  await page.reload();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await departments.getByRole('button', { name: 'Remove department Legal' }).click();
  assert.equal(await departments.getByRole('button', { name: 'Remove department Legal' }).count(), 0);
  assert.equal(await team.getByRole('group', { name: 'Alex Kim' }).getByLabel('Email').inputValue(), 'alex.kim@example.com');
  await team.getByRole('button', { name: 'Remove Alex Kim from the team' }).click();
  assert.equal(await team.getByRole('group', { name: 'Alex Kim' }).count(), 0);
  assertNoErrors(page, assert);
  await context.close();
});

test('bands that overlap are refused next to the field; weights show their share', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.url}?page=settings`);
  const scoring = page.getByRole('region', { name: 'Scoring and reviews' });
  await scoring.getByLabel('Amber from').fill('80');
  await scoring.getByRole('alert').filter({ hasText: 'Amber must start below green (amber from 80, green from 75).' }).waitFor();
  await scoring.getByLabel('Green from').fill('90');
  await scoring.getByLabel('Amber from').fill('80');
  assert.equal(await scoring.getByRole('alert').count(), 0);

  // Eight weights summing to 100 by default; zeroing one gives the rest its share.
  await scoring.getByLabel('Coverage weight').fill('0');
  await scoring.getByText('18% of the score').first().waitFor(); // 15 of 85
  await page.waitForTimeout(300);
  await page.reload();
  assert.equal(await scoring.getByLabel('Green from').inputValue(), '90');
  assert.equal(await scoring.getByLabel('Coverage weight').inputValue(), '0');
  assertNoErrors(page, assert);
  await context.close();
});

test('delete all my data asks first, can be cancelled, and then leaves an empty workspace', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.getByLabel('Account name').fill('Acme Rockets');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('link', { name: 'Acme Rockets' }).waitFor();
  await page.waitForTimeout(300);
  assert.ok((await ourKeys(page)).length > 3, 'the demo and the new account are stored');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete all your data?' });
  await dialog.getByText('7 accounts').waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await dialog.count(), 0);
  assert.ok((await ourKeys(page)).length > 3, 'cancel changed nothing');

  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await page.getByRole('status').filter({ hasText: 'All data deleted from this browser' }).waitFor();
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.getByText('No accounts yet').waitFor();
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByText('No accounts yet').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Demo data' }).count(), 0, 'not the demo again');
  assert.deepEqual((await ourKeys(page)).sort(), ['account-planner/index', 'account-planner/meta'], 'only the empty workspace is stored');
  assertNoErrors(page, assert);
  await context.close();
});
