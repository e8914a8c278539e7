package org.casework.sync.client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One {@code sync()}: push the outbox, pull the changes, apply each answer in one transaction. */
final class SyncEngine {

    /** A guard against a server that keeps answering {@code more}: a later sync() continues. */
    private static final int MAX_REQUESTS = 10_000;

    private static final int DEFAULT_MAX_MUTATIONS = 200;

    private final LocalStore store;
    private final DeviceSession session;
    private final Clock clock;
    private final int pullLimit;

    SyncEngine(LocalStore store, DeviceSession session, Clock clock, int pullLimit) {
        this.store = store;
        this.session = session;
        this.clock = clock;
        this.pullLimit = pullLimit;
    }

    SyncReport sync() {
        Tally tally = new Tally();
        long sentUpTo = 0;
        int batchLimit = limit("maxMutationsPerSync", DEFAULT_MAX_MUTATIONS);
        boolean resyncFollowed = false;
        while (tally.requests < MAX_REQUESTS) {
            List<OutboxItem> batch = store.outbox(sentUpTo, batchLimit);
            JsonNode answer;
            try {
                answer = session.call("/sync", request(batch));
            } catch (SyncException e) {
                if (e.status() == 413 && batch.size() > 1) {
                    // the server lowered its limit since registration: nothing was applied, halve
                    batchLimit = Math.max(1, batch.size() / 2);
                    continue;
                }
                throw e;
            }
            tally.requests++;
            tally.sent += batch.size();
            store.inTransaction(() -> {
                apply(answer, batch, tally);
                return null;
            });
            if (!batch.isEmpty()) {
                sentUpTo = batch.get(batch.size() - 1).counter();
            }
            if (answer.path("more").asBoolean(false)) {
                continue;
            }
            if (!answer.path("resync").isEmpty() && !resyncFollowed) {
                // the next request (with the new cursor) brings those scopes in full
                resyncFollowed = true;
                continue;
            }
            if (store.outbox(sentUpTo, 1).isEmpty()) {
                break;
            }
        }
        long pending = store.pendingCount();
        if (pending >= limit("warnPendingMutations", Integer.MAX_VALUE)) {
            tally.warnings.add("sync.pendingNear");
        }
        return new SyncReport(
                tally.requests,
                tally.sent,
                tally.applied,
                tally.rejected,
                tally.conflicts,
                tally.quarantined,
                tally.changes,
                tally.ack,
                pending,
                List.copyOf(tally.resynced),
                List.copyOf(tally.warnings));
    }

    private ObjectNode request(List<OutboxItem> batch) {
        ObjectNode body = Json.object();
        String cursor = store.meta(MetaKeys.CURSOR);
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        ArrayNode mutations = body.putArray("mutations");
        batch.forEach(item -> mutations.add(item.payload()));
        ObjectNode checksums = body.putObject("checksums");
        for (String scope : scopeKeys()) {
            checksums.put(scope, Checksums.of(store.versions(scope)));
        }
        body.put("limit", pullLimit);
        return body;
    }

    /** Everything of one answer, with the new cursor, in the caller's single local transaction. */
    private void apply(JsonNode answer, List<OutboxItem> batch, Tally tally) {
        applyResults(answer.path("results"), batch, tally);
        long ack = answer.path("ack").asLong(0);
        store.deleteUpTo(ack);
        tally.ack = Math.max(tally.ack, ack);
        TreeSet<String> scopes = scopeKeys();
        for (JsonNode change : answer.path("changes")) {
            applyChange(change, scopes);
            tally.changes++;
        }
        reassertPendingEdits();
        TreeSet<String> resyncing = readSet(MetaKeys.RESYNC_SCOPES);
        if (!answer.path("more").asBoolean(false) && !resyncing.isEmpty()) {
            resyncing.forEach(store::dropStale);
            tally.resynced.addAll(resyncing);
            resyncing.clear();
        }
        for (JsonNode scope : answer.path("resync")) {
            store.markForResync(scope.asString());
            resyncing.add(scope.asString());
        }
        store.putMeta(MetaKeys.RESYNC_SCOPES, Json.write(toArray(resyncing)));
        store.putMeta(MetaKeys.SCOPE_KEYS, Json.write(toArray(scopes)));
        String cursor = Json.text(answer, "cursor");
        if (cursor != null) {
            store.putMeta(MetaKeys.CURSOR, cursor);
        }
        String serverTime = Json.text(answer, "serverTime");
        store.putMeta(
                MetaKeys.LAST_SYNC_AT,
                serverTime != null ? serverTime : clock.instant().toString());
        answer.path("warnings").forEach(w -> tally.warnings.add(w.isString() ? w.asString() : Json.write(w)));
    }

