// Writes dist-single/account-planner.html from the release build in dist/: one file with
// the CSS, the JS glue and the wasm (base64) inlined, started with wasm-bindgen's
// synchronous init, so it runs from file:// with no server; the code-split chunks inlined
// in their loader. Prints its size.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { addPolicy } from './csp.mjs';

const dist = process.argv[2] ?? 'dist';
const outDir = process.argv[3] ?? 'dist-single';
const html = await readFile(join(dist, 'index.html'), 'utf8');

// The app's files, as the page's start (assets/boot-start.template.js) names them.
const build = html.match(/const build = (\{.*\});$/m)?.[1];
if (!build) throw new Error(`single: no build found in ${dist}/index.html (scripts/split.mjs)`);
const { js, wasm: wasmPath } = JSON.parse(build);
const [jsName, wasmName] = [js, wasmPath].map((p) => p.replace(/^\.\//, ''));

// The glue as a classic script: no exports, no import.meta (only the async loader uses it).
let glue = await readFile(join(dist, jsName), 'utf8');
glue = glue
  .replace(/^export \{[^}]*\};?\s*$/m, '')
  .replace(/^export (class|function|const|let|async function) /gm, '$1 ')
  .replace(/import\.meta\.url/g, 'location.href');
// The code-splitting loader (scripts/split.mjs) inlined too, each chunk's bytes in it in place
// of its fetch (file:// has no fetch, and this file's policy allows no connections).
const splitImports = [...glue.matchAll(/^import \* as (\w+) from "\.\/(__wasm_split-[0-9a-f]+\.js)";?\s*$/gm)];
if (!splitImports.length) throw new Error(`single: ${jsName} imports no code-splitting loader`);
for (const loaderName of new Set(splitImports.map((m) => m[2]))) {
  let link = await readFile(join(dist, loaderName), 'utf8');
  link = link.replace(/^import \{ initSync \} from "[^"]+";?\s*$/m, '');
  const names = [...link.matchAll(/^export const (\w+) =/gm)].map((m) => m[1]);
  link = link.replace(/^export const /gm, 'const ');
  let chunks = 0;
  link = link.replace(/fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)(?:, \{ integrity: "[^"]+" \})?\)/g, (m, f) => {
    chunks += 1;
    return `Promise.resolve(new Response(Uint8Array.from(atob(${JSON.stringify(
      readFileSync(join(dist, f)).toString('base64'))}), (c) => c.charCodeAt(0)), { headers: { 'content-type': 'application/wasm' } }))`;
  });
  if (!chunks || /fetch\(/.test(link)) throw new Error(`single: ${loaderName}: a chunk's fetch was not inlined`);
  glue += `\n${link}\nconst __wasm_split_link = { ${names.join(', ')} };\n`;
}
for (const m of splitImports) glue = glue.replace(m[0], '') + `const ${m[1]} = __wasm_split_link;\n`;
if (/^\s*(export|import)\s/m.test(glue)) throw new Error('single: the JS glue still has an import or export');

const wasm = (await readFile(join(dist, wasmName))).toString('base64');
const start = `<script>
${glue.replace(/<\/script/gi, '<\\/script')}
(() => {
  const text = atob(${JSON.stringify(wasm)});
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  initSync({ module: bytes });
})();
</script>`;

let out = html;
// Inline the stylesheets in order.
for (const [tag, href] of [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)"[^>]*>/g)]) {
  const css = await readFile(join(dist, href), 'utf8');
  out = out.replace(tag, `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`);
}
// The icon as a data URI; drop what needs a server: the PWA manifest, preloads, the loader.
out = await (async () => {
  const m = out.match(/<link rel="icon" href="\.\/([^"]+\.svg)"[^>]*>/);
  if (!m) return out;
  const svg = (await readFile(join(dist, m[1]))).toString('base64');
  return out.replace(m[0], `<link rel="icon" href="data:image/svg+xml;base64,${svg}">`);
})();
out = out
  .replace(/<link rel="manifest"[^>]*>\s*/g, '')
  .replace(/<link rel="apple-touch-icon"[^>]*>\s*/g, '')
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
  .replace(/<script type="module">[\s\S]*?<\/script>\s*/, '');
// A script left of the served page would fetch the app, or start it a second time.
if (/<script/i.test(out)) throw new Error('single: the served page has a script this file does not replace');
// Start after <body> exists, as the module script did.
out = out.replace('</body>', `${start}\n</body>`);
// The served policy trusts the server's origin; this file has none: hashes only.
out = addPolicy(out, { single: true });

await mkdir(outDir, { recursive: true });
const file = join(outDir, 'account-planner.html');
await writeFile(file, out);
const bytes = Buffer.byteLength(out);
console.log(`single: ${file} ${bytes} bytes, ${gzipSync(out, { level: 9 }).length} gzip`);
