// The account practices in depth, used as a person would: an interaction names the area
// it was about and the coverage grid shows it (the third dimension); a new contact's first
// meeting and who introduced them count in the weekly challenge; goals are ranked and the
// top opportunities picked; each segment's review rhythm is set in the settings.
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

const newest = (page) => page.locator('.entity').last();
/** Today as the app's date fields hold it (local time, as the app's clock reads it). */
const today = () => {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

test('an interaction names its area, the coverage grid shows it; a new contact counts in the weekly challenge', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Nakatomi Trading');
  await page.getByRole('link', { name: 'Nakatomi Trading' }).click();
  await open(page, 'Contacts & interactions');

  // A contact in Finance at Executive level, and one she introduced us to, met today.
  await page.getByRole('button', { name: 'Add contact' }).click();
  await newest(page).getByLabel('Name', { exact: true }).fill('Holly Gennaro');
  await newest(page).getByLabel('Department').selectOption({ label: 'Finance' });
  await newest(page).getByLabel('Level').selectOption({ label: 'Executive' });
  await page.getByRole('button', { name: 'Add contact' }).click();
  await newest(page).getByLabel('Name', { exact: true }).fill('Harry Ellis');
  await newest(page).getByLabel('Department').selectOption({ label: 'Operations' });
  await newest(page).getByLabel('Level').selectOption({ label: 'Manager' });
  await newest(page).getByLabel('First met').fill(today());
  await newest(page).getByLabel('Introduced by').selectOption({ label: 'Holly Gennaro' });

  // Log a talk with Holly about Analytics.
  await page.getByRole('button', { name: 'Log interaction (L)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log an interaction' });
  await dialog.getByLabel('Find contacts').fill('Holly');
  await dialog.getByLabel('Find contacts').press('Enter');
  await dialog.getByRole('group', { name: 'About' }).getByLabel('Analytics').check();
  await dialog.getByLabel('Note').fill('Budget for the reporting project');
  await dialog.getByRole('button', { name: 'Save interaction' }).click();
  await dialog.waitFor({ state: 'detached' });
  const log = page.getByRole('table', { name: 'Interactions' });
  const talk = log.getByRole('row').filter({ hasText: 'Budget for the reporting project' });
  await talk.getByRole('cell', { name: /^Analytics/ }).waitFor();

  // What it was about can be changed later, in place: the support offering too.
  await talk.getByRole('button', { name: `Edit the areas of the interaction of ${today()}` }).click();
  await talk.getByRole('group', { name: 'About' }).getByLabel('Premium support').check();
  await talk.getByRole('cell', { name: /^Analytics, Premium support/ }).waitFor();
  assert.ok(await talk.getByRole('group', { name: 'About' }).getByLabel('Analytics').isChecked(), 'the picks stay open');
  await talk.getByRole('button', { name: `Edit the areas of the interaction of ${today()}` }).click();

  // The scorecard: the Finance × Executive cell says what was talked about there, the areas
  // table counts the talk, and the weekly challenge counts Harry as this week's new contact.
  await page.getByRole('link', { name: 'Scorecard', exact: true }).click();
  const grid = page.getByRole('table', { name: 'Coverage: departments by levels' });
  const finance = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Finance' }) });
  await finance.getByText('About: Analytics, Premium support').waitFor();
  assert.equal(await grid.getByText(/^About:/).count(), 1, 'only the cell of the contact talked to');
  const areas = page.getByRole('table', { name: 'Areas of opportunity talked about in the last 90 days' });
  const analytics = areas.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Analytics' }) });
  assert.match(await analytics.innerText(), new RegExp(`Our offering\\s+1\\s+${today()}`));
  await page.getByText('2 of 4 areas talked about in the last 90 days.').waitFor();
  await page.getByText(/^This week: 1 new contact met, 0 major challenges learnt\. This quarter: 1 new contact met/).waitFor();

  // The first meeting and the introducer are kept.
  await page.waitForTimeout(300);
  await page.reload();
  await open(page, 'Contacts & interactions');
  const harry = page.getByRole('listitem', { name: 'Harry Ellis' });
  assert.equal(await harry.getByLabel('First met').inputValue(), today());
  assert.equal(await harry.getByLabel('Introduced by').locator('option:checked').innerText(), 'Holly Gennaro');
  assertNoErrors(page, assert);
  await context.close();
});

