// The browser benchmarks of `make bench`: the release build in dist/, served on 127.0.0.1,
// in Debian's Chromium through playwright-core, every run from a fresh browser context
// (empty storage and cache). Prints `bench: <name> <value> <unit>` lines and writes every
// figure, with each run's values, to target/bench/browser.json.
//
// Inputs (from `cargo run --release --example bench_data`): target/bench/storage-1000.json
// and target/bench/workspace-4mb.json. Usage: node bench/browser.mjs (from e2e/);
// BENCH_RUNS sets the runs per figure (default 5; the median is reported).
import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { serve } from '../lib/server.js';
import { launch } from '../lib/browser.js';
import { store1000 } from './storage.mjs';
import { startCouch, serveWithProxy, USERS } from '../lib/couch.js';

const ROOT = new URL('../../', import.meta.url).pathname;
// BENCH_DIST=folder benchmarks another build (to compare two builds on one machine).
const DIST = process.env.BENCH_DIST ?? `${ROOT}dist/`;
const DATA = `${ROOT}target/bench/`;
const SITE = `${DATA}site/`;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
// How long a keystroke's writes are waited for once the first one is seen.
const SETTLE_MS = 300;

const figures = [];
function figure(name, values, unit, note) {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.floor(sorted.length / 2)];
  const rounded = Math.round(value * 100) / 100;
  figures.push({ name, value: rounded, unit, runs: values.map((v) => Math.round(v * 10) / 10), note });
  console.log(`bench: ${name} ${rounded} ${unit}`);
}

/** Chromium may hand a renderer's performance entries only once it is idle: poll. */
async function waitForMark(page, name, timeout = 120_000) {
  await page.waitForFunction(
    (n) => performance.getEntriesByName(n, 'mark').length > 0, name, { timeout, polling: 50 },
  );
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0].startTime, name);
}

// --- Transfer sizes, gzip -9 of each file (KB = 1,000 bytes). -------------------------
// The build is code-split (scripts/split.mjs): the first screen needs the main module, and
// the other views' chunks come when first shown. Two figures:
// - app_transfer_gzip: what a first visit downloads until the portfolio is interactive,
//   from the page's real requests: the document and every resource the page's Resource
//   Timing lists as started before the "portfolio-interactive" mark (one fresh context,
//   the demo), each counted as its file in dist/ at gzip -9. The service worker's own
//   fetches (its precache of the other files, after the app starts) are not the page's.
// - app_transfer_all_gzip: every file of the app: index.html and every js, wasm and css
//   in dist/ (every chunk included; sw.js, the icons and the manifest not, as before).
async function gzipOf(files) {
  const sizes = {};
  let raw = 0, gz = 0;
  for (const f of files) {
    const body = await readFile(`${DIST}${f}`);
    const g = gzipSync(body, { level: 9 }).length;
    sizes[f] = { bytes: body.length, gzip: g };
    raw += body.length; gz += g;
  }
  return { sizes, raw, gz };
}

/** The files of the app `page` requested until the mark `until` (ms), index.html first. */
async function requestedFiles(page, url, until, what) {
  const urls = await page.evaluate((t) => performance.getEntriesByType('resource')
    .filter((e) => e.startTime <= t).map((e) => e.name), until);
  const files = ['index.html'];
  for (const u of urls) {
    if (!u.startsWith(url)) continue; // the benchmark's own data, fetched by the harness
    const f = decodeURIComponent(new URL(u).pathname.slice(new URL(url).pathname.length));
    if (f && !f.startsWith('bench-') && !files.includes(f)) files.push(f);
  }
  if (!files.some((f) => f.endsWith('.wasm')) || !files.some((f) => f.endsWith('.js'))) {
    throw new Error(`${what}: no wasm or js requested: ${files.join(', ')}`);
  }
  return files;
}

/** Records the gzip size of `files` as the figure `name`. */
async function transferFigure(name, files, what) {
  const { sizes, raw, gz } = await gzipOf(files);
  const kb = Math.round(gz / 10) / 100;
  figures.push({ name, value: kb, unit: 'KB', note: `${what}: gzip -9 of ${files.length} files (${raw} bytes raw); KB = 1,000 bytes`, files: sizes });
  console.log(`bench: ${name} ${kb} KB`);
}

async function transferFirstVisit(browser, url) {
  const { context, page } = await freshPage(browser);
  await page.goto(url);
  const t = await waitForMark(page, 'portfolio-interactive');
  const files = await requestedFiles(page, url, t, 'first visit');
  checkErrors(page, 'first visit');
  await context.close();
  await transferFigure('app_transfer_gzip', files, 'the first visit until the portfolio is interactive (the page\'s requests before the mark, demo)');
}

