// Data portability: export the workspace, import it into a fresh browser; a broken
// file is refused with its problems and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, openPage, assertNoErrors, startEmpty, addAccount } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

/**
 * Copies the downloaded file `path` aside, closes `context` (after checking its page had no
 * errors), and opens the file's import preview in a fresh browser (a first visit: the demo
 * shows). Returns the fresh context and its page.
 */
async function previewInFreshBrowser(page, context, path) {
  // (Clearing storage under the open page would not do: the page writes back what it holds.)
  const kept = join(await mkdtemp(join(tmpdir(), 'ap-export-')), 'workspace.json');
  await copyFile(path, kept);
  assertNoErrors(page, assert);
  await context.close();
  const fresh = await browser.newContext();
  const next = await openPage(fresh);
  await next.goto(server.url);
  await next.getByRole('region', { name: 'Demo data' }).waitFor();
  await next.getByRole('link', { name: 'Import & export' }).click();
  await next.getByLabel('Import files').setInputFiles(kept);
  await next.getByRole('heading', { name: /Review .* before importing/ }).waitFor();
  return { fresh, page: next };
}

/** Our keys in localStorage, as an object. */
const stored = (page) => page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).filter((k) => k.startsWith('account-planner/')).map((k) => [k, localStorage.getItem(k)]),
));

test('a workspace exported and imported into a fresh browser comes back whole', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  let page = await openPage(context);
  await page.goto(server.url);
  await startEmpty(page);
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await addAccount(page, 'Soylent Foods');
  await addAccount(page, 'Tyrell Systems');

  await page.getByRole('link', { name: 'Import & export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^account-planner-workspace-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.schema_version, 3);
  assert.deepEqual(exported.accounts.map((a) => a.name).sort(), ['Soylent Foods', 'Tyrell Systems']);

  // Into a fresh browser (a first visit: the demo shows), where an import replaces the demo.
  let fresh;
  ({ fresh, page } = await previewInFreshBrowser(page, context, file));
  await page.getByText("The demo accounts are replaced by this file's.").waitFor();
  const rows = page.getByRole('table', { name: 'Accounts in the file' }).getByRole('row');
  assert.equal(await rows.count(), 3, 'a header and one row per account');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();

  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.getByRole('link', { name: 'Soylent Foods' }).waitFor();
  await page.getByRole('link', { name: 'Tyrell Systems' }).waitFor();
  await page.reload();
  await page.getByRole('link', { name: 'Tyrell Systems' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Harborview Health Network' }).count(), 0, 'the demo is gone');
  assert.equal(await page.getByRole('region', { name: 'Demo data' }).count(), 0, 'and so is its banner');
  assertNoErrors(page, assert);
  await fresh.close();
});

test('a broken file is refused with the path of each problem and changes nothing', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Cyberdyne');
  await page.waitForTimeout(300); // the save
  const before = await stored(page);

  await page.getByRole('link', { name: 'Import & export' }).click();
  const bad = {
    kind: 'workspace', schema_version: 1,
    accounts: [{ id: 'acc-1', name: 'Bad', plan: { opportunities: [{ id: 'o1', name: 'Deal', probability: 1.7 }] } }],
  };
  await page.getByLabel('Import files').setInputFiles({
    name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)),
  });
  const alert = page.getByRole('alert').filter({ hasText: '“bad.json” was not imported.' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /accounts\[0\]\.plan\.opportunities\[0\]\.probability/);

  await page.getByLabel('Import files').setInputFiles({
    name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('this is not json {'),
  });
  await page.getByRole('alert').filter({ hasText: 'not valid JSON' }).waitFor();

  await page.getByLabel('Import files').setInputFiles({
    name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 99, "accounts": []}'),
  });
  await page.getByRole('alert').filter({ hasText: 'newer' }).waitFor();

  assert.deepEqual(await stored(page), before, 'storage is untouched');
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.getByRole('link', { name: 'Cyberdyne' }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});

test("an account's plan, contacts, opportunities and cadence download as files", async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true, downloads: true });
  await addAccount(page, 'Oscorp, Inc.');
  await page.getByRole('link', { name: 'Oscorp, Inc.' }).click();
  const exports = page.getByRole('group', { name: 'Export this account' });
  const fetchFile = async (button) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exports.getByRole('button', { name: button }).click(),
    ]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  const plan = await fetchFile('Export plan (JSON)');
  assert.match(plan.name, /^account-planner-oscorp-inc-\d{4}-\d{2}-\d{2}\.json$/);
  const parsed = JSON.parse(plan.text);
  assert.equal(parsed.kind, 'account');
  assert.equal(parsed.account.name, 'Oscorp, Inc.');

  const contacts = await fetchFile('Contacts (CSV)');
  assert.match(contacts.name, /contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.ok(contacts.text.startsWith('\uFEFF'), 'a BOM for spreadsheet apps');
  assert.match(contacts.text, /\r\n$/);
  const opportunities = await fetchFile('Opportunities (CSV)');
  assert.match(opportunities.name, /opportunities-\d{4}-\d{2}-\d{2}\.csv$/);
  const cadence = await fetchFile('Cadence (iCalendar)');
  assert.match(cadence.name, /cadence-\d{4}-\d{2}-\d{2}\.ics$/);
  assert.match(cadence.text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(cadence.text, /END:VCALENDAR\r\n$/);
  assertNoErrors(page, assert);
  await context.close();
});

test('a contact the plan refers to, once deleted, leaves an export that imports again', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  let page = await openPage(context);
  const exportWorkspace = async () => {
    await page.getByRole('link', { name: 'Import & export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export workspace' }).click(),
    ]);
    return download;
  };
  await page.goto(server.url);
  await page.getByRole('region', { name: 'Demo data' }).waitFor();
  const before = JSON.parse(await readFile(await (await exportWorkspace()).path(), 'utf8'));
  const harborview = (file) => file.accounts.find((a) => a.name === 'Harborview Health Network');
  const raymond = harborview(before).plan.contacts.find((c) => c.name === 'Raymond Cho').id;
  // He is named elsewhere in the plan: in interactions at least.
  assert.ok(JSON.stringify(harborview(before).plan.interactions).includes(`"${raymond}"`));

  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.getByRole('link', { name: 'Harborview Health Network' }).click();
  await page.getByRole('link', { name: 'Contacts & interactions' }).click();
  await page.getByRole('button', { name: 'Delete contact Raymond Cho' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted contact “Raymond Cho”.' }).waitFor();
  await page.waitForTimeout(300); // the save

  const download = await exportWorkspace();
  const after = JSON.parse(await readFile(await download.path(), 'utf8'));
  // Reviews keep their snapshots as they were (history, not references).
  const { reviews, ...plan } = harborview(after).plan;
  assert.ok(reviews.length > 0);
  assert.ok(!JSON.stringify(plan).includes(`"${raymond}"`), 'no reference to the deleted contact is left');
  assert.ok(harborview(after).plan.interactions.length > 0, 'the interactions stay');

  // Into a fresh browser: the file is accepted (its preview shows), not refused for a
  // dangling reference.
  let fresh;
  ({ fresh, page } = await previewInFreshBrowser(page, context, await download.path()));
  assertNoErrors(page, assert);
  await fresh.close();
});
