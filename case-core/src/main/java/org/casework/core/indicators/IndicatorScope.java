package org.casework.core.indicators;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.RegionCode;

/**
 * What one computation covers: the jurisdiction subtree (a LIKE prefix), the period in China days
 * and as UTC bounds for the DATETIME columns, today, and the code length the region figures are
 * grouped by.
 */
record IndicatorScope(RegionCode jurisdiction, LocalDate from, LocalDate to, LocalDate today, int groupLength) {

    String pattern() {
        return jurisdiction.value() + "%";
    }

    /** Start of the first day of the period (China time), as a UTC DATETIME. */
    LocalDateTime fromUtc() {
        return utc(from);
    }

    /** Start of the day after the period (exclusive bound), as a UTC DATETIME. */
    LocalDateTime toUtcExclusive() {
        return utc(to.plusDays(1));
    }

    static LocalDateTime utc(LocalDate chinaDay) {
        return chinaDay.atStartOfDay(ChinaTime.ZONE)
                .withZoneSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
    }

    static LocalDateTime nowUtc(java.time.Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
