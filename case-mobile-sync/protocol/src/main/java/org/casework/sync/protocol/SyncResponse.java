package org.casework.sync.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answer to a sync: results of the push, then the pulled changes and the new cursor. */
public record SyncResponse(
        Long ack,
        List<MutationResult> results,
        List<Change> changes,
        String cursor,
        Boolean more,
        Map<String, String> checksums,
        List<String> resync,
        Instant serverTime,
        List<String> warnings) {}
