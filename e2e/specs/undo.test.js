// Undo and redo of edits, not only deletions: a field's typing is one step, undone with
// Ctrl+Z outside the field and redone with Shift+Ctrl+Z or the buttons; inside the field
// Ctrl+Z stays the browser's own. The shortcuts are listed in a dialog opened with `?`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, addAccount, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

async function openOverview(page, name) {
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Overview & revenue', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview & revenue', level: 2 }).waitFor();
}

test('an edit is undone with Ctrl+Z outside the field and redone with Shift+Ctrl+Z', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Umbrella Health');
  await openOverview(page, 'Umbrella Health');
  const industry = page.getByLabel('Industry');
  const undo = page.getByRole('button', { name: 'Undo last change' });
  const redo = page.getByRole('button', { name: 'Redo' });
  assert.equal(await redo.isDisabled(), true);

  // Typed key by key: one step, not one per letter.
  await industry.pressSequentially('Pharma');
  await page.getByRole('heading', { name: 'Overview & revenue', level: 2 }).click();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.activeElement?.tagName !== 'INPUT');
  assert.equal(await industry.inputValue(), '');
  assert.equal(await redo.isDisabled(), false);
  await page.keyboard.press('Shift+Control+z');
  assert.equal(await industry.inputValue(), 'Pharma');

  // The buttons do the same.
  await undo.click();
  assert.equal(await industry.inputValue(), '');
  await redo.click();
  assert.equal(await industry.inputValue(), 'Pharma');

  // A new edit after an undo: nothing left to redo.
  await undo.click();
  await page.getByLabel('Revenue commitment').fill('500');
  await page.getByRole('heading', { name: 'Overview & revenue', level: 2 }).click();
  assert.equal(await redo.isDisabled(), true);

  // Undone edits are saved like any other: a reload shows the undone state.
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('heading', { name: 'Overview & revenue', level: 2 }).waitFor();
  assert.equal(await page.getByLabel('Industry').inputValue(), '');
  assert.equal(await page.getByLabel('Revenue commitment').inputValue(), '500');
  assertNoErrors(page, assert);
  await context.close();
});

test('Ctrl+Z inside a field is left to the browser, the app undoes nothing', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Vandelay');
  await openOverview(page, 'Vandelay');
  // The app's history now holds one step: the new account. Ctrl+Z handled by the app
  // would take it back, and the account page would say it does not exist.
  await page.getByLabel('Notes', { exact: true }).focus();
  await page.keyboard.press('Control+z');
  await page.getByLabel('Notes', { exact: true }).pressSequentially('x');
  await page.keyboard.press('Control+z');
  await page.getByRole('heading', { name: 'Vandelay', level: 1 }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Account not found' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Redo' }).isDisabled(), true, 'nothing was undone by the app');

  // Outside the field, the same keys are the app's: the account goes.
  await page.getByRole('heading', { name: 'Vandelay', level: 1 }).click();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.getByRole('heading', { name: 'Account not found' }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});

test('? opens the list of shortcuts, which keeps the focus and closes with Escape', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  // Typed in a field, ? is a question mark.
  await page.getByLabel('Account name').pressSequentially('Who?');
  assert.equal(await page.getByRole('dialog').count(), 0);
  assert.equal(await page.getByLabel('Account name').inputValue(), 'Who?');

  await page.getByRole('heading', { name: 'Portfolio', level: 1 }).click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  const table = help.getByRole('table', { name: 'Keyboard shortcuts' });
  for (const keys of ['?', '/', 'Ctrl+Z (⌘Z)', 'Shift+Ctrl+Z (⇧⌘Z), Ctrl+Y', 'L', 'Escape']) {
    await table.getByRole('rowheader', { name: keys, exact: true }).waitFor();
  }
  const close = help.getByRole('button', { name: 'Close' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Close');
  await page.keyboard.press('Tab');
  assert.equal(await close.evaluate((b) => b === document.activeElement), true, 'Tab stays in the dialog');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await close.evaluate((b) => b === document.activeElement), true, 'Shift+Tab too');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  // The header's button opens it too.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await help.waitFor();
  await close.click();
  await help.waitFor({ state: 'detached' });
  assertNoErrors(page, assert);
  await context.close();
});
