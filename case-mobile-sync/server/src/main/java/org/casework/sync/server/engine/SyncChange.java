package org.casework.sync.server.engine;

import java.util.Map;

/** One line of a pull (protocol §2.2): an upsert with fields, a removal, or a scope removal. */
public record SyncChange(String t, String id, Long v, String s, String op, Map<String, Object> f) {

    public static SyncChange upsert(SyncRecord record, Map<String, Object> fields) {
        return new SyncChange(record.type(), record.id(), record.version(), record.scope(), "U", fields);
    }

    public static SyncChange remove(String type, String id, String scope) {
        return new SyncChange(type, id, null, scope, "D", null);
    }

    public static SyncChange scopeRemoved(String scope) {
        return new SyncChange("scope", scope, null, null, "D", null);
    }
}
