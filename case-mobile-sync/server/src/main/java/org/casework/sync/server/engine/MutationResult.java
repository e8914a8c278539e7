package org.casework.sync.server.engine;

import java.util.List;
import java.util.UUID;
import org.casework.sync.protocol.ResultStatus;

/**
 * The recorded outcome of a mutation (protocol §2.1). {@code code} and the errors' keys are message
 * keys, rendered in the user's language when the response is written.
 */
public record MutationResult(
        UUID id,
        long counter,
        ResultStatus status,
        String entityType,
        UUID entityId,
        Long version,
        String code,
        List<String> args,
        List<FieldError> errors) {

    public record FieldError(String field, String key) {}
}
