// My week: a person says once who they are (in settings, kept on this browser), opens My
// week, sees their overdue actions and meetings from the demo, marks one done, moves a
// meeting, and downloads the agenda as a calendar file. Leaders switch to everyone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

/** The browser's local day `offset` days from today, as YYYY-MM-DD. */
const localDay = (page, offset) => page.evaluate((o) => {
  const d = new Date();
  d.setDate(d.getDate() + o);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}, offset);

/** Unfolds an iCalendar text into its content lines, checking CRLF and the 75-octet limit. */
function unfold(text) {
  assert.ok(text.endsWith('\r\n'), 'ends in CRLF');
  const lines = [];
  for (const phys of text.slice(0, -2).split('\r\n')) {
    assert.ok(Buffer.byteLength(phys) <= 75, `line over 75 octets: ${phys}`);
    assert.ok(!/[\r\n]/.test(phys), 'a bare CR or LF');
    if (phys.startsWith(' ')) lines[lines.length - 1] += phys.slice(1);
    else lines.push(phys);
  }
  return lines;
}

test('Priya chooses who she is, sees her week, marks an action done and moves a meeting', async () => {
  const { context, page } = await openApp(browser, server.url, { downloads: true });
  await page.getByRole('region', { name: 'Demo data' }).waitFor();

  // Before choosing: My week shows everyone and says where to choose.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My week' }).click();
  await page.getByRole('heading', { name: 'My week', level: 1 }).waitFor();
  assert.match(page.url(), /\?page=week$/);
  await page.getByText('Say who you are in').waitFor();
  assert.equal(await page.getByLabel('Show').inputValue(), '');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const me = page.getByRole('region', { name: 'Who I am' });
  await me.getByLabel('I am').selectOption({ label: 'Priya Raman' });
  // Kept on this browser, not in the workspace.
  assert.equal(await page.evaluate(() => localStorage.getItem('account-planner-pref/me')), 'tm-demo-priya');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My week' }).click();
  await page.getByRole('heading', { name: 'My week', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Show').inputValue(), 'tm-demo-priya');
  const overdue = page.getByRole('region', { name: /^Overdue actions/ });
  const draft = overdue.getByRole('link', { name: 'Draft the renewal proposal — Meridian Freight' });
  await draft.waitFor();
  // Only Priya's accounts: Copperleaf (Daniel's) has overdue actions too, not listed.
  assert.equal(await overdue.getByRole('link', { name: /Copperleaf/ }).count(), 0);

  // Marked done here: it leaves the list (and the count in the heading drops).
  const before = await overdue.getByRole('listitem').count();
  await overdue.getByRole('button', { name: 'Mark done: Draft the renewal proposal' }).click();
  await draft.waitFor({ state: 'detached' });
  assert.equal(await overdue.getByRole('listitem').count(), before - 1);

  // The QBR of Harborview moved to three days from now.
  const meetings = page.getByRole('region', { name: /^Meetings in the next 14 days/ });
  const qbr = meetings.getByRole('listitem').filter({ hasText: 'Harborview' }).filter({ hasText: 'Quarterly business review' });
  const newDay = await localDay(page, 3);
  await qbr.getByLabel('Move Quarterly business review to').fill(newDay);
  await qbr.getByText(newDay, { exact: true }).waitFor();

  // A reload lands on My week, with both changes kept.
  await page.waitForTimeout(300); // the save
  await page.reload();
  await page.getByRole('heading', { name: 'My week', level: 1 }).waitFor();
  await meetings.getByRole('listitem').filter({ hasText: 'Harborview' }).getByText(newDay, { exact: true }).waitFor();
  assert.equal(await overdue.getByRole('link', { name: /Draft the renewal proposal/ }).count(), 0);

  // The calendar: Priya's actions and meetings, with the moved date, without the done action.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download calendar (.ics)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^account-planner-agenda-\d{4}-\d{2}-\d{2}\.ics$/);
  const lines = unfold(await readFile(await download.path(), 'utf8'));
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes('SUMMARY:Action: Book an executive sponsor meeting with Carla – Meridian Freight'));
  assert.ok(!lines.some((l) => l.includes('Draft the renewal proposal')), 'the done action is left out');
  assert.ok(!lines.some((l) => l.includes('Copperleaf')), 'only Priya\'s accounts');
  const qbrAt = lines.indexOf('SUMMARY:Quarterly business review – Harborview Health Network');
  assert.ok(qbrAt > 0, lines.join('\n'));
  const event = lines.slice(lines.lastIndexOf('BEGIN:VEVENT', qbrAt), lines.indexOf('END:VEVENT', qbrAt));
  assert.ok(event.includes(`DTSTART;VALUE=DATE:${newDay.replaceAll('-', '')}`), event.join('\n'));
  assert.ok(event.some((l) => /^UID:.+@account-planner$/.test(l)));
  assert.ok(event.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l)));

  // A leader's view: everyone, Copperleaf included. An item leads to its section.
  await page.getByLabel('Show').selectOption({ label: 'Everyone' });
  const copperleaf = overdue.getByRole('link', { name: /— Copperleaf/ }).first();
  await copperleaf.click();
  await page.waitForURL(/\?account=[^&]+&section=actions$/);
  await page.getByRole('heading', { name: 'Actions', level: 2, exact: true }).waitFor();
  assertNoErrors(page, assert);
  await context.close();
});
