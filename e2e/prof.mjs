import { serve } from './lib/server.js';
import { launch } from './lib/browser.js';
const server = await serve('/tmp/prof-site');
const browser = await launch();
const context = await browser.newContext();
const page = await context.newPage();
page.on('pageerror', (e) => console.log('pageerror', e.message.slice(0, 200)));
await page.goto(`${server.url}manifest.webmanifest`);
await page.evaluate(async () => {
  const data = await (await fetch('bench-storage-1000.json')).json();
  localStorage.clear();
  for (const [k, v] of Object.entries(data)) localStorage.setItem(k, v);
});
await page.goto(`${server.url}?account=acc-000500&section=revenue`);
const notes = page.getByLabel('Notes');
await notes.waitFor({ timeout: 60000 });
await notes.click();
await page.keyboard.press('End');
await page.keyboard.type('x');
await page.waitForTimeout(500);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 30; i++) { await page.keyboard.press('a'); await page.waitForTimeout(60); }
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => {
  const n = byId.get(id); const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
  const t = (dt[i] ?? 0) / 1000; total += t;
  self.set(name, (self.get(name) ?? 0) + t);
});
const top = [...self.entries()].filter(([n]) => n !== '(idle)' && n !== '(program)').sort((a, b) => b[1] - a[1]).slice(0, 40);
let busy = 0; for (const [n, t] of self) if (n !== '(idle)') busy += t;
console.log('total ms', total.toFixed(0), 'non-idle', busy.toFixed(0), 'per keystroke', (busy / 30).toFixed(2));
for (const [n, t] of top) console.log((t / 30).toFixed(3).padStart(8), n.slice(0, 140));
await browser.close(); await server.close();
