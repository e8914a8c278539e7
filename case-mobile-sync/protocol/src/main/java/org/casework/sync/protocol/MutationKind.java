package org.casework.sync.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The mutation types of §2.1, typed: each with its wire name ({@link SyncNames.MutationType}, where
 * the names are defined), the record type of the entity it creates or edits, and the typed record of
 * its {@code fields} ({@link MutationPayload}).
 */
public enum MutationKind {
    RAISE_FLAG(SyncNames.MutationType.RAISE_FLAG, SyncNames.RecordType.FLAG, MutationPayload.RaiseFlag.class),
    LOG_VISIT(SyncNames.MutationType.LOG_VISIT, SyncNames.RecordType.VISIT, MutationPayload.LogVisit.class),
    ADD_NOTE(SyncNames.MutationType.ADD_NOTE, SyncNames.RecordType.NOTE, MutationPayload.AddNote.class),
    REGISTER_CHILD(
            SyncNames.MutationType.REGISTER_CHILD, SyncNames.RecordType.CLIENT, MutationPayload.RegisterChild.class),
    EDIT_PROFILE(SyncNames.MutationType.EDIT_PROFILE, SyncNames.RecordType.CLIENT, MutationPayload.EditProfile.class);

    private final String wire;
    private final String recordType;
    private final Class<? extends MutationPayload> payloadType;

    MutationKind(String wire, String recordType, Class<? extends MutationPayload> payloadType) {
        this.wire = wire;
        this.recordType = recordType;
        this.payloadType = payloadType;
    }

    /** The record type of this mutation's {@code fields}. */
    public Class<? extends MutationPayload> payloadType() {
        return payloadType;
    }

    /** The names its {@code fields} may carry ({@link SyncNames#MUTATION_FIELDS}). */
    public List<String> fieldNames() {
        return SyncNames.MUTATION_FIELDS.get(wire);
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
