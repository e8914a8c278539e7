package org.casework.sync.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code sync()}: push the outbox, pull the changes, apply each answer as it streams in, in one
 * transaction per answer.
 */
final class SyncEngine {

    /** A guard against a server that keeps answering {@code more}: a later sync() continues. */
    private static final int MAX_REQUESTS = 10_000;

    private static final int DEFAULT_MAX_MUTATIONS = 200;

    private final LocalStore store;
    private final DeviceSession session;
    private final int pullLimit;
    private final AnswerApplier applier;

    SyncEngine(LocalStore store, DeviceSession session, Clock clock, int pullLimit) {
        this.store = store;
        this.session = session;
        this.pullLimit = pullLimit;
        this.applier = new AnswerApplier(store, clock);
    }

    SyncReport sync() {
        SyncTally tally = new SyncTally();
        long sentUpTo = 0;
        int batchLimit = limit("maxMutationsPerSync", DEFAULT_MAX_MUTATIONS);
        boolean resyncFollowed = false;
        while (tally.requests < MAX_REQUESTS) {
            List<OutboxItem> batch = store.outbox().items(sentUpTo, batchLimit);
            AnswerApplier.Outcome answer;
            try {
                answer = session.call("/sync", request(batch), body -> applyWhole(body, batch));
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
            tally.add(answer.tally());
            if (!batch.isEmpty()) {
                sentUpTo = batch.get(batch.size() - 1).counter();
            }
            if (answer.more()) {
                continue;
            }
            if (answer.resync() && !resyncFollowed) {
                // the next request (with the new cursor) brings those scopes in full
                resyncFollowed = true;
                continue;
            }
            if (store.outbox().items(sentUpTo, 1).isEmpty()) {
                break;
            }
        }
        long pending = store.outbox().size();
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

    /**
     * Applies the answer while it arrives, in ONE local transaction that commits only once the
     * answer has ended with its cursor (protocol §2): a cut answer rolls back whatever of it was
     * applied, and the session asks again.
     */
    private AnswerApplier.Outcome applyWhole(InputStream body, List<OutboxItem> batch) throws IOException {
        try {
            return store.inTransaction(() -> {
                try {
                    return applier.apply(body, batch);
                } catch (IOException cut) {
                    throw new UncheckedIOException(cut);
                }
            });
        } catch (UncheckedIOException cut) {
            throw cut.getCause();
        }
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
        for (String scope : applier.scopeKeys()) {
            checksums.put(scope, Checksums.of(store.versions(scope)));
        }
        body.put("limit", pullLimit);
        return body;
    }

    private int limit(String name, int fallback) {
        String limits = store.meta(MetaKeys.LIMITS);
        JsonNode value = limits == null ? null : Json.parse(limits).get(name);
        return value != null && value.canConvertToInt() ? value.asInt() : fallback;
    }
}
