package org.casework.sync.protocol;

/** A pulled change's operation (§2.2), typed; the wire names are {@link SyncNames.Op}'s. */
public enum ChangeOp {
    UPSERT(SyncNames.Op.UPSERT),
    REMOVE(SyncNames.Op.REMOVE);

    private final String wire;

    ChangeOp(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
