package org.casework.core.shared;

/** Someone else changed the record since the caller read it. */
public class StaleVersionException extends ConflictException {

    public StaleVersionException(long expected, long actual) {
        super("error.staleVersion", expected, actual);
    }
}
