package org.casework.sync.client;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.casework.sync.protocol.MutationPayload;
import org.casework.sync.protocol.PulledRecord;
import org.casework.sync.protocol.PulledRecord.ClientRecord;
import org.casework.sync.protocol.PulledRecord.FlagRecord;
import org.casework.sync.protocol.PulledRecord.VisitRecord;
import org.casework.sync.protocol.SyncNames;
import org.casework.sync.protocol.SyncNames.MutationProperty;
import org.casework.sync.protocol.SyncNames.RecordType;
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
        MutationPayload.RaiseFlag payload = new MutationPayload.RaiseFlag(
                r.clientId(),
                r.subjectName(),
                r.subjectSex(),
                r.subjectAgeYears(),
                r.guardianContact(),
                r.villageCode(),
                r.type(),
                r.severity(),
                r.description(),
                r.observedAt(),
                r.observedPlace());
        String subjectName = r.subjectName();
        if (subjectName == null && r.clientId() != null) {
            subjectName = store.record(RecordType.CLIENT, r.clientId().toString())
                    .map(c -> c.as(ClientRecord.class).name())
                    .orElse(null);
        }
        FlagRecord local = new FlagRecord(
                r.clientId(), subjectName, r.type(), r.severity(), null, null, null, clock.instant(), null);
        save(payload, id, r.villageCode(), local(local), null, null);
        return id;
    }

    /** Logs a visit to a registry child; returns the visit's id. */
    public UUID logVisit(VisitLog v) {
        UUID id = ids.get();
        @SuppressWarnings("unchecked")
        Map<String, Object> observations =
                v.observations() == null ? null : Json.MAPPER.convertValue(v.observations(), LinkedHashMap.class);
        MutationPayload.LogVisit payload = new MutationPayload.LogVisit(
                v.clientId(), v.type(), v.occurredAt(), v.durationMinutes(), v.notes(), observations);
        // The server stores the observations and pulls them back on the visit (protocol §3): same shape locally.
        VisitRecord local = new VisitRecord(v.clientId(), v.type(), v.occurredAt(), v.notes(), observations);
        save(payload, id, scopeOf(RecordType.CLIENT, v.clientId()), local(local), null, null);
        return id;
    }

    /** Adds a note to a flag; notes are not pulled back (protocol §3 has no note type). */
    public UUID addNote(UUID flagId, String text) {
        UUID id = ids.get();
        ObjectNode local = Json.object();
        putAll(local, "flag", flagId, "text", text, "at", clock.instant());
        save(new MutationPayload.AddNote(flagId, text), id, scopeOf(RecordType.FLAG, flagId), local, null, null);
        return id;
    }

    /** Registers a child found in the field (the mutation's own payload); returns the new client's id. */
    public UUID registerChild(MutationPayload.RegisterChild c) {
        UUID id = ids.get();
        // the full ID number stays in the outbox only until the server acknowledges it
        ClientRecord local = new ClientRecord(
                c.fullName(),
                null,
                null,
                c.sex(),
                c.birthDate(),
                c.residenceRegionCode(),
                null,
                null,
                c.category() == null ? null : List.of(c.category()),
                null,
                null,
                c.guardianName(),
                c.guardianRelation(),
                c.guardianPhone(),
                null,
                null,
                c.fatherStatus(),
                c.motherStatus(),
                null,
                null);
        save(c, id, c.residenceRegionCode(), local(local), null, null);
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
            StoredRecord client = store.record(RecordType.CLIENT, clientId.toString())
                    .orElseThrow(() -> new IllegalArgumentException("no such child on this device: " + clientId));
            Map<String, String> was = client.as(ClientRecord.class).editable();
            Map<String, String> before = new LinkedHashMap<>();
            changes.keySet().forEach(name -> before.put(name, was.get(name)));
            ObjectNode local = client.fields().deepCopy();
            changes.forEach(local::put);
            save(
                    new MutationPayload.EditProfile(changes, before),
                    clientId,
                    client.scope(),
                    local,
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
            MutationPayload mutation,
            UUID entityId,
            String scope,
            ObjectNode localFields,
            Long baseVersion,
            Map<String, String> before) {
        String type = mutation.kind().wire();
        String entityType = mutation.kind().recordType();
        ObjectNode payload = Json.object();
        payload.put(MutationProperty.ID, ids.get().toString());
        payload.put(MutationProperty.TYPE, type);
        payload.put(MutationProperty.ENTITY_ID, entityId.toString());
        if (baseVersion == null) {
            payload.putNull(MutationProperty.BASE_VERSION);
        } else {
            payload.put(MutationProperty.BASE_VERSION, baseVersion);
        }
        payload.set(MutationProperty.FIELDS, RecordJson.fields(mutation));
        if (before == null) {
            payload.putNull(MutationProperty.BEFORE);
        } else {
            ObjectNode was = Json.object();
            before.forEach(was::put);
            payload.set(MutationProperty.BEFORE, was);
        }
        payload.put(MutationProperty.AT, clock.instant().toString());
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

    /** A local record's fields as the server would send them: what is known, absent values left out. */
    private static ObjectNode local(PulledRecord record) {
        return RecordJson.write(record);
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
