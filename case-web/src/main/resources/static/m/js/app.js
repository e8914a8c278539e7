// The offline app for village users: loads its settings and text, opens the device (engine in
// device.js), draws the screen named by the location hash and keeps syncing while online.
import { Code } from './protocol.js';
import { openDevice } from './device.js';
import { app, t, h, show, go, toast, errorText } from './ui-common.js';
import { loginScreen, wipedScreen } from './ui-login.js';
import { homeScreen } from './ui-home.js';
import { childScreen, myFlagsScreen } from './ui-child.js';
import { visitScreen, flagScreen, registerScreen, editScreen } from './ui-forms.js';
import { syncScreen } from './ui-sync.js';

const SYNC_EVERY_MS = 5 * 60 * 1000;
const LANGUAGE_KEY = 'casework-m-lang'; // the only thing in localStorage: not personal

let syncTimer = null;
let syncing = null;

async function loadJson(path, fallback) {
  try {
    const response = await fetch(path);
    if (response.ok) return await response.json();
  } catch (e) { /* offline without a cached copy */ }
  return fallback;
}

async function loadTexts() {
  app.texts = await loadJson(`i18n/${app.language}.json`, app.texts);
  document.documentElement.lang = app.language;
  document.title = t('app.name');
  document.getElementById('brand').textContent = t('app.name');
  document.getElementById('lang').textContent = app.language === 'en' ? '中文' : 'English';
}

async function switchLanguage() {
  app.language = app.language === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem(LANGUAGE_KEY, app.language);
  await loadTexts();
  render();
}

/** One sync at a time; the screens learn the outcome through the device's events. */
export function syncNow(manual = false) {
  const device = app.device;
  if (!device || !device.status().unlocked) return Promise.resolve(null);
  if (syncing) return syncing;
  syncing = (async () => {
    updateHeader(true);
    try {
      const report = await device.sync();
      if (manual) toast(t('sync.done', report.sent ?? 0, report.changes ?? 0), 'ok');
      if (report && (report.rejected || report.conflicts || report.quarantined)) {
        toast(t('sync.needsAttention'), 'warn');
      }
      return report;
    } catch (error) {
      if (error.code === Code.DEVICE_REVOKED) {
        wiped();
      } else if (manual) {
        toast(errorText(error), 'warn');
      }
      return null;
    } finally {
      syncing = null;
      // a counter of finished syncs: lets a test (or a curious user in DevTools) see one has ended
      document.body.dataset.syncs = String(Number(document.body.dataset.syncs || 0) + 1);
      updateHeader(false);
      refresh();
    }
  })();
  return syncing;
}

function wiped() {
  stopTimer();
  go('#/wiped');
}

function startTimer() {
  stopTimer();
  syncTimer = setInterval(() => { if (navigator.onLine) syncNow(false); }, SYNC_EVERY_MS);
}

function stopTimer() {
  if (syncTimer) clearInterval(syncTimer);
  syncTimer = null;
}

function updateHeader(busy) {
  const net = document.getElementById('net');
  const status = app.device ? app.device.status() : null;
  const parts = [navigator.onLine ? t('net.online') : t('net.offline')];
  if (status && status.unlocked && status.pending) parts.push(t('net.pending', status.pending));
  if (busy || (status && status.syncing)) parts.push(t('net.syncing'));
  net.textContent = parts.join(' · ');
  net.className = 'net ' + (navigator.onLine ? 'online' : 'offline');
}

/** After a successful login: the timer, a first sync, the home screen. */
export function unlocked() {
  startTimer();
  updateHeader(false);
  go('#/home');
  if (navigator.onLine) syncNow(false);
}

export function lock() {
  stopTimer();
  app.device.lock();
  go('#/login');
}

