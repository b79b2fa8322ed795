// Runs the cross-browser journeys in each engine named on the command line (default: all)
// against the release build in dist/ and dist-single/, and prints one line per engine.
// Exits non-zero if any journey fails in any engine.
import { serve } from '../lib/server.js';
import { ENGINES, startEngine, stopDisplay } from './engines.mjs';
import { JOURNEYS } from './journeys.mjs';

/** `promise`, or a failure naming `what` after `ms`: a hung driver must not hang CI. */
function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(ENGINES);
const server = await serve(new URL('../../dist', import.meta.url).pathname);
const single = new URL('../../dist-single/account-planner.html', import.meta.url).pathname;
const summary = [];
let failed = 0;
try {
  for (const name of names) {
    let engine = await startEngine(name);
    // A browser start that hangs is the driver's, not the app's (WebKitWebDriver has hung
    // on one in about 30 runs): the driver is restarted and the start tried once more.
    const open = async (what) => {
      try {
        return await within(60_000, what, engine.session());
      } catch (e) {
        console.log(`# ${engine.label}: ${e.message}; restarting the driver and trying again`);
        engine.stop();
        engine = await startEngine(name);
        return within(60_000, what, engine.session());
      }
    };
    let passed = 0;
    try {
      for (const journey of JOURNEYS) {
        const started = Date.now();
        let d = null;
        try {
          d = await open('starting the browser');
          const session = () => open('starting another browser');
          await within(180_000, 'the journey', journey.run(d, { url: server.url, single, session }));
          passed++;
          console.log(`ok - ${engine.label}: ${journey.name} (${Date.now() - started} ms)`);
        } catch (e) {
          failed++;
          console.log(`not ok - ${engine.label}: ${journey.name}\n  ${String(e.stack ?? e).split('\n').slice(0, 4).join('\n  ')}`);
        } finally {
          await d?.quit().catch(() => {});
        }
      }
    } finally {
      engine.stop();
    }
    summary.push(`cross-browser: ${engine.label}: ${passed}/${JOURNEYS.length} journeys passed`);
  }
} finally {
  await server.close();
  stopDisplay();
}
for (const line of summary) console.log(line);
process.exit(failed ? 1 : 0);

