#!/usr/bin/env node
// Collects the figures of `make bench` and prints them, one `bench: <name> <value> <unit>`
// line each, then a table against the budgets; writes them all to target/bench.json.
//
// Sources: criterion's medians (target/criterion/<name>/new/estimates.json, in ns), the
// sizes from the bench_data example (target/bench/data.json), the wasm benchmark's output
// (target/bench/wasm.log) and the browser benchmarks (target/bench/browser.json).
// A missed budget is reported, never an error: only a missing figure fails.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url).pathname;
const at = (p) => `${root}${p}`;
const figures = [];
const add = (name, value, unit, note) => figures.push({ name, value, unit, ...(note ? { note } : {}) });

// Native (criterion, median).
const NATIVE = {
  score_1000: 'score_account for each of the 1,000 accounts',
  portfolio_1000: 'the portfolio rows and totals of the 1,000 accounts (scores, staleness, trend)',
  validate_1000: 'domain::validate of the workspace',
  json_encode_1000: 'export_workspace (pretty JSON)',
  json_decode_1000: 'parse_import of that file (JSON, migration, types, validation)',
  storage_decode_1000: 'codec::decode_storage of the 1,000 accounts\' stored keys (what a load decodes)',
  workspace_clone_1000: 'cloning the workspace (the app does it once on load, as what storage holds)',
  storage_writes_1_edit_1000: 'codec::storage_writes after one edit (every account compared, one encoded)',
  storage_writes_keystroke_1000: 'the writes of a keystroke\'s save as the app computes them: scoped to the edited account (codec::writes_after_loss with Scope::Accounts)',
  encode_account_busy: 'codec::encode_account of one account of the benchmark shape (JSON, DEFLATE, packed text)',
  agenda_1000: 'domain::agenda (my week) of everyone\'s 1,000 accounts',
  search_index_1000: 'domain::search::index: folding the text of the 1,000 accounts once (rebuilt on the first search after an edit)',
  search_keystroke_1000: 'domain::search of the first five letters of a contact\'s name over that index (every kind, 8 per kind)',
  search_keystroke_1letter_1000: 'domain::search of the one letter "a" (almost every entity matches)',
  merge_1000: 'entity-level merge of two copies of 1,000 accounts (100 edited on both sides, 10 of them in conflict; 20 deleted there, 50 new)',
};
for (const [name, note] of Object.entries(NATIVE)) {
  const file = at(`target/criterion/${name}/new/estimates.json`);
  if (!existsSync(file)) throw new Error(`bench-report: no criterion result for ${name} (${file})`);
  const est = JSON.parse(readFileSync(file, 'utf8'));
  add(`native_${name}`, round(est.median.point_estimate / 1e6), 'ms', note);
}

// Sizes of the synthetic workspace.
const data = JSON.parse(readFileSync(at('target/bench/data.json'), 'utf8'));
add('storage_1000', data.storage_chars, 'chars', 'characters (UTF-16 code units) of the keys and values the 1,000 accounts take in localStorage');
add('export_1000', round(data.export_bytes / 1e6), 'MB', 'the 1,000 accounts\' export file');

// Wasm (printed by tests/bench_wasm.rs).
const wasmLog = readFileSync(at('target/bench/wasm.log'), 'utf8');
for (const m of wasmLog.matchAll(/bench: (wasm_\w+) ([\d.]+) (\w+)/g)) add(m[1], Number(m[2]), m[3], 'median of 11 runs inside wasm (release), timed with performance.now()');
if (!figures.some((f) => f.name === 'wasm_score_1000')) throw new Error('bench-report: no wasm_score_1000 in target/bench/wasm.log');

// Browser.
const browser = JSON.parse(readFileSync(at('target/bench/browser.json'), 'utf8'));
for (const f of browser.figures) figures.push(f);

