// Archiving as a person does it: an archived account leaves the portfolio but is listed
// (on a page of its own that a reload keeps), opens read-only and is restored; archiving
// is undone from its notice; and an account duplicated as a new one opens with its
// contacts under a name the user then changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, addAccount, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

const section = (page, name) => page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name, exact: true });

test('archive → listed → opened read-only → restored', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Acme Corp');
  await addAccount(page, 'Globex');
  await page.getByRole('button', { name: 'Archive Acme Corp' }).click();
  await page.getByRole('status').filter({ hasText: 'Archived account “Acme Corp”.' }).waitFor();
  await page.getByRole('link', { name: 'Acme Corp' }).waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Show archived (1)' }).click();

  // The list is a page of its own: a reload stays on it.
  await page.getByRole('heading', { name: 'Archived accounts', level: 1 }).waitFor();
  assert.match(page.url(), /page=archived/);
  await page.waitForFunction(() => Object.keys(localStorage).length > 2);
  await page.waitForTimeout(200);
  await page.reload();
  await page.getByRole('heading', { name: 'Archived accounts', level: 1 }).waitFor();
  const list = page.getByRole('table', { name: 'Archived accounts' });
  await list.getByRole('link', { name: 'Acme Corp' }).click();

  // Read-only, said plainly, with Restore.
  await page.getByRole('heading', { name: 'Acme Corp', level: 1 }).waitFor();
  await page.getByText('Archived — read-only.').waitFor();
  await section(page, 'Overview & revenue').click();
  await page.getByRole('heading', { name: 'Overview & revenue', level: 2 }).waitFor();
  assert.equal(await page.getByLabel('Industry').isDisabled(), true);
  assert.equal(await page.getByLabel('Revenue commitment').isDisabled(), true);
  await page.getByRole('button', { name: 'Restore' }).click();
  await page.getByText('Archived — read-only.').waitFor({ state: 'detached' });
  await page.getByLabel('Industry').fill('Rockets');
  assert.equal(await page.getByLabel('Industry').isDisabled(), false);

  // Back in the portfolio, and no archived account left to show.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Portfolio' }).click();
  await page.getByRole('link', { name: 'Acme Corp' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /Show archived/ }).count(), 0);
  assertNoErrors(page, assert);
  await context.close();
});

test('archiving is undone from its notice', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Initech');
  await page.getByRole('button', { name: 'Archive Initech' }).click();
  await page.getByRole('link', { name: 'Initech' }).waitFor({ state: 'detached' });
  await page.getByRole('status').getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('link', { name: 'Initech' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /Show archived/ }).count(), 0);
  // Redo archives it again.
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('link', { name: 'Initech' }).waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Show archived (1)' }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});

test('an account duplicated as a new one opens with its contacts, and is renamed', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.getByRole('link', { name: 'Brightwell Foods' }).click();
  await page.getByRole('heading', { name: 'Brightwell Foods', level: 1 }).waitFor();
  const original = page.url();
  await page.getByRole('button', { name: 'Duplicate as new account' }).click();

  // The copy opens where it is named, under a name of its own.
  await page.getByRole('heading', { name: 'Copy of Brightwell Foods', level: 1 }).waitFor();
  assert.notEqual(page.url(), original);
  const name = page.getByLabel('Account name');
  assert.equal(await name.inputValue(), 'Copy of Brightwell Foods');
  await name.fill('Greenfield Grocers');
  await page.getByRole('heading', { name: 'Greenfield Grocers', level: 1 }).waitFor();

  // Its people came along; its history did not.
  await section(page, 'Contacts & interactions').click();
  await page.getByRole('heading', { name: 'Tom Becker', level: 3 }).waitFor();
  await page.getByRole('heading', { name: 'Jamie Fletcher', level: 3 }).waitFor();
  await section(page, 'Reviews').click();
  await page.getByText('No reviews yet.', { exact: false }).waitFor();

  // Both are in the portfolio.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Portfolio' }).click();
  await page.getByRole('link', { name: 'Brightwell Foods' }).waitFor();
  await page.getByRole('link', { name: 'Greenfield Grocers' }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});
