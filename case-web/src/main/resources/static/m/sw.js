// Service worker of the offline app. Scope /m/ (the folder it is served from).
// It caches only the app shell, its text and its settings - never anything from /api/, so no
// personal data ever reaches the Cache Storage (the records live encrypted in IndexedDB).
// VERSION is set by the server when it serves this script: a hash of every shell file (ShellVersion),
// so any change of the shell gives a new cache name and the old cache is deleted when the new worker
// activates. Never edit it by hand.
const VERSION = 'casework-m-@SHELL_VERSION@';
const BASE = new URL('./', self.location).pathname; // "/m/"

const SHELL = [
  '', 'index.html', 'manifest.webmanifest', 'css/app.css',
  'js/app.js', 'js/ui-common.js', 'js/ui-login.js', 'js/ui-home.js', 'js/ui-child.js',
  'js/ui-forms.js', 'js/ui-sync.js',
  'js/device.js', 'js/crypto.js', 'js/idb.js', 'js/store.js', 'js/sync.js', 'js/protocol.js',
  'icons/icon-192.png', 'icons/icon-512.png',
  'i18n/zh-CN.json', 'i18n/en.json', 'config.json',
].map((path) => BASE + path);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(VERSION);
    // one by one, so that a missing optional file does not leave the phone without any shell
    const results = await Promise.allSettled(SHELL.map(async (url) => {
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(url + ' ' + response.status);
      await cache.put(url, response);
    }));
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length === results.length) throw new Error('offline app shell not reachable');
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('casework-m-') && name !== VERSION) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page tells the worker which modules it loaded (e.g. helper modules of the engine that the
// list above does not name), so that they open offline too.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(VERSION);
    for (const raw of data.urls) {
      const url = new URL(raw, self.location);
      if (!cacheable(url) || await cache.match(url.pathname)) continue;
      try {
        const response = await fetch(url.pathname, { cache: 'no-cache' });
        if (response.ok) await cache.put(url.pathname, response);
      } catch (e) { /* offline: next time */ }
    }
  })());
});

function cacheable(url) {
  return url.origin === self.location.origin && url.pathname.startsWith(BASE) && url.search === '';
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // /api/ (sync, devices) and anything outside the app: straight to the network, never cached
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(shell());
  } else if (url.pathname.endsWith('.json')) {
    event.respondWith(staleWhileRevalidate(event, url.pathname));
  } else {
    event.respondWith(cacheFirst(url.pathname, request));
  }
});

/** Every page of the app is the same shell: the screens are drawn by app.js from the hash. */
async function shell() {
  const cached = await caches.match(BASE + 'index.html');
  if (cached) return cached;
  return fetch(BASE + 'index.html');
}

async function cacheFirst(path, request) {
  const cache = await caches.open(VERSION);
  const cached = await cache.match(path);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(path, response.clone());
  return response;
}

/** Settings and text: the cached copy at once (works offline), refreshed in the background. */
async function staleWhileRevalidate(event, path) {
  const cache = await caches.open(VERSION);
  const cached = await cache.match(path);
  const refresh = fetch(path, { cache: 'no-cache' }).then(async (response) => {
    if (response.ok) await cache.put(path, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => undefined));
    return cached;
  }
  return refresh;
}
