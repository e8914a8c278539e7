// Unit tests of the offline app's engine (crypto, encrypted store, sync rules), run in the real
// browser on the app's origin by PwaEngineBrowserTest: run() resolves with [{name, ok, error}].
// A fake server (an injected fetch) plays the station's side.

const VILLAGE = '410225101201';
const OTHER_VILLAGE = '410225101202';
const CHILD = '11111111-1111-4111-8111-111111111111';
const CHILD_NAME = '王小明秘密';
const T0 = Date.parse('2026-11-27T08:00:00Z');
const DAY = 86400000;

let engine;
let sequence = 0;

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e} but was ${a}`);
}

async function rejects(promise, code, what) {
  try {
    await promise;
  } catch (e) {
    eq(e.code, code, what);
    return e;
  }
  throw new Error(`${what}: expected a rejection with ${code}`);
}

async function requestBody(init) {
  const headers = init.headers || {};
  if (headers['Content-Encoding'] === 'gzip') {
    const stream = new Blob([init.body]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }
  return JSON.parse(init.body);
}

/** A fake station: handler(path, body, call) returns {status, body}, or 'offline' for no answer. */
function fakeServer(handler) {
  const calls = [];
  const fetch = async (url, init) => {
    const path = new URL(url).pathname.replace('/api/sync/v1', '');
    const body = await requestBody(init);
    calls.push({ path, body, headers: init.headers });
    const out = await handler(path, body, calls.length);
    if (out === 'offline') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(out.body ?? {}), {
      status: out.status ?? 200,
      headers: { 'Content-Type': out.status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  return { fetch, calls, syncs: () => calls.filter((c) => c.path === '/sync').map((c) => c.body) };
}

const child = (extra = {}) => ({
  t: 'client', id: CHILD, v: 1, s: VILLAGE, op: 'U',
  f: { name: CHILD_NAME, sex: 'MALE', village: VILLAGE, guardianPhone: '13900001111' }, ...extra,
});

/** An answer that applies every mutation and acknowledges up to the last counter. */
function applyAll(body, extra = {}) {
  const counters = body.mutations.map((m) => m.counter);
  return {
    ack: counters.length ? Math.max(...counters) : 0,
    results: body.mutations.map((m) => ({ id: m.id, counter: m.counter, status: 'APPLIED', entityId: m.entityId, version: 0 })),
    changes: [],
    cursor: 'c' + Math.random().toString(36).slice(2, 8),
    more: false,
    checksums: {},
    resync: [],
    serverTime: '2026-11-27T08:00:01Z',
    warnings: [],
    ...extra,
  };
}

/** Long and distinctive, so finding it in the raw database cannot happen by chance in ciphertext. */
const SEEDED_CURSOR = 'seeded-cursor-7f3a9c';

/** A registered, unlocked device (testVault) whose first sync pulled one child. */
async function seeded(handler, extra = {}) {
  let first = true;
  const server = fakeServer(async (path, body, n) => {
    if (first && path === '/sync') {
      first = false;
      return { body: applyAll(body, { changes: [child()], cursor: SEEDED_CURSOR }) };
    }
    return handler(path, body, n);
  });
  const d = await device(server.fetch, extra);
  await d.sync();
  return { d, server };
}

let clock = T0;

async function device(fetch, extra = {}) {
  clock = T0;
  let ids = 0;
  const dbName = `pwacore-unit-${Date.now()}-${sequence++}`;
  const d = await engine.openDevice({
    server: location.origin,
    language: 'zh-CN',
    fetch,
    now: () => new Date(clock),
    uuid: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    dbName,
    pbkdf2Iterations: 1000,
    sleep: async () => {},
    testVault: {
      username: 'director-test',
      deviceId: 'dddddddd-0000-4000-8000-000000000001',
      password: 'right-password',
      limits: { maxDevicesPerUser: 3, warnPendingMutations: 500, maxMutationsPerSync: 200 },
      lastOnlineContact: new Date(T0).toISOString(),
      ...(extra.vault || {}),
    },
  });
  d.dbName = dbName;
  return d;
}

function visit(notes = '入户走访') {
  return { clientId: CHILD, type: 'HOME_VISIT', occurredAt: '2026-11-26T09:00:00Z', durationMinutes: 30, notes, observations: {} };
}

/** Every value of every store of the raw database, as text (bytes decoded both ways). */
async function rawDump(name) {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const texts = [];
  const values = [];
  for (const s of db.objectStoreNames) {
    const all = await new Promise((resolve, reject) => {
      const r = db.transaction(s).objectStore(s).getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    values.push(...all);
  }
  db.close();
  const text = (v) =>
    JSON.stringify(v, (k, x) => {
      if (x instanceof Uint8Array || x instanceof ArrayBuffer) {
        const bytes = new Uint8Array(x);
        return new TextDecoder().decode(bytes) + '|' + String.fromCharCode(...bytes);
      }
      return x;
    });
  values.forEach((v) => texts.push(text(v)));
  return { count: values.length, text: texts.join('\n') };
}

const tests = {
  async cryptoSealsWithFreshIvsAndAWrongPasswordCannotUnwrapTheKey() {
    const c = engine.crypto;
    const verifier = await c.makeVerifier('pässword 密码', 1000);
    eq([await c.checkVerifier('pässword 密码', verifier), await c.checkVerifier('pässword 密', verifier)], [true, false], 'verifier');
    const { key, wrap } = await c.createDataKey('pässword 密码', 1000);
    assert(wrap.salt !== verifier.salt, 'separate salts');
    const a = await c.encryptJson(key, { name: CHILD_NAME });
    const b = await c.encryptJson(key, { name: CHILD_NAME });
    eq([a.iv.length, b.iv.length], [12, 12], '12-byte IVs');
    assert(c.toBase64(a.iv) !== c.toBase64(b.iv) && c.toBase64(a.ct) !== c.toBase64(b.ct), 'a fresh IV each time');
    const again = await c.unwrapDataKey('pässword 密码', wrap);
    eq(await c.decryptJson(again, a), { name: CHILD_NAME }, 'round trip through the unwrapped key');
    let refused = false;
    try {
      await c.unwrapDataKey('wrong', wrap);
    } catch {
      refused = true;
    }
    assert(refused, 'a wrong password cannot unwrap the data key');
    const tampered = { iv: a.iv, ct: a.ct.slice() };
    tampered.ct[0] ^= 1;
    refused = false;
    try {
      await c.decryptJson(key, tampered);
    } catch {
      refused = true;
    }
    assert(refused, 'a changed ciphertext is refused (GCM tag)');
  },

  async anEditWhoseWriteFailsLeavesNeitherRecordNorOutboxItem() {
    const { d } = await seeded(async (p, body) => ({ body: applyAll(body) }));
    await d.logVisit(visit('saved'));
    d.close(); // the next IndexedDB transaction cannot start: as a full disk would refuse it
    let failed = false;
    try {
      await d.logVisit(visit('lost'));
    } catch {
      failed = true;
    }
    assert(failed, 'the edit reports the failure');
    eq(d.outbox().map((i) => i.counter), [1], 'no outbox item');
    eq(d.records('visit').map((r) => r.f.notes), ['saved'], 'no record');
    eq(d.meta('lastCounter'), '1', 'the counter is not used up');
  },

  async anInterruptedPagedSyncResumesFromTheLastStoredCursor() {
    let offline = false;
    const { d, server } = await seeded(async (p, body) => {
      if (offline) return 'offline';
      if (body.cursor === SEEDED_CURSOR) {
        offline = true;
        return { body: applyAll(body, { cursor: 'page1', more: true, changes: [child({ id: '33333333-3333-4333-8333-333333333333' })] }) };
      }
      return { body: applyAll(body, { cursor: 'page2' }) };
    });
    await rejects(d.sync(), 'sync.offline', 'the link dies after the first page');
    eq([d.meta('cursor'), d.records('client').length], ['page1', 2], 'the first page is kept with its cursor');
    offline = false;
    await d.sync();
    eq(server.syncs().at(-1).cursor, 'page1', 'resumed from the stored cursor');
    eq(d.meta('cursor'), 'page2', 'done');
  },

  async anAnswerCutShortIsNoAnswerNothingOfItIsAppliedAndTheNextAttemptBringsItWhole() {
    let other = '44444444-4444-4444-8444-444444444444';
    let cut = 0;
    const { d, server } = await seeded(async (p, body) => {
      const whole = applyAll(body, { cursor: 'whole', changes: [child({ id: other })] });
      if (cut > 0) {
        cut--;
        // what a streamed answer cut after its changes still parses to: no cursor, no end
        const { cursor, more, checksums, resync, serverTime, warnings, ...part } = whole;
        return { body: part };
      }
      return { body: whole };
    });
    await d.logVisit(visit());
    cut = 1;
    await d.sync();
    const syncs = server.syncs();
    eq(syncs.length, 3, 'the seeding sync, the cut answer, and the one asked again');
    eq(syncs[1].mutations.map((m) => m.counter), syncs[2].mutations.map((m) => m.counter), 'the same mutations sent again');
    eq([d.meta('cursor'), d.outbox().length, d.records('client').length], ['whole', 0, 2], 'applied once, whole');

    await d.logVisit(visit('again'));
    other = '55555555-5555-4555-8555-555555555555';
    cut = 99;
    await rejects(d.sync(), 'sync.offline', 'only cut answers: no answer at all');
    eq([d.meta('cursor'), d.outbox().length, d.records('client').length], ['whole', 1, 2], 'nothing of a cut answer applied, the visit still queued');
  },

  async storageReportsUsageAndTheLowSpaceRule() {
    const d = await device(fakeServer(() => 'offline').fetch);
    const s = await d.storage();
    assert(typeof s.usage === 'number' && typeof s.quota === 'number' && typeof s.low === 'boolean', JSON.stringify(s));
    eq(s.low, s.quota - s.usage < 50 * 1024 * 1024 || s.usage / s.quota > 0.8, 'low rule');
  },

  async wrongPasswordIsRefusedAndTheRightOneUnlocksOffline() {
    const server = fakeServer(() => 'offline');
    const d = await device(server.fetch);
    d.lock();
    eq(d.status().unlocked, false, 'locked');
    await rejects(d.login('director-test', 'wrong-password', 'x'), 'login.badPassword', 'wrong password');
    eq(d.status().unlocked, false, 'still locked');
    await d.login('director-test', 'right-password', 'x');
    eq(d.status().unlocked, true, 'unlocked offline');
    eq(server.calls.length, 0, 'an offline login asks nobody');
  },

  async theDatabaseHoldsNoPlaintext() {
    const { d } = await seeded(async (p, body) => ({ body: applyAll(body) }));
    eq(d.record('client', CHILD).f.name, CHILD_NAME, 'readable through the device');
    await d.logVisit(visit('孩子说想念妈妈-SECRET'));
    const raw = await rawDump(d.dbName);
    assert(raw.count >= 4, 'records, outbox, meta and vault are stored: ' + raw.count);
    for (const secret of [CHILD_NAME, '13900001111', 'SECRET', 'test-access-token', 'test-refresh-token', 'right-password', SEEDED_CURSOR]) {
      assert(!raw.text.includes(secret), 'plaintext in IndexedDB: ' + secret);
    }
    // the vault is plain by design: username and device id, nothing of the scope
    assert(raw.text.includes('director-test'), 'the vault names its user');
  },

  async offlineLoginEndsAfterTheConfiguredDaysAndOneRefreshOpensItAgain() {
    let online = false;
    const server = fakeServer((path, body) => {
      if (!online) return 'offline';
      if (path === '/devices/refresh') {
        return { body: { accessToken: 'a2', accessExpiresAt: new Date(clock + DAY).toISOString(), refreshToken: 'r2' } };
      }
      return { status: 404, body: {} };
    });
    const d = await device(server.fetch);
    d.lock();
    clock = T0 + 13 * DAY;
    await d.login('director-test', 'right-password');
    d.lock();
    clock = T0 + 14 * DAY; // the last allowed instant
    await d.login('director-test', 'right-password');
    d.lock();
    clock = T0 + 14 * DAY + 1000;
    await rejects(d.login('director-test', 'right-password'), 'login.offlineExpired', 'past the window');
    eq(d.status().unlocked, false, 'not unlocked past the window');
    online = true;
    const before = server.calls.length;
    await d.login('director-test', 'right-password');
    eq(server.calls.slice(before).map((c) => c.path), ['/devices/refresh'], 'one refresh');
    eq(d.status().offlineLoginUntil, new Date(clock + 14 * DAY).toISOString().replace('.000Z', 'Z'), 'window from the refresh');
    const refreshBody = server.calls.at(-1).body;
    eq(refreshBody, { deviceId: 'dddddddd-0000-4000-8000-000000000001', refreshToken: 'test-refresh-token' }, 'refresh body');
  },

  async theOutboxIsDeletedOnlyUpToTheAck() {
    let ack = 1;
    const { d, server } = await seeded(async (p, body) => ({ body: applyAll(body, { ack }) }));
    for (let i = 1; i <= 3; i++) await d.logVisit(visit('v' + i));
    eq(d.outbox().map((i) => i.counter), [1, 2, 3], 'queued');
    const report = await d.sync();
    eq(report.applied, 3, 'all three applied');
    eq(report.requests, 1, 'one round trip');
    eq(d.outbox().map((i) => i.counter), [2, 3], 'only 1..ack deleted');
    eq(d.records('visit').map((r) => r.state), ['SYNCED', 'SYNCED', 'SYNCED'], 'answered records are synced');
    ack = 3;
    await d.sync();
    const resent = server.syncs().at(-1).mutations;
    eq(resent.map((m) => m.counter), [2, 3], 'the unacknowledged are sent again');
    eq(resent[0].id, server.syncs().at(-2).mutations[1].id, 'with the same ids');
    eq(d.outbox().length, 0, 'all acknowledged');
  },

  async aGapLeavesTheLaterMutationsPendingAndSendsThemAgain() {
    let gap = true;
    const { d, server } = await seeded(async (p, body) => {
      const answer = applyAll(body);
      if (gap) {
        answer.results = answer.results.filter((r) => r.counter === 1);
        answer.ack = 1;
      }
      return { body: answer };
    });
    const ids = [];
    for (let i = 1; i <= 3; i++) ids.push(await d.logVisit(visit('v' + i)));
    const report = await d.sync();
    eq(report.requests, 1, 'the Java client stops after sending everything once');
    eq(d.outbox().map((i) => [i.counter, i.state]), [[2, 'PENDING'], [3, 'PENDING']], 'the gap stays queued');
    eq(ids.map((id) => d.record('visit', id).state), ['SYNCED', 'PENDING', 'PENDING'], 'states');
    gap = false;
    await d.sync();
    eq(server.syncs().at(-1).mutations.map((m) => m.counter), [2, 3], 'sent again');
    eq(d.outbox().length, 0, 'done');
    eq(ids.map((id) => d.record('visit', id).state), ['SYNCED', 'SYNCED', 'SYNCED'], 'synced');
  },

  async aPendingEditIsReassertedOverAPulledValue() {
    const { d } = await seeded(async (p, body) => ({
      body: applyAll(body, {
        results: [],
        ack: 0,
        changes: [child({ v: 2, f: { guardianPhone: '13700002222', address: '东街 1 号' } })],
      }),
    }));
    await d.editProfile(CHILD, { guardianPhone: '13800003333' });
    const edit = d.outbox()[0].payload;
    eq([edit.baseVersion, edit.fields, edit.before], [1, { guardianPhone: '13800003333' }, { guardianPhone: '13900001111' }], 'edit');
    await d.sync();
    const r = d.record('client', CHILD);
    eq([r.v, r.f.guardianPhone, r.f.address, r.state], [2, '13800003333', '东街 1 号', 'PENDING'], 'pending edit on top');
  },

  async aRejectedEditIsRevertedAndCanBeResubmitted() {
    let status = 'REJECTED';
    const { d, server } = await seeded(async (p, body) => {
      const a = applyAll(body);
      a.results.forEach((r) => Object.assign(r, { status, code: status === 'REJECTED' ? 'validation' : undefined, message: status === 'REJECTED' ? '电话号码格式不对' : undefined }));
      return { body: a };
    });
    await d.editProfile(CHILD, { guardianPhone: '123' });
    const report = await d.sync();
    eq(report.rejected, 1, 'rejected');
    let r = d.record('client', CHILD);
    eq([r.state, r.reason, r.f.guardianPhone], ['REJECTED', '电话号码格式不对', '13900001111'], 'reverted with the reason');
    status = 'APPLIED';
    await d.resubmit('client', CHILD, { guardianPhone: '13800004444' });
    const again = d.outbox().at(-1);
    eq([again.counter, again.type, again.payload.fields], [2, 'EDIT_PROFILE', { guardianPhone: '13800004444' }], 'a new mutation');
    await d.sync();
    r = d.record('client', CHILD);
    eq([r.state, r.f.guardianPhone], ['SYNCED', '13800004444'], 'synced');
    eq(server.syncs().at(-1).mutations.length, 1, 'only the resubmission');
  },

  async aRemovedScopeTakesItsRecordsButNotUnsentWork() {
    let answer = null;
    const { d, server } = await seeded(async (p, body) => ({ body: answer(body) }));
    answer = (body) => applyAll(body, { changes: [child({ id: '22222222-2222-4222-8222-222222222222', s: OTHER_VILLAGE })] });
    await d.sync();
    eq(Object.keys(server.syncs().at(-1).checksums).sort(), [VILLAGE], 'checksums of the held scope');
    answer = (body) => ({ ...applyAll(body), results: [], ack: 0, changes: [{ t: 'scope', id: VILLAGE, op: 'D' }] });
    const visitId = await d.logVisit(visit());
    await d.sync();
    eq(d.record('client', CHILD), null, 'the village is gone');
    eq(d.record('visit', visitId).state, 'PENDING', 'unsent work stays');
    eq(d.records('client').length, 1, 'the other village stays');
    answer = (body) => applyAll(body);
    await d.sync();
    eq(Object.keys(server.syncs().at(-1).checksums), [OTHER_VILLAGE], 'no checksum for the removed scope');
  },

  async checksumsEqualTheJavaClients(context) {
    const records = [
      { t: 'visitType', id: 'HOME_VISIT', v: 3 },
      { t: 'client', id: 'b0000000-0000-4000-8000-000000000002', v: 12 },
      { t: 'client', id: 'a0000000-0000-4000-8000-000000000001', v: 4 },
      { t: 'client', id: 'offline-no-version', v: null },
      { t: 'region', id: '410225101201', v: 1 },
      { t: 'client', id: 'B0000000', v: 7 },
    ];
    const hex = await engine.checksum(records);
    eq(hex, context.javaChecksum, 'the same hex as org.casework.sync.client.Checksums');
    eq(await engine.checksum([]), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'empty');
    // and what the device sends for its records
    const { d, server } = await seeded(async (p, body) => ({ body: applyAll(body) }));
    await d.sync();
    eq(server.syncs().at(-1).checksums[VILLAGE], await engine.checksum([{ t: 'client', id: CHILD, v: 1 }]), 'sent checksum');
  },

  async aRevokedDeviceWipesEverything() {
    const { d } = await seeded(async () => ({ status: 401, body: { code: 'device.revoked', wipe: true, detail: '设备已停用' } }));
    await d.logVisit(visit());
    let wiped = 0;
    d.on('wiped', () => wiped++);
    await rejects(d.sync(), 'device.revoked', 'revoked');
    eq([wiped, d.status().registered, d.status().unlocked, d.status().pending], [1, false, false, 0], 'wiped');
    const raw = await rawDump(d.dbName);
    eq(raw.count, 0, 'nothing left in IndexedDB');
  },

  async a413HalvesTheBatch() {
    const { d, server } = await seeded(async (p, body) =>
      body.mutations.length > 2 ? { status: 413, body: { code: 'sync.tooMany' } } : { body: applyAll(body) },
    );
    for (let i = 1; i <= 5; i++) await d.logVisit(visit('v' + i));
    const report = await d.sync();
    eq(server.syncs().slice(1).map((b) => b.mutations.map((m) => m.counter)), [[1, 2, 3, 4, 5], [1, 2], [3, 4], [5]], 'batches');
    eq([report.requests, report.applied, report.pending], [3, 5, 0], 'report');
  },

  async anExpiredTokenIsRefreshedOnceAndTheCallRepeated() {
    let expired = true;
    const { d, server } = await seeded(async (path, body) => {
      if (path === '/devices/refresh') return { body: { accessToken: 'fresh', refreshToken: 'r2', accessExpiresAt: '2026-11-28T08:00:00Z' } };
      if (expired) {
        expired = false;
        return { status: 401, body: { code: 'device.tokenExpired' } };
      }
      return { body: applyAll(body) };
    });
    await d.logVisit(visit());
    await d.sync();
    eq(server.calls.slice(1).map((c) => c.path), ['/sync', '/devices/refresh', '/sync'], 'calls');
    eq(server.calls.at(-1).headers.Authorization, 'Bearer fresh', 'the new token');
    eq(d.outbox().length, 0, 'sent');
  },

  async requestsAreGzippedAndAskForTheUsersLanguage() {
    const { d, server } = await seeded(async (p, body) => ({ body: applyAll(body) }));
    const h = server.calls[0].headers;
    eq([h['Content-Encoding'], h['Accept-Language'], h.Authorization], ['gzip', 'zh-CN', 'Bearer test-access-token'], 'headers');
    d.setLanguage('en');
    await d.sync();
    eq(server.calls.at(-1).headers['Accept-Language'], 'en', 'the language switched at run time');
  },

  async firstLoginRegistersOnlineAndAnotherUsersUnsentWorkIsKept() {
    let online = false;
    const server = fakeServer((path, body) => {
      if (!online) return 'offline';
      if (path === '/devices') {
        if (body.password !== 'pw') return { status: 401, body: { code: 'auth.badCredentials', detail: '用户名或密码错误' } };
        return { status: 201, body: { deviceId: 'dev-' + body.username, accessToken: 'a', refreshToken: 'r', accessExpiresAt: '2026-11-28T08:00:00Z', limits: { maxMutationsPerSync: 200 }, warnings: [] } };
      }
      return { body: applyAll(body, { changes: [child()] }) };
    });
    const dbName = `pwacore-unit-${Date.now()}-${sequence++}`;
    const d = await engine.openDevice({ server: location.origin, fetch: server.fetch, now: () => new Date(T0), dbName, pbkdf2Iterations: 1000, sleep: async () => {} });
    eq(d.status().registered, false, 'a new phone');
    await rejects(d.login('alice', 'pw', '红米'), 'login.needsNetwork', 'first login offline');
    online = true;
    const bad = await rejects(d.login('alice', 'nope', '红米'), 'auth.badCredentials', 'server refusal');
    eq(bad.message, '用户名或密码错误', 'the server message');
    await d.login('alice', 'pw', '红米');
    const reg = server.calls.find((c) => c.path === '/devices' && c.body.password === 'pw').body;
    eq([reg.platform, reg.deviceName, reg.username], ['pwa', '红米', 'alice'], 'registration');
    eq([d.status().registered, d.status().unlocked, d.records('client').length], [true, true, 1], 'first sync ran');
    online = false;
    await d.logVisit(visit());
    d.lock();
    const other = await rejects(d.login('bob', 'pw', 'x'), 'login.otherUser', 'unsent work of alice');
    eq(other.pending, 1, 'pending count');
    online = true;
    await d.login('alice', 'pw');
    await d.sync();
    d.lock();
    await d.login('bob', 'pw', 'x');
    eq([d.status().username, d.records('visit').length], ['bob', 0], 'a fresh start for bob');
  },

  async eachEditIsOneTransactionWithItsOutboxItem() {
    const { d } = await seeded(async (p, body) => ({ body: applyAll(body) }));
    const flag = await d.raiseFlag({ clientId: CHILD, villageCode: VILLAGE, type: 'LIVING_ALONE', description: '独自在家', observedAt: '2026-11-27T07:00:00Z' });
    const note = await d.addNote(flag, '已电话联系');
    const kid = await d.registerChild({ fullName: '新孩子', sex: 'FEMALE', birthDate: '2018-03-01', residenceRegionCode: VILLAGE, noIdReason: '未办理', category: 'LEFT_BEHIND' });
    eq(d.outbox().map((i) => [i.counter, i.type, i.entityId]), [[1, 'RAISE_FLAG', flag], [2, 'ADD_NOTE', note], [3, 'REGISTER_CHILD', kid]], 'outbox');
    eq(d.record('flag', flag).f.subjectName, CHILD_NAME, 'the flag shows the child');
    eq(d.record('client', kid).f.categories, ['LEFT_BEHIND'], 'local child');
    // a reopened device reads exactly what was committed
    const again = await engine.openDevice({ dbName: d.dbName, pbkdf2Iterations: 1000, now: () => new Date(clock), fetch: () => Promise.reject(new TypeError('offline')) });
    await again.login('director-test', 'right-password');
    eq(again.outbox().map((i) => i.counter), [1, 2, 3], 'persisted');
    eq(again.record('note', note).f.text, '已电话联系', 'persisted note');
    again.close();
  },

  // ---- issue 15: rules of the phone's screens

  async 'a period is added as java.time does (months clamp to the month end, then days)'() {
    const { plusPeriod } = await import(location.origin + '/m/js/ui-common.js');
    eq(plusPeriod('2026-12-04', 'P7D'), '2026-12-11', 'seven days');
    eq(plusPeriod('2026-12-28', 'P7D'), '2027-01-04', 'over the year end');
    eq(plusPeriod('2026-01-31', 'P1M'), '2026-02-28', 'clamped to February');
    eq(plusPeriod('2026-11-30', 'P3M'), '2027-02-28', 'three months');
    eq(plusPeriod('2026-12-04', 'nonsense'), null, 'not a period');
  },

  async 'a visit the schedule does not know yet moves the next visit by the level interval'() {
    const { effectiveDue } = await import(location.origin + '/m/js/ui-common.js');
    const due = { id: CHILD, f: { client: CHILD, level: 'YELLOW', nextDueOn: '2026-12-01', lastVisitOn: '2026-11-01', rule: 'LEVEL_INTERVAL' } };
    const visit = (on, state = 'PENDING') => ({ state, f: { client: CHILD, occurredAt: on + 'T02:00:00Z' } });
    eq(effectiveDue(due, []).f.nextDueOn, '2026-12-01', 'no visit: as the server says');
    eq(effectiveDue(due, [visit('2026-10-20')]).f.nextDueOn, '2026-12-01', 'an older visit changes nothing');
    eq(effectiveDue(due, [visit('2026-12-04')]).f.nextDueOn, '2027-01-04', 'yellow: a month after the visit');
    eq(effectiveDue(due, [visit('2026-12-04', 'REJECTED')]).f.nextDueOn, '2026-12-01', 'a refused visit does not count');
    const red = { ...due, f: { ...due.f, level: 'RED', rule: 'RED_RESPONSE' } };
    eq(effectiveDue(red, [visit('2026-12-04')]).f.nextDueOn, '2026-12-11', 'red: a week after the visit');
    const elderly = { ...due, f: { ...due.f, level: 'GREEN', rule: 'SPECIAL_DIFFICULTY_ELDERLY' } };
    eq(effectiveDue(elderly, [visit('2026-12-04')]).f.nextDueOn, '2027-01-04', 'monthly by law beats green');
  },

  async 'the flag picker puts the mandatory reports first and 其他 last'() {
    const { orderedFlagTypes } = await import(location.origin + '/m/js/ui-forms.js');
    const types = [
      { id: 'OTHER', f: { mandatory: false } }, { id: 'LIVING_ALONE', f: { mandatory: false } },
      { id: 'MR_ABANDONMENT_NO_CARE', f: { mandatory: true } }, { id: 'NEW_TYPE', f: { mandatory: false } },
      { id: 'MR_PRIVATE_INJURY', f: { mandatory: true } },
    ];
    eq(orderedFlagTypes(types).map((r) => r.id),
      ['MR_PRIVATE_INJURY', 'MR_ABANDONMENT_NO_CARE', 'LIVING_ALONE', 'NEW_TYPE', 'OTHER'], 'order');
  },

  async 'a phone number is shown masked'() {
    const { maskPhone } = await import(location.origin + '/m/js/ui-child.js');
    eq(maskPhone('13812345678'), '138****5678', 'mobile');
    eq(maskPhone('138****5678'), '138****5678', 'already masked');
  },

  async 'a sync answer that stops arriving is given up after the stall time, not awaited for ever'() {
    // Fake links. As in a browser, aborting the request rejects the fetch or errors its body.
    let aborted = 0;
    const stalling = (firstPiece) => async (url, init) => {
      const stream = new ReadableStream({
        start(controller) {
          if (firstPiece) controller.enqueue(new TextEncoder().encode('{"ack":0,"changes":['));
          init.signal?.addEventListener('abort', () => {
            aborted++;
            controller.error(init.signal.reason);
          });
        },
      });
      return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const noHeaders = (url, init) =>
      new Promise((resolve, reject) => {
        init.signal?.addEventListener('abort', () => {
          aborted++;
          reject(init.signal.reason);
        });
      });
    for (const [what, fetch] of [['half an answer', stalling(true)], ['headers only', stalling(false)], ['nothing', noHeaders]]) {
      const transport = engine.fetchTransport({ server: location.origin, language: 'zh-CN', fetch, stallMs: 150 });
      const started = Date.now();
      const outcome = await Promise.race([
        transport.post('/sync', '{}', 'token').then(() => 'answered', (e) => 'rejected: ' + e.message),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000)),
      ]);
      assert(outcome.startsWith('rejected: no data from the server'), `${what}: ${outcome}`);
      assert(Date.now() - started < 2000, `${what}: given up after the stall time`);
    }
    eq(aborted, 3, 'every stalled request aborted');

    // an answer that keeps coming, slowly, is read to its end: each piece restarts the timer
    const pieces = ['{"a":"', 'x', 'x', 'x', 'x', 'x', 'x', 'x', '"}'];
    const trickle = async () => {
      let i = 0;
      const stream = new ReadableStream({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 60));
          if (i < pieces.length) controller.enqueue(new TextEncoder().encode(pieces[i++]));
          else controller.close();
        },
      });
      return new Response(stream, { status: 200 });
    };
    const slow = await engine
      .fetchTransport({ server: location.origin, language: 'zh-CN', fetch: trickle, stallMs: 200 })
      .post('/sync', '{}', 'token');
    eq(JSON.parse(slow.body).a, 'xxxxxxx', 'a slow answer (0.6 s, a piece every 60 ms, stall time 0.2 s)');
  },
};

/** Runs every test (or those named in context.only); context.javaChecksum comes from the JUnit side. */
export async function run(context = {}) {
  engine = {
    ...(await import(location.origin + '/m/js/device.js')),
    ...(await import(location.origin + '/m/js/sync.js')),
    crypto: await import(location.origin + '/m/js/crypto.js'),
  };
  const results = [];
  for (const [name, fn] of Object.entries(tests)) {
    if (context.only && !context.only.includes(name)) continue;
    try {
      await fn(context);
      results.push({ name, ok: true, error: null });
    } catch (e) {
      results.push({ name, ok: false, error: String((e && e.stack) || e) });
    }
  }
  return results;
}
