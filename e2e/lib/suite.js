// The setup every spec shares: the release build in dist/ served on 127.0.0.1, and one
// Chromium for the spec's tests (node --test runs each spec file in a process of its own).
import { before, after } from 'node:test';
import { serve } from './server.js';
import { launch } from './browser.js';

/** This spec's server and browser, set before its first test (imported as live bindings). */
export let server;
export let browser;

/** Serves dist/ and launches Chromium before the spec's tests, and closes both after them. */
export function serveApp() {
  before(async () => {
    server = await serve(new URL('../../dist', import.meta.url).pathname);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
