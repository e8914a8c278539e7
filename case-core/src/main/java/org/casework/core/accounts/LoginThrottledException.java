package org.casework.core.accounts;

import java.time.Duration;
import org.casework.core.shared.DomainException;

/**
 * Too many wrong passwords for this username or from this address: try again after
 * {@link #retryAfter()}. The doors answer 429 with {@code Retry-After}; the password was not checked.
 */
public class LoginThrottledException extends DomainException {

    private final Duration retryAfter;

    LoginThrottledException(Duration wait) {
        this(seconds(wait));
    }

    private LoginThrottledException(long seconds) {
        super("auth.throttled", String.valueOf(seconds));
        this.retryAfter = Duration.ofSeconds(seconds);
    }

    /** The wait, rounded up to whole seconds (at least one). */
    public Duration retryAfter() {
        return retryAfter;
    }

    private static long seconds(Duration wait) {
        long seconds = (wait.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}
