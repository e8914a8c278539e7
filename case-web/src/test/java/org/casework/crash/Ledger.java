package org.casework.crash;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the REST writers were told: every id a 2xx acknowledged, with the time of the
 * acknowledgement, and how many writes got no usable answer (killed mid-request, or a 5xx): those
 * may or may not have been stored, and the server chose their ids, so only their number is known.
 */
final class Ledger {

    private final Map<UUID, Instant> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger unanswered = new AtomicInteger();

    void acknowledged(UUID id) {
        acknowledged.put(id, Instant.now());
    }

    void unanswered() {
        unanswered.incrementAndGet();
    }

    Set<UUID> acknowledged() {
        return Set.copyOf(acknowledged.keySet());
    }

    int unansweredCount() {
        return unanswered.get();
    }

    /** Acknowledgements in the last {@code millis} before {@code instant}: the window a delayed commit loses. */
    long acknowledgedWithin(long millis, Instant instant) {
        return acknowledged.values().stream()
                .filter(at -> !at.isAfter(instant) && at.isAfter(instant.minusMillis(millis)))
                .count();
    }
}
