package org.casework.sync.client;

/**
 * A sync that did not complete. Nothing local is lost: the outbox keeps every unacknowledged
 * mutation and the next sync sends them again with the same ids.
 */
public class SyncException extends RuntimeException {

    private final int status;
    private final String code;

    public SyncException(String message, int status, String code, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, or 0 when the server never answered. */
    public int status() {
        return status;
    }

    /** The problem's {@code code} (e.g. {@code sync.roleNotSynced}), or null. */
    public String code() {
        return code;
    }
}
