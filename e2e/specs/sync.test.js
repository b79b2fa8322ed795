// Team sync through CouchDB: two browsers (contexts) sign in to one team database on the
// test server (pouchdb-server, started here), served from the app's own origin through a
// reverse proxy as docs/sync.md recommends. Edits to different accounts and to different
// entities of one account sync with no question; the same entity edited offline on both
// sides shows the conflict preview; an offline edit syncs on reconnect; a wrong password
// is told in words; the server stopped during a sync is retried later, and nothing is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertNoErrors, addAccount } from '../lib/browser.js';
import { launch } from '../lib/browser.js';
import { startCouch, serveWithProxy, USERS } from '../lib/couch.js';

let couch;
let server;
let browser;

before(async () => {
  couch = await startCouch();
  server = await serveWithProxy(new URL('../../dist', import.meta.url).pathname, couch);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await couch?.stop();
});

const section = (page, name) => page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name, exact: true });
const status = (page) => page.locator('.sync-status').getByRole('status');

async function openSection(page, account, name) {
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.getByRole('link', { name: account }).click();
  await section(page, name).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

async function openSync(page) {
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await page.getByRole('heading', { name: 'Team sync' }).waitFor();
}

async function signIn(page, user, password = USERS[user].password) {
  await openSync(page);
  await page.getByLabel('Server address').fill(server.couchUrl);
  await page.getByLabel('Team database').fill('team');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in and sync' }).click();
}

/** Syncs now from the settings and waits for the sync to end. */
async function syncNow(page) {
  await openSync(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await waitSynced(page);
}

async function waitSynced(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('.sync-status [role=status]')?.textContent ?? '';
    return s.includes('Last synced') && !s.includes('Syncing');
  });
}

async function addContact(page, account, name) {
  await openSection(page, account, 'Contacts & interactions');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.locator('.entity').last().getByLabel('Name', { exact: true }).fill(name);
  await page.locator('.entity').last().getByLabel('Name', { exact: true }).press('Tab');
}

async function setField(page, account, sectionName, label, value) {
  await openSection(page, account, sectionName);
  await page.getByLabel(label, { exact: true }).first().fill(value);
  await page.getByLabel(label, { exact: true }).first().press('Tab');
}

async function fieldValue(page, account, sectionName, label) {
  await openSection(page, account, sectionName);
  return page.getByLabel(label, { exact: true }).first().inputValue();
}

/** Ann (a leader) with two accounts, one with a contact, synced; Bob signed in and synced. */
let round = 0;
async function annAndBob() {
  round += 1;
  const [acme, globex] = [`Acme ${round}`, `Globex ${round}`];
  const ann = await openApp(browser, server.url, { empty: true });
  await addAccount(ann.page, acme);
  await addAccount(ann.page, globex);
  await addContact(ann.page, acme, 'Ann Lee');
  await signIn(ann.page, 'ann');
  await waitSynced(ann.page);
  const bob = await openApp(browser, server.url, { empty: true });
  await signIn(bob.page, 'bob');
  await waitSynced(bob.page);
  await bob.page.getByRole('link', { name: 'Portfolio' }).first().click();
  await bob.page.getByRole('link', { name: acme }).waitFor();
  return { ann, bob, acme, globex };
}

test('edits to different accounts and to different entities of one account sync with no question', async () => {
  const { ann, bob, acme, globex } = await annAndBob();
  await setField(ann.page, acme, 'Contacts & interactions', 'Title', 'CFO');
  await addContact(bob.page, acme, 'Raj Patel');
  await addContact(bob.page, globex, 'Mia Wong');
  await syncNow(ann.page);
  await syncNow(bob.page);
  await syncNow(ann.page);
  for (const { page } of [ann, bob]) {
    assert.equal(await page.getByRole('heading', { name: /Review the changes/ }).count(), 0, 'no question');
    await openSection(page, acme, 'Contacts & interactions');
    const names = await page.getByLabel('Name', { exact: true }).evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(names.sort(), ['Ann Lee', 'Raj Patel']);
    assert.equal(await page.getByLabel('Title').first().inputValue(), 'CFO');
    await openSection(page, globex, 'Contacts & interactions');
    assert.equal(await page.getByLabel('Name', { exact: true }).first().inputValue(), 'Mia Wong');
  }
  // Kept across a reload, and the sync resumes by itself.
  await bob.page.reload();
  await bob.page.getByRole('link', { name: 'Portfolio' }).first().click();
  await bob.page.getByRole('link', { name: acme }).waitFor();
  await openSync(bob.page);
  await status(bob.page).getByText('Signed in as bob').waitFor();
  assertNoErrors(ann.page, assert);
  assertNoErrors(bob.page, assert);
  await ann.context.close();
  await bob.context.close();
});

