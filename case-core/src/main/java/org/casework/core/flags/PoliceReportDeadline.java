package org.casework.core.flags;

import java.time.Duration;
import java.time.Instant;

/**
 * When a mandatory-report situation (强制报告) must be reported to the police, and how a case or an
 * assessment stands against it. The alarm is red while there is no report, and for a report made
 * after the deadline; a report made in time is a plain record, not an alarm.
 */
public final class PoliceReportDeadline {

    /** Where a mandatory report stands. */
    public enum Standing {
        /** Not reported yet, still within the deadline: report now. */
        MISSING,
        /** Not reported and the deadline has passed. */
        OVERDUE,
        /** Reported within the deadline. */
        REPORTED,
        /** Reported, but after the deadline. */
        REPORTED_LATE;

        /** Whether the page must show it as an alarm (red). */
        public boolean alarm() {
            return this != REPORTED;
        }

        public boolean reported() {
            return this == REPORTED || this == REPORTED_LATE;
        }
    }

    private final Duration within;

    /** @param within the time from learning of the situation to the report (the red flag's triage deadline) */
    public PoliceReportDeadline(Duration within) {
        if (within == null || within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("the deadline must be a positive duration");
        }
        this.within = within;
    }

    /** The moment the report is due for a situation learnt of at {@code knownSince}. */
    public Instant dueAt(Instant knownSince) {
        return knownSince.plus(within);
    }

    /**
     * Where the report stands.
     *
     * @param knownSince when the station learnt of the situation (the flag raised, the assessment signed)
     * @param reportedAt when the police were told, or null when no report is recorded
     */
    public Standing standing(Instant knownSince, Instant reportedAt, Instant now) {
        Instant due = dueAt(knownSince);
        if (reportedAt == null) {
            return now.isAfter(due) ? Standing.OVERDUE : Standing.MISSING;
        }
        return reportedAt.isAfter(due) ? Standing.REPORTED_LATE : Standing.REPORTED;
    }
}
