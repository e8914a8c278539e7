package org.casework.sync.client;

import java.util.ArrayList;
import java.util.List;

/** Counts of one sync() while it runs. */
final class SyncTally {
    int requests;
    int sent;
    int applied;
    int rejected;
    int conflicts;
    int quarantined;
    int changes;
    long ack;
    final List<String> resynced = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    /** Adds the counts of one applied answer (only once it is committed: a cut one counts nothing). */
    void add(SyncTally answer) {
        applied += answer.applied;
        rejected += answer.rejected;
        conflicts += answer.conflicts;
        quarantined += answer.quarantined;
        changes += answer.changes;
        ack = Math.max(ack, answer.ack);
        resynced.addAll(answer.resynced);
        warnings.addAll(answer.warnings);
    }
}
