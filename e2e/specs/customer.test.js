// The customer-safe version of a plan and the plan's contributors, on the demo workspace:
// the print view's "Customer version" leaves out stances, relationship strength, roles,
// internal notes, probabilities, risk and coaching (and stays on a reload); it downloads as
// an account file marked as the customer version; the people who helped develop the plan,
// ticked on the overview, are the evidence of the coaching question that asks for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

const SINGLE = new URL('../../dist-single/account-planner.html', import.meta.url).pathname;

const ACCOUNT = 'Harborview Health Network';

/** Opens the demo's Harborview plan from the portfolio. */
async function openHarborview(page) {
  await page.goto(server.url);
  await page.getByRole('link', { name: ACCOUNT }).click();
  await page.getByRole('heading', { name: ACCOUNT, level: 1 }).waitFor();
}

/** What the plan prints: the print view's text with print styles (the toolbar is hidden). */
async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator('.print-plan').innerText();
  await page.emulateMedia({ media: 'screen' });
  return text;
}

// Each is in the full print of Harborview: stance, relationship strength, role in decisions,
// account notes, contract notes, an interaction's note, a competitor, a probability, the
// contract risk, the growth target, and the scorecard.
const LEFT_OUT = [
  /stance/i, /Champion/, /Supporter/, /Neutral/, / of 5\b/, /Decision maker/, /Gatekeeper/,
  /Regional hospital group with 14 sites\./, /Three-year framework agreement\./,
  /Go-live date confirmed/, /Keystone Data/, /\b75%/, /Risk/, /Growth target/,
  /Next best actions/,
];

test('the customer-safe print shows no stance', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.print = () => {
      window.__printed = true;
    };
  });
  const page = await openPage(context);
  await openHarborview(page);
  await page.getByRole('button', { name: 'Print plan' }).click();
  await page.waitForFunction(() => window.__printed === true);
  await page.getByRole('heading', { name: 'Customer goals & initiatives', level: 2 }).waitFor();

  // The full plan prints all of it: what the customer version must leave out is there.
  const full = await printed(page);
  for (const pattern of LEFT_OUT) assert.match(full, pattern, 'the full print has it');
  assert.equal(await page.getByRole('heading', { name: 'Customer version' }).count(), 0);

  const toggle = page.getByRole('region', { name: 'Print' }).getByLabel('Customer version');
  await toggle.check();
  await page.getByRole('heading', { name: 'Customer version', level: 2 }).waitFor();
  assert.match(page.url(), /section=print&version=customer/);

  const check = async () => {
    await page.getByRole('heading', { name: 'Customer version', level: 2 }).waitFor();
    const text = await printed(page);
    for (const pattern of LEFT_OUT) assert.doesNotMatch(text, pattern);
    // What the customer and we build together is all there.
    for (const kept of [
      'Open two community clinics this year',
      'Admin hours saved per month',
      'Scheduling migration services',
      'Draft the premium support proposal',
      'Quarterly business review',
      'Share benchmarks from other hospital groups',
      'Chief Financial Officer',
    ]) {
      assert.ok(text.includes(kept), `${kept} prints`);
    }
    assert.match(text, /Developed with\s+Raymond Cho, Nadia Okonkwo, Felix Arden, Priya Raman, Sofia Lind/);
    assert.ok(await page.locator('svg.org-chart').isVisible(), 'the relationship map prints, without stances');
    assert.equal(await page.getByRole('heading', { name: 'Scorecard' }).count(), 0, 'no scorecard');
    assert.equal(await page.getByRole('columnheader', { name: 'Stance' }).count(), 0);
    assert.equal(await page.getByRole('columnheader', { name: 'Probability' }).count(), 0);
  };
  await check();

  // A reload lands on the customer version again.
  await page.reload();
  await check();
  assert.ok(await page.getByRole('region', { name: 'Print' }).getByLabel('Customer version').isChecked());

  // Unticking goes back to the whole plan.
  await page.getByRole('region', { name: 'Print' }).getByLabel('Customer version').uncheck();
  await page.getByRole('columnheader', { name: 'Stance' }).waitFor();
  assert.doesNotMatch(page.url(), /version=customer/);
  assertNoErrors(page, assert);
  await context.close();
});

