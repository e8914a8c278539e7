// The PouchDB peer of the offline-sync benchmark (case-web SyncBenchmark, docs/benchmarks.md).
// One scenario per run: `node peer.js '<json arguments>'`; prints one line `RESULT {json}`.
// The Java harness measures bytes and requests in its TCP proxy; this script reports the wall time
// of the replication itself (not node's start-up) and what each device and the server hold after.
'use strict';
const fs = require('fs');
const PouchDB = require('pouchdb');


const args = JSON.parse(process.argv[2]);

// Direct calls to pouchdb-server (seed, remote edits, checks) bypass the proxy: they are not
// the device's traffic.
async function http(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: {'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok && !(method === 'DELETE' && response.status === 404)) {
    throw new Error(`${method} ${url}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

function childDoc(child) {
  const {id, ...fields} = child;
  return {_id: id, type: 'child', ...fields};
}

function visitDoc(visit) {
  const {id, ...fields} = visit;
  return {_id: id, type: 'visit', ...fields};
}

async function missingOnServer(ids) {
  const rows = (await http('POST', `${args.server}/_all_docs`, {keys: ids})).rows;
  return rows.filter((row) => row.error || (row.value && row.value.deleted)).length;
}

async function missingLocally(db, ids) {
  const rows = (await db.allDocs({keys: ids})).rows;
  return rows.filter((row) => row.error || (row.value && row.value.deleted)).length;
}

async function timed(body) {
  const start = process.hrtime.bigint();
  const result = await body();
  return {millis: Number(process.hrtime.bigint() - start) / 1e6, ...result};
}

const scenarios = {
  async seed() {
    const data = JSON.parse(fs.readFileSync(args.data, 'utf8'));
    await http('DELETE', args.server);
    await http('PUT', args.server);
    // docs: ready-made documents (the like-for-like runs hold exactly the casework device's scope)
    const docs = data.docs || [...data.children.map(childDoc), ...data.visits.map(visitDoc)];
    for (let i = 0; i < docs.length; i += 1000) {
      await http('POST', `${args.server}/_bulk_docs`, {docs: docs.slice(i, i + 1000)});
    }
    const info = await http('GET', args.server);
    return {serverDocs: info.doc_count};
  },

  async initial() {
    const db = new PouchDB(args.local);
    const result = await timed(async () => {
      const replication = await db.replicate.from(args.remote);
      return {docsRead: replication.docs_read, docsWritten: replication.docs_written};
    });
    result.localDocs = (await db.info()).doc_count;
    return result;
  },

  // Others' changes on the server (the station's): direct, not the device's traffic.
  async remote() {
    await http('POST', `${args.server}/_bulk_docs`, {docs: args.newRemote.map(visitDoc)});
    return {};
  },

  async steady() {
    const db = new PouchDB(args.local);
    const local = args.newLocal.map(visitDoc);
    await db.bulkDocs(local);
    const result = await timed(async () => {
      const sync = await db.sync(args.remote);
      return {pushed: sync.push.docs_written, pulled: sync.pull.docs_written};
    });
    result.lostOnServer = await missingOnServer(local.map((d) => d._id));
    result.lostOnDevice = await missingLocally(db, args.expectRemote);
    return result;
  },

  async noop() {
    const db = new PouchDB(args.local);
    return timed(async () => {
      const sync = await db.sync(args.remote);
      return {pushed: sync.push.docs_written, pulled: sync.pull.docs_written};
    });
  },

  // The same child edited offline on two devices, then both sync: does anyone learn of the clash?
  async conflict() {
    const a = new PouchDB(args.local);
    const b = new PouchDB(args.localB);
    const result = await timed(async () => {
      await b.replicate.from(args.remote, {doc_ids: [args.childId]});
      const onA = await a.get(args.childId);
      const onB = await b.get(args.childId);
      await a.put({...onA, school: args.valueA});
      await b.put({...onB, school: args.valueB});
      const pushA = await a.sync(args.remote);
      const pushB = await b.sync(args.remote, {doc_ids: [args.childId]});
      await a.sync(args.remote);
      return {errors: pushA.push.errors.length + pushB.push.errors.length};
    });
    const server = await http('GET', `${args.server}/${args.childId}?conflicts=true`);
    const plainA = await a.get(args.childId);
    const plainB = await b.get(args.childId);
    result.serverValue = server.school;
    result.serverConflicts = (server._conflicts || []).length;
    result.deviceA = plainA.school;
    result.deviceB = plainB.school;
    // a plain get (what an app shows) carries no _conflicts: the loser is only found by asking
    result.plainGetShowsConflict = plainA._conflicts !== undefined || plainB._conflicts !== undefined;
    result.lostFromView = [args.valueA, args.valueB].filter((v) => v !== server.school).length;
    return result;
  },

  // Every push delivered twice: replicate, then replay the same _bulk_docs (a retry after the
  // response was lost) through the proxy, as the replicator would send it.
  async duplicate() {
    const db = new PouchDB(args.local);
    const docs = args.newLocal.map(visitDoc);
    await db.bulkDocs(docs);
    const before = (await http('GET', args.server)).doc_count;
    const result = await timed(async () => {
      const push = await db.replicate.to(args.remote);
      const withRevs = await db.bulkGet({docs: docs.map((d) => ({id: d._id})), revs: true});
      const replay = withRevs.results.map((r) => r.docs[0].ok);
      const response = await fetch(`${args.remote}/_bulk_docs`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({docs: replay, new_edits: false}),
      });
      await response.text();
      return {pushed: push.docs_written, replayStatus: response.status};
    });
    const after = (await http('GET', args.server)).doc_count;
    result.serverDocsAdded = after - before;
    result.duplicated = after - before - docs.length;
    const check = await http('POST', `${args.server}/_all_docs?include_docs=true&conflicts=true`, {
      keys: docs.map((d) => d._id),
    });
    result.conflictsCreated = check.rows.filter((r) => r.doc && r.doc._conflicts).length;
    result.lostOnServer = check.rows.filter((r) => !r.doc).length;
    return result;
  },
};

scenarios[args.cmd]()
  .then((result) => {
    console.log('RESULT ' + JSON.stringify(result));
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
