package org.casework.sync.client;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The queued mutations of the device, in counter order. Rows are written with their edit and
 * deleted only once the server has acknowledged them (protocol §2.1).
 */
public final class Outbox {

    private static final String COLUMNS =
            "select counter, mutation_id, type, entity_type, entity_id, payload, state from outbox ";

    private final LocalStore store;

    Outbox(LocalStore store) {
        this.store = store;
    }

    /**
     * Appends a mutation with the next counter. Call it inside the transaction that writes the
     * record, so the edit and its outbox row are saved together or not at all.
     */
    OutboxItem append(String type, String entityType, String entityId, ObjectNode payloadWithoutCounter) {
        return store.inTransaction(() -> {
            String last = store.meta(MetaKeys.LAST_COUNTER);
            long counter = (last == null ? 0 : Long.parseLong(last)) + 1;
            ObjectNode payload = payloadWithoutCounter.deepCopy();
            payload.put("counter", counter);
            String mutationId = payload.get("id").asString();
            store.update(
                    "insert into outbox (counter, mutation_id, type, entity_type, entity_id, payload, state)"
                            + " values (?, ?, ?, ?, ?, ?, 'PENDING')",
                    counter,
                    mutationId,
                    type,
                    entityType,
                    entityId,
                    Json.write(payload));
            store.putMeta(MetaKeys.LAST_COUNTER, Long.toString(counter));
            return new OutboxItem(counter, mutationId, type, entityType, entityId, payload, "PENDING");
        });
    }

    /** Up to {@code limit} queued mutations after {@code afterCounter}, in counter order. */
    public List<OutboxItem> items(long afterCounter, int limit) {
        return store.query(
                COLUMNS + "where counter > ? order by counter limit ?",
                rs -> new OutboxItem(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        Json.parseObject(rs.getString(6)),
                        rs.getString(7)),
                afterCounter,
                limit);
    }

    /** Every queued mutation, in counter order. */
    public List<OutboxItem> items() {
        return items(0, Integer.MAX_VALUE);
    }

    /** The number of queued mutations (not yet acknowledged by the server). */
    public long size() {
        return store.query("select count(*) from outbox", rs -> rs.getLong(1)).get(0);
    }

    void markAnswered(long counter, String resultJson) {
        store.update("update outbox set state = 'ANSWERED', result = ? where counter = ?", resultJson, counter);
    }

    /**
     * Deletes the mutations the server acknowledged: counters 1..ack, never beyond. One the device
     * has no result for yet (its answer was lost) stays queued: sent again, its stored result comes
     * back as a replay, so its record does not stay pending for ever.
     */
    void deleteUpTo(long ack) {
        store.update("delete from outbox where counter <= ? and state = 'ANSWERED'", ack);
    }

    /** Entities with a queued mutation the server has not answered yet: {type, id}. */
    List<String[]> unansweredEntities() {
        return store.query("select distinct entity_type, entity_id from outbox where state = 'PENDING'", rs ->
                new String[] {rs.getString(1), rs.getString(2)});
    }
}