    private void applyResults(JsonNode results, List<OutboxItem> batch, Tally tally) {
        Map<String, OutboxItem> sent = new HashMap<>();
        batch.forEach(item -> sent.put(item.mutationId(), item));
        for (JsonNode result : results) {
            OutboxItem item = sent.get(Json.text(result, "id"));
            if (item == null) {
                continue; // not one of ours in this batch: nothing to mark
            }
            String status = Json.text(result, "status");
            SyncState state = switch (status == null ? "" : status) {
                case "APPLIED" -> SyncState.SYNCED;
                case "REJECTED" -> SyncState.REJECTED;
                case "CONFLICT" -> SyncState.CONFLICT;
                case "QUARANTINED" -> SyncState.QUARANTINED;
                default -> null;
            };
            if (state == null) {
                continue; // unknown status: stays queued and is sent again
            }
            switch (state) {
                case SYNCED -> tally.applied++;
                case REJECTED -> tally.rejected++;
                case CONFLICT -> tally.conflicts++;
                default -> tally.quarantined++;
            }
            store.markAnswered(item.counter(), Json.write(result));
            store.setState(
                    item.entityType(), item.entityId(), state, state == SyncState.SYNCED ? null : reason(result));
            if ((state == SyncState.REJECTED || state == SyncState.QUARANTINED) && "EDIT_PROFILE".equals(item.type())) {
                revert(item);
            }
        }
    }

    /**
     * A refused or set-aside profile edit changed nothing on the server, and no pulled change will
     * say so: the device shows the values from before the edit again (later queued edits are laid
     * over them afterwards).
     */
    private void revert(OutboxItem item) {
        JsonNode before = item.payload().path("before");
        store.record(item.entityType(), item.entityId()).ifPresent(r -> {
            ObjectNode fields = r.fields().deepCopy();
            for (String name : before.propertyNames()) {
                if (before.get(name).isNull()) {
                    fields.remove(name);
                } else {
                    fields.set(name, before.get(name));
                }
            }
            store.saveRecord(new StoredRecord(r.type(), r.id(), r.scope(), r.version(), fields, r.state(), r.reason()));
        });
    }

    private static String reason(JsonNode result) {
        ObjectNode reason = Json.object();
        reason.put("code", Json.text(result, "code"));
        reason.put("message", Json.text(result, "message"));
        reason.set("errors", result.path("errors").isArray() ? result.get("errors") : Json.array());
        return Json.write(reason);
    }

    private void applyChange(JsonNode change, TreeSet<String> scopes) {
        String type = Json.text(change, "t");
        String id = Json.text(change, "id");
        String scope = Json.text(change, "s");
        boolean delete = "D".equals(Json.text(change, "op"));
        if ("scope".equals(type)) {
            if (delete) {
                store.dropScope(id);
                scopes.remove(id);
            }
            return;
        }
        if (delete) {
            store.deleteRecord(type, id);
            return;
        }
        JsonNode f = change.path("f");
        Long version = change.hasNonNull("v") ? change.get("v").asLong() : null;
        store.upsertFromServer(type, id, scope, version, f instanceof ObjectNode o ? o : Json.object());
        if (scope != null) {
            scopes.add(scope);
        }
    }

    /**
     * A pulled change must not hide an edit the server has not answered yet: its values are laid
     * over the server's again and the record stays pending.
     */
    private void reassertPendingEdits() {
        for (OutboxItem item : store.outbox()) {
            if (!"PENDING".equals(item.state()) || !"EDIT_PROFILE".equals(item.type())) {
                continue;
            }
            store.record(item.entityType(), item.entityId()).ifPresent(r -> {
                ObjectNode fields = r.fields().deepCopy();
                JsonNode edited = item.payload().path("fields");
                if (edited instanceof ObjectNode o) {
                    fields.setAll(o);
                }
                store.saveRecord(
                        new StoredRecord(r.type(), r.id(), r.scope(), r.version(), fields, r.state(), r.reason()));
            });
        }
        for (String[] entity : store.unansweredEntities()) {
            store.setState(entity[0], entity[1], SyncState.PENDING, null);
        }
    }

    private TreeSet<String> scopeKeys() {
        TreeSet<String> scopes = readSet(MetaKeys.SCOPE_KEYS);
        scopes.addAll(store.serverScopes());
        return scopes;
    }

    private TreeSet<String> readSet(String key) {
        TreeSet<String> set = new TreeSet<>();
        String stored = store.meta(key);
        if (stored != null) {
            Json.parse(stored).forEach(n -> set.add(n.asString()));
        }
        return set;
    }

    private static ArrayNode toArray(TreeSet<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    private int limit(String name, int fallback) {
        String limits = store.meta(MetaKeys.LIMITS);
        JsonNode value = limits == null ? null : Json.parse(limits).get(name);
        return value != null && value.canConvertToInt() ? value.asInt() : fallback;
    }

    private static final class Tally {
        int requests;
        int sent;
        int applied;
        int rejected;
        int conflicts;
        int quarantined;
        int changes;
        long ack;
        final List<String> resynced = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
    }
}
