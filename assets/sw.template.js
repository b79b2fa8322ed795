// Account Planner's service worker. scripts/sw-manifest.mjs writes the real sw.js from
// this template at build time, with the release's file list and a version hashed from
// their contents: every release is cached whole, under a cache of its own.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `account-planner-${VERSION}`;

self.addEventListener('install', (event) => {
  // No skipWaiting here: an open page keeps its version until the user chooses to reload.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith('account-planner-') && key !== CACHE)
        .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Network first for the page, so an online user always gets the newest release; the
    // cached page of this release when offline, whatever the view's query says.
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE)
        .then((cache) => cache.match('./index.html'))
        .then((page) => page || Response.error())),
    );
    return;
  }
  // Hashed assets never change under one name: cache first.
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
