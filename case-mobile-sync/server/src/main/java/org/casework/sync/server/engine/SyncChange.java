package org.casework.sync.server.engine;

import java.util.Set;
import org.casework.sync.protocol.ChangeOp;
import org.casework.sync.protocol.PulledRecord;
import org.casework.sync.protocol.SyncNames;

/**
 * One line of a pull (protocol §2.2): an upsert with the record, a removal, or a scope removal.
 * Named in full here; the endpoint writes it with the protocol's short names ({@code t, v, s, op,
 * f}), {@code f} from the record's fields, only the {@code changed} ones when it is a delta.
 *
 * @param changed the wire names of the fields a delta carries, in order; null: every field
 */
public record SyncChange(
        String type, String id, Long version, String scope, ChangeOp op, PulledRecord fields, Set<String> changed) {

    /** The whole record. */
    public static SyncChange upsert(SyncRecord record) {
        return upsert(record, null);
    }

    /** The record's {@code changed} fields (null: every field). */
    public static SyncChange upsert(SyncRecord record, Set<String> changed) {
        return new SyncChange(
                record.type(),
                record.id(),
                record.version(),
                record.scope(),
                ChangeOp.UPSERT,
                record.fields(),
                changed);
    }

    public static SyncChange remove(String type, String id, String scope) {
        return new SyncChange(type, id, null, scope, ChangeOp.REMOVE, null, null);
    }

    public static SyncChange scopeRemoved(String scope) {
        return new SyncChange(SyncNames.RecordType.SCOPE, scope, null, null, ChangeOp.REMOVE, null, null);
    }
}
