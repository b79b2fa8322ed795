// Security in the browser: the strict Content Security Policy is in force (an injected
// inline script does not run, and the app itself never trips it); hostile text typed into
// the plan is shown as text, never as markup, and survives export and import exactly.
// Every page here (as in every spec) fails on a request to another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, assertNoErrors, startEmpty } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

const SINGLE = new URL('../../dist-single/account-planner.html', import.meta.url).pathname;

serveApp();

/** Injects an inline script the way an attacker's markup would; true if it ran. */
const injectedScriptRuns = (page) => page.evaluate(() => {
  const s = document.createElement('script');
  s.textContent = 'window.__injected = true;';
  document.body.append(s);
  return window.__injected === true;
});

for (const [where, open] of [
  ['served', (page) => page.goto(server.url)],
  ['single file', (page) => page.goto(`file://${SINGLE}`)],
]) {
  test(`the ${where} app runs under a strict policy that blocks injected scripts`, async () => {
    const context = await browser.newContext();
    const page = await openPage(context);
    await open(page);
    await page.getByRole('region', { name: 'Demo data' }).waitFor();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(policy, /object-src 'none'/);
    assert.match(policy, /base-uri 'none'/);
    assert.match(policy, /form-action 'none'/);
    assert.match(policy, /script-src [^;]*'wasm-unsafe-eval'/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    assertNoErrors(page, assert); // the app itself trips nothing

    assert.equal(await injectedScriptRuns(page), false, 'an injected inline script is blocked');
    // The violation is reported asynchronously.
    for (let i = 0; i < 40 && !page.errors.some((e) => e.includes('CSP violation')); i++) {
      await page.waitForTimeout(50);
    }
    assert.ok(page.errors.some((e) => e.includes('CSP violation')), `and reported: ${page.errors}`);
    await context.close();
  });
}

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '</textarea><script>window.__pwned=2</script>',
  'javascript:window.__pwned=3',
  '\u202Egnp.exe\u202C invoice',
  'emoji 🧭🚀👩🏽‍💼',
  '=HYPERLINK("http://evil")',
];

test('hostile text is shown as text and survives export and import exactly', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  page.on('dialog', (d) => { page.errors.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
  await page.goto(server.url);
  await startEmpty(page);
  const name = HOSTILE[0];
  await page.getByLabel('Account name').fill(name);
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Contacts & interactions' }).click();
  await page.getByRole('button', { name: 'Add contact' }).click();
  const card = page.locator('.entity').last();
  await card.getByLabel('Name', { exact: true }).fill(HOSTILE[1]);
  const challenge = HOSTILE.slice(2).join(' | ') + ' ' + 'x'.repeat(100 * 1024);
  await card.getByLabel('Major challenge').fill(challenge);
  await page.getByRole('heading', { name: HOSTILE[1], level: 3 }).waitFor();

  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
  assert.equal(await page.locator('img[src="x"], .entity script').count(), 0, 'no markup was created');

  await page.waitForTimeout(300);
  await page.getByRole('link', { name: 'Import & export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  const file = await download.path();
  const exported = JSON.parse(await readFile(file, 'utf8'));
  const contact = exported.accounts[0].plan.contacts[0];
  assert.equal(exported.accounts[0].name, name);
  assert.equal(contact.name, HOSTILE[1]);
  assert.equal(contact.major_challenge, challenge);

  // Into a fresh browser profile: the same text comes back.
  const other = await browser.newContext();
  const page2 = await openPage(other);
  page2.on('dialog', (d) => { page2.errors.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
  await page2.goto(`${server.url}?page=data`);
  await page2.getByLabel('Import files').setInputFiles(file);
  await page2.getByRole('button', { name: 'Import', exact: true }).click();
  await page2.getByRole('link', { name: 'Portfolio' }).first().click();
  await page2.getByRole('link', { name }).click();
  await page2.getByRole('link', { name: 'Contacts & interactions' }).click();
  await page2.getByRole('heading', { name: HOSTILE[1], level: 3 }).waitFor();
  assert.equal(await page2.getByLabel('Major challenge').inputValue(), challenge);
  assert.equal(await page2.evaluate(() => window.__pwned), undefined);
  assertNoErrors(page, assert);
  assertNoErrors(page2, assert);
  await context.close();
  await other.close();
});
