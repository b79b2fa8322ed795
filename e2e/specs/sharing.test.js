// Team sharing by files: a leader and an account manager edit one account, exchange
// exported files, and lose no edit; a true conflict is settled each way; a roll-up of
// three files comes in as one preview.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, assertNoErrors, addAccount } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

const section = (page, name) => page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name, exact: true });
const newest = (page) => page.locator('.entity').last();

async function openSection(page, account, name) {
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.getByRole('link', { name: account }).click();
  await section(page, name).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

/** Exports the workspace from the Import & export page; returns the file's path (kept
 * after its browser context closes). */
async function exportWorkspace(page) {
  await page.getByRole('link', { name: 'Import & export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  const path = join(await mkdtemp(join(tmpdir(), 'ap-share-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** Picks `files` for import and waits for the preview. */
async function pickForImport(page, files) {
  await page.getByRole('link', { name: 'Import & export' }).click();
  await page.getByLabel('Import files').setInputFiles(files);
  await page.getByRole('heading', { name: /Review .* before importing/ }).waitFor();
}

async function confirmImport(page) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
}

async function addContact(page, account, name) {
  await openSection(page, account, 'Contacts & interactions');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await newest(page).getByLabel('Name', { exact: true }).fill(name);
  await newest(page).getByLabel('Name', { exact: true }).press('Tab');
}

/** Sets the title of the account's one contact. */
async function setTitle(page, account, title) {
  await openSection(page, account, 'Contacts & interactions');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Title').press('Tab');
}

/** A manager with account "Initech" and contact Ann Lee, and a leader who imported it. */
async function leaderAndManager() {
  const manager = await openApp(browser, server.url, { empty: true, downloads: true });
  await addAccount(manager.page, 'Initech');
  await addContact(manager.page, 'Initech', 'Ann Lee');
  const first = await exportWorkspace(manager.page);
  const leader = await openApp(browser, server.url, { empty: true, downloads: true });
  await pickForImport(leader.page, first);
  await confirmImport(leader.page);
  return { manager, leader };
}

test('the leader and the manager edit different entities of one account, and both edits are kept', async () => {
  const { manager, leader } = await leaderAndManager();
  await openSection(leader.page, 'Initech', 'Customer goals & initiatives');
  await leader.page.getByText('Add goal').click();
  await newest(leader.page).getByLabel('Goal', { exact: true }).fill('Expand to the Nordics');
  await newest(leader.page).getByLabel('Goal', { exact: true }).press('Tab');
  await addContact(manager.page, 'Initech', 'Raj Patel');
  const second = await exportWorkspace(manager.page);

  await pickForImport(leader.page, second);
  assert.equal(await leader.page.getByRole('heading', { name: /Conflicts/ }).count(), 0, 'no question asked');
  await leader.page.getByRole('row', { name: /Initech 1 added/ }).waitFor();
  await confirmImport(leader.page);

  await openSection(leader.page, 'Initech', 'Customer goals & initiatives');
  assert.equal(await newest(leader.page).getByLabel('Goal', { exact: true }).inputValue(), 'Expand to the Nordics');
  await section(leader.page, 'Contacts & interactions').click();
  const names = await leader.page.getByLabel('Name', { exact: true }).evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(names.sort(), ['Ann Lee', 'Raj Patel']);
  await leader.page.reload();
  await leader.page.getByRole('heading', { name: 'Contacts & interactions', level: 2 }).waitFor();
  assert.equal(await leader.page.getByLabel('Name', { exact: true }).count(), 2, 'kept across a reload');
  assertNoErrors(leader.page, assert);
  await manager.context.close();
  await leader.context.close();
});

test('a true conflict is shown field by field and settled each way', async () => {
  const { manager, leader } = await leaderAndManager();
  await setTitle(leader.page, 'Initech', 'CFO');
  await setTitle(manager.page, 'Initech', 'CEO');
  const file = await exportWorkspace(manager.page);

  await pickForImport(leader.page, file);
  const conflict = leader.page.getByRole('group', { name: 'Contact “Ann Lee” in Initech' });
  await conflict.getByRole('row', { name: 'title CFO CEO' }).waitFor();
  assert.ok(await conflict.getByLabel('Keep mine').isChecked(), 'mine by default');
  await conflict.getByLabel('Take theirs').check();
  await confirmImport(leader.page);
  await openSection(leader.page, 'Initech', 'Contacts & interactions');
  assert.equal(await leader.page.getByLabel('Title').inputValue(), 'CEO');

  // The other way: both change it again, and the leader keeps hers.
  await setTitle(leader.page, 'Initech', 'COO');
  await setTitle(manager.page, 'Initech', 'CTO');
  const again = await exportWorkspace(manager.page);
  await pickForImport(leader.page, again);
  await leader.page.getByRole('group', { name: 'Contact “Ann Lee” in Initech' }).waitFor();
  await confirmImport(leader.page);
  await openSection(leader.page, 'Initech', 'Contacts & interactions');
  assert.equal(await leader.page.getByLabel('Title').inputValue(), 'COO');

  // Importing the same file again asks nothing more.
  await pickForImport(leader.page, again);
  assert.equal(await leader.page.getByRole('heading', { name: /Conflicts/ }).count(), 0);
  assertNoErrors(leader.page, assert);
  await manager.context.close();
  await leader.context.close();
});

test("a leader rolls up three managers' files in one preview", async () => {
  const files = [];
  for (const name of ['Acme Freight', 'Globex Energy', 'Hooli Media']) {
    const m = await openApp(browser, server.url, { empty: true, downloads: true });
    await addAccount(m.page, name);
    files.push(await exportWorkspace(m.page));
    await m.context.close();
  }
  const leader = await openApp(browser, server.url, { empty: true });
  await addAccount(leader.page, 'Own Account');
  await pickForImport(leader.page, files);
  await leader.page.getByRole('heading', { name: 'Review 3 files before importing' }).waitFor();
  const rows = leader.page.getByRole('table', { name: 'Accounts in the file' }).getByRole('row');
  assert.equal(await rows.count(), 4, 'a header and one row per account of the three files');
  await confirmImport(leader.page);
  await leader.page.getByRole('link', { name: 'Portfolio' }).first().click();
  for (const name of ['Own Account', 'Acme Freight', 'Globex Energy', 'Hooli Media']) {
    await leader.page.getByRole('link', { name }).waitFor();
  }
  assertNoErrors(leader.page, assert);
  await leader.context.close();
});

test('reading large files shows progress and can be cancelled, changing nothing', async () => {
  // Six files of about 6 MB (200 accounts of 200 contacts each).
  const file = (k) => {
    const accounts = Array.from({ length: 200 }, (_, i) => ({
      id: `acc-${k}-${i}`,
      name: `Big ${k}-${i}`,
      plan: {
        contacts: Array.from({ length: 200 }, (_, j) => ({ id: `con-${k}-${i}-${j}`, name: `Person ${j}`, notes: 'n'.repeat(100) })),
      },
    }));
    const json = JSON.stringify({ kind: 'workspace', schema_version: 3, id: `ws-big-${k}`, name: `Big ${k}`, accounts });
    return { name: `big-${k}.json`, mimeType: 'application/json', buffer: Buffer.from(json) };
  };
  const files = Array.from({ length: 6 }, (_, k) => file(k + 1));
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Mine');
  await page.getByRole('link', { name: 'Import & export' }).click();
  await page.getByLabel('Import files').setInputFiles(files);
  await page.getByRole('status').filter({ hasText: /Reading file \d of 6/ }).waitFor();
  await page.getByRole('progressbar', { name: 'Files read' }).waitFor();
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await page.getByRole('status').filter({ hasText: /Reading file/ }).waitFor({ state: 'detached' });
  await page.waitForTimeout(1500);
  assert.equal(await page.getByRole('heading', { name: /before importing/ }).count(), 0, 'no preview after a cancel');
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.getByRole('link', { name: 'Mine' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /^Big / }).count(), 0, 'nothing imported');
  assertNoErrors(page, assert);
  await context.close();
});
