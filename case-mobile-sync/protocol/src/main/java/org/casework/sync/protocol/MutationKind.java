package org.casework.sync.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * The mutation types of §2.1, typed: each with its wire name ({@link SyncNames.MutationType}, where
 * the names are defined) and the record type of the entity it creates or edits.
 */
public enum MutationKind {
    RAISE_FLAG(SyncNames.MutationType.RAISE_FLAG, SyncNames.RecordType.FLAG),
    LOG_VISIT(SyncNames.MutationType.LOG_VISIT, SyncNames.RecordType.VISIT),
    ADD_NOTE(SyncNames.MutationType.ADD_NOTE, SyncNames.RecordType.NOTE),
    REGISTER_CHILD(SyncNames.MutationType.REGISTER_CHILD, SyncNames.RecordType.CLIENT),
    EDIT_PROFILE(SyncNames.MutationType.EDIT_PROFILE, SyncNames.RecordType.CLIENT);

    private final String wire;
    private final String recordType;

    MutationKind(String wire, String recordType) {
        this.wire = wire;
        this.recordType = recordType;
    }

    /** The name on the wire. */
    public String wire() {
        return wire;
    }

    /** The record type ({@code t}) of the entity the mutation creates or edits. */
    public String recordType() {
        return recordType;
    }

    /**
     * The type a device sent, as the server reads it (surrounding blanks and case ignored); empty
     * for a missing or unknown type, which the server refuses for that mutation alone.
     */
    public static Optional<MutationKind> parse(String type) {
        if (type == null) {
            return Optional.empty();
        }
        String name = type.strip().toUpperCase(Locale.ROOT);
        for (MutationKind kind : values()) {
            if (kind.wire.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
