package org.casework.web.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.casework.core.shared.ChinaTime;

/**
 * The audit screens' filter as typed: a username, a record (client) id, a period of China days.
 * Parsed leniently: a mistyped part is named on the page and left out, the rest still applies.
 *
 * @param user a username, or blank
 * @param client a client's (or any record's) id, or blank
 * @param from the first day, yyyy-MM-dd, or blank
 * @param to the last day (inclusive), yyyy-MM-dd, or blank
 */
record AuditFilterForm(String user, String client, String from, String to) {

    AuditFilterForm {
        user = trim(user);
        client = trim(client);
        from = trim(from);
        to = trim(to);
    }

    /** The record id, or null when blank or garbled. */
    UUID clientId() {
        try {
            return client.isEmpty() ? null : UUID.fromString(client);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The start of the first day in China, or null when blank or garbled. */
    Instant fromInstant() {
        LocalDate day = day(from);
        return day == null ? null : day.atStartOfDay(ChinaTime.ZONE).toInstant();
    }

    /** The start of the day after the last day in China (an exclusive end), or null. */
    Instant toInstant() {
        LocalDate day = day(to);
        return day == null ? null : day.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
    }

    /** The message key of the first unreadable part, or null when all parse. */
    String problem() {
        if (!client.isEmpty() && clientId() == null) {
            return "audit.filter.client.invalid";
        }
        if ((!from.isEmpty() && day(from) == null) || (!to.isEmpty() && day(to) == null)) {
            return "audit.filter.date.invalid";
        }
        if (fromInstant() != null && toInstant() != null && !fromInstant().isBefore(toInstant())) {
            return "audit.filter.range";
        }
        return null;
    }

    private static LocalDate day(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
