package org.casework.sync.protocol;

import java.util.Map;
import java.util.UUID;

/** One offline edit (protocol §2.1); {@code id} is the idempotency key, {@code counter} has no gaps. */
public record Mutation(
        UUID id,
        Long counter,
        String type,
        UUID entityId,
        Long baseVersion,
        Map<String, Object> fields,
        Map<String, Object> before,
        String at) {}
