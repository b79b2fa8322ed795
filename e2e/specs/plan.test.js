// The account plan as a user edits it: a field in every section, an interaction logged
// from the keyboard, everything still there after a reload, and a delete undone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

const section = (page, name) => page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name, exact: true });

async function open(page, name) {
  await section(page, name).click();
  await page.getByRole('heading', { name, level: 2 }).waitFor();
}

/** The newest card of a list section. */
const newest = (page) => page.locator('.entity').last();

test('every plan section edits, saves and survives a reload', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await page.getByLabel('Account name').fill('Umbrella Health');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('link', { name: 'Umbrella Health' }).click();
  await page.getByRole('heading', { name: 'Umbrella Health', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Scorecard', level: 2 }).waitFor();
  await open(page, 'Overview & revenue');

  await page.getByLabel('Revenue commitment').fill('1,200,000');
  await page.getByLabel('Q1 actual').fill('abc');
  await page.getByText('“abc” is not a number.').waitFor();
  await page.getByLabel('Q1 actual').fill('250000');

  await open(page, 'Internal team');
  await page.getByLabel('New team member').fill('Sam Rivera');
  await page.getByRole('button', { name: 'Add to team' }).click();
  await page.getByRole('button', { name: 'Add team role' }).click();
  await newest(page).getByLabel('Team member').selectOption({ label: 'Sam Rivera' });
  await newest(page).getByLabel('Executive sponsor').check();

  await open(page, 'Contacts & interactions');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await newest(page).getByLabel('Name', { exact: true }).fill('Ann Lee');
  await newest(page).getByLabel('Level').selectOption({ label: 'Executive' });
  await newest(page).getByLabel('Stance').selectOption({ label: 'Champion' });
  await page.getByRole('button', { name: 'Add contact' }).click();
  await newest(page).getByLabel('Name', { exact: true }).fill('Raj Patel');
  await newest(page).getByLabel('Reports to').selectOption({ label: 'Ann Lee' });

  // Log an interaction from the keyboard: L, type, Enter to pick, Ctrl+Enter to save.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('l');
  await page.getByRole('dialog', { name: 'Log an interaction' }).waitFor();
  await page.keyboard.type('Ann');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByLabel('Note').fill('Kick-off for the claims project');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('cell', { name: 'Kick-off for the claims project' }).waitFor();

  await open(page, 'Customer goals & initiatives');
  await page.getByText('Add goal').click();
  await newest(page).getByLabel('Goal', { exact: true }).fill('Cut claim processing time');
  await newest(page).getByLabel('Told us').selectOption({ label: 'Ann Lee' });

  await open(page, 'Success measures');
  await page.getByRole('button', { name: 'Add success measure' }).click();
  await newest(page).getByLabel('Measure', { exact: true }).fill('Uptime');
  await newest(page).getByLabel('Target').fill('99.9');

  await open(page, 'Feedback');
  await page.getByRole('button', { name: 'Add to “Start doing”' }).click();
  await newest(page).getByLabel('What', { exact: true }).fill('Quarterly roadmap preview');

  await open(page, 'White space');
  await page.getByLabel('Business unit').fill('Claims');
  await page.getByRole('button', { name: 'Add unit' }).click();
  await page.getByLabel('Status of Claims × Analytics').selectOption({ label: 'Open opportunity' });
  await page.getByLabel('Value of Claims × Analytics').fill('50000');
  await page.getByLabel('Value of Claims × Analytics').press('Tab');
  await page.getByText('Open white space $50K').waitFor();

  await open(page, 'Opportunities');
  await page.getByRole('button', { name: 'Add opportunity' }).click();
  await newest(page).getByLabel('Opportunity', { exact: true }).fill('Analytics rollout');
  await newest(page).getByLabel('Aligned goal').selectOption({ label: 'Cut claim processing time' });
  await newest(page).getByLabel('Probability (%)').fill('140');
  await newest(page).getByText('Enter 100 or less.').waitFor();
  await newest(page).getByLabel('Probability (%)').fill('40');

  await open(page, 'Actions');
  await page.getByRole('button', { name: 'Add action' }).click();
  await newest(page).getByLabel('What', { exact: true }).fill('Book the QBR');
  await newest(page).getByLabel('Due').fill('2020-01-15');
  await newest(page).getByText('Overdue', { exact: true }).waitFor();

  await open(page, 'Cadence');
  await page.getByRole('button', { name: 'Add meeting' }).click();
  await newest(page).getByLabel('Meeting', { exact: true }).fill('Quarterly business review');
  await newest(page).getByLabel('Accepted by all parties').check();

  await open(page, 'Contract & renewal');
  await page.getByLabel('Contract end').fill('2030-06-30');
  await page.getByRole('button', { name: 'Mark reviewed' }).click();
  await page.getByText('Last reviewed today').waitFor();

  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('heading', { name: 'Contract & renewal', level: 2 }).waitFor();
  assert.equal(await page.getByLabel('Contract end').inputValue(), '2030-06-30');
  await page.getByText('Last reviewed today').waitFor();

  await open(page, 'Overview & revenue');
  assert.equal(await page.getByLabel('Revenue commitment').inputValue(), '1,200,000');
  assert.equal(await page.getByLabel('Q1 actual').inputValue(), '250,000');
  await open(page, 'Internal team');
  assert.equal(await newest(page).getByLabel('Executive sponsor').isChecked(), true);
  await open(page, 'Contacts & interactions');
  assert.equal(await page.locator('.entity').count(), 2);
  assert.equal(await page.locator('.entity').last().getByLabel('Reports to').locator('option:checked').innerText(), 'Ann Lee');
  await page.getByRole('cell', { name: 'Kick-off for the claims project' }).waitFor();
  await open(page, 'Customer goals & initiatives');
  assert.equal(await newest(page).getByLabel('Goal', { exact: true }).inputValue(), 'Cut claim processing time');
  await open(page, 'Success measures');
  assert.equal(await newest(page).getByLabel('Target').inputValue(), '99.9');
  await open(page, 'Feedback');
  assert.equal(await newest(page).getByLabel('What', { exact: true }).inputValue(), 'Quarterly roadmap preview');
  await open(page, 'White space');
  assert.equal(await page.getByLabel('Value of Claims × Analytics').inputValue(), '50,000');
  await open(page, 'Opportunities');
  assert.equal(await newest(page).getByLabel('Probability (%)').inputValue(), '40');
  await open(page, 'Actions');
  assert.equal(await newest(page).getByLabel('What', { exact: true }).inputValue(), 'Book the QBR');
  await open(page, 'Cadence');
  assert.equal(await newest(page).getByLabel('Accepted by all parties').isChecked(), true);
  assertNoErrors(page, assert);
  await context.close();
});

test('a deleted contact comes back with Undo and with Ctrl+Z', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await page.getByLabel('Account name').fill('Vandelay Imports');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('link', { name: 'Vandelay Imports' }).click();
  await open(page, 'Contacts & interactions');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await newest(page).getByLabel('Name', { exact: true }).fill('Art Vandelay');

  await page.getByRole('button', { name: 'Delete contact Art Vandelay' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted contact “Art Vandelay”.' }).waitFor();
  assert.equal(await page.locator('.entity').count(), 0);
  await page.getByRole('status').getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('heading', { name: 'Art Vandelay', level: 3 }).waitFor();

  await page.getByRole('button', { name: 'Delete contact Art Vandelay' }).click();
  await page.keyboard.press('Control+z');
  await page.getByRole('heading', { name: 'Art Vandelay', level: 3 }).waitFor();
  await page.waitForTimeout(300);
  await page.reload();
  await page.getByRole('heading', { name: 'Art Vandelay', level: 3 }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});

test('the scorecard explains the score and links each next best action to its section', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await page.getByLabel('Account name').fill('Duff Brewing');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('link', { name: 'Duff Brewing' }).click();
  await open(page, 'Success measures');
  await page.getByRole('button', { name: 'Add success measure' }).click();
  await newest(page).getByLabel('Measure', { exact: true }).fill('Uptime');
  await newest(page).getByLabel('Target').fill('99.9');
  await section(page, 'Scorecard').click();
  const components = page.getByRole('table', { name: 'Score components' });
  await components.getByRole('row', { name: /Success measures 0 .* 0 of 1 success measures on or ahead of target/ }).waitFor();
  await components.getByRole('row', { name: /Revenue No data .* No revenue commitment recorded\./ }).waitFor();
  const advice = page.getByRole('link', { name: 'Success measure “Uptime” has no current value' });
  await advice.click();
  await page.getByRole('heading', { name: 'Success measures', level: 2 }).waitFor();
  assert.match(page.url(), /section=measures/);
  await newest(page).getByLabel('Current value').fill('99.95');
  await section(page, 'Scorecard').click();
  await components.getByRole('row', { name: /Success measures 100 / }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Success measure “Uptime” has no current value' }).count(), 0);
  await context.close();
});
