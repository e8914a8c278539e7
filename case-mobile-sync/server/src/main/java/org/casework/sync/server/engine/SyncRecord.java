package org.casework.sync.server.engine;

import org.casework.sync.protocol.PulledRecord;

/**
 * One record as a device holds it (protocol §3): id, version, scope key and its fields as the
 * protocol's typed record, whose class tells the record type. Written as JSON elsewhere ({@link
 * PulledRecord#wireValues}).
 */
public record SyncRecord(String id, long version, String scope, PulledRecord fields) {

    /** The record type ({@code t}). */
    public String type() {
        return PulledRecord.typeOf(fields.getClass());
    }
}
