// The account practices in full depth, as a user works them: a success measure's values
// recorded on two days and drawn as a chart, with when its next check is due; each
// attendee's answer to a meeting and a meeting marked held on a picked day, which logs an
// interaction with its attendees; a revenue commitment agreed by a contact; a feedback item
// given a status and an action linked to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, addAccount, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

const section = (page, name) => page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name, exact: true });

async function open(page, name) {
  await section(page, name).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

/** The newest card of a list section. */
const newest = (page) => page.locator('.entity').last();

/** A fresh account, opened. */
async function start(name) {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, name);
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return { context, page };
}

async function addContact(page, name) {
  await page.getByRole('button', { name: 'Add contact' }).click();
  await newest(page).getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('heading', { name, level: 3 }).waitFor();
}

test('a measure keeps its values by date, draws them and says when the next check is due', async () => {
  const { context, page } = await start('Initech');
  await open(page, 'Success measures');
  await page.getByRole('button', { name: 'Add success measure' }).click();
  const card = newest(page);
  await card.getByLabel('Measure', { exact: true }).fill('Uptime');
  await card.getByLabel('Target').fill('99.9');
  await card.getByText('Never checked: check due now').waitFor();
  assert.equal(await card.getByRole('img').count(), 0, 'no chart before a value');

  // The later value first: the history still reads in date order.
  await card.getByLabel('Value measured').fill('99.8');
  await card.getByLabel('Measured on').fill('2025-04-15');
  await card.getByRole('button', { name: 'Record value' }).click();
  await card.getByLabel('Value measured').fill('99.5');
  await card.getByLabel('Measured on').fill('2025-01-15');
  await card.getByRole('button', { name: 'Record value' }).click();

  const chart = card.getByRole('img', { name: 'Values of Uptime' });
  await chart.waitFor();
  assert.match(await chart.locator('desc').textContent(), /2 values from 2025-01-15 to 2025-04-15; latest 99\.8 on 2025-04-15; target 99\.9/);
  const values = card.getByRole('table', { name: 'Recorded values of Uptime' });
  const rows = await values.getByRole('row').allInnerTexts();
  assert.deepEqual(rows.slice(1).map((r) => r.split('\t').slice(0, 2).join(' ').trim()), ['2025-04-15 99.8', '2025-01-15 99.5']);
  // The latest value is the current one; checked quarterly from 15 April: due 92 days on.
  assert.equal(await card.getByLabel('Current value').inputValue(), '99.8');
  await card.getByText('Check due since 2025-07-16').waitFor();

  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('heading', { name: 'Success measures', level: 2 }).waitFor();
  await newest(page).getByRole('img', { name: 'Values of Uptime' }).waitFor();
  assert.equal(await newest(page).getByRole('table', { name: 'Recorded values of Uptime' }).getByRole('row').count(), 3);
  assertNoErrors(page, assert);
  await context.close();
});

test('each attendee answers a meeting, and marking it held on a picked day logs an interaction', async () => {
  const { context, page } = await start('Globex');
  await open(page, 'Internal team');
  await page.getByLabel('New team member').fill('Sam Rivera');
  await page.getByRole('button', { name: 'Add to team' }).click();
  await open(page, 'Contacts & interactions');
  await addContact(page, 'Ann Lee');
  await addContact(page, 'Raj Patel');

  await open(page, 'Cadence');
  await page.getByRole('button', { name: 'Add meeting' }).click();
  const card = newest(page);
  await card.getByLabel('Meeting', { exact: true }).fill('Quarterly business review');
  await card.getByText('Attendees: none yet').click();
  await card.getByRole('group', { name: 'Customer attendees' }).getByLabel('Ann Lee').check();
  await card.getByRole('group', { name: 'Customer attendees' }).getByLabel('Raj Patel').check();
  await card.getByRole('group', { name: 'Our attendees' }).getByLabel('Sam Rivera').check();
  await card.getByLabel('Answer of Ann Lee').selectOption({ label: 'Accepted' });
  await card.getByLabel('Answer of Raj Patel').selectOption({ label: 'Declined' });
  await card.getByLabel('Answer of Sam Rivera').selectOption({ label: 'Tentative' });
  await card.getByText('Accepted by 1 of 3 attendees').waitFor();
  assert.equal(await card.getByLabel('Accepted by all parties').count(), 0, 'the answers decide, not the checkbox');
  await card.getByLabel('Answer of Sam Rivera').selectOption({ label: 'Accepted' });
  await card.getByText('Accepted by 2 of 3 attendees').waitFor();

  await card.getByLabel('Held on').fill('2025-03-10');
  await card.getByRole('button', { name: 'Mark held' }).click();
  await card.getByRole('button', { name: 'Remove held date 2025-03-10' }).waitFor();

  // The scorecard names who has not accepted.
  await section(page, 'Scorecard').click();
  await page.getByRole('link', { name: 'Quarterly business review: Raj Patel has not accepted' }).waitFor();

  await open(page, 'Contacts & interactions');
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Quarterly business review held' }) });
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /2025-03-10/);
  assert.match(text, /Meeting/);
  assert.match(text, /Ann Lee/);
  assert.match(text, /Raj Patel/);

  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('heading', { name: 'Contacts & interactions', level: 2 }).waitFor();
  await page.getByRole('cell', { name: 'Quarterly business review held' }).waitFor();
  await open(page, 'Cadence');
  await newest(page).getByText('Attendees: Ann Lee, Raj Patel').click();
  assert.equal(await newest(page).getByLabel('Answer of Raj Patel').locator('option:checked').innerText(), 'Declined');
  assertNoErrors(page, assert);
  await context.close();
});

