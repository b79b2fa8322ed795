// Trunk post_build step (run first by post-build.mjs): code splitting.
//
// Cuts the app's wasm at its split points (the views of src/app.rs) into the first
// screen's main module and chunks loaded on demand, and puts them in place of Trunk's
// unsplit output in the staging dir:
//   cargo's wasm (Trunk has no pre-wasm-bindgen hook, so it is read from the target dir)
//   -> wasm-split-cli (crate wasm_split_cli_support, installed by `make setup`)
//   -> wasm-bindgen --target web --keep-lld-exports (the chunks link against those exports)
//   -> wasm-opt -Oz on the main module and every chunk (release; index.html turns Trunk's
//      own wasm-opt off, whose output this would discard)
//   -> every chunk and the loader (__wasm_split.js) named by its content hash, with the
//      references to them rewritten and the chunks fetched with `integrity`.
// Trunk's preloads and loader in index.html are replaced by preloads of the split files
// and assets/boot-start.template.js, which starts the app or says why it could not.
//
// The main module keeps Trunk's name, whose hash is of cargo's wasm: the split pieces are
// a function of that wasm (and of the pinned tools), and the main JS and the loader import
// each other, so neither could carry a hash of the other.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

const runAsync = promisify(execFile);
const run = async (cmd, args) => {
  try {
    await runAsync(cmd, args, { maxBuffer: 64 << 20 });
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error(`split: ${cmd} is not on PATH (run \`make setup\`)`);
    throw new Error(`split: ${cmd} ${args.join(' ')} failed:\n${e.stderr ?? e.message}`);
  }
};
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const ms = (t0) => `${Date.now() - t0} ms`;

const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline']));
const cargoWasm = (targetDir) => join(targetDir, 'wasm32-unknown-unknown', profile, `${bin}.wasm`);

let html = readFileSync(join(staging, 'index.html'), 'utf8');
const stem = html.match(/from '\.\/([^']+)\.js'/)[1];

/** Splits one cargo wasm into `stem`'s files in the staging dir; returns what the page
 * needs to start it. */
async function split(input, stem) {
  const work = mkdtempSync(join(tmpdir(), 'split-'));
  try {
    const t0 = Date.now();
    await run('wasm-split-cli', [input, work, '--out-name', stem]);
    await run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
      ...(keepNames ? ['--keep-debug'] : []),
      '--out-dir', work, '--out-name', stem, join(work, `${stem}.wasm`)]);
    rmSync(join(work, `${stem}.wasm`)); // the split main module before wasm-bindgen
    const files = readdirSync(work);
    if (!files.includes(LOADER)) {
      throw new Error(`split: no ${LOADER}: does the wasm have split points (feature "split")?`);
    }
    if (profile === 'release') {
      await Promise.all(files.filter((f) => f.endsWith('.wasm')).map((f) =>
        run('wasm-opt', ['-Oz', ...(keepNames ? ['-g'] : []), join(work, f), '-o', join(work, f)])));
    }

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
    // The loader: content-hashed, and imported by that name from the main JS.
    const loaderName = `__wasm_split-${hash(loader)}.js`;
    writeFileSync(join(staging, loaderName), loader);
    let glue = readFileSync(join(work, `${stem}.js`), 'utf8');
    // Only the import statements: the import object's key "./__wasm_split.js" stays, as it
    // names the module the wasm imports from.
    const importOf = `from "./${LOADER}"`;
    if (!glue.includes(importOf)) throw new Error(`split: ${stem}.js does not import ./${LOADER}`);
    glue = glue.replaceAll(importOf, `from "./${loaderName}"`);
    writeFileSync(join(staging, `${stem}.js`), glue);
    const wasm = readFileSync(join(work, `${stem}_bg.wasm`));
    writeFileSync(join(staging, `${stem}_bg.wasm`), wasm);
    console.log(`split: ${stem}: main module and ${chunks.length} chunks (${ms(t0)})`);
    return {
      js: `./${stem}.js`,
      wasm: `./${stem}_bg.wasm`,
      preload: [
        { rel: 'modulepreload', href: `./${stem}.js`, integrity: sri(glue) },
        { rel: 'modulepreload', href: `./${loaderName}`, integrity: sri(loader) },
        { rel: 'preload', href: `./${stem}_bg.wasm`, integrity: sri(wasm) },
      ],
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (profile === 'release') {
  // The wasm-opt of binaryen 132 (Trunk.toml's `wasm_opt`), never another on PATH:
  // Debian's binaryen 108 produces wasm that dies in the browser.
  const version = execFileSync('wasm-opt', ['--version'], { encoding: 'utf8' });
  if (!/version 132\b/.test(version)) {
    throw new Error(`split: wasm-opt on PATH is "${version.trim()}", not binaryen 132 (run through make, which puts e2e/node_modules/.bin first)`);
  }
}
const build = await split(cargoWasm(meta.target_directory), stem);

// index.html: Trunk's preloads and loader out; the split files' preloads and the page's
// start in their place, before the stylesheets, so that the app downloads while they load.
for (const link of html.match(/\s*<link rel="(module)?preload" [^>]*>/g) ?? []) {
  if (!link.includes(`"./${stem}`)) throw new Error(`split: index.html preloads something else: ${link.trim()}`);
  html = html.replace(link, '');
}
const trunkLoader = html.match(/<script type="module">[\s\S]*?<\/script>/);
if (!trunkLoader) throw new Error('split: index.html has no Trunk loader (<script type="module">)');
const firstStylesheet = html.search(/<link rel="stylesheet"/);
if (firstStylesheet >= 0 && trunkLoader.index > firstStylesheet) {
  throw new Error("split: Trunk's loader comes after the stylesheets; the app's download would wait for them");
}
const preloads = build.preload.map(({ rel, href, integrity }) => (rel === 'preload'
  ? `<link rel="preload" href="${href}" as="fetch" type="application/wasm" crossorigin="anonymous" integrity="${integrity}">`
  : `<link rel="modulepreload" href="${href}" crossorigin="anonymous" integrity="${integrity}">`));
const start = readFileSync(new URL('../assets/boot-start.template.js', import.meta.url), 'utf8').trim()
  .replace('__BUILD__', () => JSON.stringify({ js: build.js, wasm: build.wasm }));
html = html.replace(trunkLoader[0], () => `${preloads.join('\n    ')}\n    <script type="module">\n${start}\n</script>`);
writeFileSync(join(staging, 'index.html'), html);
