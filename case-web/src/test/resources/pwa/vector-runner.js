// Plays one golden sync vector (docs/sync-vectors, format in its README) through the offline app's
// engine, in the browser on the app's origin: an injected fetch compares each request the device
// sends with the vector's and answers the vector's response. SyncVectorsBrowserTest runs every file.

let sequence = 0;

/** JSON equality where an absent property equals null, numbers by value, arrays in order. */
export function jsonEqual(a, b) {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const names = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...names].every((n) => jsonEqual(a[n], b[n]));
  }
  return a === b;
}

async function requestBody(init) {
  const headers = init.headers || {};
  if (headers['Content-Encoding'] === 'gzip') {
    const stream = new Blob([init.body]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }
  return JSON.parse(init.body);
}

export async function runVector(vector, { origin = location.origin } = {}) {
  const { openDevice } = await import(origin + '/m/js/device.js');
  const failures = [];
  const exchanges = [];
  let step = 0;
  let ids = 0;
  const clock = Date.parse(vector.clock);
  const fetch = async (url, init) => {
    const path = new URL(url).pathname.replace(/^.*\/api\/sync\/v1/, '');
    const body = await requestBody(init);
    const exchange = exchanges.shift();
    if (!exchange) {
      failures.push(`step ${step}: unexpected request to ${path}: ${JSON.stringify(body)}`);
      throw new TypeError('the vector has no exchange for this request');
    }
    if (!jsonEqual(exchange.request, body)) {
      failures.push(`step ${step}: request differs\n    expected ${JSON.stringify(exchange.request)}\n    actual   ${JSON.stringify(body)}`);
    }
    if (path !== (exchange.path ?? '/sync')) failures.push(`step ${step}: request to ${path}`);
    const status = exchange.status ?? 200;
    return new Response(JSON.stringify(exchange.response ?? null), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  const dbName = `vector-${Date.now()}-${sequence++}`;
  const device = await openDevice({
    server: origin,
    language: 'zh-CN',
    fetch,
    now: () => new Date(clock),
    uuid: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    dbName,
    pbkdf2Iterations: 1000,
    pullLimit: vector.pullLimit ?? 500,
    // as the Java runner: one attempt, no backoff
    retry: { maxAttempts: 1, initialDelay: 0, maxDelay: 0, multiplier: 2, jitter: 0 },
    sleep: async () => {},
    testVault: {
      username: 'vector-user',
      password: 'vector-password',
      deviceId: '00000000-0000-4000-8000-0000000000d1',
      accessToken: 'vector-access',
      accessExpiresAt: '2099-01-01T00:00:00Z',
      refreshToken: 'vector-refresh',
      limits: vector.limits ?? null,
    },
  });
  try {
    for (step = 0; step < vector.steps.length; step++) {
      const s = vector.steps[step];
      try {
        if ('edit' in s) await edit(device, s.edit, s.input);
        else if ('exchange' in s) exchanges.push(s.exchange);
        else if ('sync' in s) {
          let thrown = null;
          try {
            await device.sync();
          } catch (e) {
            thrown = e.code ?? 'sync.failed';
          }
          const expected = s.throws ?? null;
          if (expected !== thrown) failures.push(`step ${step}: sync() ended with ${thrown}, expected ${expected}`);
          if (exchanges.length > 0) {
            failures.push(`step ${step}: sync() ended with ${exchanges.length} exchange(s) unplayed`);
            exchanges.length = 0;
          }
        } else if ('expect' in s) {
          const actual = state(device);
          if (!jsonEqual(s.expect, actual)) {
            failures.push(`step ${step}: local state differs\n    expected ${JSON.stringify(s.expect)}\n    actual   ${JSON.stringify(actual)}`);
          }
        } else failures.push(`step ${step}: unknown step ${JSON.stringify(s)}`);
      } catch (e) {
        failures.push(`step ${step}: ${e && e.stack ? e.stack : e}`);
      }
    }
  } finally {
    device.close();
    indexedDB.deleteDatabase(dbName);
  }
  return { ok: failures.length === 0, failures };
}

function edit(device, type, input) {
  switch (type) {
    case 'LOG_VISIT': return device.logVisit(input);
    case 'RAISE_FLAG': return device.raiseFlag(input);
    case 'ADD_NOTE': return device.addNote(input.flagId, input.text);
    case 'REGISTER_CHILD': return device.registerChild(input);
    case 'EDIT_PROFILE': return device.editProfile(input.clientId, input.changes);
    default: throw new Error('unknown edit ' + type);
  }
}

/** The device's whole local state in the vectors' shape. */
function state(device) {
  const snap = device.snapshot();
  return {
    registered: device.status().registered,
    cursor: snap.cursor,
    outbox: snap.outbox,
    records: snap.records.map((r) => ({ t: r.t, id: r.id, s: r.s, v: r.v, state: r.state, reason: r.problem, f: r.f })),
  };
}
