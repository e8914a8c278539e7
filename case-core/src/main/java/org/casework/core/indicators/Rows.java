package org.casework.core.indicators;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casework.core.cases.CaseState;

/** Helpers for reading aggregation rows portably (H2 and MariaDB). */
final class Rows {

    /** The open states as an SQL list of literals (enum names, never user input). */
    static final String OPEN_STATES = Arrays.stream(CaseState.values())
            .filter(CaseState::isOpen)
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(",", "(", ")"));

    private Rows() {}

    static UUID uuid(byte[] raw) {
        if (raw == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    static long number(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    static long minutes(LocalDateTime from, LocalDateTime to) {
        return Duration.between(from, to).toMinutes();
    }

    /** SQL that cuts a region code to the breakdown level. */
    static String group(String column, IndicatorScope scope) {
        return "substring(" + column + ", 1, " + scope.groupLength() + ")";
    }
}
