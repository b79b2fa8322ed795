// Trunk post-build hook: writes sw.js into the build from assets/sw.template.js, with the
// list of every file of this build and a version hashed from their names and contents.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('sw-manifest: run as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');

async function files(root, at = root) {
  const out = [];
  for (const entry of await readdir(at, { withFileTypes: true })) {
    const path = join(at, entry.name);
    if (entry.isDirectory()) out.push(...await files(root, path));
    else out.push(relative(root, path).split('\\').join('/'));
  }
  return out;
}

const names = (await files(dir)).filter((f) => f !== 'sw.js').sort();
const hash = createHash('sha256');
for (const name of names) {
  hash.update(name);
  hash.update(await readFile(join(dir, name)));
}
const version = hash.digest('hex').slice(0, 16);
const assets = ['./', ...names.map((n) => `./${n}`)];
const template = await readFile(new URL('../assets/sw.template.js', import.meta.url), 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__ASSETS__', JSON.stringify(assets, null, 2));
await writeFile(join(dir, 'sw.js'), sw);
console.log(`sw-manifest: sw.js caches ${assets.length} entries, version ${version}`);
