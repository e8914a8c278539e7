package org.casework.core.worklist;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Column values of the worklist's native queries, as the two databases return them: a UUID column
 * is a {@code UUID} on H2 and {@code BINARY(16)} bytes on MariaDB, a date a {@code java.sql.Date}
 * or a {@code LocalDate} depending on the driver.
 */
final class NativeColumns {

    private NativeColumns() {}

    static UUID uuid(Object column) {
        if (column instanceof UUID id) {
            return id;
        }
        ByteBuffer bytes = ByteBuffer.wrap((byte[]) column);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    static LocalDate date(Object column) {
        return column instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) column;
    }
}
