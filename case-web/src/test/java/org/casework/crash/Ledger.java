package org.casework.crash;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the writers were told: every id a 2xx acknowledged, with the time of the acknowledgement,
 * and every id sent without an answer (it may or may not have been stored).
 */
final class Ledger {

    private final Map<UUID, Instant> acknowledged = new ConcurrentHashMap<>();
    private final Set<UUID> unanswered = ConcurrentHashMap.newKeySet();

    void acknowledged(UUID id) {
        acknowledged.put(id, Instant.now());
    }

    void unanswered(UUID id) {
        unanswered.add(id);
    }

    Set<UUID> acknowledged() {
        return Set.copyOf(acknowledged.keySet());
    }

    Set<UUID> unanswered() {
        return Set.copyOf(unanswered);
    }

    /** Acknowledgements in the last {@code millis} before {@code instant}: the window a delayed commit loses. */
    long acknowledgedWithin(long millis, Instant instant) {
        return acknowledged.values().stream()
                .filter(at -> !at.isAfter(instant) && at.isAfter(instant.minusMillis(millis)))
                .count();
    }
}
