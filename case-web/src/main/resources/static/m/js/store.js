// The device's local store (the port of the Java client's LocalStore): records, the outbox and
// meta live in memory while unlocked and are persisted to IndexedDB as AES-GCM ciphertext. Every
// change that must survive together (an edit and its outbox item and counter; a sync answer and
// its cursor) goes through tx(): applied in memory, then written in ONE IndexedDB transaction, and
// undone in memory when that write fails.

import { decryptJson, encryptJson } from './crypto.js';
import * as idb from './idb.js';

const recordKey = (t, id) => JSON.stringify([t, id]);

export class Store {
  constructor(db, key) {
    this.db = db;
    this.key = key;
    this.records = new Map();
    this.outbox = new Map();
    this.metaValues = new Map();
    this.chain = Promise.resolve();
    this.undo = null;
  }

  /** Decrypts everything into memory (a village's 1,000 children fit easily). */
  static async load(db, key) {
    const store = new Store(db, key);
    const [records, outbox, meta] = await Promise.all(['records', 'outbox', 'meta'].map((s) => idb.entries(db, s)));
    await Promise.all([
      ...records.map(async ([k, v]) => store.records.set(k, await decryptJson(key, v))),
      ...outbox.map(async ([k, v]) => store.outbox.set(k, await decryptJson(key, v))),
      ...meta.map(async ([k, v]) => store.metaValues.set(k, await decryptJson(key, v))),
    ]);
    return store;
  }

  /**
   * Runs fn (synchronous, using the mutators below) as one transaction; transactions run one after
   * another. Resolves with fn's result once IndexedDB has committed.
   */
  tx(fn) {
    const run = this.chain.then(() => this.run(fn));
    this.chain = run.catch(() => {});
    return run;
  }

  async run(fn) {
    this.undo = new Map();
    let result;
    try {
      result = fn();
      if (result && typeof result.then === 'function') throw new Error('a store transaction must be synchronous');
    } catch (e) {
      this.rollback();
      throw e;
    }
    const touched = this.undo;
    this.undo = null;
    try {
      const ops = await Promise.all(
        [...touched.values()].map(async ({ store, key }) => {
          const value = this.map(store).get(key);
          return { store, key, value: value === undefined ? undefined : await encryptJson(this.key, value) };
        }),
      );
      await idb.write(this.db, ops);
    } catch (e) {
      this.undo = touched;
      this.rollback();
      throw e;
    }
    return result;
  }

  rollback() {
    for (const { store, key, old } of this.undo.values()) {
      if (old === undefined) this.map(store).delete(key);
      else this.map(store).set(key, old);
    }
    this.undo = null;
  }

  map(store) {
    return store === 'records' ? this.records : store === 'outbox' ? this.outbox : this.metaValues;
  }

  /** Remembers the value before the first change of this transaction; values are never mutated in place. */
  touch(store, key) {
    if (!this.undo) throw new Error('store changes must run inside tx()');
    const id = store + '\u0000' + key;
    if (!this.undo.has(id)) this.undo.set(id, { store, key, old: this.map(store).get(key) });
  }

  set(store, key, value) {
    this.touch(store, key);
    if (value === undefined || value === null) this.map(store).delete(key);
    else this.map(store).set(key, value);
  }

  // ---- meta

  meta(key) {
    const v = this.metaValues.get(key);
    return v === undefined ? null : v;
  }

  putMeta(key, value) {
    this.set('meta', key, value);
  }

  // ---- records: {t, id, s, v, f, state, reason, resync, m}

  record(t, id) {
    return this.records.get(recordKey(t, id)) || null;
  }

  recordsOfType(t) {
    return [...this.records.values()].filter((r) => r.t === t).sort((a, b) => cmp(a.id, b.id));
  }

  allRecords() {
    return [...this.records.values()];
  }

  /** Type, id and version of a scope's server records: all a checksum needs. */
  versions(scope) {
    return this.allRecords().filter((r) => r.s === scope && r.v !== null && r.v !== undefined);
  }