test('goals are ranked and the top opportunities picked; the mix warns without a grow play', async () => {
  const { context, page } = await openApp(browser, server.url, { empty: true });
  await addAccount(page, 'Argyle Holdings');
  await page.getByRole('link', { name: 'Argyle Holdings' }).click();
  await open(page, 'Customer goals & initiatives');
  for (const title of ['Open two new offices', 'Cut the cost of IT']) {
    await page.getByRole('button', { name: 'Add goal' }).click();
    await newest(page).getByLabel('Goal', { exact: true }).fill(title);
    await newest(page).getByLabel('Goal', { exact: true }).press('Tab');
  }
  // Ranked against each other: the second one added matters most.
  await page.getByRole('listitem', { name: 'Cut the cost of IT' }).getByLabel('Rank').selectOption('1');
  await page.getByRole('listitem', { name: 'Open two new offices' }).getByLabel('Rank').selectOption('2');
  await page.getByText('Ranked: 1. Cut the cost of IT; 2. Open two new offices').waitFor();

  await open(page, 'Opportunities');
  for (const [name, goal] of [['Office network rollout', 'Open two new offices'], ['Cloud cost review', 'Cut the cost of IT']]) {
    await page.getByRole('button', { name: 'Add opportunity' }).click();
    await newest(page).getByLabel('Opportunity', { exact: true }).fill(name);
    await newest(page).getByLabel('Aligned goal').selectOption({ label: goal });
    await newest(page).getByLabel('Dimension').selectOption({ label: 'Win' });
  }
  await page.getByText('Mix of open plays: engage 0 · win 2 · grow 0.').waitFor();
  await page.getByRole('status').filter({ hasText: 'No grow play' }).waitFor();
  await page.getByText('Top opportunities: none picked yet; pick up to 3 aligned ones.').waitFor();

  // Both picked: listed by their goal's rank, not by the order they were added.
  for (const name of ['Office network rollout', 'Cloud cost review']) {
    await page.getByRole('listitem', { name }).getByLabel('One of the top 3').check();
  }
  await page.getByText('Top opportunities: Cloud cost review; Office network rollout.').waitFor();
  // A grow play ends the warning.
  await page.getByRole('listitem', { name: 'Office network rollout' }).getByLabel('Dimension').selectOption({ label: 'Grow' });
  await page.getByText('Mix of open plays: engage 0 · win 1 · grow 1.').waitFor();
  assert.equal(await page.getByRole('status').filter({ hasText: 'No grow play' }).count(), 0);

  await page.waitForTimeout(300);
  await page.reload();
  await page.getByText('Top opportunities: Cloud cost review; Office network rollout.').waitFor();
  assert.ok(await page.getByRole('listitem', { name: 'Cloud cost review' }).getByLabel('One of the top 3').isChecked());
  assertNoErrors(page, assert);
  await context.close();
});

test("each segment's review rhythm is set in the settings and kept", async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.getByRole('region', { name: 'Demo data' }).waitFor();
  await page.getByRole('link', { name: 'Settings' }).click();
  const scoring = page.getByRole('region', { name: 'Scoring and reviews' });
  const rhythm = scoring.getByRole('group', { name: 'Review rhythm by segment' });
  // The defaults: strategic monthly, maintain quarterly, key and growth as the workspace.
  assert.equal(await rhythm.getByLabel('Strategic: monthly review every (days)').inputValue(), '31');
  assert.equal(await rhythm.getByLabel('Maintain: monthly review every (days)').inputValue(), '92');
  assert.equal(await rhythm.getByLabel('Maintain: quarterly update every (days)').inputValue(), '92');
  assert.equal(await rhythm.getByLabel('Key: monthly review every (days)').inputValue(), '31');

  // Key accounts reviewed every two weeks.
  await rhythm.getByLabel('Key: monthly review every (days)').fill('14');
  await rhythm.getByLabel('Key: monthly review every (days)').press('Tab');
  await rhythm.getByRole('button', { name: 'Key: use the rhythm above' }).waitFor();
  await page.waitForTimeout(300);
  await page.reload();
  assert.equal(await rhythm.getByLabel('Key: monthly review every (days)').inputValue(), '14');
  assert.equal(await rhythm.getByLabel('Key: quarterly update every (days)').inputValue(), '92');

  // The workspace's rhythm still moves the segments that follow it, and not key.
  await scoring.getByLabel('Monthly review every (days)', { exact: true }).fill('20');
  await scoring.getByLabel('Monthly review every (days)', { exact: true }).press('Tab');
  await rhythm.getByLabel('Growth: monthly review every (days)').waitFor();
  assert.equal(await rhythm.getByLabel('Growth: monthly review every (days)').inputValue(), '20');
  assert.equal(await rhythm.getByLabel('Key: monthly review every (days)').inputValue(), '14');

  // Maintain accounts get weights of their own; the workspace's stay as they were.
  await scoring.getByLabel('Weights for').selectOption({ label: 'Maintain accounts' });
  await scoring.getByText('Maintain accounts follow the workspace\'s weights until you change one here.').waitFor();
  await scoring.getByLabel('Coverage weight').fill('0');
  await scoring.getByLabel('Coverage weight').press('Tab');
  await scoring.getByText('Maintain accounts are scored with their own weights.').waitFor();
  await scoring.getByLabel('Weights for').selectOption({ label: 'Every segment (the workspace\'s)' });
  assert.equal(await scoring.getByLabel('Coverage weight').inputValue(), '15');
  await scoring.getByLabel('Weights for').selectOption({ label: 'Maintain accounts' });
  assert.equal(await scoring.getByLabel('Coverage weight').inputValue(), '0');
  await scoring.getByRole('button', { name: "Maintain: use the workspace's weights" }).click();
  assert.equal(await scoring.getByLabel('Coverage weight').inputValue(), '15');
  assertNoErrors(page, assert);
  await context.close();
});