async function transferAll() {
  const files = ['index.html', ...(await readdir(DIST)).filter((f) => /\.(js|wasm|css)$/.test(f) && f !== 'sw.js').sort()];
  const { sizes, raw, gz } = await gzipOf(files);
  const kb = Math.round(gz / 10) / 100;
  figures.push({ name: 'app_transfer_all_gzip', value: kb, unit: 'KB', note: `every file of the app (index.html and every js, wasm and css, each code-split chunk included; not sw.js, icons, manifest): gzip -9 of ${files.length} files (${raw} bytes raw); KB = 1,000 bytes`, files: sizes });
  console.log(`bench: app_transfer_all_gzip ${kb} KB`);
}

// --- A site folder: dist/ plus the benchmark data, served from one origin. -------------
async function makeSite() {
  await rm(SITE, { recursive: true, force: true });
  await mkdir(SITE, { recursive: true });
  for (const f of await readdir(DIST)) await symlink(`${DIST}${f}`, `${SITE}${f}`);
  await symlink(`${DATA}storage-1000.json`, `${SITE}bench-storage-1000.json`);
}

// Records every write to storage: its time, key, and the bytes of key and value as storage
// holds them (UTF-16, two bytes per code unit: what the quota counts).
const RECORD_WRITES = `(() => {
  window.__writes = [];
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const start = performance.now();
    const r = set.call(this, k, v);
    __writes.push({ start, t: performance.now(), key: String(k), bytes: 2 * (String(k).length + String(v).length) });
    return r;
  };
  window.__inputs = [];
  addEventListener('input', () => __inputs.push(performance.now()), true);
  window.__keydowns = [];
  addEventListener('keydown', (e) => __keydowns.push(performance.now()), true);
})();`;

/** A fresh context and page; `scripts` run before the app on every navigation. */
async function freshPage(browser, scripts = []) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  for (const s of scripts) await page.addInitScript({ content: s });
  return { context, page };
}

function checkErrors(page, what) {
  if (page.errors.length) throw new Error(`${what}: the page logged errors: ${page.errors.join(' | ')}`);
}

// --- First visit: the demo workspace. ---------------------------------------------------
async function demoLoad(browser, url) {
  const fp = [], fcp = [], interactive = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await freshPage(browser);
    await page.goto(url);
    const t = await waitForMark(page, 'portfolio-interactive');
    await page.locator('table.portfolio tbody tr').first().waitFor();
    const paints = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime])));
    checkErrors(page, 'demo load');
    fp.push(paints['first-paint']); fcp.push(paints['first-contentful-paint']); interactive.push(t);
    await context.close();
  }
  figure('demo_first_paint', fp, 'ms');
  figure('demo_first_contentful_paint', fcp, 'ms');
  figure('demo_interactive', interactive, 'ms', 'navigation start to the portfolio table rendered (mark "portfolio-interactive")');
}

// --- The stored 1,000-account workspace. ------------------------------------------------
const LOAD_MARKS = ['load-start', 'load-read', 'load-summarised', 'load-started', 'portfolio-interactive', 'load-decoded', 'load-scored'];

