package org.casework.sync.client;

import org.casework.sync.protocol.PulledRecord;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record of the local store: a protocol record (section 3) or a record created offline.
 *
 * @param version the server version, null while the server has not sent the record
 * @param reason why the server refused or set the record aside (JSON: code, message, errors)
 */
public record StoredRecord(
        String type, String id, String scope, Long version, ObjectNode fields, SyncState state, String reason) {

    public String field(String name) {
        return Json.text(fields, name);
    }

    /**
     * The record's fields, typed: {@code client.as(ClientRecord.class).name()}. A field the record
     * does not have (a record created offline knows less than a pulled one) is null.
     *
     * @throws IllegalArgumentException when the record is of another type
     */
    public <T extends PulledRecord> T as(Class<T> recordClass) {
        String expected = PulledRecord.typeOf(recordClass);
        if (!type.equals(expected)) {
            throw new IllegalArgumentException("a " + type + " record is not a " + expected);
        }
        return RecordJson.read(fields, recordClass);
    }
}
