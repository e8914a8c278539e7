package org.casework.sync.client;

import tools.jackson.databind.node.ObjectNode;

/**
 * A queued mutation: {@code payload} is exactly what is sent (protocol §2.1), the same bytes at
 * every retry so the server recognises a replay by its id.
 *
 * @param state PENDING (never answered) or ANSWERED (answered but not yet acknowledged)
 */
public record OutboxItem(
        long counter,
        String mutationId,
        String type,
        String entityType,
        String entityId,
        ObjectNode payload,
        String state) {}
