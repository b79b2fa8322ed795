// A strict Content Security Policy for the built page, with every inline <script> and
// <style> it carries allowed by its SHA-256 hash (never 'unsafe-inline').
//
// post-build.mjs (the Trunk hook) adds the policy to the staged index.html before the
// service worker's file list is made; single.mjs uses `addPolicy` with `single: true` for
// the one-file build, which has no server origin to trust. Run on its own, this file
// adds the policy to $TRUNK_STAGING_DIR/index.html.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hashes of the contents of every inline `<tag>` (those without `src`). */
export function inlineHashes(html, tag) {
  const re = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'gi');
  return [...html.matchAll(re)]
    .filter((m) => !/\ssrc=/i.test(m[1] ?? ''))
    .map((m) => sha256(m[2]));
}

/**
 * The sync server's origin a build may talk to besides its own (`make dist
 * SYNC_ORIGIN=https://couch.example.com`), checked to be one origin and nothing more; none
 * by default: the recommended deployment serves CouchDB from the app's own origin through a
 * reverse proxy (docs/sync.md), which `'self'` covers.
 */
export function syncOrigin(value = process.env.SYNC_ORIGIN) {
  if (!value) return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`csp: SYNC_ORIGIN ${JSON.stringify(value)} is not a URL`);
  }
  if (!['https:', 'http:'].includes(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
    throw new Error(`csp: SYNC_ORIGIN must be an origin such as https://couch.example.com (no path), not ${JSON.stringify(value)}`);
  }
  return url.origin;
}

/** The policy for `html`. */
export function policyFor(html, { single = false, sync = syncOrigin() } = {}) {
  const scripts = inlineHashes(html, 'script').join(' ');
  const styles = inlineHashes(html, 'style').join(' ');
  const directives = single
    ? [
        "default-src 'none'",
        `script-src 'wasm-unsafe-eval' ${scripts}`,
        `style-src ${styles || "'none'"}`,
        'img-src data:',
        "connect-src 'none'",
      ]
    : [
        "default-src 'self'",
        `script-src 'self' 'wasm-unsafe-eval' ${scripts}`,
        `style-src 'self' ${styles}`,
        "img-src 'self' data:",
        `connect-src 'self'${sync ? ` ${sync}` : ''}`,
        "manifest-src 'self'",
        "worker-src 'self'",
      ];
  directives.push("object-src 'none'", "base-uri 'none'", "form-action 'none'");
  return directives.map((d) => d.trim()).join('; ');
}

/** `html` with its policy right after its charset (replacing an older one): a policy only
 * governs what comes after it. */
export function addPolicy(html, options) {
  const without = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(without, options)}" />`;
  const anchor = /<meta charset="[^"]*"\s*\/?>/i.test(without) ? /<meta charset="[^"]*"\s*\/?>/i : /<head>/i;
  if (!anchor.test(without)) throw new Error('csp: the page has no <head>');
  return without.replace(anchor, (at) => `${at}\n    ${meta}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('csp: run as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
  const file = join(dir, 'index.html');
  const html = addPolicy(await readFile(file, 'utf8'));
  await writeFile(file, html);
  console.log(`csp: ${html.match(/content="([^"]*)"/)[1]}`);
}
