package org.casework.sync.server.engine;

import java.util.Map;
import org.casework.sync.protocol.ChangeOp;
import org.casework.sync.protocol.SyncNames;

/**
 * One line of a pull (protocol §2.2): an upsert with fields, a removal, or a scope removal. Named
 * in full here; the endpoint writes it with the protocol's short names ({@code t, v, s, op, f}).
 */
public record SyncChange(String type, String id, Long version, String scope, ChangeOp op, Map<String, Object> fields) {

    public static SyncChange upsert(SyncRecord record, Map<String, Object> fields) {
        return new SyncChange(record.type(), record.id(), record.version(), record.scope(), ChangeOp.UPSERT, fields);
    }

    public static SyncChange remove(String type, String id, String scope) {
        return new SyncChange(type, id, null, scope, ChangeOp.REMOVE, null);
    }

    public static SyncChange scopeRemoved(String scope) {
        return new SyncChange(SyncNames.RecordType.SCOPE, scope, null, null, ChangeOp.REMOVE, null);
    }
}
