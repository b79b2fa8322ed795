// Share links: one account's plan in the link's fragment, opened in another browser as an
// import preview; the fragment leaves the address once read, and a damaged link says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, openPage, assertNoErrors, addAccount } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

const SINGLE = new URL('../../dist-single/account-planner.html', import.meta.url).pathname;

/** Opens the share panel of the account page shown, and waits for its link. */
async function openSharePanel(page) {
  await page.getByRole('group', { name: 'Export this account' })
    .getByRole('button', { name: 'Share as link' }).click();
  const panel = page.getByRole('region', { name: 'Share as link' });
  await panel.waitFor();
  return panel;
}

test('a share link opened in a fresh browser context', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await addAccount(page, 'Initech');
  await page.getByRole('link', { name: 'Initech' }).click();
  const share = page.getByRole('group', { name: 'Export this account' })
    .getByRole('button', { name: 'Share as link' });
  assert.equal(await share.getAttribute('aria-expanded'), 'false');
  const panel = await openSharePanel(page);
  assert.equal(await share.getAttribute('aria-expanded'), 'true');

  // Before any link is copied, the panel says where links travel and who can read them.
  const told = await panel.innerText();
  assert.match(told, /Anyone who has the link can read all of it/);
  assert.match(told, /chat and email logs, browser history/);
  assert.match(told, /notes/);
  const link = await panel.getByLabel('Link to this plan').inputValue();
  assert.ok(link.startsWith(`${server.url}#share=1.`), link);
  assert.match(told, new RegExp(`The link is ${link.length.toLocaleString('en-US')} characters long`));
  assert.doesNotMatch(told, /chat tools/, 'a short link is not warned about');

  await panel.getByRole('button', { name: 'Copy link' }).click();
  await panel.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assertNoErrors(page, assert);
  await context.close();

  // Another browser, whose first visit shows the demo: the link opens the import preview.
  const fresh = await browser.newContext();
  const other = await openPage(fresh);
  await other.goto(link);
  await other.getByRole('heading', { name: 'Review “Shared link” before importing' }).waitFor();
  assert.ok(!other.url().includes('#'), `the fragment is cleared: ${other.url()}`);
  assert.ok(!other.url().includes('share='), other.url());
  const accounts = other.getByRole('table', { name: 'Accounts in the file' });
  await accounts.getByRole('rowheader', { name: 'Initech' }).waitFor();
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await other.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
  await other.getByRole('link', { name: 'Portfolio' }).first().click();
  await other.getByRole('link', { name: 'Initech' }).waitFor();
  // Nothing of the link stays behind: a reload shows the portfolio, not the preview again.
  await other.reload();
  await other.getByRole('link', { name: 'Initech' }).waitFor();
  assert.equal(await other.getByRole('heading', { name: /before importing/ }).count(), 0);
  assertNoErrors(other, assert);
  await fresh.close();
});

test('a damaged or newer share link says what is wrong and imports nothing', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`${server.url}?from=chat#share=1.4000.eJzLSM3JyQcABiwCFQ*`);
  const alert = page.getByRole('alert').filter({ hasText: '“Shared link” was not imported.' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /this link is damaged: it has a character that cannot be in a share link/);
  assert.ok(!page.url().includes('#'), `the fragment is cleared: ${page.url()}`);

  // A link cut short on the way, as a chat tool might.
  await page.goto(`${server.url}?again#share=1.4000.eJzLSM3JyQcABiwCFQ`);
  await page.getByRole('alert').filter({ hasText: 'this link is damaged' }).waitFor();

  await page.goto(`${server.url}?later#share=7.10.AAAA`);
  await page.getByRole('alert').filter({ hasText: 'made by a newer version of Account Planner' }).waitFor();

  // Nothing was imported: the first visit's demo is still there, and nothing is stored.
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.getByRole('region', { name: 'Demo data' }).waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('account-planner/')));
  assert.deepEqual(keys, []);
  assertNoErrors(page, assert);
  await context.close();
});

test('a long link is warned about, and one too long for browsers is offered as a file', async () => {
  const { context, page } = await openApp(browser, server.url, { downloads: true });
  // The demo's largest plan makes a link of over 4,000 characters.
  await page.getByRole('link', { name: 'Harborview Health Network' }).click();
  let panel = await openSharePanel(page);
  await panel.getByText(/Over 4,000, chat tools and some email clients cut links/).waitFor();
  await panel.getByLabel('Link to this plan').waitFor();

  // Its file, with notes of random text that no compression shortens, imported back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export plan (JSON)' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  file.account.id = 'acc-huge-notes';
  file.account.name = 'Huge Notes Ltd';
  const noise = [];
  for (let i = 0; i < 90_000; i++) noise.push(String.fromCharCode(33 + Math.floor(Math.random() * 90)));
  file.account.notes = noise.join('');
  await page.getByRole('link', { name: 'Import & export' }).click();
  await page.getByLabel('Import files').setInputFiles({
    name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.getByRole('link', { name: 'Huge Notes Ltd' }).click();

  panel = await openSharePanel(page);
  await panel.getByText(/more than browsers reliably open \(64,000\): send the account file instead/).waitFor();
  assert.equal(await panel.getByLabel('Link to this plan').count(), 0, 'no link is offered');
  assert.equal(await panel.getByRole('button', { name: 'Copy link' }).count(), 0);
  const [fallback] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download the account file (JSON)' }).click(),
  ]);
  const saved = JSON.parse(await readFile(await fallback.path(), 'utf8'));
  assert.equal(saved.account.name, 'Huge Notes Ltd');
  assertNoErrors(page, assert);
  await context.close();
});

test('from the single file (file://), a link made there opens there as an import preview', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await page.goto(`file://${SINGLE}`);
  await page.getByRole('link', { name: 'Lumina Learning' }).click();
  const panel = await openSharePanel(page);
  const link = await panel.getByLabel('Link to this plan').inputValue();
  assert.ok(link.startsWith(`file://${SINGLE}#share=1.`), link);
  await context.close();

  const fresh = await browser.newContext();
  const other = await openPage(fresh);
  await other.goto(link);
  await other.getByRole('heading', { name: 'Review “Shared link” before importing' }).waitFor();
  assert.equal(new URL(other.url()).hash, '', 'the fragment is cleared');
  await other.getByRole('table', { name: 'Accounts in the file' })
    .getByRole('rowheader', { name: 'Lumina Learning' }).waitFor();
  assertNoErrors(other, assert);
  await fresh.close();
});
