// The sync tests' server: pouchdb-server (pinned in couchdb/test-server, installed by
// `make setup`), which speaks CouchDB's replication API, on a free loopback port with an
// admin; the admin sets up the team database as docs/sync.md says (couchdb/install.mjs).
// And the same-origin deployment the docs recommend: one origin serving the app and
// forwarding /couchdb/ to the server (a reverse proxy), so the page's policy stays
// `connect-src 'self'`.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveHandler } from './server.js';
import { installTeamDatabase } from '../../couchdb/install.mjs';

const BIN = new URL('../../couchdb/test-server/node_modules/.bin/pouchdb-server', import.meta.url).pathname;
export const ADMIN = { name: 'admin', password: 'admin-secret' };
export const USERS = {
  ann: { password: 'ann-secret', roles: ['leader'] },
  bob: { password: 'bob-secret', roles: ['member'] },
};

async function freePort() {
  const s = netServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

async function waitUp(url) {
  for (let i = 0; i < 200; i += 1) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch { /* not yet */ }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`pouchdb-server did not start at ${url}`);
}

/** A running pouchdb-server in a fresh folder; `stop()` and `start()` keep its data. */
export async function startCouch() {
  const dir = await mkdtemp(join(tmpdir(), 'ap-couch-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const couch = {
    url,
    child: null,
    async start() {
      this.child = spawn(BIN, ['--host', '127.0.0.1', '--port', String(port), '--dir', dir, '--config', join(dir, 'config.json')], {
        cwd: dir, stdio: 'ignore',
      });
      await waitUp(`${url}/`);
    },
    async stop() {
      const child = this.child;
      this.child = null;
      if (!child || child.exitCode !== null) return;
      await new Promise((ok) => { child.once('exit', ok); child.kill('SIGTERM'); });
    },
  };
  await couch.start();
  // The first admin (until then everyone is one), then the users and the team database.
  const first = await fetch(`${url}/_config/admins/${ADMIN.name}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
  if (!first.ok) throw new Error(`admin: ${await first.text()}`);
  const auth = `${ADMIN.name}:${ADMIN.password}`;
  const headers = { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(auth).toString('base64')}` };
  // A fixed session secret, kept in its config file: sessions outlive a restart, as
  // CouchDB's do (its secret is in local.ini); pouchdb-server otherwise makes a new one.
  const secret = await fetch(`${url}/_config/couch_httpd_auth/secret`, { method: 'PUT', headers, body: JSON.stringify('sync-test-secret') });
  if (!secret.ok) throw new Error(`secret: ${await secret.text()}`);
  for (const [name, u] of Object.entries(USERS)) {
    const res = await fetch(`${url}/_users/org.couchdb.user:${name}`, {
      method: 'PUT', headers, body: JSON.stringify({ name, password: u.password, roles: u.roles, type: 'user' }),
    });
    if (!res.ok) throw new Error(`user ${name}: ${await res.text()}`);
  }
  await installTeamDatabase(url, 'team', { auth });
  return couch;
}

/** dist/ and, under /couchdb/, the server at `couch.url`: one origin. */
export async function serveWithProxy(root, couch) {
  const files = serveHandler(root);
  const server = createServer((req, res) => {
    if (!req.url.startsWith('/couchdb/')) return files(req, res);
    const target = new URL(req.url.slice('/couchdb'.length), couch.url);
    const forward = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    // The server stopped: no answer, as a browser sees a server that is down.
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    couchUrl: `http://127.0.0.1:${port}/couchdb`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
