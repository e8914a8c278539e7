package org.casework.sync.protocol;

import java.util.List;
import java.util.Map;

/** {@code POST /api/sync/v1/sync}: push the outbox, pull since the cursor. */
public record SyncRequest(String cursor, List<Mutation> mutations, Map<String, String> checksums, Integer limit) {}
