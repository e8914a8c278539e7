package org.casework.core.audit;

import java.time.Duration;
import org.casework.core.shared.DomainException;

/**
 * A user reached the reveal limit: no more full numbers until the oldest reveal of the window ages
 * out. Arguments of the message: the limit, the period in minutes.
 */
public class TooManyRevealsException extends DomainException {

    private final transient Duration retryAfter;

    TooManyRevealsException(RevealLimit limit, Duration retryAfter) {
        super("client.reveal.tooMany", limit.maxPerPeriod(), limit.period().toMinutes());
        this.retryAfter = retryAfter;
    }

    /** How long until one more reveal is allowed. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
