// Phone width (390 × 844): no page scrolls sideways. Tables scroll inside their own labelled,
// focusable box; the header's navigation wraps; every section of a plan stays reachable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

serveApp();

const WIDTH = 390;
const SECTIONS = ['scorecard', 'revenue', 'goals', 'measures', 'feedback', 'contacts', 'relationship-map',
  'white-space', 'opportunities', 'actions', 'cadence', 'team', 'contract', 'reviews', 'print'];

/** The page's and the body's scroll widths, and what sticks out past the viewport (for the message). */
const widths = (page) => page.evaluate((width) => {
  const wide = [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > width + 0.5)
    .filter((el) => !el.closest('.table-scroll, .org-chart-scroll') || getComputedStyle(el).position === 'absolute')
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`);
  return { html: document.documentElement.scrollWidth, body: document.body.scrollWidth, wide };
}, WIDTH);

async function assertFits(page, what) {
  const w = await widths(page);
  assert.ok(w.html <= WIDTH && w.body <= WIDTH, `${what} is ${w.html}px (body ${w.body}px) wide: ${w.wide.join('; ')}`);
}

test('at 390 px no page scrolls sideways, and a plan\'s sections are all reachable', async () => {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });
  const page = await openPage(context);
  await page.goto(server.url);
  await page.getByRole('region', { name: 'Demo data' }).waitFor();
  await page.getByRole('table').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await assertFits(page, 'the portfolio');

  // The portfolio's table scrolls in its own box, which a keyboard can reach and which is named.
  const scroller = page.getByRole('region', { name: /Accounts/ }).first();
  assert.equal(await scroller.getAttribute('tabindex'), '0');

  for (const [link, heading] of [['My week', 'My week'], ['Team view', 'Team view'], ['Import & export', 'Import & export'], ['Settings', 'Settings']]) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await assertFits(page, `the ${link} page`);
  }

  await page.goto(`${server.url}?page=archived`);
  await page.getByRole('heading', { name: 'Archived accounts', level: 1 }).waitFor();
  await assertFits(page, 'the archived accounts page');

  await page.goto(server.url);
  const first = page.getByRole('table').first().getByRole('link').first();
  await first.click();
  const sections = page.getByRole('navigation', { name: 'Plan sections' });
  await sections.waitFor();
  const url = new URL(page.url());
  const account = url.searchParams.get('account');
  for (const slug of SECTIONS) {
    await page.goto(`${server.url}?account=${account}&section=${slug}`);
    await sections.waitFor();
    await page.locator('.page h2').first().waitFor();
    await assertFits(page, `the ${slug} section`);
  }
  // Every section link can be seen and clicked at this width (the nav wraps, nothing is cut off).
  for (const link of await sections.getByRole('link').all()) {
    const box = await link.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= WIDTH, `${await link.textContent()} is out of view`);
  }
  assertNoErrors(page, assert);
  await context.close();
});
