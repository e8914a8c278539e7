// A small promise wrapper over IndexedDB for the offline store. Stores: vault (plain, one entry),
// records / outbox / meta (values are AES-GCM sealed by store.js; keys are opaque ids).

export const STORES = ['vault', 'records', 'outbox', 'meta'];

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function openDb(name) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const s of STORES) {
        if (!db.objectStoreNames.contains(s)) db.createObjectStore(s);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      // a wipe (deleteDatabase) in another tab must not wait for this one to be closed by hand
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the local database is open in another tab'));
  });
}

export async function get(db, store, key) {
  return promised(db.transaction(store, 'readonly').objectStore(store).get(key));
}

export async function count(db, store) {
  return promised(db.transaction(store, 'readonly').objectStore(store).count());
}

/** Every [key, value] of a store. */
export async function entries(db, store) {
  const os = db.transaction(store, 'readonly').objectStore(store);
  const [keys, values] = await Promise.all([promised(os.getAllKeys()), promised(os.getAll())]);
  return keys.map((k, i) => [k, values[i]]);
}

/**
 * Writes in ONE readwrite transaction: ops = [{store, key, value}] (value undefined = delete),
 * resolved once the transaction has committed (durability 'strict': on disk before "saved").
 */
export function write(db, ops) {
  return new Promise((resolve, reject) => {
    const names = [...new Set(ops.map((o) => o.store))];
    if (names.length === 0) return resolve();
    const tx = db.transaction(names, 'readwrite', { durability: 'strict' });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('local transaction aborted'));
    for (const op of ops) {
      const os = tx.objectStore(op.store);
      if (op.value === undefined) os.delete(op.key);
      else os.put(op.value, op.key);
    }
  });
}

/** Deletes the database (the device is wiped); closes our connection first. */
export function destroy(db, name) {
  if (db) db.close();
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // another tab holding it open: the delete completes once it closes
    request.onblocked = () => resolve();
  });
}
