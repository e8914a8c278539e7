package org.casework.sync.client;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.casework.sync.protocol.SyncNames;
import org.casework.sync.protocol.SyncNames.MutationType;
import org.casework.sync.protocol.SyncNames.RecordType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The offline operations of protocol §2.1. Each writes the local record and its outbox row in one
 * local transaction: once the method returns, the edit survives a crash and will be sent.
 */
public final class OfflineEdits {

    /**
     * Client record fields (protocol §3) a device may edit, as the protocol defines them; masked
     * values cannot be edited.
     */
    public static final Set<String> EDITABLE_PROFILE_FIELDS = Set.copyOf(SyncNames.EDITABLE_PROFILE_FIELDS);

    /** A flag on a registry child ({@code clientId}) or on a minimal new subject. */
    public record FlagReport(
            UUID clientId,
            String subjectName,
            String subjectSex,
            Integer subjectAgeYears,
            String guardianContact,
            String villageCode,
            String type,
            String severity,
            String description,
            Instant observedAt,
            String observedPlace) {}

    public record VisitLog(
            UUID clientId,
            String type,
            Instant occurredAt,
            Integer durationMinutes,
            String notes,
            ObjectNode observations) {}

    public record ChildRegistration(
            String fullName,
            String sex,
            LocalDate birthDate,
            String residenceRegionCode,
            String idNumber,
            String noIdReason,
            String guardianName,
            String guardianRelation,
            String guardianPhone,
            String fatherStatus,
            String motherStatus,
            String category) {}

    private final LocalStore store;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public OfflineEdits(LocalStore store, Clock clock) {
        this(store, clock, UUID::randomUUID);
    }

