// Sets up a team database on a CouchDB 3 server (or the test server): creates it, limits it
// to its members (`_security`: the roles `leader` and `member`), and installs the design
// document of couchdb/validate_doc_update.js. Run by an administrator:
//
//   COUCH_URL=https://admin:secret@couch.example.com node couchdb/install.mjs sales-emea
//
// Idempotent: an existing database is kept, its design document replaced.
import { readFile } from 'node:fs/promises';

/** Sets up `db` on the server at `base` (with an admin's credentials in the URL or `auth`). */
export async function installTeamDatabase(base, db, { auth } = {}) {
  const url = new URL(base);
  const headers = { 'content-type': 'application/json' };
  const user = auth ?? (url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : null);
  if (user) headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
  url.username = '';
  url.password = '';
  const root = url.href.replace(/\/$/, '');
  const call = async (method, path, body) => {
    const res = await fetch(`${root}${path}`, { method, headers, body: body && JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const name = `/${encodeURIComponent(db)}`;
  const created = await call('PUT', name);
  if (created.status !== 201 && created.status !== 412) throw new Error(`creating ${db}: ${JSON.stringify(created.body)}`);
  const security = await call('PUT', `${name}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: [], roles: ['leader', 'member'] },
  });
  if (security.status >= 300) throw new Error(`_security: ${JSON.stringify(security.body)}`);
  const source = await readFile(new URL('./validate_doc_update.js', import.meta.url), 'utf8');
  const fn = source.slice(source.search(/^function \(/m)).trim();
  const existing = await call('GET', `${name}/_design/planner`);
  const doc = { _id: '_design/planner', language: 'javascript', validate_doc_update: fn };
  if (existing.status === 200) doc._rev = existing.body._rev;
  const put = await call('PUT', `${name}/_design/planner`, doc);
  if (put.status >= 300) throw new Error(`design document: ${JSON.stringify(put.body)}`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const db = process.argv[2];
  if (!process.env.COUCH_URL || !db) {
    console.error('usage: COUCH_URL=https://admin:password@host node couchdb/install.mjs <database>');
    process.exit(2);
  }
  await installTeamDatabase(process.env.COUCH_URL, db);
  console.log(`install: ${db} is ready (members: roles leader and member; design document _design/planner)`);
}
