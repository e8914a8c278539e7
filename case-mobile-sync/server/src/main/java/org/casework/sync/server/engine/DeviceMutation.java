package org.casework.sync.server.engine;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casework.sync.protocol.MutationKind;

/**
 * A mutation as the device sent it (protocol §2.1); field values are plain JSON values. The type is
 * kept as sent (the ledger records it, an unknown one included) and read as a {@link MutationKind}.
 */
public record DeviceMutation(
        UUID id,
        Long counter,
        String type,
        UUID entityId,
        Long baseVersion,
        Map<String, Object> fields,
        Map<String, Object> before,
        String at) {

    /** The mutation's type, or empty when missing or unknown (refused for this mutation alone). */
    public Optional<MutationKind> kind() {
        return MutationKind.parse(type);
    }
}
