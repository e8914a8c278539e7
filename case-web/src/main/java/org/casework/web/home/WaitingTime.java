package org.casework.web.home;

import java.time.Duration;

/**
 * How long something has waited, in the largest units that still say it precisely enough for an
 * alarm: minutes under an hour, hours and minutes under a day, then days and hours.
 *
 * @param key the message key ({@code age.minutes}, {@code age.hours}, {@code age.days})
 * @param args its arguments
 */
record WaitingTime(String key, Object[] args) {

    static WaitingTime of(Duration waited) {
        Duration d = waited.isNegative() ? Duration.ZERO : waited;
        if (d.toHours() < 1) {
            return new WaitingTime("age.minutes", new Object[] {d.toMinutes()});
        }
        if (d.toDays() < 1) {
            return new WaitingTime("age.hours", new Object[] {d.toHours(), d.toMinutesPart()});
        }
        return new WaitingTime("age.days", new Object[] {d.toDays(), d.toHoursPart()});
    }
}
