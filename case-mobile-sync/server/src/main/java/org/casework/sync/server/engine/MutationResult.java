package org.casework.sync.server.engine;

import java.util.List;
import java.util.UUID;

/**
 * The recorded outcome of a mutation (protocol §2.1). {@code code} and the errors' keys are message
 * keys, rendered in the user's language when the response is written.
 */
public record MutationResult(
        UUID id,
        long counter,
        String status,
        String entityType,
        UUID entityId,
        Long version,
        String code,
        List<String> args,
        List<FieldError> errors) {

    public record FieldError(String field, String key) {}

    public static final String APPLIED = "APPLIED";
    public static final String REJECTED = "REJECTED";
    public static final String CONFLICT = "CONFLICT";
    public static final String QUARANTINED = "QUARANTINED";
}
