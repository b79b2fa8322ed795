// The pictures of a plan on the demo workspace: the relationship map shows every contact
// and reporting line and opens a contact from its box; the white-space heatmap adds up
// by unit and by offering; "Print plan" prints every section, without the app around it,
// on a few pages.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { openPage, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

const SHOTS = new URL('../screenshots/', import.meta.url).pathname;
const SINGLE = new URL('../../dist-single/account-planner.html', import.meta.url).pathname;

serveApp();
before(async () => {
  await mkdir(SHOTS, { recursive: true });
});

const sections = (page) => page.getByRole('navigation', { name: 'Plan sections' });

async function openSection(page, name) {
  await sections(page).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

async function openHarborview(page) {
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Harborview Health Network' }).click();
  await page.getByRole('heading', { name: 'Harborview Health Network', level: 1 }).waitFor();
}

test('the relationship map draws every contact and line, and a box opens its contact', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openPage(context);
  await openHarborview(page);
  await openSection(page, 'Relationship map');

  const map = page.getByRole('group', { name: /^Relationship map of Harborview Health Network: 9 contacts, 8 reporting lines/ });
  await map.waitFor();
  assert.equal(await map.getByRole('link').count(), 9, 'a box per contact');
  assert.equal(await page.locator('.org-lines path').count(), 8, 'a line per reports-to');
  // Every box names the contact, their stance and role, whom they report to and our owner.
  const grace = map.getByRole('link', { name: /^Grace Liu,/ });
  const described = await grace.getAttribute('aria-label');
  assert.match(described, /IT Infrastructure Manager, Champion, Coach \/ champion, reports to Nadia Okonkwo, our owner /);
  // Bosses are drawn above their reports.
  const top = async (name) => (await map.getByRole('link', { name: new RegExp(`^${name},`) }).boundingBox()).y;
  assert.ok((await top('Elaine Marsh')) < (await top('Nadia Okonkwo')));
  assert.ok((await top('Nadia Okonkwo')) < (await top('Grace Liu')));
  await page.getByRole('group', { name: 'Legend' }).getByText('Decision maker').waitFor();
  await page.screenshot({ path: `${SHOTS}relationship-map.png`, fullPage: true });

  // The same map as a list, for reading without the picture.
  await page.getByText('The map as a list').click();
  await page.getByRole('listitem').filter({ hasText: /^Lea Santos — Data Analyst/ }).waitFor();

  // From the keyboard: focus a box and press Enter.
  await map.getByRole('link', { name: /^Raymond Cho,/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Contacts & interactions', level: 2 }).waitFor();
  assert.match(page.url(), /section=contacts#card-/);
  await page.waitForFunction(() => document.activeElement?.classList.contains('entity'));
  const focused = page.locator('.entity:focus');
  assert.equal(await focused.getByLabel('Name', { exact: true }).inputValue(), 'Raymond Cho');

  // Back to the map and a click on another box.
  await page.goBack();
  await page.getByRole('heading', { name: 'Relationship map', level: 2 }).waitFor();
  await map.getByRole('link', { name: /^Marco Bellini,/ }).click();
  await page.getByRole('heading', { name: 'Contacts & interactions', level: 2 }).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('entity'));
  assert.equal(await page.locator('.entity:focus').getByLabel('Name', { exact: true }).inputValue(), 'Marco Bellini');
  assertNoErrors(page, assert);
  await context.close();
});

test('the white-space heatmap colours cells by status and totals units and offerings', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await openPage(context);
  await openHarborview(page);
  await openSection(page, 'White space');

  const heat = page.getByRole('table', { name: 'White space by business unit and offering, with totals' });
  await heat.waitFor();
  const row = (name) => heat.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const cells = async (name) => row(name).getByRole('cell').allInnerTexts();
  // Core platform, Analytics, Premium support, Professional services, Total, To win.
  assert.deepEqual((await cells('Main hospital')).slice(-2), ['1.2M', '–']);
  assert.deepEqual((await cells('Community clinics')).slice(-2), ['390K', '90K']);
  assert.deepEqual((await cells('Shared services')).slice(-2), ['130K', '130K']);
  assert.deepEqual(await cells('Total'), ['1.2M', '250K', '210K', '60K', '1.72M', '220K']);
  assert.deepEqual((await cells('To win')).slice(0, 4), ['–', '70K', '90K', '60K']);
  // The competitor's cell names the competitor and is marked in words, not colour only.
  const rival = row('Shared services').getByRole('cell').nth(3);
  assert.match(await rival.innerText(), /Competitor[\s\S]*60K[\s\S]*Keystone Data/);
  assert.match(await rival.getAttribute('class'), /hm-competitor/);
  assert.match(await row('Main hospital').getByRole('cell').first().getAttribute('class'), /hm-sold heat-4/);
  await page.getByRole('group', { name: 'Legend' }).getByText('Held by a competitor').waitFor();

  // An edit in the grid below updates the heatmap.
  await page.getByLabel('Status of Main hospital × Professional services').selectOption({ label: 'Open opportunity' });
  await page.getByLabel('Value of Main hospital × Professional services').fill('100000');
  await page.getByLabel('Value of Main hospital × Professional services').press('Tab');
  await page.waitForFunction(() => [...document.querySelectorAll('.heatmap tfoot td')].some((td) => td.innerText === '1.82M'));
  assert.deepEqual((await cells('Main hospital')).slice(-2), ['1.3M', '100K']);
  await page.screenshot({ path: `${SHOTS}white-space-heatmap.png`, fullPage: true });
  assertNoErrors(page, assert);
  await context.close();
});

test('"Print plan" prints every section with the charts, without the app around it, on a few pages', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Count the print dialogs instead of opening one.
  await context.addInitScript(() => {
    window.__prints = 0;
    window.print = () => {
      window.__prints += 1;
    };
  });
  const page = await openPage(context);
  await openHarborview(page);
  await page.getByRole('button', { name: 'Print plan' }).click();
  await page.waitForFunction(() => window.__prints === 1);
  assert.match(page.url(), /section=print/);

  const parts = [
    'Scorecard',
    'Overview & revenue',
    'Contract & renewal',
    'Customer goals & initiatives',
    'Success measures',
    'Feedback',
    'Contacts & interactions',
    'Relationship map',
    'White space',
    'Opportunities',
    'Actions',
    'Cadence',
    'Internal team',
  ];
  for (const name of parts) await page.getByRole('heading', { name, level: 2, exact: true }).waitFor();
  await page.screenshot({ path: `${SHOTS}print-view.png`, fullPage: true });

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false, 'the app navigation is hidden');
  assert.equal(await sections(page).isVisible(), false, 'the plan sections navigation is hidden');
  assert.equal(await page.getByRole('button', { name: 'Print plan' }).isVisible(), false, 'buttons are hidden');
  assert.equal(await page.getByRole('region', { name: 'Demo data' }).isVisible(), false, 'banners are hidden');
  for (const name of parts) {
    assert.ok(await page.getByRole('heading', { name, level: 2, exact: true }).isVisible(), `${name} prints`);
  }
  assert.ok(await page.locator('svg.org-chart').isVisible(), 'the relationship map prints');
  assert.ok(await page.locator('svg.trend-chart').isVisible(), 'the trend chart prints');
  assert.ok(await page.locator('table.heatmap').isVisible(), 'the heatmap prints');
  await page.screenshot({ path: `${SHOTS}print-media.png`, fullPage: true });

  const pages = async (format) => {
    const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
    return (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  };
  const a4 = await pages('A4');
  const letter = await pages('Letter');
  t.diagnostic(`the plan prints on ${a4} A4 pages, ${letter} Letter pages`);
  assert.ok(a4 >= 3 && a4 <= 7, `A4 pages: ${a4}`);
  assert.ok(letter >= 3 && letter <= 7, `Letter pages: ${letter}`);

  // The print view's own button prints too.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('region', { name: 'Print' }).getByRole('button', { name: 'Print' }).click();
  await page.waitForFunction(() => window.__prints === 2);
  assertNoErrors(page, assert);
  await context.close();
});

test('from the single file (file://), a box of the map opens its contact and "Print plan" shows the print view', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.print = () => {
      window.__printed = true;
    };
  });
  const page = await openPage(context);
  await page.goto(`file://${SINGLE}`);
  await page.getByRole('link', { name: 'Brightwell Foods' }).click();
  await page.getByRole('heading', { name: 'Brightwell Foods', level: 1 }).waitFor();
  await openSection(page, 'Relationship map');
  await page.getByRole('link', { name: /^Jamie Fletcher,.*reports to Irene Kowalczyk/ }).click();
  await page.getByRole('heading', { name: 'Contacts & interactions', level: 2 }).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('entity'));
  assert.equal(await page.locator('.entity:focus').getByLabel('Name', { exact: true }).inputValue(), 'Jamie Fletcher');
  await page.getByRole('button', { name: 'Print plan' }).click();
  await page.waitForFunction(() => window.__printed === true);
  await page.getByRole('heading', { name: 'Relationship map', level: 2 }).waitFor();
  await page.getByRole('heading', { name: 'White space', level: 2 }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});
