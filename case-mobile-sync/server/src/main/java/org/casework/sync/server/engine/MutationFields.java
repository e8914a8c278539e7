package org.casework.sync.server.engine;

import org.casework.core.shared.InvalidInputException;
import org.casework.sync.protocol.MutationKind;
import org.casework.sync.protocol.MutationPayload;

/**
 * The {@code fields} (and {@code before}) of a mutation as the device sent them, read as the typed
 * payload of its kind only when the mutation is applied: a malformed one (a value of the wrong
 * type, an unknown field, a text over its limit) is then refused and recorded for that mutation
 * alone, never failing the batch. The endpoints read the wire format (JSON); the engine sees only
 * payloads.
 */
public interface MutationFields {

    /**
     * The payload of a mutation of this kind.
     *
     * @throws InvalidInputException naming the offending field, with a message key (and arguments)
     */
    MutationPayload payload(MutationKind kind);

    /** Fields already typed (a payload built in code); a payload of another kind is refused. */
    static MutationFields of(MutationPayload payload) {
        return kind -> {
            if (payload.kind() != kind) {
                throw new InvalidInputException("type", "sync.mutation.unknownType");
            }
            return payload;
        };
    }
}