// Every task of the page over 50 ms (the Long Tasks API), from the first script on.
const RECORD_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) __longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
})();`;

async function load1000(browser, url) {
  const times = [];
  const scored = [];
  const longest = [];
  const steps = {};
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await freshPage(browser, [RECORD_LONG_TASKS]);
    await store1000(page, url);
    await page.goto(url, { timeout: 120_000 });
    const t = await waitForMark(page, 'portfolio-interactive');
    // The first page of rows, and the summary of all 1,000.
    const rows = await page.locator('table.portfolio tbody tr').count();
    if (rows !== 100) throw new Error(`load_1000: the portfolio shows ${rows} rows`);
    await page.getByText('Showing the first 100 of 1000 accounts.').waitFor();
    const done = await waitForMark(page, 'load-scored');
    // Every score is shown: no row is still waiting for its plan.
    if (await page.locator('table.portfolio td[aria-busy="true"]').count()) throw new Error('load_1000: rows still scoring after load-scored');
    checkErrors(page, 'load 1000');
    times.push(t);
    scored.push(done);
    const tasks = await page.evaluate((until) => __longTasks.filter((e) => e.start < until), done);
    longest.push(Math.max(0, ...tasks.map((e) => e.duration)));
    if (i === 0) console.log(`bench: load_1000 long tasks of run 1: ${tasks.map((e) => `${Math.round(e.duration)} ms at ${Math.round(e.start)}`).join(', ') || 'none'}`);
    const at = await page.evaluate((names) => names.map((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime), LOAD_MARKS);
    let previous = 0;
    LOAD_MARKS.forEach((n, j) => {
      steps[n] ??= [];
      steps[n].push(at[j] === undefined ? 0 : at[j] - previous);
      previous = at[j] ?? previous;
    });
    await context.close();
  }
  figure('load_1000_interactive', times, 'ms', 'navigation start to the portfolio\'s first screen rendered (every account by its summary), the 1,000 accounts in localStorage');
  figure('load_1000_scored', scored, 'ms', 'navigation start to every score shown (every plan decoded, mark "load-scored")');
  figure('load_1000_longest_task', longest, 'ms', 'the longest task of the page until every score is shown (Long Tasks API: 0 when none took over 50 ms)');
  const what = {
    'load-start': 'navigation start to the app starting (download, compile, instantiate)',
    'load-read': 'reading our keys from localStorage into wasm',
    'load-summarised': 'the meta, the index and every account\'s summary (no plan decoded)',
    'load-started': 'the app\'s state made',
    'portfolio-interactive': 'the first render (summary of 1,000, first 100 rows), layout and paint',
    'load-decoded': 'decoding every plan, in slices after the first screen, and handing them to the app',
    'load-scored': 'scoring and the render of the scored portfolio, and its paint',
  };
  for (const n of LOAD_MARKS) figure(`load_1000_step_${n.replace(/-/g, '_')}`, steps[n], 'ms', what[n]);
}

// --- Import of the 4 MB file until its preview shows. -----------------------------------

/**
 * Picks `files` on the import page and waits for the preview: returns when the file
 * input's change event came (`start`) and when the preview's heading was in the document
 * (`shown`), on the page's clock.
 */
async function timePreview(page, files) {
  await page.getByRole('link', { name: 'Import & export' }).click();
  const input = page.getByLabel('Import files');
  await input.waitFor({ state: 'attached' });
  await page.evaluate(() => {
    window.__import = {};
    document.addEventListener('change', (e) => { if (e.target.type === 'file') __import.start = performance.now(); }, true);
    new MutationObserver(() => {
      if (__import.shown === undefined && [...document.querySelectorAll('h1,h2,h3,h4')].some((h) => /Review .* before importing/.test(h.textContent))) {
        __import.shown = performance.now();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await input.setInputFiles(files);
  await page.getByRole('heading', { name: /Review .* before importing/ }).waitFor({ timeout: 120_000 });
  return page.evaluate(() => __import);
}
async function import4mb(browser, url, accounts) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await freshPage(browser);
    await page.goto(url);
    await waitForMark(page, 'portfolio-interactive');
    const r = await timePreview(page, `${DATA}workspace-4mb.json`);
    checkErrors(page, 'import');
    times.push(r.shown - r.start);
    await context.close();
  }
  figure('import_4mb_preview', times, 'ms', `change event of the file input to the preview heading in the document; the file holds ${accounts} synthetic accounts`);
}

// --- A leader's roll-up: eight managers' files at once until their preview shows. -------
async function rollup(browser, url, files, bytes) {
  const times = [], longest = [];
  const paths = Array.from({ length: files }, (_, k) => `${DATA}rollup-${k + 1}.json`);
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await freshPage(browser, [RECORD_LONG_TASKS]);
    await page.goto(url);
    await waitForMark(page, 'portfolio-interactive');
    await timePreview(page, paths);
    await page.getByRole('heading', { name: `Review ${files} files before importing` }).waitFor();
    // The paint after the preview's render ends the last task: wait for it to be reported.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 100))));
    const r = await page.evaluate(() => ({
      ...__import,
      tasks: __longTasks.filter((t) => t.start + t.duration >= __import.start && t.start <= __import.shown),
    }));
    checkErrors(page, 'rollup');
    times.push(r.shown - r.start);
    longest.push(Math.max(0, ...r.tasks.map((t) => t.duration)));
    await context.close();
  }
  const mb = (bytes / 1e6).toFixed(1);
  figure('rollup_8_preview', times, 'ms', `${files} workspace files of 50 busy accounts (${mb} MB of JSON) picked at once: change event to the combined preview's heading`);
  figure('rollup_8_longest_task', longest, 'ms', 'the longest task of the page meanwhile (Long Tasks API: 0 when none took over 50 ms)');
}

