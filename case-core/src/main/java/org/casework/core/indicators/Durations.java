package org.casework.core.indicators;

import java.util.List;

/**
 * Median and 90th percentile of elapsed times in minutes, by the nearest-rank method (the value a
 * supervisor can find in the list: no interpolation between two flags).
 */
public final class Durations {

    private Durations() {}

    /** The median in minutes, or null when there is nothing to measure. */
    public static Long median(List<Long> minutes) {
        return percentile(minutes, 50);
    }

    public static Long p90(List<Long> minutes) {
        return percentile(minutes, 90);
    }

    /** Nearest rank: the smallest value with at least {@code percent}% of the values at or below it. */
    static Long percentile(List<Long> minutes, int percent) {
        if (minutes.isEmpty()) {
            return null;
        }
        List<Long> sorted = minutes.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** A share in percent with one decimal, or null when the base is zero. */
    public static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
