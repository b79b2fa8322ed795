// Trunk post_build hook: the steps that finish a build, in order (Trunk starts several
// hooks at once, so the order lives here): first the code splitting (scripts/split.mjs),
// which replaces the wasm and its JS, then the Content Security Policy of index.html, then
// the service worker's file list, which hashes the final page and lists every chunk.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addPolicy } from './csp.mjs';

await import('./split.mjs');
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: run as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
const page = join(dir, 'index.html');
const html = addPolicy(await readFile(page, 'utf8'));
await writeFile(page, html);
console.log(`csp: ${html.match(/Content-Security-Policy" content="([^"]*)"/)[1]}`);
await import('./sw-manifest.mjs');