test('the same entity edited offline on both sides shows the conflict preview; an offline edit syncs on reconnect', async () => {
  const { ann, bob, acme } = await annAndBob();
  await ann.context.setOffline(true);
  await bob.context.setOffline(true);
  await setField(ann.page, acme, 'Contacts & interactions', 'Title', 'CFO');
  await setField(bob.page, acme, 'Contacts & interactions', 'Title', 'CEO');
  // Back online: the app syncs by itself.
  await ann.context.setOffline(false);
  await openSync(ann.page);
  await ann.page.getByText('No changes waiting.').waitFor();
  await bob.context.setOffline(false);
  await openSync(bob.page);
  await bob.page.getByRole('heading', { name: 'Review the changes from the team database “team” before applying them' }).waitFor();
  const conflict = bob.page.getByRole('group', { name: `Contact “Ann Lee” in ${acme}` });
  await conflict.getByRole('row', { name: 'title CEO CFO' }).waitFor();
  await conflict.getByLabel('Take theirs').check();
  await bob.page.getByRole('button', { name: 'Apply' }).click();
  await bob.page.getByRole('heading', { name: /Review the changes/ }).waitFor({ state: 'detached' });
  assert.equal(await fieldValue(bob.page, acme, 'Contacts & interactions', 'Title'), 'CFO');
  // Bob's next edit reaches Ann with no question.
  await setField(bob.page, acme, 'Contacts & interactions', 'Title', 'COO');
  await syncNow(bob.page);
  await syncNow(ann.page);
  assert.equal(await ann.page.getByRole('heading', { name: /Review the changes/ }).count(), 0);
  assert.equal(await fieldValue(ann.page, acme, 'Contacts & interactions', 'Title'), 'COO');
  await ann.context.close();
  await bob.context.close();
});

test('a wrong password gets a clear message, and nothing is lost', async () => {
  const ann = await openApp(browser, server.url, { empty: true });
  await addAccount(ann.page, 'Initech');
  await signIn(ann.page, 'ann', 'not-her-password');
  await ann.page.getByRole('alert').filter({ hasText: 'Wrong user name or password.' }).waitFor();
  await status(ann.page).getByText('Sync is off.').waitFor();
  assert.equal(await ann.page.getByLabel('Password').inputValue(), '', 'the password is not kept in the form');
  const stored = await ann.page.evaluate(() => JSON.stringify(localStorage));
  assert.ok(!stored.includes('not-her-password'), 'the password is never stored');
  await ann.page.getByRole('link', { name: 'Portfolio' }).first().click();
  await ann.page.getByRole('link', { name: 'Initech' }).waitFor();
  // The only errors: the server's 401 to the sign-in.
  assert.deepEqual(ann.page.errors.filter((e) => !e.includes('401')), []);
  await ann.context.close();
});

test('the server stopped during a sync: retried later, nothing lost', async () => {
  const { ann, bob, acme } = await annAndBob();
  await couch.stop();
  await setField(ann.page, acme, 'Contacts & interactions', 'Title', 'CTO');
  await openSync(ann.page);
  await ann.page.getByRole('button', { name: 'Sync now' }).click();
  await ann.page.getByRole('alert').filter({ hasText: 'cannot be reached' }).waitFor();
  await ann.page.getByText('Changes waiting to be sent: 1.').waitFor();
  await couch.start();
  // The retry comes by itself (backoff), without a click.
  await ann.page.getByText('No changes waiting.').waitFor({ timeout: 60_000 });
  assert.equal(await ann.page.getByRole('alert').count(), 0);
  await syncNow(bob.page);
  assert.equal(await fieldValue(bob.page, acme, 'Contacts & interactions', 'Title'), 'CTO');
  await ann.context.close();
  await bob.context.close();
});
