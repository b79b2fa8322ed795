// The browser engines the cross-browser journeys run in, each driven over W3C WebDriver by
// `selenium-webdriver` (the Selenium project's own client: maintained with the WebDriver
// standard, no browser download, and it talks to any driver server we start ourselves).
//
// - Chromium (Debian's) through Debian's `chromedriver`, the same journeys as the others
//   (the Playwright suite in specs/ goes further in Chromium).
// - Firefox ESR (Debian's `firefox-esr`) through `geckodriver` (installed by cargo).
// - WebKitGTK, the engine of Safari, through Debian's `WebKitWebDriver`, which starts the
//   MiniBrowser of WebKitGTK 4.1 with `--automation`; it needs an X display, so an Xvfb
//   server is started when none is set.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import { CHROMIUM_ARGS } from '../lib/browser.js';

const MINIBROWSER = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
].find(existsSync);

const which = (names) => names.find(existsSync);

export const ENGINES = {
  chromium: {
    label: 'Chromium',
    driver: () => which(['/usr/bin/chromedriver']),
    args: (port) => [`--port=${port}`],
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': { binary: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    }),
  },
  firefox: {
    label: 'Firefox ESR',
    driver: () => which([join(homedir(), '.cargo/bin/geckodriver'), '/usr/local/bin/geckodriver', '/usr/bin/geckodriver']),
    args: (port) => ['--port', String(port)],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: { 'browser.download.folderList': 2, 'browser.download.useDownloadDir': true },
      },
    }),
  },
  webkit: {
    label: 'WebKitGTK',
    display: true,
    driver: () => which(['/usr/bin/WebKitWebDriver']),
    args: (port) => [`--port=${port}`],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }),
  },
};

let xvfb = null;

/** An X display for engines that need one: the current one, or a new Xvfb. */
async function ensureDisplay() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  if (!xvfb) {
    const display = ':97';
    xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    xvfb.display = display;
    await new Promise((ok) => setTimeout(ok, 800));
  }
  return xvfb.display;
}

export function stopDisplay() {
  xvfb?.kill();
  xvfb = null;
}

/** A port nobody listens on now (a stale driver on a fixed port would answer instead). */
function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** Starts the engine's driver server; returns it with a `session()` factory and `stop()`. */
export async function startEngine(name) {
  const engine = ENGINES[name];
  const binary = engine.driver();
  if (!binary) throw new Error(`${engine.label}: no WebDriver server found (run make setup)`);
  const env = { ...process.env };
  if (engine.display) env.DISPLAY = await ensureDisplay();
  const port = await freePort();
  const proc = spawn(binary, engine.args(port), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (i > 100) throw new Error(`${engine.label}: the driver did not start\n${stderr}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return {
    name,
    label: engine.label,
    /** A new browser session with a fresh profile (empty storage). */
    session: () => new Builder().usingServer(url).withCapabilities(engine.capabilities()).build(),
    stop: () => proc.kill(),
  };
}
