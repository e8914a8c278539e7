package org.casework.sync.protocol;

import java.util.List;
import java.util.UUID;

/** What became of a mutation: APPLIED, REJECTED, CONFLICT or QUARANTINED. */
public record MutationResult(
        UUID id,
        Long counter,
        String status,
        String entityType,
        UUID entityId,
        Long version,
        String code,
        String message,
        List<FieldError> errors) {

    public record FieldError(String field, String message) {}
}
