package org.casework.sync.client;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.casework.sync.protocol.SyncNames.MutationType;
import org.casework.sync.protocol.SyncNames.RecordType;
import org.casework.sync.protocol.SyncNames.Status;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies one sync answer to the store (protocol §2.1–2.3) as it arrives: results, changes, scope
 * removals, acknowledgement, resync and the new cursor. The caller runs it in one local transaction.
 */
final class AnswerApplier {

    private final LocalStore store;
    private final Clock clock;

    AnswerApplier(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What the engine needs of an applied answer: its counts, and whether to ask again. */
    record Outcome(SyncTally tally, boolean more, boolean resync) {}

    /**
     * Applies one answer while it streams in (issue 16): the results as soon as they arrive, each
     * change as it is parsed, then the acknowledgement, resync and the new cursor once the answer has
     * ended. The caller runs it in one local transaction: an answer cut short throws {@link
     * IOException} (or a Jackson exception) and nothing of it stays.
     */
    Outcome apply(InputStream body, List<OutboxItem> batch) throws IOException {
        SyncTally tally = new SyncTally();
        TreeSet<String> scopes = scopeKeys();
        ObjectNode answer = AnswerStream.read(body, results -> applyResults(results, batch, tally), change -> {
            applyChange(change, scopes);
            tally.changes++;
        });
        // after the results: only outbox rows with a result are deleted up to the ack
        long ack = answer.path("ack").asLong(0);
        store.outbox().deleteUpTo(ack);
        tally.ack = ack;
        reassertPendingEdits();
        boolean more = answer.path("more").asBoolean(false);
        TreeSet<String> resyncing = readSet(MetaKeys.RESYNC_SCOPES);
        if (!more && !resyncing.isEmpty()) {
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
        store.putMeta(MetaKeys.CURSOR, Json.text(answer, "cursor"));
        String serverTime = Json.text(answer, "serverTime");
        store.putMeta(
                MetaKeys.LAST_SYNC_AT,
                serverTime != null ? serverTime : clock.instant().toString());
        answer.path("warnings").forEach(w -> tally.warnings.add(w.isString() ? w.asString() : Json.write(w)));
        return new Outcome(tally, more, !answer.path("resync").isEmpty());
    }

    private void applyResults(JsonNode results, List<OutboxItem> batch, SyncTally tally) {
        Map<String, OutboxItem> sent = new HashMap<>();
        batch.forEach(item -> sent.put(item.mutationId(), item));
        for (JsonNode result : results) {
            OutboxItem item = sent.get(Json.text(result, "id"));
            if (item == null) {
                continue; // not one of ours in this batch: nothing to mark
            }
            String status = Json.text(result, "status");
            SyncState state = switch (status == null ? "" : status) {
                case Status.APPLIED -> SyncState.SYNCED;
                case Status.REJECTED -> SyncState.REJECTED;
                case Status.CONFLICT -> SyncState.CONFLICT;
                case Status.QUARANTINED -> SyncState.QUARANTINED;
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
            store.outbox().markAnswered(item.counter(), Json.write(result));
            store.setState(
                    item.entityType(), item.entityId(), state, state == SyncState.SYNCED ? null : reason(result));
            if ((state == SyncState.REJECTED || state == SyncState.QUARANTINED)
                    && MutationType.EDIT_PROFILE.equals(item.type())) {
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
        if (RecordType.SCOPE.equals(type)) {
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
        for (OutboxItem item : store.outbox().items()) {
            if (!"PENDING".equals(item.state()) || !MutationType.EDIT_PROFILE.equals(item.type())) {
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
        for (String[] entity : store.outbox().unansweredEntities()) {
            store.setState(entity[0], entity[1], SyncState.PENDING, null);
        }
    }

    /** The scope keys the device holds: the stored list and the scopes of its server records. */
    TreeSet<String> scopeKeys() {
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
}
