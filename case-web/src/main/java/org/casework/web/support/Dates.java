package org.casework.web.support;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.casework.core.shared.ChinaTime;

/** Timestamps are stored in UTC and shown in China's time. */
public final class Dates {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private Dates() {}

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
