package org.casework.sync.server.engine;

import java.util.Optional;
import java.util.UUID;
import org.casework.sync.protocol.MutationKind;

/**
 * A mutation as the device sent it (protocol §2.1). The type is kept as sent (the ledger records it,
 * an unknown one included) and read as a {@link MutationKind}; the fields are read as that kind's
 * typed payload when the mutation is applied ({@link MutationFields}), so a malformed one is
 * refused on its own. {@code id} or {@code counter} is null when missing or unreadable: such a
 * mutation cannot be recorded and is refused as malformed.
 */
public record DeviceMutation(
        UUID id, Long counter, String type, UUID entityId, Long baseVersion, MutationFields fields, String at) {

    /** The mutation's type, or empty when missing or unknown (refused for this mutation alone). */
    public Optional<MutationKind> kind() {
        return MutationKind.parse(type);
    }
}