const MiB = 1024 * 1024;
const BUDGETS = [
  ['app_transfer_gzip', 400, 'first visit until interactive ≤ 400 KB gzip'],
  ['app_transfer_all_gzip', 800, 'the whole app, every file ≤ 800 KB gzip'],
  ['demo_first_contentful_paint', 300, 'first contentful paint ≤ 300 ms'],
  ['demo_interactive', 500, 'portfolio interactive, demo ≤ 500 ms'],
  ['load_1000_interactive', 500, 'first screen interactive, 1,000 accounts ≤ 500 ms'],
  ['load_1000_scored', 1000, 'every score shown, 1,000 accounts ≤ 1,000 ms'],
  ['load_1000_longest_task', 50, 'no task over 50 ms during that load'],
  ['native_score_1000', 20, 'scoring 1,000 accounts natively ≤ 20 ms'],
  ['native_merge_1000', 500, 'merging two 1,000-account workspaces, 100 edited on both sides ≤ 500 ms'],
  ['search_1000_keystroke', 16, 'a keystroke of search over 1,000 accounts in the browser ≤ 16 ms'],
  ['native_agenda_1000', 50, 'my week over 1,000 accounts natively ≤ 50 ms'],
  ['native_search_keystroke_1000', 16, 'a keystroke of search over 1,000 accounts (30,000 contacts) natively ≤ 16 ms'],
  ['wasm_score_1000', 60, 'scoring 1,000 accounts in wasm ≤ 60 ms'],
  ['import_4mb_preview', 500, 'import preview of 4 MB ≤ 500 ms'],
  ['rollup_8_preview', 3000, 'roll-up of eight 50-account files until the preview ≤ 3 s'],
  ['rollup_8_longest_task', 200, 'no task over 200 ms meanwhile'],
  ['demo_keystroke_to_saved', 16, 'keystroke to saved ≤ 16 ms (demo)'],
  ['ws1000_keystroke_to_saved', 16, 'keystroke to saved ≤ 16 ms (1,000 accounts)'],
  ['demo_bytes_per_keystroke', 10_000, 'well under 10 KB per keystroke (demo)'],
  ['ws1000_bytes_per_keystroke', 10_000, 'well under 10 KB per keystroke (1,000 accounts)'],
  ['sync_first_1000', 60_000, 'first sync of the 1,000 accounts to an empty team database ≤ 60 s'],
  ['sync_one_edit', 1000, 'a one-edit sync among 1,000 accounts ≤ 1 s'],
  ['storage_1000', 4 * MiB, '1,000 accounts ≤ 4 MiB stored (4 Mi chars; quota 5 Mi)'],
];
for (const [name, max] of BUDGETS) {
  const f = figures.find((x) => x.name === name);
  if (!f) throw new Error(`bench-report: no figure ${name}`);
  f.budget = max;
  f.met = f.value <= max;
}

for (const f of figures) console.log(`bench: ${f.name} ${f.value} ${f.unit}`);

console.log('');
const rows = BUDGETS.map(([name, max, what]) => {
  const f = figures.find((x) => x.name === name);
  return [what, `${fmt(f.value)} ${f.unit}`, `${fmt(max)} ${f.unit}`, f.met ? 'met' : 'MISSED'];
});
const head = ['budget', 'measured', 'limit', 'result'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
rows.forEach((r) => console.log(line(r)));
const missed = rows.filter((r) => r[3] !== 'met').length;
console.log(`\nbench: ${rows.length - missed} of ${rows.length} budgets met${missed ? ` (${missed} missed: see docs/performance.md)` : ''}`);

writeFileSync(at('target/bench.json'), JSON.stringify({
  date: new Date().toISOString(),
  runs: browser.runs,
  chromium: browser.chromium,
  synthetic: { accounts: data.accounts, today: data.today, import_file_accounts: data.import_file_accounts, import_file_bytes: data.import_file_bytes },
  figures,
}, null, 2));
console.log('bench: wrote target/bench.json');

function round(x) { return Math.round(x * 100) / 100; }
function fmt(x) { return Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 2 }); }