const routes = [
  [/^#\/home$/, () => homeScreen()],
  [/^#\/child\/([^/]+)$/, (m) => childScreen(decodeURIComponent(m[1]))],
  [/^#\/child\/([^/]+)\/edit$/, (m) => editScreen(decodeURIComponent(m[1]))],
  [/^#\/visit\/([^/]+)$/, (m) => visitScreen(decodeURIComponent(m[1]))],
  [/^#\/fix\/visit\/([^/]+)$/, (m) => visitScreen(null, decodeURIComponent(m[1]))],
  [/^#\/flag$/, () => flagScreen(null)],
  [/^#\/flag\/([^/]+)$/, (m) => flagScreen(decodeURIComponent(m[1]))],
  [/^#\/fix\/flag\/([^/]+)$/, (m) => flagScreen(null, decodeURIComponent(m[1]))],
  [/^#\/register$/, () => registerScreen()],
  [/^#\/fix\/client\/([^/]+)$/, (m) => registerScreen(decodeURIComponent(m[1]))],
  [/^#\/flags$/, () => myFlagsScreen()],
  [/^#\/sync$/, () => syncScreen()],
];

let renderSeq = 0;

async function render() {
  const seq = ++renderSeq;
  updateHeader(false);
  const hash = location.hash || '#/home';
  if (hash === '#/wiped') return wipedScreen();
  const status = app.device.status();
  if (!status.unlocked) {
    if (hash !== '#/login') history.replaceState(null, '', '#/login');
    return loginScreen(status);
  }
  if (hash === '#/login') return go('#/home');
  for (const [pattern, screen] of routes) {
    const match = hash.match(pattern);
    if (match) {
      try {
        const nodes = await screen(match);
        if (seq === renderSeq && nodes) show(nodes);
      } catch (error) {
        console.error(error);
        show(h('p', { class: 'error' }, errorText(error)));
      }
      return undefined;
    }
  }
  return go('#/home');
}

/**
 * Redraws the current screen after a background change (a sync, another edit) - only the screens
 * that show data: a form is never redrawn under the user's fingers.
 */
const LIVE_SCREENS = /^#\/(home|flags|sync|child\/[^/]+)$/;

function refresh() {
  updateHeader(false);
  const typing = document.activeElement && document.activeElement.closest('#view') && document.activeElement.matches('input, textarea, select');
  if (!typing && LIVE_SCREENS.test(location.hash || '#/home')) render();
}

const UPDATED_KEY = 'casework-m-updated'; // sessionStorage, for the one reload after an update

/**
 * A new shell version (a new worker, see sw.js) takes over while this page runs the old one: reload
 * once into the new version and say so. A form being filled in is never thrown away: then the
 * notice asks for a restart instead.
 */
function watchForUpdates() {
  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController) return; // the first install, not an update
    document.body.dataset.updated = 'true';
    if (document.querySelector('#view form.dirty')) {
      toast(t('app.updatedRestart'), 'ok');
      return;
    }
    sessionStorage.setItem(UPDATED_KEY, '1');
    location.reload();
  });
  if (sessionStorage.getItem(UPDATED_KEY)) {
    sessionStorage.removeItem(UPDATED_KEY);
    document.body.dataset.updated = 'true';
    toast(t('app.updated'), 'ok');
  }
}

function registerWorker() {
  if (!('serviceWorker' in navigator)) return;
  watchForUpdates();
  navigator.serviceWorker.register('sw.js', { scope: './', updateViaCache: 'none' }).then(async () => {
    const ready = await navigator.serviceWorker.ready;
    // the modules this page loaded, so the worker can keep any it does not list itself
    const urls = performance.getEntriesByType('resource').map((e) => e.name)
      .filter((u) => u.startsWith(location.origin + '/m/') && !u.includes('?'));
    ready.active?.postMessage({ type: 'cache-urls', urls });
  }).catch((e) => console.warn('service worker not registered', e));
}

async function start() {
  app.language = localStorage.getItem(LANGUAGE_KEY)
    || (navigator.language && navigator.language.startsWith('en') ? 'en' : 'zh-CN');
  const [config] = await Promise.all([loadJson('config.json', app.config), loadTexts()]);
  app.config = config;
  app.actions = { unlocked, lock, syncNow, refresh: render };
  app.device = await openDevice({
    server: location.origin,
    language: app.language,
    offlineLoginDays: config.offlineLoginDays,
  });
  // a login as another user on a phone with nothing unsent also wipes (the previous user's data):
  // only a wipe outside a login means the device was revoked
  app.device.on('wiped', () => { if (!app.loggingIn) wiped(); });
  // the login screen stays as it is (with its error message) when a failed login locks again
  app.device.on('locked', () => { stopTimer(); if (!['#/wiped', '#/login'].includes(location.hash)) go('#/login'); });
  app.device.on('change', refresh);
  document.getElementById('lang').addEventListener('click', switchLanguage);
  window.addEventListener('hashchange', render);
  window.addEventListener('online', () => { updateHeader(false); syncNow(false); });
  window.addEventListener('offline', () => updateHeader(false));
  if (app.device.status().unlocked) startTimer();
  document.body.dataset.ready = 'true';
  await render();
  registerWorker();
}

start().catch((error) => {
  console.error(error);
  show(h('p', { class: 'error' }, errorText(error)));
});
