// The offline app's engine as one object: login (online registration, then offline logins against
// a local verifier), lock, sync, the local records and the offline edits. The screens (app.js) use
// only this module. Contract: the PWA section of the issue-6 briefs; protocol: docs/sync-protocol.md.
//
// Beyond the contract: record(s) also carry `problem` ({code, message, errors} of a refusal, conflict
// or quarantine; `reason` is its message); device.dismiss(type, id) clears a seen refusal as the Java
// client's dismiss does; device.setLanguage(lang) changes Accept-Language; device.outbox(),
// snapshot(), meta(key) and close() are for diagnostics and tests; openDevice's testVault, retry,
// sleep and random options are test hooks.
//
// What is stored where (IndexedDB database `dbName`): `vault` (plain: username, device id, PBKDF2
// salts and iterations, the wrapped data key, the password verifier, lastOnlineContact, lastSyncAt);
// `records`, `outbox`, `meta` (tokens, cursor, counters, limits): every value AES-GCM sealed with the
// data key, a fresh 12-byte IV each; their keys are record types and ids, outbox counters and meta
// names. Nothing goes to localStorage or the caches.

import { Code } from './protocol.js';
import { DEFAULT_ITERATIONS, checkVerifier, createDataKey, makeVerifier, unwrapDataKey } from './crypto.js';
import * as idb from './idb.js';
import { Store } from './store.js';
import { DeviceSession, META, OfflineEdits, SyncEngine, SyncError, fetchTransport, javaInstant, storeTokens } from './sync.js';

const DAY_MS = 86400000;
const MB = 1024 * 1024;
const VAULT_KEY = 'vault';
const DISPLAY_NAME = 'displayName'; // store meta: the user's display name from the registration

function fail(code, message, extra = {}) {
  const e = new Error(message || code);
  e.code = code;
  Object.assign(e, extra);
  return e;
}

/** A server refusal as the screens need it: the problem's code and its message in the user's language. */
function asLoginError(e) {
  if (e instanceof SyncError) {
    if (e.code === 'sync.offline') return fail('login.needsNetwork', e.message);
    return fail(e.code || 'login.failed', e.message, { status: e.status });
  }
  return e;
}

