// Accessibility: axe-core on every page of the app with the demo workspace (and the empty
// portfolio); any serious or critical violation fails, listed with where it is.
// The contexts bypass the page's Content Security Policy only to let axe's script in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, assertNoErrors } from '../lib/browser.js';
import { server, browser, serveApp } from '../lib/suite.js';

const AXE = await readFile(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const ACCOUNT = 'acc-demo-hv';
const SECTIONS = [
  'scorecard', 'revenue', 'goals', 'measures', 'feedback', 'contacts', 'relationship-map',
  'white-space', 'opportunities', 'actions', 'cadence', 'team', 'contract', 'reviews', 'print',
];
const PAGES = [
  ['portfolio', ''],
  ['import & export', '?page=data'],
  ['settings', '?page=settings'],
  ['team view', '?page=team'],
  ['my week', '?page=week'],
  ['archived accounts', '?page=archived'],
  ...SECTIONS.map((s) => [`account: ${s}`, `?account=${ACCOUNT}&section=${s}`]),
];

serveApp();

/** Serious and critical violations on the page as it is now, one line each. */
async function violations(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.split('\n')[1]?.trim()}`));
}

for (const scheme of ['light', 'dark']) {
  test(`every page passes axe-core without serious or critical violations (${scheme})`, async () => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await openPage(context);
    const found = [];
    for (const [name, query] of PAGES) {
      await page.goto(`${server.url}${query}`);
      await page.getByRole('main').waitFor();
      await page.locator('main h1').first().waitFor();
      for (const v of await violations(page)) found.push(`${name}: ${v}`);
    }
    // The share panel, open (its link is long enough to be warned about).
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Harborview Health Network' }).click();
    await page.getByRole('button', { name: 'Share as link' }).click();
    await page.getByRole('region', { name: 'Share as link' }).waitFor();
    for (const v of await violations(page)) found.push(`share panel: ${v}`);
    // The search panel, open with results.
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('searchbox', { name: /^Search accounts, contacts/ }).fill('ana');
    await page.locator('.search-results a').first().waitFor();
    for (const v of await violations(page)) found.push(`search panel: ${v}`);
    // The empty portfolio, after clearing the demo.
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Clear demo and start empty' }).click();
    await page.getByText('No accounts yet').waitFor();
    for (const v of await violations(page)) found.push(`empty portfolio: ${v}`);
    assert.deepEqual(found, []);
    assertNoErrors(page, assert);
    await context.close();
  });
}