test('from the single file (file://), the customer version is ticked on and stays on a reload', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.print = () => {
      window.__printed = true;
    };
  });
  const page = await openPage(context);
  await page.goto(`file://${SINGLE}`);
  await page.getByRole('link', { name: ACCOUNT }).click();
  await page.getByRole('heading', { name: ACCOUNT, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Print plan' }).click();
  await page.waitForFunction(() => window.__printed === true);
  await page.getByRole('region', { name: 'Print' }).getByLabel('Customer version').check();
  await page.getByRole('heading', { name: 'Customer version', level: 2 }).waitFor();
  assert.match(page.url(), /^file:.*section=print&version=customer$/);
  await page.reload();
  await page.getByRole('heading', { name: 'Customer version', level: 2 }).waitFor();
  assert.doesNotMatch(await printed(page), /stance|Champion/i);
  assertNoErrors(page, assert);
  await context.close();
});

test('the customer version downloads as an account file without stances, notes or reviews', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await openPage(context);
  await openHarborview(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Export this account' }).getByRole('button', { name: 'Customer version (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^account-planner-harborview-health-network-customer-version-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.kind, 'account');
  assert.equal(file.customer_version, true);
  assert.equal(file.account.id, 'acc-demo-hv-customer', 'a new id: importing it never replaces the full plan');
  assert.equal(file.account.name, `${ACCOUNT} (customer version)`);
  assert.ok(file.account.plan.contacts.length > 0);
  for (const c of file.account.plan.contacts) {
    assert.equal(c.stance, null);
    assert.equal(c.strength, null);
    assert.equal(c.notes, '');
  }
  assert.deepEqual(file.account.plan.reviews, []);
  assert.ok(file.account.plan.goals.some((g) => g.title === 'Open two community clinics this year'));
  for (const secret of ['Regional hospital group', 'Keystone Data', 'Pushes back on every price', 'champion']) {
    assert.ok(!text.includes(secret), `${secret} is left out`);
  }
  assertNoErrors(page, assert);
  await context.close();
});

test('a contributor ticked on the overview is the evidence of the coaching question and stays', async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await openHarborview(page);
  const sections = page.getByRole('navigation', { name: 'Plan sections' });
  await sections.getByRole('link', { name: 'Overview & revenue' }).click();
  const contacts = page.getByRole('group', { name: 'Contacts who helped develop the plan' });
  assert.ok(await contacts.getByLabel('Raymond Cho').isChecked(), 'the demo names its contributors');
  await contacts.getByLabel('Marco Bellini').check();
  await page.getByRole('group', { name: 'Team members who helped develop the plan' }).getByLabel('Priya Raman').uncheck();

  await sections.getByRole('link', { name: 'Reviews', exact: true }).click();
  await page.getByRole('button', { name: 'Start coaching review' }).click();
  const question = page.locator('.coaching-question').filter({
    has: page.getByLabel('Who at the account have you met to help develop the plan?'),
  });
  await question.getByText(
    'Helped develop the plan: Raymond Cho, Nadia Okonkwo, Felix Arden, Marco Bellini; from our team: Sofia Lind.',
  ).waitFor();
  await page.getByRole('button', { name: 'Cancel review' }).click();

  // Stored: a reload keeps the ticks.
  await sections.getByRole('link', { name: 'Overview & revenue' }).click();
  await page.waitForTimeout(300); // the save
  await page.reload();
  const again = page.getByRole('group', { name: 'Contacts who helped develop the plan' });
  await again.getByLabel('Marco Bellini').waitFor();
  assert.ok(await again.getByLabel('Marco Bellini').isChecked());
  assert.ok(!(await page.getByRole('group', { name: 'Team members who helped develop the plan' }).getByLabel('Priya Raman').isChecked()));
  assertNoErrors(page, assert);
  await context.close();
});