export async function openDevice(options = {}) {
  const o = {
    server: globalThis.location ? location.origin : '',
    language: 'zh-CN',
    offlineLoginDays: 14,
    fetch: (...args) => globalThis.fetch(...args),
    now: () => new Date(),
    uuid: () => globalThis.crypto.randomUUID(),
    dbName: 'casework-m',
    pbkdf2Iterations: DEFAULT_ITERATIONS,
    pullLimit: 500,
    retry: undefined, // test hook: the retry policy (sync.js DEFAULT_RETRY)
    sleep: undefined, // test hook: the retry backoff
    stallMs: undefined, // test hook: how long a request may wait for more bytes (sync.js STALL_MS)
    random: Math.random,
    ...options,
  };
  const transport = fetchTransport({ server: o.server, language: () => o.language, fetch: o.fetch, stallMs: o.stallMs });
  const listeners = new Map();
  let db = await idb.openDb(o.dbName);
  let vault = (await idb.get(db, 'vault', VAULT_KEY)) || null;
  let lockedPending = await idb.count(db, 'outbox');
  let store = null;
  let session = null;
  let engine = null;
  let edits = null;
  let running = null;

  function emit(event, payload) {
    for (const fn of listeners.get(event) || []) {
      try {
        fn(payload);
      } catch (e) {
        console.error(e);
      }
    }
  }

  async function saveVault() {
    if (vault) await idb.write(db, [{ store: 'vault', key: VAULT_KEY, value: vault }]);
  }

  /** Every successful answer of the server extends the offline-login window. */
  async function contact() {
    if (!vault) return;
    vault = { ...vault, lastOnlineContact: javaInstant(o.now()) };
    await saveVault();
  }

  async function wipe() {
    await idb.destroy(db, o.dbName);
    vault = null;
    store = session = engine = edits = null;
    lockedPending = 0;
    db = await idb.openDb(o.dbName);
    emit('wiped');
    emit('change');
  }

  function attach(key, loaded) {
    store = loaded;
    session = new DeviceSession({
      store, transport, now: o.now, retry: o.retry, sleep: o.sleep, random: o.random,
      hooks: { onContact: contact, onRevoked: wipe },
    });
    engine = new SyncEngine({ store, session, now: o.now, pullLimit: o.pullLimit });
    edits = new OfflineEdits({ store, now: o.now, uuid: o.uuid });
  }

  /** A new vault for this user: random data key wrapped by the password key, plus a verifier. */
  async function createVault(username, password, answer) {
    const { key, wrap } = await createDataKey(password, o.pbkdf2Iterations);
    const verifier = await makeVerifier(password, o.pbkdf2Iterations);
    vault = {
      version: 1,
      username,
      deviceId: answer.deviceId,
      wrap,
      verifier,
      lastOnlineContact: javaInstant(o.now()),
      lastSyncAt: null,
    };
    await saveVault();
    attach(key, new Store(db, key));
    await store.tx(() => {
      store.clearAll();
      store.putMeta(META.DEVICE_ID, answer.deviceId);
      store.putMeta(META.USERNAME, username);
      // the name to greet the user by (encrypted with the rest; a phone registered before has none)
      if (answer.displayName) store.putMeta(DISPLAY_NAME, answer.displayName);
      storeTokens(store, answer);
      if (answer.limits) store.putMeta(META.LIMITS, answer.limits);
    });
    if (globalThis.navigator?.storage?.persist) navigator.storage.persist().catch(() => {});
  }

  async function firstLogin(username, password, deviceName) {
    const registrar = new DeviceSession({ store: null, transport, now: o.now, retry: o.retry, sleep: o.sleep, random: o.random });
    let answer;
    try {
      answer = await registrar.register(username, password, deviceName || 'browser', 'pwa');
    } catch (e) {
      throw asLoginError(e);
    }
    if (vault) await wipe(); // another user's phone with nothing unsent: start fresh
    await createVault(username, password, answer);
    emit('change');
    try {
      await device.sync();
    } catch (e) {
      // logged in all the same: the screens show the sync state; a revoked device is wiped
      if (e.code === Code.DEVICE_REVOKED) throw e;
    }
  }

  function offlineLoginUntil() {
    if (!vault || !vault.lastOnlineContact) return null;
    return new Date(Date.parse(vault.lastOnlineContact) + o.offlineLoginDays * DAY_MS);
  }

  function view(r) {
    return {
      t: r.t, id: r.id, v: r.v, s: r.s, f: structuredClone(r.f), state: r.state, reason: r.reason ?? null,
      problem: r.problem ? structuredClone(r.problem) : null,
    };
  }

  function requireUnlocked() {
    if (!store) throw fail('device.locked', 'log in first');
  }

  async function edited(promise) {
    const id = await promise;
    emit('change');
    return id;
  }

  const device = {
    status() {
      const until = offlineLoginUntil();
      return {
        registered: vault !== null,
        username: vault ? vault.username : null,
        displayName: (store && store.meta(DISPLAY_NAME)) || null,
        unlocked: store !== null,
        lastSyncAt: (store && store.meta(META.LAST_SYNC_AT)) || (vault && vault.lastSyncAt) || null,
        offlineLoginUntil: until ? javaInstant(until) : null,
        pending: store ? store.outboxSize() : lockedPending,
        syncing: running !== null,
        online: globalThis.navigator ? navigator.onLine : true,
      };
    },

    async login(username, password, deviceName) {
      username = (username || '').trim();
      if (!vault) return firstLogin(username, password, deviceName);
      if (vault.username !== username) {
        const pending = await idb.count(db, 'outbox');
        if (pending > 0) throw fail('login.otherUser', `${vault.username} has unsent work on this phone`, { pending, owner: vault.username });
        return firstLogin(username, password, deviceName);
      }
      if (!(await checkVerifier(password, vault.verifier))) throw fail('login.badPassword', 'wrong password');
      const key = await unwrapDataKey(password, vault.wrap);
      attach(key, await Store.load(db, key));
      if (o.now().getTime() <= offlineLoginUntil().getTime()) {
        emit('change');
        return;
      }
      // the offline window is over: one successful token refresh opens it again
      try {
        await session.refresh();
      } catch (e) {
        const wiped = e.code === Code.DEVICE_REVOKED;
        if (!wiped) device.lock();
        if (e.code === 'sync.offline') throw fail('login.offlineExpired', 'connect to the network to log in again');
        throw asLoginError(e);
      }
      emit('change');
    },

    lock() {
      if (store) lockedPending = store.outboxSize();
      store = session = engine = edits = null;
      emit('locked');
      emit('change');
    },

    sync() {
      if (running) return running;
      if (!store) return Promise.reject(fail('device.locked', 'log in first'));
      const current = engine;
      running = (async () => {
        emit('change');
        try {
          const report = await current.sync();
          if (vault && store) {
            vault = { ...vault, lastSyncAt: store.meta(META.LAST_SYNC_AT) };
            await saveVault();
          }
          emit('sync', report);
          return report;
        } finally {
          running = null;
          emit('change');
        }
      })();
      return running;
    },

    records(type) {
      requireUnlocked();
      return store.recordsOfType(type).map(view);
    },

    record(type, id) {
      requireUnlocked();
      const r = store.record(type, id);
      return r ? view(r) : null;
    },

    /** The queued mutations (for diagnostics and tests): counter, type, entity and state. */
    outbox() {
      requireUnlocked();
      return store.outboxItems().map((i) => ({ counter: i.counter, type: i.type, entityType: i.entityType, entityId: i.entityId, state: i.state, payload: structuredClone(i.payload) }));
    },

    meta(key) {
      requireUnlocked();
      return store.meta(key);
    },

    /** The whole local state (diagnostics and the golden vectors): every record, sorted by t then id. */
    snapshot() {
      if (!store) return { cursor: null, outbox: [], records: [] };
      const records = store.allRecords().sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { cursor: store.meta(META.CURSOR), outbox: store.outboxItems().map((i) => i.counter), records: records.map(view) };
    },

    async raiseFlag(fields) { requireUnlocked(); return edited(edits.raiseFlag(fields)); },
    async logVisit(fields) { requireUnlocked(); return edited(edits.logVisit(fields)); },
    async addNote(flagId, text) { requireUnlocked(); return edited(edits.addNote(flagId, text)); },
    async registerChild(fields) { requireUnlocked(); return edited(edits.registerChild(fields)); },
    async editProfile(clientId, changes) { requireUnlocked(); return edited(edits.editProfile(clientId, changes)); },
    async resubmit(type, id, fields) { requireUnlocked(); return edited(edits.resubmit(type, id, fields)); },
    async dismiss(type, id) { requireUnlocked(); return edited(edits.dismiss(type, id)); },

    async storage() {
      const { usage = 0, quota = 0 } = (await globalThis.navigator?.storage?.estimate?.()) || {};
      return { usage, quota, low: quota - usage < 50 * MB || (quota > 0 && usage / quota > 0.8) };
    },

    /** The language of the server's messages from now on ('zh-CN' or 'en'). */
    setLanguage(language) {
      o.language = language;
    },

    on(event, fn) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(fn);
      return () => listeners.get(event).delete(fn);
    },

    /** Closes the database connection (tests; a page that goes away closes it anyway). */
    close() {
      db.close();
    },
  };

  if (o.testVault) {
    // tests only: a device already registered, without a server round trip
    const t = o.testVault;
    if (vault) await wipe();
    await createVault(t.username, t.password, {
      deviceId: t.deviceId,
      accessToken: t.accessToken ?? 'test-access-token',
      accessExpiresAt: t.accessExpiresAt ?? null,
      refreshToken: t.refreshToken ?? 'test-refresh-token',
      limits: t.limits ?? null,
    });
    if (t.lastOnlineContact) {
      vault = { ...vault, lastOnlineContact: t.lastOnlineContact };
      await saveVault();
    }
  }
  return device;
}