test('a commitment agreed by a contact, and an action that answers a feedback item', async () => {
  const { context, page } = await start('Hooli');
  await open(page, 'Contacts & interactions');
  await addContact(page, 'Ann Lee');

  await open(page, 'Overview & revenue');
  await page.getByLabel('Revenue commitment').fill('1,200,000');
  await page.getByText('Not agreed with the customer yet.').waitFor();
  await page.getByLabel('Commitment agreed by').selectOption({ label: 'Ann Lee' });
  await page.getByLabel('Agreed on').fill('2025-01-20');
  await page.getByText('Agreed by Ann Lee on 2025-01-20.').waitFor();

  await open(page, 'Feedback');
  await page.getByRole('button', { name: 'Add to “Start doing”' }).click();
  await newest(page).getByLabel('What', { exact: true }).fill('Quarterly roadmap preview');
  await newest(page).getByLabel('Status').selectOption({ label: 'In progress' });
  await newest(page).getByLabel('Response').fill('First preview in March');
  await newest(page).getByText('No action answers it yet.').waitFor();

  await open(page, 'Actions');
  for (const [title, impact] of [['Prepare the roadmap deck', 'High'], ['Refresh the logo on slides', 'Low'], ['Book the venue', null]]) {
    await page.getByRole('button', { name: 'Add action' }).click();
    await newest(page).getByLabel('What', { exact: true }).fill(title);
    if (impact) await newest(page).getByLabel('Impact').selectOption({ label: impact });
  }
  const deck = page.locator('.entity').filter({ has: page.getByRole('heading', { name: 'Prepare the roadmap deck' }) });
  await deck.getByLabel('Answers feedback').selectOption({ label: 'Start doing: Quarterly roadmap preview' });

  // Filter and sort by impact.
  await page.getByLabel('With impact').selectOption({ label: 'High' });
  await page.getByRole('heading', { name: 'Refresh the logo on slides' }).waitFor({ state: 'detached' });
  assert.deepEqual(await page.locator('.entity h3').allInnerTexts(), ['Prepare the roadmap deck']);
  await page.getByLabel('With impact').selectOption({ label: 'Any' });
  await page.getByLabel('Sort by').selectOption({ label: 'Impact, highest first' });
  await page.getByRole('heading', { name: 'Book the venue' }).waitFor();
  assert.deepEqual(await page.locator('.entity h3').allInnerTexts(), ['Prepare the roadmap deck', 'Refresh the logo on slides', 'Book the venue']);

  await open(page, 'Feedback');
  await newest(page).getByText('Prepare the roadmap deck (open)').waitFor();

  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('heading', { name: 'Feedback', level: 2 }).waitFor();
  assert.equal(await newest(page).getByLabel('Status').locator('option:checked').innerText(), 'In progress');
  assert.equal(await newest(page).getByLabel('Response').inputValue(), 'First preview in March');
  await newest(page).getByText('Prepare the roadmap deck (open)').waitFor();
  await open(page, 'Overview & revenue');
  await page.getByText('Agreed by Ann Lee on 2025-01-20.').waitFor();
  // Deleting the item takes the action's link with it.
  await open(page, 'Feedback');
  await page.getByRole('button', { name: 'Delete start doing item Quarterly roadmap preview' }).click();
  await open(page, 'Actions');
  assert.equal(await page.locator('.entity').filter({ has: page.getByRole('heading', { name: 'Prepare the roadmap deck' }) }).getByLabel('Answers feedback').inputValue(), '');
  assertNoErrors(page, assert);
  await context.close();
});