  /** Writes a whole record (insert or replace); a save clears the resync mark, as in the Java client. */
  saveRecord(r) {
    this.set('records', recordKey(r.t, r.id), { ...r, v: r.v ?? null, s: r.s ?? null, reason: r.reason ?? null, resync: false });
  }

  /**
   * A pulled upsert: f carries only changed fields, except for a record new to the device or re-sent
   * in full by a resync, which replaces the fields. A known record keeps its sync state.
   */
  upsertFromServer(t, id, s, v, delta) {
    const known = this.record(t, id);
    let f = { ...delta };
    let state = 'SYNCED';
    let reason = null;
    let problem = null;
    let m;
    if (known) {
      state = known.state;
      reason = known.reason;
      problem = known.problem ?? null;
      m = known.m;
      if (!known.resync) f = { ...known.f, ...delta };
    }
    this.saveRecord({ t, id, s, v, f, state, reason, problem, m });
  }

  setState(t, id, state, problem) {
    const r = this.record(t, id);
    if (!r) return;
    const reason = problem ? problem.message || problem.code || null : null;
    this.set('records', recordKey(t, id), { ...r, state, reason, problem: problem || null });
  }

  deleteRecord(t, id) {
    this.set('records', recordKey(t, id), undefined);
  }

  /** Removes a scope's server records; offline work the server has not taken stays visible. */
  dropScope(scope) {
    for (const r of this.allRecords()) {
      if (r.s === scope && (r.v !== null || r.state === 'SYNCED')) this.deleteRecord(r.t, r.id);
    }
  }

  markForResync(scope) {
    for (const r of this.allRecords()) {
      if (r.s === scope && r.v !== null) this.set('records', recordKey(r.t, r.id), { ...r, resync: true });
    }
  }

  dropStale(scope) {
    for (const r of this.allRecords()) {
      if (r.s === scope && r.resync) this.deleteRecord(r.t, r.id);
    }
  }

  serverScopes() {
    const scopes = new Set();
    for (const r of this.records.values()) if (r.v !== null && r.s !== null) scopes.add(r.s);
    return scopes;
  }

  // ---- outbox: {counter, mutationId, type, entityType, entityId, payload, state, result}

  /** Appends a mutation with the next counter; call inside the transaction that writes the record. */
  append(type, entityType, entityId, payloadWithoutCounter) {
    const last = this.meta('lastCounter');
    const counter = (last === null ? 0 : Number(last)) + 1;
    const payload = { ...payloadWithoutCounter, counter };
    const item = { counter, mutationId: payload.id, type, entityType, entityId, payload, state: 'PENDING', result: null };
    this.set('outbox', counter, item);
    this.putMeta('lastCounter', String(counter));
    return item;
  }

  outboxItems(afterCounter = 0, limit = Infinity) {
    return [...this.outbox.values()]
      .filter((i) => i.counter > afterCounter)
      .sort((a, b) => a.counter - b.counter)
      .slice(0, limit);
  }

  outboxSize() {
    return this.outbox.size;
  }

  markAnswered(counter, result) {
    const item = this.outbox.get(counter);
    if (item) this.set('outbox', counter, { ...item, state: 'ANSWERED', result });
  }

  /** Deletes acknowledged mutations (1..ack) that have an answer; an unanswered one is sent again. */
  deleteUpTo(ack) {
    for (const item of this.outboxItems()) {
      if (item.counter <= ack && item.state === 'ANSWERED') this.set('outbox', item.counter, undefined);
    }
  }

  unansweredEntities() {
    const seen = new Map();
    for (const i of this.outbox.values()) {
      if (i.state === 'PENDING') seen.set(recordKey(i.entityType, i.entityId), [i.entityType, i.entityId]);
    }
    return [...seen.values()];
  }

  clearAll() {
    for (const k of [...this.records.keys()]) this.set('records', k, undefined);
    for (const k of [...this.outbox.keys()]) this.set('outbox', k, undefined);
    for (const k of [...this.metaValues.keys()]) this.set('meta', k, undefined);
  }
}

/** String order by UTF-16 code units, as Java's String.compareTo. */
export function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
