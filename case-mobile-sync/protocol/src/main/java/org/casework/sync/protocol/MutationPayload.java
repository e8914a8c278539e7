package org.casework.sync.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code fields} of a mutation (§2.1), typed: one record per {@link MutationKind}. The wire
 * names are {@link SyncNames#MUTATION_FIELDS}' (a creation's record components are in that order,
 * named alike). Values the domain knows as enums (a sex, a flag type, a severity) stay texts here:
 * the protocol has no domain types, the server reads them and refuses unknown ones per field.
 */
public sealed interface MutationPayload
        permits MutationPayload.RaiseFlag,
                MutationPayload.LogVisit,
                MutationPayload.AddNote,
                MutationPayload.RegisterChild,
                MutationPayload.EditProfile {

    /** The mutation type this payload belongs to. */
    MutationKind kind();

    /**
     * The {@code fields} by wire name in the protocol's order, absent (null) values left out; a
     * profile edit's values as they are (a cleared field null). Both clients and the server's tests
     * write a mutation's JSON from this, so the names-to-components rule exists once.
     */
    default Map<String, Object> wireValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = kind().fieldNames();
        Object[] values = RecordValues.of((Record) this);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out.put(names.get(i), values[i]);
            }
        }
        return out;
    }

    /** {@code RAISE_FLAG}: a flag on a registry child ({@code clientId}) or on a minimal new subject. */
    record RaiseFlag(
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
            String observedPlace)
            implements MutationPayload {
        @Override
        public MutationKind kind() {
            return MutationKind.RAISE_FLAG;
        }
    }

    /**
     * {@code LOG_VISIT}: a visit to a registry child. {@code observations} is the visit form's
     * object as sent (texts, numbers, true/false; the server checks its limits), null when none.
     */
    record LogVisit(
            UUID clientId,
            String type,
            Instant occurredAt,
            Integer durationMinutes,
            String notes,
            Map<String, Object> observations)
            implements MutationPayload {
        public LogVisit {
            observations = observations == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(observations));
        }

        @Override
        public MutationKind kind() {
            return MutationKind.LOG_VISIT;
        }
    }

    /** {@code ADD_NOTE}: a note on a flag. */
    record AddNote(UUID flagId, String text) implements MutationPayload {
        @Override
        public MutationKind kind() {
            return MutationKind.ADD_NOTE;
        }
    }

    /** {@code REGISTER_CHILD}: a child found in the field. */
    record RegisterChild(
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
            String category)
            implements MutationPayload {
        @Override
        public MutationKind kind() {
            return MutationKind.REGISTER_CHILD;
        }
    }

    /**
     * {@code EDIT_PROFILE}: the new values of the edited fields (names of {@link
     * SyncNames#EDITABLE_PROFILE_FIELDS}, a null value clears the field) and, from the mutation's
     * {@code before}, the values the edit started from (null when the device sent none).
     */
    record EditProfile(Map<String, String> values, Map<String, String> before) implements MutationPayload {
        public EditProfile {
            for (String field : values.keySet()) {
                if (!SyncNames.EDITABLE_PROFILE_FIELDS.contains(field)) {
                    throw new IllegalArgumentException("not an editable profile field: " + field);
                }
            }
            // LinkedHashMap: null values are the cleared fields
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            before = before == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(before));
        }

        @Override
        public MutationKind kind() {
            return MutationKind.EDIT_PROFILE;
        }

        @Override
        public Map<String, Object> wireValues() {
            return new LinkedHashMap<>(values);
        }
    }
}
