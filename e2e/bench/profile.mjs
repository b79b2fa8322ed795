// Where the time of a keystroke goes, with the 1,000 benchmark accounts stored: the release
// build's wasm, given back its function names, in Debian's Chromium with the CPU profiler
// on while 30 keys are typed into account 500's Notes. Prints the functions with the most
// self time per keystroke. `make profile` (after `make bench` has written the data);
// `PROFILE=load make profile` profiles the app's start with those accounts instead.
//
// The names: the release build strips them, so the same release build is made again into
// target/bench/profile-site with SPLIT_KEEP_NAMES=1, which keeps them in the main module and
// every chunk (scripts/split.mjs); cargo's output is reused, so only the post-build steps run.
// The code is the same; only the name sections are kept.
import { rm, symlink } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { serve } from '../lib/server.js';
import { launch } from '../lib/browser.js';
import { store1000 } from './storage.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const DATA = `${ROOT}target/bench/`;
const SITE = `${DATA}profile-site/`;
const KEYS = 30;
// PROFILE=load profiles the app's start with the 1,000 accounts instead of keystrokes.
const LOAD = process.env.PROFILE === 'load';

await rm(SITE, { recursive: true, force: true });
execFileSync('trunk', ['build', '--release', '--offline', '--dist', SITE], {
  cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SPLIT_KEEP_NAMES: '1' },
});
await symlink(`${DATA}storage-1000.json`, `${SITE}bench-storage-1000.json`);

const server = await serve(SITE);
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await store1000(page, server.url);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  let per = KEYS;
  let what = 'keystroke';
  if (LOAD) {
    // The app's start with the 1,000 accounts, until the portfolio's table shows.
    per = 1;
    what = 'load';
    await cdp.send('Profiler.start');
    await page.goto(server.url);
    await page.getByRole('table').first().waitFor({ timeout: 120_000 });
  } else {
    await page.goto(`${server.url}?account=acc-000500&section=revenue`);
    const notes = page.getByLabel('Notes');
    await notes.waitFor({ timeout: 120_000 });
    await notes.click();
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    await page.waitForTimeout(500);
    await cdp.send('Profiler.start');
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.press('a');
      await page.waitForTimeout(60);
    }
  }
  const { profile } = await cdp.send('Profiler.stop');

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  // Self time by function, and by script or wasm module (the main module and each chunk
  // are separate wasm modules), in one pass over the samples.
  const self = new Map();
  const byUrl = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    add(self, frame.functionName || `(${frame.url.split('/').pop() || 'anonymous'})`, ms);
    if (frame.functionName !== '(idle)') add(byUrl, frame.url || '(native)', ms);
  });
  const list = (map, n) => [...map].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, n)
    .forEach(([k, ms]) => console.log(`${(ms / per).toFixed(3).padStart(8)} ms  ${k.slice(0, 150)}`));
  const busy = [...self].filter(([n]) => n !== '(idle)').reduce((t, [, ms]) => t + ms, 0);
  console.log(`profile: ${(busy / per).toFixed(2)} ms of CPU per ${what} (everything but idle), by self time:`);
  list(self, 30);
  console.log(`profile: by script or wasm module, per ${what}:`);
  list(byUrl, 12);
} finally {
  await browser.close();
  await server.close();
}
