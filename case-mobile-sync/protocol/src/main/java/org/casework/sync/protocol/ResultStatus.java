package org.casework.sync.protocol;

/** What became of a mutation (§2.1), typed; the wire names are {@link SyncNames.Status}'s. */
public enum ResultStatus {
    APPLIED(SyncNames.Status.APPLIED),
    REJECTED(SyncNames.Status.REJECTED),
    CONFLICT(SyncNames.Status.CONFLICT),
    QUARANTINED(SyncNames.Status.QUARANTINED);

    private final String wire;

    ResultStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The status of a wire name; an unknown one is a programming error (the server writes them). */
    public static ResultStatus fromWire(String wire) {
        for (ResultStatus status : values()) {
            if (status.wire.equals(wire)) {
                return status;
            }
        }
        throw new IllegalArgumentException("not a mutation status: " + wire);
    }
}
