package org.casework.core.shared;

import java.sql.SQLException;

/**
 * Makes exceptions safe to log. Database drivers quote the offending value in their messages
 * ("Value too long for column address: '…'", "Duplicate entry '…'"), and such values are personal
 * data (a phone, an ID number, a child's address) that must never reach a log file. What is kept:
 * the exception classes, the SQL state and vendor code, and the stack frames.
 */
public final class LogSafe {

    private LogSafe() {}

    /** One line naming the exception chain, e.g. {@code DataIntegrityViolationException <- SQLException[22001/22001]}. */
    public static String describe(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!out.isEmpty()) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql) {
                out.append('[')
                        .append(sql.getSQLState())
                        .append('/')
                        .append(sql.getErrorCode())
                        .append(']');
            }
        }
        return out.toString();
    }

    /**
     * The exception itself when no database exception is in its chain (our own messages carry keys,
     * not values); otherwise a copy of the chain with the classes and stack frames but no messages.
     */
    public static Throwable scrub(Throwable error) {
        if (!hasSqlCause(error)) {
            return error;
        }
        return copy(error, 0);
    }

    /** The SQL state of the first database exception in the chain, or null. */
    public static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean hasSqlCause(Throwable error) {
        return sqlState(error) != null
                || describe(error).contains("SQL")
                || describe(error).contains("JDBC");
    }

    private static Throwable copy(Throwable error, int depth) {
        Throwable cause = error.getCause() == null || error.getCause() == error || depth > 20
                ? null
                : copy(error.getCause(), depth + 1);
        String label = error.getClass().getName()
                + (error instanceof SQLException sql ? " [SQLState " + sql.getSQLState() + "]" : "")
                + " (message withheld: may quote personal data)";
        Throwable scrubbed = new Scrubbed(label, cause);
        scrubbed.setStackTrace(error.getStackTrace());
        return scrubbed;
    }

    /** Stands in for an exception whose message may quote a value. */
    private static final class Scrubbed extends RuntimeException {
        Scrubbed(String label, Throwable cause) {
            super(label, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