    /**
     * With a chosen id source: the golden vectors shared with the offline web app need both
     * clients to draw the same ids. Each edit draws the new entity's id first (not for profile
     * edits), then the mutation's id.
     */
    public OfflineEdits(LocalStore store, Clock clock, Supplier<UUID> ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** Raises a flag; returns the flag's id (also its server id). */
    public UUID raiseFlag(FlagReport r) {
        UUID id = ids.get();
        ObjectNode fields = Json.object();
        putAll(
                fields,
                "clientId",
                r.clientId(),
                "subjectName",
                r.subjectName(),
                "subjectSex",
                r.subjectSex(),
                "subjectAgeYears",
                r.subjectAgeYears(),
                "guardianContact",
                r.guardianContact(),
                "villageCode",
                r.villageCode(),
                "type",
                r.type(),
                "severity",
                r.severity(),
                "description",
                r.description(),
                "observedAt",
                r.observedAt(),
                "observedPlace",
                r.observedPlace());
        String subjectName = r.subjectName();
        if (subjectName == null && r.clientId() != null) {
            subjectName = store.record("client", r.clientId().toString())
                    .map(c -> c.field("name"))
                    .orElse(null);
        }
        ObjectNode local = Json.object();
        putAll(
                local,
                "client",
                r.clientId(),
                "subjectName",
                subjectName,
                "type",
                r.type(),
                "severity",
                r.severity(),
                "raisedAt",
                clock.instant());
        save(MutationType.RAISE_FLAG, RecordType.FLAG, id, r.villageCode(), local, fields, null, null);
        return id;
    }

    /** Logs a visit to a registry child; returns the visit's id. */
    public UUID logVisit(VisitLog v) {
        UUID id = ids.get();
        ObjectNode fields = Json.object();
        putAll(
                fields,
                "clientId",
                v.clientId(),
                "type",
                v.type(),
                "occurredAt",
                v.occurredAt(),
                "durationMinutes",
                v.durationMinutes(),
                "notes",
                v.notes());
        if (v.observations() != null) {
            fields.set("observations", v.observations());
        }
        ObjectNode local = Json.object();
        putAll(local, "client", v.clientId(), "type", v.type(), "occurredAt", v.occurredAt(), "notes", v.notes());
        if (v.observations() != null) {
            // The server stores them and pulls them back on the visit (protocol §3): same shape locally.
            local.set("observations", v.observations());
        }
        save(MutationType.LOG_VISIT, RecordType.VISIT, id, scopeOf("client", v.clientId()), local, fields, null, null);
        return id;
    }

    /** Adds a note to a flag; notes are not pulled back (protocol §3 has no note type). */
    public UUID addNote(UUID flagId, String text) {
        UUID id = ids.get();
        ObjectNode fields = Json.object();
        putAll(fields, "flagId", flagId, "text", text);
        ObjectNode local = Json.object();
        putAll(local, "flag", flagId, "text", text, "at", clock.instant());
        save(MutationType.ADD_NOTE, RecordType.NOTE, id, scopeOf("flag", flagId), local, fields, null, null);
        return id;
    }

    /** Registers a child found in the field; returns the new client's id. */
    public UUID registerChild(ChildRegistration c) {
        UUID id = ids.get();
        ObjectNode fields = Json.object();
        putAll(
                fields,
                "fullName",
                c.fullName(),
                "sex",
                c.sex(),
                "birthDate",
                c.birthDate(),
                "residenceRegionCode",
                c.residenceRegionCode(),
                "idNumber",
                c.idNumber(),
                "noIdReason",
                c.noIdReason(),
                "guardianName",
                c.guardianName(),
                "guardianRelation",
                c.guardianRelation(),
                "guardianPhone",
                c.guardianPhone(),
                "fatherStatus",
                c.fatherStatus(),
                "motherStatus",
                c.motherStatus(),
                "category",
                c.category());
        // the full ID number stays in the outbox only until the server acknowledges it
        ObjectNode local = Json.object();
        putAll(
                local,
                "name",
                c.fullName(),
                "sex",
                c.sex(),
                "birthDate",
                c.birthDate(),
                "village",
                c.residenceRegionCode(),
                "guardianName",
                c.guardianName(),
                "guardianRelation",
                c.guardianRelation(),
                "guardianPhone",
                c.guardianPhone(),
                "fatherStatus",
                c.fatherStatus(),
                "motherStatus",
                c.motherStatus());
        if (c.category() != null) {
            local.set("categories", Json.array().add(c.category()));
        }
        save(MutationType.REGISTER_CHILD, RecordType.CLIENT, id, c.residenceRegionCode(), local, fields, null, null);
        return id;
    }

    /**
     * Edits profile fields of a client the device holds. {@code baseVersion} is the server version
     * the device holds; {@code before} the values the user saw (including earlier queued edits,
     * because the server applies queued edits in order).
     */
    public void editProfile(UUID clientId, Map<String, String> changes) {
        for (String field : changes.keySet()) {
            if (!EDITABLE_PROFILE_FIELDS.contains(field)) {
                throw new IllegalArgumentException("not an editable profile field: " + field);
            }
        }
        store.inTransaction(() -> {
            StoredRecord client = store.record("client", clientId.toString())
                    .orElseThrow(() -> new IllegalArgumentException("no such child on this device: " + clientId));
            ObjectNode fields = Json.object();
            ObjectNode before = Json.object();
            ObjectNode local = client.fields().deepCopy();
            changes.forEach((name, value) -> {
                JsonNode old = client.fields().get(name);
                before.set(name, old == null ? NullNode.getInstance() : old);
                fields.put(name, value);
                local.put(name, value);
            });
            save(
                    MutationType.EDIT_PROFILE,
                    RecordType.CLIENT,
                    clientId,
                    client.scope(),
                    local,
                    fields,
                    client.version(),
                    before);
            return null;
        });
    }

    /**
     * The user has seen what the server did with a record (a refusal, a conflict, a quarantine):
     * work the server never took (no server version) is removed from the device, a server record
     * goes back to synced. Returns false when the record needs no dismissal.
     */
    public boolean dismiss(String type, UUID id) {
        return store.inTransaction(() -> {
            StoredRecord r = store.record(type, id.toString()).orElse(null);
            if (r == null || r.state() == SyncState.SYNCED || r.state() == SyncState.PENDING) {
                return false;
            }
            if (r.version() == null) {
                store.deleteRecord(type, id.toString());
            } else {
                store.setState(type, id.toString(), SyncState.SYNCED, null);
            }
            return true;
        });
    }

    private void save(
            String type,
            String entityType,
            UUID entityId,
            String scope,
            ObjectNode localFields,
            ObjectNode mutationFields,
            Long baseVersion,
            ObjectNode before) {
        ObjectNode payload = Json.object();
        payload.put("id", ids.get().toString());
        payload.put("type", type);
        payload.put("entityId", entityId.toString());
        if (baseVersion == null) {
            payload.putNull("baseVersion");
        } else {
            payload.put("baseVersion", baseVersion);
        }
        payload.set("fields", mutationFields);
        if (before == null) {
            payload.putNull("before");
        } else {
            payload.set("before", before);
        }
        payload.put("at", clock.instant().toString());
        store.inTransaction(() -> {
            Long version = store.record(entityType, entityId.toString())
                    .map(StoredRecord::version)
                    .orElse(null);
            store.saveRecord(new StoredRecord(
                    entityType, entityId.toString(), scope, version, localFields, SyncState.PENDING, null));
            store.outbox().append(type, entityType, entityId.toString(), payload);
            return null;
        });
    }

    private String scopeOf(String type, UUID id) {
        return id == null
                ? null
                : store.record(type, id.toString()).map(StoredRecord::scope).orElse(null);
    }

    private static void putAll(ObjectNode node, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value == null) {
                continue;
            }
            String name = (String) pairs[i];
            if (value instanceof Integer n) {
                node.put(name, n);
            } else {
                node.put(name, value.toString());
            }
        }
    }
}
