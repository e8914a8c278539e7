package org.casework.sync.client;

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
}
