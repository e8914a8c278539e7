package org.casework.sync.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casework.core.shared.InvalidInputException;
import org.casework.sync.protocol.SyncRequest;
import org.casework.sync.server.engine.DeviceMutation;
import tools.jackson.databind.JsonNode;

/**
 * A {@link SyncRequest} as the endpoint reads it: the mutations stay JSON until each is read on its
 * own ({@link MutationFieldsJson#read}), so one malformed mutation is refused alone and never makes
 * the whole push unreadable (which would hold back every edit behind it).
 */
record SyncRequestJson(String cursor, JsonNode mutations, Map<String, String> checksums, Integer limit) {

    /** The pushed mutations, each read leniently; a {@code mutations} that is no list is a bad request. */
    List<DeviceMutation> deviceMutations() {
        if (mutations == null || mutations.isNull() || mutations.isMissingNode()) {
            return List.of();
        }
        if (!mutations.isArray()) {
            throw new InvalidInputException("mutations", "error.malformed");
        }
        List<DeviceMutation> read = new ArrayList<>(mutations.size());
        for (JsonNode m : mutations) {
            read.add(m == null || m.isNull() ? null : MutationFieldsJson.read(m));
        }
        return read;
    }
}
