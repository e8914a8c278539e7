package org.casework.sync.client;

import java.util.List;

/**
 * What one {@code sync()} did.
 *
 * @param requests sync requests sent (retries of the same request not counted)
 * @param pending mutations still queued afterwards
 */
public record SyncReport(
        int requests,
        int sent,
        int applied,
        int rejected,
        int conflicts,
        int quarantined,
        int changes,
        long ack,
        long pending,
        List<String> resynced,
        List<String> warnings) {}
