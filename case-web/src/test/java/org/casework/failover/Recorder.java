package org.casework.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every request of the load through the load balancer: when it ended, how long it took, what kind
 * it was (web read, REST write, sync push) and how it ended (an HTTP status, or no answer at all).
 */
final class Recorder {

    /** One request. {@code status} 0: no answer (connection refused or cut). */
    record Request(String kind, Instant end, long micros, int status) {
        boolean failed() {
            return status == 0 || status >= 500;
        }
    }

    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    void record(String kind, long startNanos, int status) {
        requests.add(new Request(kind, Instant.now(), (System.nanoTime() - startNanos) / 1000, status));
    }

    List<Request> all() {
        return new ArrayList<>(requests);
    }

    List<Request> failures() {
        return requests.stream().filter(Request::failed).toList();
    }

    /** From the event to the last failure before {@code until}; zero when nothing failed. */
    Duration window(Instant event, Instant until) {
        return requests.stream()
                .filter(r -> r.failed() && !r.end().isBefore(event) && r.end().isBefore(until))
                .map(Request::end)
                .max(Comparator.naturalOrder())
                .map(last -> Duration.between(event, last))
                .orElse(Duration.ZERO);
    }

    /** Failures between the two instants, by kind and status. */
    Map<String, Integer> failuresBetween(Instant from, Instant until) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Request r : requests) {
            if (r.failed() && !r.end().isBefore(from) && r.end().isBefore(until)) {
                counts.merge(r.kind() + " " + (r.status() == 0 ? "no answer" : r.status()), 1, Integer::sum);
            }
        }
        return counts;
    }

    long succeededAfter(Instant instant) {
        return requests.stream()
                .filter(r -> !r.failed() && r.end().isAfter(instant))
                .count();
    }

    /** The latency at the given percentile (0-100) of all requests that got an answer, in ms. */
    double percentileMillis(double percentile) {
        List<Long> micros = requests.stream()
                .filter(r -> r.status() > 0)
                .map(Request::micros)
                .sorted()
                .toList();
        if (micros.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * micros.size()) - 1;
        return micros.get(Math.max(0, index)) / 1000.0;
    }
}
