package org.casework.sync.server.engine;

import java.util.Map;
import java.util.UUID;

/** A mutation as the device sent it (protocol §2.1); field values are plain JSON values. */
public record DeviceMutation(
        UUID id,
        Long counter,
        String type,
        UUID entityId,
        Long baseVersion,
        Map<String, Object> fields,
        Map<String, Object> before,
        String at) {}
