package org.casework.sync.client;

import java.time.Duration;

/**
 * Exponential backoff with jitter for network errors and 5xx answers. The delay before retry n
 * (1-based) is {@code min(max, initial * multiplier^(n-1))}, reduced by up to {@code jitter} of
 * itself at random so that devices coming back online together do not retry in lockstep.
 *
 * @param maxAttempts attempts in total, the first included
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.5);

    public RetryPolicy {
        if (maxAttempts < 1 || multiplier < 1 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("invalid retry policy");
        }
    }

    /**
     * @param retry 1 for the first retry
     * @param random a uniform value in [0, 1)
     */
    public Duration delayBefore(int retry, double random) {
        double base =
                Math.min(maxDelay.toMillis(), initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1)));
        return Duration.ofMillis(Math.round(base * (1 - jitter * random)));
    }
}
