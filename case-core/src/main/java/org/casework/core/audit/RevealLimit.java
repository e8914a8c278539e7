package org.casework.core.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many full ID or phone numbers one user may see per period ({@code casework.reveal.*}). A
 * worker checks a few numbers a day; a hundred in a minute is a download, not casework.
 *
 * @param maxPerPeriod reveals allowed per user within {@code period}; the next one is refused
 * @param period the sliding window the reveals are counted in
 */
@ConfigurationProperties("casework.reveal")
public record RevealLimit(Integer maxPerPeriod, Duration period) {

    public RevealLimit {
        maxPerPeriod = maxPerPeriod == null ? 20 : maxPerPeriod;
        period = period == null ? Duration.ofHours(1) : period;
        if (maxPerPeriod < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("casework.reveal.max-per-period must be at least 1 and period positive");
        }
    }
}
