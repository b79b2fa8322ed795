// Trunk post_build step (run first by post-build.mjs): code splitting. Cuts the app's wasm
// at its `#[lazy]` functions (src/app.rs) into the first screen's main module and chunks
// loaded on demand, and puts them in place of Trunk's unsplit output in the staging dir:
//   cargo's wasm (Trunk has no pre-wasm-bindgen hook, so it is read from the target dir)
//   -> wasm-split-cli (crate wasm_split_cli_support, installed by `make setup`)
//   -> wasm-bindgen --target web --keep-lld-exports (the chunks link against those exports)
//   -> wasm-opt -Oz on the main module and every chunk (release; index.html turns Trunk's
//      own wasm-opt off, whose output this would discard)
//   -> every chunk and the loader (__wasm_split.js) named by its content hash, with the
//      references to them rewritten, the chunks fetched with `integrity`, the loader
//      preloaded with `integrity`, and every `integrity` of index.html recomputed.
// The main module keeps Trunk's name, whose hash is of cargo's wasm: the split pieces are a
// function of it (and of the pinned tools), and the main JS and the loader import each
// other, so neither could carry a hash of the other.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('split: run as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
const bin = 'account-planner';
// SPLIT_KEEP_NAMES=1 keeps the functions' names in every piece (wasm-bindgen --keep-debug,
// wasm-opt -g), for a CPU profile to name them (`make profile`); never for dist/.
const keepNames = process.env.SPLIT_KEEP_NAMES === '1';
const LOADER = '__wasm_split.js';

const run = (cmd, args) => {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error(`split: ${cmd} is not on PATH (run \`make setup\`)`);
    throw e;
  }
};
const runAsync = promisify(execFile);
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline']));
const input = join(meta.target_directory, 'wasm32-unknown-unknown', profile, `${bin}.wasm`);

const page = join(staging, 'index.html');
let html = readFileSync(page, 'utf8');
const stem = html.match(/from '\.\/([^']+)\.js'/)[1];
const work = mkdtempSync(join(tmpdir(), 'split-'));
try {
  const t0 = Date.now();
  run('wasm-split-cli', [input, work, '--out-name', stem]);
  const t1 = Date.now();
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
    ...(keepNames ? ['--keep-debug'] : []),
    '--out-dir', work, '--out-name', stem, join(work, `${stem}.wasm`)]);
  rmSync(join(work, `${stem}.wasm`)); // the split main module before wasm-bindgen
  const t2 = Date.now();
  const files = readdirSync(work);
  if (!files.includes(LOADER)) {
    throw new Error(`split: no ${LOADER}: does the wasm have #[lazy] functions (feature "split")?`);
  }
  if (profile === 'release') {
    // The wasm-opt of binaryen 132 (Trunk.toml's `wasm_opt`), never another on PATH:
    // Debian's binaryen 108 produces wasm that dies in the browser.
    const version = execFileSync('wasm-opt', ['--version'], { encoding: 'utf8' });
    if (!/version 132\b/.test(version)) {
      throw new Error(`split: wasm-opt on PATH is "${version.trim()}", not binaryen 132 (run through make, which puts e2e/node_modules/.bin first)`);
    }
    await Promise.all(files.filter((f) => f.endsWith('.wasm')).map((f) =>
      runAsync('wasm-opt', ['-Oz', ...(keepNames ? ['-g'] : []), join(work, f), '-o', join(work, f)])));
  }
  const t3 = Date.now();

  // The chunks: content-hashed names, and fetched with their integrity.
  let loader = readFileSync(join(work, LOADER), 'utf8');
  const chunks = files.filter((f) => f.endsWith('.wasm') && f !== `${stem}_bg.wasm`);
  for (const f of chunks) {
    const bytes = readFileSync(join(work, f));
    const named = `${f.replace(/\.wasm$/, '')}-${hash(bytes)}.wasm`;
    const fetchOf = `fetch(new URL("./${f}", import.meta.url))`;
    if (loader.split(fetchOf).length !== 2) throw new Error(`split: ${LOADER} does not fetch ${f} once`);
    loader = loader.replace(fetchOf,
      `fetch(new URL("./${named}", import.meta.url), { integrity: "${sri(bytes)}" })`);
    writeFileSync(join(staging, named), bytes);
  }
  // The loader: content-hashed, imported by that name from the main JS, and preloaded.
  const loaderName = `__wasm_split-${hash(loader)}.js`;
  writeFileSync(join(staging, loaderName), loader);
  let glue = readFileSync(join(work, `${stem}.js`), 'utf8');
  // Only the import statements: the import object's key "./__wasm_split.js" stays, as it
  // names the module the wasm imports from.
  const importOf = `from "./${LOADER}"`;
  if (!glue.includes(importOf)) throw new Error(`split: ${stem}.js does not import ./${LOADER}`);
  glue = glue.replaceAll(importOf, `from "./${loaderName}"`);
  writeFileSync(join(staging, `${stem}.js`), glue);
  copyFileSync(join(work, `${stem}_bg.wasm`), join(staging, `${stem}_bg.wasm`));

  const preload = html.match(/<link rel="modulepreload" href="\.\/[^"]+\.js"[^>]*>/);
  if (!preload) throw new Error('split: index.html has no modulepreload of the main JS');
  html = html.replace(preload[0], `${preload[0]}<link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous" integrity="">`);
  html = html.replace(/(href="\.\/([^"]+)"[^>]*?integrity=")[^"]*"/g,
    (m, pre, f) => `${pre}${sri(readFileSync(join(staging, f)))}"`);
  writeFileSync(page, html);
  console.log(`split: main module and ${chunks.length} chunks (wasm-split ${t1 - t0} ms, `
    + `wasm-bindgen ${t2 - t1} ms, wasm-opt ${t3 - t2} ms)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
