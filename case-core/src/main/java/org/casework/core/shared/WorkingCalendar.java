package org.casework.core.shared;

import java.time.LocalDate;

/**
 * The county's working days: weekends and listed holidays off, listed make-up days (调休补班) on.
 * Deadlines in working days (first visits, flag SLAs) count on it.
 */
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate day);

    /** The day {@code days} working days after {@code from} (which itself does not count). */
    LocalDate addWorkingDays(LocalDate from, int days);
}
