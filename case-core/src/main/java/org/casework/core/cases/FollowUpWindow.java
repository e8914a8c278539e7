package org.casework.core.cases;

import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a follow-up (回访) after closure may be recorded ({@code casework.cases.follow-up-window}):
 * from this long before its due day (1 and 3 months after closure), default a week. A follow-up
 * recorded on the closing day is not a follow-up.
 */
@ConfigurationProperties("casework.cases")
public record FollowUpWindow(Period followUpWindow) {

    public FollowUpWindow {
        followUpWindow = followUpWindow == null ? Period.ofDays(7) : followUpWindow;
        if (followUpWindow.isNegative()) {
            throw new IllegalArgumentException("casework.cases.follow-up-window must not be negative");
        }
    }

    public static FollowUpWindow defaults() {
        return new FollowUpWindow(null);
    }

    /** The first day a follow-up due on this day may be recorded. */
    public LocalDate opensOn(LocalDate due) {
        return due.minus(followUpWindow);
    }
}
