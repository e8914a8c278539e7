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
}
