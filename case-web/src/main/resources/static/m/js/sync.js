// The sync protocol (docs/sync-protocol.md), a faithful port of the Java reference client
// (case-mobile-sync org.casework.sync.client: OfflineEdits, Outbox, AnswerApplier, SyncEngine,
// Checksums, DeviceSession, RetryPolicy). Same request shape, same local states, same rules.

import { Code, EDITABLE_PROFILE_FIELDS as EDITABLE, MUTATION_FIELDS, MutationType, Op, RecordType, Status } from './protocol.js';
import { cmp } from './store.js';
import { sha256Hex } from './crypto.js';

export const META = {
  DEVICE_ID: 'deviceId',
  USERNAME: 'username',
  ACCESS_TOKEN: 'accessToken',
  ACCESS_EXPIRES_AT: 'accessExpiresAt',
  REFRESH_TOKEN: 'refreshToken',
  LIMITS: 'limits',
  CURSOR: 'cursor',
  LAST_SYNC_AT: 'lastSyncAt',
  SCOPE_KEYS: 'scopeKeys',
  LAST_COUNTER: 'lastCounter',
  RESYNC_SCOPES: 'resyncScopes',
};

export const CLIENT_VERSION = '1.0.0';

/** Client record fields (protocol §3) a device may edit; masked values cannot be edited. */
export const EDITABLE_PROFILE_FIELDS = new Set(EDITABLE);

/** An instant as Java's Instant.toString writes it (no ".000" when the milliseconds are zero). */
export function javaInstant(date) {
  return date.toISOString().replace('.000Z', 'Z');
}

export class SyncError extends Error {
  constructor(message, { status = 0, code = null, problem = null } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.problem = problem;
  }
}

// ---- Checksums (protocol §2.3)

/** Lowercase hex SHA-256 of the lines t:id:v\n of the versioned records, sorted by t, then id. */
export function checksum(records) {
  const lines = records
    .filter((r) => r.v !== null && r.v !== undefined)
    .sort((a, b) => cmp(a.t, b.t) || cmp(a.id, b.id))
    .map((r) => `${r.t}:${r.id}:${r.v}\n`)
    .join('');
  return sha256Hex(lines);
}

// ---- RetryPolicy

export const DEFAULT_RETRY = { maxAttempts: 5, initialDelay: 1000, maxDelay: 60000, multiplier: 2, jitter: 0.5 };

/** Delay (ms) before retry n (1-based): min(max, initial * multiplier^(n-1)), minus up to jitter of it. */
export function delayBefore(policy, retry, random) {
  const base = Math.min(policy.maxDelay, policy.initialDelay * Math.pow(policy.multiplier, Math.max(0, retry - 1)));
  return Math.round(base * (1 - policy.jitter * random));
}

// ---- Transport: fetch with gzip request bodies