// --- Keystrokes in a plan field until saved. ------------------------------------------
async function keystrokes(browser, url, name, prepare, openAccount) {
  const { context, page } = await freshPage(browser, [RECORD_WRITES]);
  await prepare(page);
  await page.goto(url, { timeout: 120_000 });
  await openAccount(page);
  const notes = page.getByLabel('Notes');
  await notes.waitFor();
  await notes.click();
  // The first change of the demo stores the whole workspace: not a keystroke's cost.
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await page.waitForFunction(() => __writes.length > 0, null, { timeout: 120_000 });
  await page.waitForTimeout(SETTLE_MS);
  const latency = [], bytes = [], toInput = [], toWrite = [], writing = [];
  for (let i = 0; i < Math.max(RUNS, 7); i++) {
    const before = await page.evaluate(() => ({ w: __writes.length, k: __keydowns.length, i: __inputs.length }));
    await page.keyboard.press('a');
    await page.waitForFunction((b) => __writes.length > b.w, before, { timeout: 120_000 });
    // Every write the keystroke caused, the last one included.
    await page.waitForTimeout(SETTLE_MS);
    const r = await page.evaluate((b) => ({ keydown: __keydowns[b.k], input: __inputs[b.i], writes: __writes.slice(b.w) }), before);
    latency.push(r.writes[r.writes.length - 1].t - r.keydown);
    toInput.push(r.input - r.keydown);
    toWrite.push(r.writes[0].start - r.input);
    writing.push(r.writes[r.writes.length - 1].t - r.writes[0].start);
    bytes.push(r.writes.reduce((n, w) => n + w.bytes, 0));
  }
  checkErrors(page, name);
  await context.close();
  figure(`${name}_keystroke_to_saved`, latency, 'ms', 'keydown to the last localStorage.setItem of the save it causes');
  figure(`${name}_keystroke_step_keydown_to_input`, toInput, 'ms', 'keydown to the input event: the browser, before the app sees the keystroke');
  figure(`${name}_keystroke_step_input_to_write`, toWrite, 'ms', 'input event to the first setItem: the app updates the page and prepares the save (compare, encode, pack)');
  figure(`${name}_keystroke_step_writing`, writing, 'ms', 'the setItem calls of the save');
  figure(`${name}_bytes_per_keystroke`, bytes, 'B', 'bytes of the keys and values one keystroke\'s save writes, as storage holds them (UTF-16: 2 per character)');
}

// --- Search over the 1,000 accounts, a keystroke at a time. ----------------------------
/**
 * Types a contact's name into the search panel letter by letter: each keystroke is timed
 * from its input event to a timeout after it (every microtask the update queued has run:
 * the search and the render of its results). The first query also builds the index.
 */
async function search1000(browser, url) {
  const { context, page } = await freshPage(browser);
  await store1000(page, url);
  await page.goto(url, { timeout: 120_000 });
  await waitForMark(page, 'load-scored');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('searchbox', { name: /^Search accounts, contacts/ }).waitFor();
  const time = (q) => page.evaluate(async (q) => {
    const el = document.getElementById('search-field');
    const t0 = performance.now();
    el.value = q;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((ok) => setTimeout(ok, 0));
    return { ms: performance.now() - t0, results: document.querySelectorAll('.search-results a').length };
  }, q);
  const first = [(await time('m')).ms];
  const keys = [];
  for (let i = 0; i < Math.max(RUNS, 3); i++) {
    for (const q of ['', 'm', 'ma', 'may', 'maya', 'maya ', 'maya p', 'maya pa', 'maya pat']) {
      const r = await time(q);
      if (q.length > 1) keys.push(r.ms);
      if (q === 'maya pat' && r.results === 0) throw new Error('search_1000: no result for "maya pat"');
    }
  }
  checkErrors(page, 'search 1000');
  await context.close();
  figure('search_1000_first_query', first, 'ms', 'the first query after opening the search (builds the index of the 1,000 accounts, then searches): input event to its results rendered');
  figure('search_1000_keystroke', keys, 'ms', 'a keystroke of search ("ma" … "maya pat", 2 to 8 characters) over the 1,000 accounts (30,000 contacts, 200,000 interaction notes): input event to its results rendered');
}

// --- The browser's localStorage quota, in characters. -----------------------------------
async function quota(browser, url) {
  const { context, page } = await freshPage(browser);
  await page.goto(`${url}manifest.webmanifest`);
  const chars = await page.evaluate(() => {
    const fits = (n) => { localStorage.clear(); try { localStorage.setItem('q', 'a'.repeat(n - 1)); return true; } catch { return false; } };
    let lo = 1, hi = 32 * 1024 * 1024;
    while (hi - lo > 1) { const m = Math.floor((lo + hi) / 2); if (fits(m)) lo = m; else hi = m; }
    localStorage.clear();
    return lo;
  });
  await context.close();
  figures.push({ name: 'localstorage_quota', value: chars, unit: 'chars', note: 'the most characters (key + value, UTF-16 code units) one origin could store' });
  console.log(`bench: localstorage_quota ${chars} chars`);
}

// --- Team sync: the 1,000 accounts' first sync and a one-edit sync, against the local test
// server (pouchdb-server) served from the app's origin through a proxy (docs/sync.md).
async function waitSynced(page, timeout = 600_000) {
  await page.waitForFunction(() => {
    const s = document.querySelector('.sync-status [role=status]')?.textContent ?? '';
    const waiting = document.querySelector('.sync-status')?.textContent ?? '';
    return s.includes('Last synced') && !s.includes('Syncing') && waiting.includes('No changes waiting');
  }, null, { timeout });
}

async function sync1000(browser) {
  const couch = await startCouch();
  const site = await serveWithProxy(SITE, couch);
  const first = [], oneEdit = [];
  try {
    const { context, page } = await freshPage(browser);
    await store1000(page, site.url);
    await page.goto(`${site.url}?page=settings`, { timeout: 120_000 });
    await page.getByLabel('Server address').fill(site.couchUrl);
    await page.getByLabel('Team database').fill('team');
    await page.getByLabel('User name').fill('ann');
    await page.getByLabel('Password').fill(USERS.ann.password);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Sign in and sync' }).click();
    await waitSynced(page);
    first.push(Date.now() - t0);
    for (let i = 0; i < Math.max(RUNS, 5); i++) {
      // In-app navigation: a reload would start a sync of its own.
      await page.getByRole('link', { name: 'Portfolio' }).first().click();
      await page.locator('table.portfolio tbody tr a').first().click();
      await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Overview & revenue' }).click();
      const notes = page.getByLabel('Notes');
      await notes.fill(`edit ${i}`);
      await notes.press('Tab');
      await page.getByRole('link', { name: 'Settings' }).first().click();
      await page.getByText(/Changes waiting to be sent: 1\./).waitFor({ timeout: 120_000 });
      const t = Date.now();
      await page.getByRole('button', { name: 'Sync now' }).click();
      await waitSynced(page);
      oneEdit.push(Date.now() - t);
    }
    checkErrors(page, 'sync 1000');
    await context.close();
  } finally {
    await site.close();
    await couch.stop();
  }
  figure('sync_first_1000', first, 'ms', 'sign-in to synced: the 1,000 benchmark accounts, their team and settings pushed to an empty team database (pouchdb-server 4.2.0, LevelDB, same machine), 100 per _bulk_docs; one run');
  figure('sync_one_edit', oneEdit, 'ms', '"Sync now" to synced after one edit of one account among 1,000: _changes since the last sequence, one _bulk_docs of one document');
}

const data = JSON.parse(await readFile(`${DATA}data.json`, 'utf8'));
await transferAll();
await makeSite();
const server = await serve(SITE);
const browser = await launch();
const chromium = browser.version();
// `BENCH_ONLY=load,keys node bench/browser.mjs` runs some of the groups (while working on one).
const only = process.env.BENCH_ONLY?.split(',');
const group = (name) => !only || only.includes(name);
try {
  if (group('transfer')) await transferFirstVisit(browser, server.url);
  if (group('demo')) await demoLoad(browser, server.url);
  if (group('load')) await load1000(browser, server.url);
  if (group('import')) await import4mb(browser, server.url, data.import_file_accounts);
  if (group('rollup')) await rollup(browser, server.url, data.rollup_files, data.rollup_bytes);
  if (group('keys')) {
    await keystrokes(browser, server.url, 'demo', async () => {}, async (page) => {
      await waitForMark(page, 'portfolio-interactive');
      await page.locator('table.portfolio tbody tr a').first().click();
      await page.getByRole('navigation', { name: 'Plan sections' }).getByRole('link', { name: 'Overview & revenue' }).click();
    });
    await keystrokes(browser, `${server.url}?account=acc-000500&section=revenue`, 'ws1000', (page) => store1000(page, server.url), async () => {});
  }
  if (group('search')) await search1000(browser, server.url);
  if (group('quota')) await quota(browser, server.url);
  if (group('sync')) await sync1000(browser);
} finally {
  await browser.close();
  await server.close();
}
if (!only) await writeFile(`${DATA}browser.json`, JSON.stringify({ runs: RUNS, chromium, figures }, null, 2));