async function gzip(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * How long the phone waits for the next bytes of an answer (its headers, then each piece of its
 * body) before it gives the request up. fetch itself never does: a link that goes quiet half-way
 * (a village at the edge of the signal) left the sync running, "同步中", until the app was closed.
 */
export const STALL_MS = 60000;

/** The body as text, read piece by piece; each piece that arrives restarts the stall timer. */
async function readText(response, progress) {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    progress();
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * post(path, json, bearer) -> {status, body}; throws on no answer (network failure, or nothing new
 * for stallMs). language is a string or a function giving the current one (the user may switch it
 * while the app runs).
 */
export function fetchTransport({ server, language, fetch: fetchFn, stallMs = STALL_MS }) {
  const base = server.replace(/\/$/, '') + '/api/sync/v1';
  const canGzip = typeof CompressionStream === 'function';
  return {
    async post(path, json, bearer) {
      const headers = {
        'Content-Type': 'application/json',
        Accept: 'application/json, application/problem+json',
        'Accept-Language': typeof language === 'function' ? language() : language,
      };
      let body = json;
      if (canGzip) {
        body = await gzip(json);
        headers['Content-Encoding'] = 'gzip';
      }
      if (bearer) headers.Authorization = 'Bearer ' + bearer;
      const controller = new AbortController();
      let timer = null;
      const progress = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () => controller.abort(new Error(`no data from the server for ${Math.round(stallMs / 1000)} s`)),
          stallMs,
        );
      };
      progress();
      try {
        // bearer only: the station's web session cookie has nothing to do with the device
        const response = await fetchFn(base + path, {
          method: 'POST', headers, body, credentials: 'omit', cache: 'no-store', signal: controller.signal,
        });
        // the browser decodes a gzip answer; a body cut half-way (or given up) rejects here, like no
        // answer at all
        return { status: response.status, body: await readText(response, progress) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function parse(text) {
  if (text === null || text === undefined || text.trim() === '') return {};
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

function detail(problem, fallback) {
  return problem.detail ?? problem.title ?? fallback;
}

// ---- DeviceSession

/** Refresh a little early so a request does not leave with a token about to expire. */
const EXPIRY_MARGIN_MS = 30000;

export class DeviceSession {
  /**
   * hooks: onContact() after every successful answer (offline-login window), onRevoked() wipes.
   */
  constructor({ store, transport, now, retry = DEFAULT_RETRY, sleep, random = Math.random, hooks = {} }) {
    this.store = store;
    this.transport = transport;
    this.now = now;
    this.retry = retry;
    this.sleep = sleep || ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = random;
    this.hooks = hooks;
  }

  registered() {
    return this.store !== null && this.store.meta(META.DEVICE_ID) !== null;
  }

  /** Registers a device (no store yet: the vault is made from the answer). Returns the answer. */
  async register(username, password, deviceName, platform = 'pwa') {
    const body = { username, password, deviceName, platform, clientVersion: CLIENT_VERSION };
    return this.expectOk(await this.send('/devices', body, null), 'registration');
  }

  /** An authenticated call: refreshes an expired token once, wipes when revoked. */
  async call(path, body) {
    this.requireRegistered();
    if (this.accessExpired()) await this.refresh();
    let response = await this.send(path, body, this.store.meta(META.ACCESS_TOKEN));
    if (response.status === 401 && parse(response.body).code === Code.TOKEN_EXPIRED) {
      await this.refresh();
      response = await this.send(path, body, this.store.meta(META.ACCESS_TOKEN));
    }
    return this.expectOk(response, path);
  }

  /** Rotates the tokens (the old refresh token stops working once the answer is stored). */
  async refresh() {
    this.requireRegistered();
    const body = { deviceId: this.store.meta(META.DEVICE_ID), refreshToken: this.store.meta(META.REFRESH_TOKEN) };
    const answer = await this.expectOk(await this.send('/devices/refresh', body, null), 'token refresh');
    await this.store.tx(() => storeTokens(this.store, answer));
    return answer;
  }

  accessExpired() {
    const text = this.store.meta(META.ACCESS_EXPIRES_AT);
    const expires = text ? Date.parse(text) : NaN;
    // unknown expiry: send and let the server say device.tokenExpired
    return !Number.isNaN(expires) && !(this.now().getTime() + EXPIRY_MARGIN_MS < expires);
  }

  /** Sends with retries: only "no answer" and 5xx are retried; every other answer is returned. */
  async send(path, body, bearer) {
    const json = JSON.stringify(body);
    let last = null;
    let lastStatus = 0;
    for (let attempt = 1; attempt <= this.retry.maxAttempts; attempt++) {
      if (attempt > 1) {
        // a phone that knows it is offline does not wait a minute to say so
        if (lastStatus === 0 && typeof navigator !== 'undefined' && navigator.onLine === false) break;
        await this.sleep(delayBefore(this.retry, attempt - 1, this.random()));
      }
      try {
        const response = await this.transport.post(path, json, bearer);
        if (response.status >= 500) {
          lastStatus = response.status;
          last = null;
          continue;
        }
        if (response.status < 300) {
          const answer = JSON.parse(response.body); // a cut body is no answer at all
          // the server streams its answer and writes the cursor last: an answer without it was
          // cut short, and is never applied in part
          if (path === '/sync' && (answer === null || typeof answer.cursor !== 'string')) {
            throw new Error('sync answer cut short: no cursor');
          }
        }
        return response;
      } catch (e) {
        last = e;
        lastStatus = 0;
      }
    }
    throw new SyncError(`server unreachable after ${this.retry.maxAttempts} attempts` + (last ? `: ${last.message}` : ''), {
      status: lastStatus,
      code: lastStatus === 0 ? 'sync.offline' : 'sync.serverError',
    });
  }

  async expectOk(response, what) {
    const problem = parse(response.body);
    if (response.status >= 200 && response.status < 300) {
      if (this.hooks.onContact) await this.hooks.onContact();
      return problem;
    }
    const code = problem.code ?? null;
    if (response.status === 401 && (code === Code.DEVICE_REVOKED || problem.wipe === true)) {
      if (this.hooks.onRevoked) await this.hooks.onRevoked();
      throw new SyncError(detail(problem, 'device revoked'), { status: 401, code: Code.DEVICE_REVOKED, problem });
    }
    throw new SyncError(detail(problem, `${what} refused: ${response.status}`), { status: response.status, code, problem });
  }

  requireRegistered() {
    if (!this.registered()) throw new SyncError('this device is not registered', { code: 'device.notRegistered' });
  }
}

export function storeTokens(store, answer) {
  store.putMeta(META.ACCESS_TOKEN, answer.accessToken ?? null);
  store.putMeta(META.ACCESS_EXPIRES_AT, answer.accessExpiresAt ?? null);
  store.putMeta(META.REFRESH_TOKEN, answer.refreshToken ?? null);
}

// ---- AnswerApplier

const STATES = { APPLIED: 'SYNCED', REJECTED: Status.REJECTED, CONFLICT: Status.CONFLICT, QUARANTINED: Status.QUARANTINED };

export class AnswerApplier {
  constructor(store, now) {
    this.store = store;
    this.now = now;
  }

  /** Everything of one answer, with the new cursor; the caller runs it in one store transaction. */
  apply(answer, batch, tally) {
    const store = this.store;
    this.applyResults(answer.results || [], batch, tally);
    const ack = Number(answer.ack ?? 0) || 0;
    store.deleteUpTo(ack);
    tally.ack = Math.max(tally.ack, ack);
    const scopes = this.scopeKeys();
    for (const change of answer.changes || []) {
      this.applyChange(change, scopes);
      tally.changes++;
    }
    this.reassertPendingEdits();
    const resyncing = new Set(store.meta(META.RESYNC_SCOPES) || []);
    if (!answer.more && resyncing.size > 0) {
      for (const s of [...resyncing].sort(cmp)) {
        store.dropStale(s);
        tally.resynced.push(s);
      }
      resyncing.clear();
    }
    for (const s of answer.resync || []) {
      store.markForResync(s);
      resyncing.add(s);
    }
    store.putMeta(META.RESYNC_SCOPES, [...resyncing].sort(cmp));
    store.putMeta(META.SCOPE_KEYS, [...scopes].sort(cmp));
    if (answer.cursor !== undefined && answer.cursor !== null) store.putMeta(META.CURSOR, answer.cursor);
    store.putMeta(META.LAST_SYNC_AT, answer.serverTime ?? javaInstant(this.now()));
    for (const w of answer.warnings || []) tally.warnings.push(typeof w === 'string' ? w : JSON.stringify(w));
  }

  applyResults(results, batch, tally) {
    const sent = new Map(batch.map((i) => [i.mutationId, i]));
    for (const result of results) {
      const item = sent.get(result.id);
      if (!item) continue; // not one of ours in this batch: nothing to mark
      const state = STATES[result.status];
      if (!state) continue; // unknown status: stays queued and is sent again
      if (state === 'SYNCED') tally.applied++;
      else if (state === Status.REJECTED) tally.rejected++;
      else if (state === Status.CONFLICT) tally.conflicts++;
      else tally.quarantined++;
      this.store.markAnswered(item.counter, result);
      this.store.setState(item.entityType, item.entityId, state, state === 'SYNCED' ? null : reason(result));
      if ((state === Status.REJECTED || state === Status.QUARANTINED) && item.type === MutationType.EDIT_PROFILE) this.revert(item);
    }
  }

  /** A refused profile edit changed nothing on the server: show the values from before it again. */
  revert(item) {
    const before = item.payload.before || {};
    const r = this.store.record(item.entityType, item.entityId);
    if (!r) return;
    const f = { ...r.f };
    for (const [name, value] of Object.entries(before)) {
      if (value === null) delete f[name];
      else f[name] = value;
    }
    this.store.saveRecord({ ...r, f });
  }

  applyChange(change, scopes) {
    const { t, id, s } = change;
    const del = change.op === Op.REMOVE;
    if (t === RecordType.SCOPE) {
      if (del) {
        this.store.dropScope(id);
        scopes.delete(id);
      }
      return;
    }
    if (del) {
      this.store.deleteRecord(t, id);
      return;
    }
    const f = change.f && typeof change.f === 'object' && !Array.isArray(change.f) ? change.f : {};
    const v = change.v === undefined || change.v === null ? null : Number(change.v);
    this.store.upsertFromServer(t, id, s ?? null, v, f);
    if (s !== undefined && s !== null) scopes.add(s);
  }

  /** A pulled change must not hide an edit the server has not answered yet. */
  reassertPendingEdits() {
    for (const item of this.store.outboxItems()) {
      if (item.state !== 'PENDING' || item.type !== MutationType.EDIT_PROFILE) continue;
      const r = this.store.record(item.entityType, item.entityId);
      if (r) this.store.saveRecord({ ...r, f: { ...r.f, ...(item.payload.fields || {}) } });
    }
    for (const [t, id] of this.store.unansweredEntities()) this.store.setState(t, id, 'PENDING', null);
  }

  /** The scope keys the device holds: the stored list and the scopes of its server records. */
  scopeKeys() {
    const scopes = new Set(this.store.meta(META.SCOPE_KEYS) || []);
    for (const s of this.store.serverScopes()) scopes.add(s);
    return scopes;
  }
}

function reason(result) {
  return { code: result.code ?? null, message: result.message ?? null, errors: Array.isArray(result.errors) ? result.errors : [] };
}

// ---- SyncEngine

/** A guard against a server that keeps answering more: a later sync() continues. */
const MAX_REQUESTS = 10000;
const DEFAULT_MAX_MUTATIONS = 200;

export class SyncEngine {
  constructor({ store, session, now, pullLimit = 500 }) {
    this.store = store;
    this.session = session;
    this.pullLimit = pullLimit;
    this.applier = new AnswerApplier(store, now);
  }

  async sync() {
    const store = this.store;
    const tally = { requests: 0, sent: 0, applied: 0, rejected: 0, conflicts: 0, quarantined: 0, changes: 0, ack: 0, resynced: [], warnings: [] };
    let sentUpTo = 0;
    let batchLimit = this.limit('maxMutationsPerSync', DEFAULT_MAX_MUTATIONS);
    let resyncFollowed = false;
    while (tally.requests < MAX_REQUESTS) {
      const batch = store.outboxItems(sentUpTo, batchLimit);
      let answer;
      try {
        answer = await this.session.call('/sync', await this.request(batch));
      } catch (e) {
        if (e.status === 413 && batch.length > 1) {
          // the server lowered its limit since registration: nothing was applied, halve
          batchLimit = Math.max(1, Math.floor(batch.length / 2));
          continue;
        }
        throw e;
      }
      tally.requests++;
      tally.sent += batch.length;
      await store.tx(() => this.applier.apply(answer, batch, tally));
      if (batch.length > 0) sentUpTo = batch[batch.length - 1].counter;
      if (answer.more) continue;
      if ((answer.resync || []).length > 0 && !resyncFollowed) {
        // the next request (with the new cursor) brings those scopes in full
        resyncFollowed = true;
        continue;
      }
      if (store.outboxItems(sentUpTo, 1).length === 0) break;
    }
    const pending = store.outboxSize();
    if (pending >= this.limit('warnPendingMutations', Infinity)) tally.warnings.push('sync.pendingNear');
    return { ...tally, pending };
  }

  async request(batch) {
    const body = {};
    const cursor = this.store.meta(META.CURSOR);
    if (cursor !== null) body.cursor = cursor;
    body.mutations = batch.map((i) => i.payload);
    body.checksums = {};
    for (const scope of [...this.applier.scopeKeys()].sort(cmp)) {
      body.checksums[scope] = await checksum(this.store.versions(scope));
    }
    body.limit = this.pullLimit;
    return body;
  }

  limit(name, fallback) {
    const limits = this.store.meta(META.LIMITS);
    const value = limits ? limits[name] : undefined;
    return Number.isInteger(value) ? value : fallback;
  }
}

// ---- OfflineEdits

/** Copies the defined, non-null properties in the given order (Java's putAll skips nulls). */
function pick(source, names) {
  const out = {};
  for (const [to, from] of names.map((n) => (Array.isArray(n) ? n : [n, n]))) {
    const v = typeof from === 'function' ? from(source) : source[from];
    if (v !== undefined && v !== null) out[to] = v;
  }
  return out;
}

// The fields each mutation carries, from the protocol's definitions (SyncNames.MUTATION_FIELDS).
const FLAG_FIELDS = MUTATION_FIELDS[MutationType.RAISE_FLAG];
// a visit's observations object is taken as it is, below
const VISIT_FIELDS = MUTATION_FIELDS[MutationType.LOG_VISIT].filter((f) => f !== 'observations');
const NOTE_FIELDS = MUTATION_FIELDS[MutationType.ADD_NOTE];
const CHILD_FIELDS = MUTATION_FIELDS[MutationType.REGISTER_CHILD];

/**
 * The offline operations of protocol §2.1. Each writes the local record and its outbox item (with
 * the next counter) in one store transaction: once the promise resolves the edit is on disk.
 */
export class OfflineEdits {
  constructor({ store, now, uuid }) {
    this.store = store;
    this.now = now;
    this.uuid = uuid;
  }

  /** Mutation fields and local record fields of a creation, by mutation type. */
  creation(type, input) {
    const at = javaInstant(this.now());
    switch (type) {
      case MutationType.RAISE_FLAG: {
        const fields = pick(input, FLAG_FIELDS);
        let subjectName = input.subjectName ?? null;
        if (subjectName === null && input.clientId) subjectName = this.store.record(RecordType.CLIENT, input.clientId)?.f?.name ?? null;
        const local = pick({ ...input, subjectName, raisedAt: at }, [[RecordType.CLIENT, 'clientId'], 'subjectName', 'type', 'severity', 'raisedAt']);
        return { entityType: RecordType.FLAG, scope: input.villageCode ?? null, fields, local };
      }
      case MutationType.LOG_VISIT: {
        const fields = pick(input, VISIT_FIELDS);
        if (input.observations !== undefined && input.observations !== null) fields.observations = input.observations;
        const local = pick(input, [[RecordType.CLIENT, 'clientId'], 'type', 'occurredAt', 'notes']);
        // the server stores them and pulls them back on the visit (protocol §3): same shape locally
        if (fields.observations !== undefined) local.observations = fields.observations;
        return { entityType: RecordType.VISIT, scope: this.scopeOf(RecordType.CLIENT, input.clientId), fields, local };
      }
      case MutationType.ADD_NOTE: {
        const fields = pick(input, NOTE_FIELDS);
        const local = pick({ ...input, at }, [[RecordType.FLAG, 'flagId'], 'text', 'at']);
        return { entityType: RecordType.NOTE, scope: this.scopeOf(RecordType.FLAG, input.flagId), fields, local };
      }
      case MutationType.REGISTER_CHILD: {
        const fields = pick(input, CHILD_FIELDS);
        // the full ID number stays in the outbox only until the server acknowledges it
        const local = pick(input, [['name', 'fullName'], 'sex', 'birthDate', ['village', 'residenceRegionCode'], 'guardianName', 'guardianRelation', 'guardianPhone', 'fatherStatus', 'motherStatus']);
        if (input.category !== undefined && input.category !== null) local.categories = [input.category];
        return { entityType: RecordType.CLIENT, scope: input.residenceRegionCode ?? null, fields, local };
      }
      default:
        throw new Error('not an offline creation: ' + type);
    }
  }

  /** A creation (flag, visit, note, child); resolves with the new entity's id. */
  async create(type, input, entityId = null) {
    const id = entityId ?? this.uuid();
    const c = this.creation(type, input);
    await this.save(type, c.entityType, id, () => ({ scope: c.scope, local: c.local, fields: c.fields, baseVersion: null, before: null }));
    return id;
  }

  raiseFlag(fields) { return this.create(MutationType.RAISE_FLAG, fields); }
  logVisit(fields) { return this.create(MutationType.LOG_VISIT, fields); }
  addNote(flagId, text) { return this.create(MutationType.ADD_NOTE, { flagId, text }); }
  registerChild(fields) { return this.create(MutationType.REGISTER_CHILD, fields); }

  /**
   * Edits profile fields of a client the device holds: baseVersion is the version it holds, before
   * the values the user saw (including earlier queued edits, applied by the server in order).
   */
  async editProfile(clientId, changes) {
    for (const name of Object.keys(changes)) {
      if (!EDITABLE_PROFILE_FIELDS.has(name)) throw new Error('not an editable profile field: ' + name);
    }
    if (!this.store.record(RecordType.CLIENT, clientId)) throw new Error('no such child on this device: ' + clientId);
    // read inside the transaction: a sync answer applied just before must be the base
    await this.save(MutationType.EDIT_PROFILE, RecordType.CLIENT, clientId, () => {
      const client = this.store.record(RecordType.CLIENT, clientId);
      if (!client) throw new Error('no such child on this device: ' + clientId);
      const fields = {};
      const before = {};
      const local = { ...client.f };
      for (const [name, value] of Object.entries(changes)) {
        before[name] = client.f[name] === undefined ? null : client.f[name];
        fields[name] = value;
        local[name] = value;
      }
      return { scope: client.s, local, fields, baseVersion: client.v, before };
    });
    return clientId;
  }

  /** A rejected record: a new mutation (new id and counter) with the corrected fields. */
  async resubmit(type, id, fields) {
    const r = this.store.record(type, id);
    if (!r || r.state !== Status.REJECTED || !r.m) throw new Error('nothing to resubmit: ' + type + ' ' + id);
    const input = fields ?? r.m.fields;
    if (r.m.type === MutationType.EDIT_PROFILE) return this.editProfile(id, input);
    return this.create(r.m.type, input, id);
  }

  /** The user has seen what the server did: unsent-to-server work goes, a server record is synced again. */
  async dismiss(type, id) {
    return this.store.tx(() => {
      const r = this.store.record(type, id);
      if (!r || r.state === 'SYNCED' || r.state === 'PENDING') return false;
      if (r.v === null) this.store.deleteRecord(type, id);
      else this.store.setState(type, id, 'SYNCED', null);
      return true;
    });
  }

  /** build() runs inside the transaction and gives {scope, local, fields, baseVersion, before}. */
  async save(type, entityType, entityId, build) {
    const mutationId = this.uuid();
    const at = javaInstant(this.now());
    await this.store.tx(() => {
      const { scope, local, fields, baseVersion, before } = build();
      const payload = { id: mutationId, type, entityId, baseVersion: baseVersion ?? null, fields, before: before ?? null, at };
      const known = this.store.record(entityType, entityId);
      this.store.saveRecord({
        t: entityType, id: entityId, s: scope, v: known ? known.v : null, f: local,
        state: 'PENDING', reason: null, problem: null, m: { type, fields },
      });
      this.store.append(type, entityType, entityId, payload);
    });
  }

  scopeOf(type, id) {
    return id ? this.store.record(type, id)?.s ?? null : null;
  }
}
