package org.casework.sync.protocol;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code f} of a pulled record (§3), typed: one record per record type. The wire names are
 * {@link SyncNames#RECORD_FIELDS}' (the components are in that order, named alike; {@code
 * ProtocolTypesTest} holds them together). Domain values (a sex, a status, a level) stay texts, so
 * a device keeps working when the server adds one; absent fields are null. A record a device
 * created offline has the same shape, with what it knows so far.
 */
public sealed interface PulledRecord
        permits PulledRecord.ClientRecord,
                PulledRecord.HouseholdRecord,
                PulledRecord.VisitDueRecord,
                PulledRecord.FlagRecord,
                PulledRecord.VisitRecord,
                PulledRecord.CaseRecord,
                PulledRecord.RegionRecord,
                PulledRecord.FlagTypeRecord,
                PulledRecord.VisitTypeRecord,
                PulledRecord.StationRecord {

    /**
     * The record's {@code f}: its fields by wire name, in the protocol's order, as JSON values
     * (texts, numbers, true/false, lists, objects; ids, dates and times as their ISO texts). A null
     * field stays, as null (in a pulled record null means "cleared"), except an object field (a
     * visit's {@code observations}), absent when none (§3); inside the objects of a list, absent
     * values are left out. The server writes every pulled record from this, so the names and
     * formats of §3 exist once.
     */
    default Map<String, Object> wireValues() {
        return wireObject((Record) this, true);
    }

    /**
     * The fields {@code names} of {@link #wireValues()}, in that order (a delta, §2.2); names the
     * record does not have are left out.
     */
    default Map<String, Object> wireValues(Collection<String> names) {
        Map<String, Object> all = wireValues();
        Map<String, Object> some = new LinkedHashMap<>();
        for (String name : names) {
            if (all.containsKey(name)) {
                some.put(name, all.get(name));
            }
        }
        return some;
    }

    /** A registry client (child or elderly person) of the device's scope. */
    record ClientRecord(
            String name,
            String pinyin,
            String pinyinInitials,
            String sex,
            LocalDate birthDate,
            String village,
            String address,
            UUID household,
            List<String> categories,
            String idMasked,
            String phoneMasked,
            String guardianName,
            String guardianRelation,
            String guardianPhone,
            String carerName,
            String carerPhone,
            String fatherStatus,
            String motherStatus,
            String school,
            String living)
            implements PulledRecord {

        /**
         * The values of the fields an {@code EDIT_PROFILE} may carry, by wire name (null values
         * included): what an edit started from.
         */
        public Map<String, String> editable() {
            Map<String, String> values = new LinkedHashMap<>();
            wireValues(SyncNames.EDITABLE_PROFILE_FIELDS)
                    .forEach((field, value) -> values.put(field, value == null ? null : value.toString()));
            return java.util.Collections.unmodifiableMap(values);
        }
    }

    record HouseholdRecord(String address, String headName, Integer members) implements PulledRecord {}

    /** One of a child's latest visits on its visit due. */
    record RecentVisit(LocalDate on, String type, String by) {}

    record VisitDueRecord(
            UUID client,
            String level,
            LocalDate nextDueOn,
            LocalDate lastVisitOn,
            String rule,
            List<RecentVisit> recentVisits)
            implements PulledRecord {}

    record FlagRecord(
            UUID client,
            String subjectName,
            String type,
            String severity,
            String status,
            String outcome,
            String outcomeReason,
            Instant raisedAt,
            Instant triagedAt)
            implements PulledRecord {}

    record VisitRecord(UUID client, String type, Instant occurredAt, String notes, Map<String, Object> observations)
            implements PulledRecord {}

    record CaseRecord(String number, UUID client, String status, String risk, String worker, LocalDate openedOn)
            implements PulledRecord {}

    record RegionRecord(String name, String level, String parent) implements PulledRecord {}

    record FlagTypeRecord(String zh, String en, Boolean mandatory, String severity) implements PulledRecord {}

    /** One field of the visit form, with the limits the server checks. */
    record FormField(
            String name, String kind, Boolean required, Long min, Long max, Integer maxLength, Integer maxKeys) {}

    record VisitTypeRecord(String zh, String en, List<FormField> form) implements PulledRecord {}

    record StationRecord(String name, String phone, String township) implements PulledRecord {}

    /** The record type ({@code t}) of a typed record class. */
    static String typeOf(Class<?> type) {
        return TYPES.get(type);
    }

    /** The wire names of a pulled record's or of a nested object's components, in order. */
    static List<String> fieldNames(Class<?> type) {
        String key = TYPES.containsKey(type) ? TYPES.get(type) : NESTED.get(type);
        return key == null ? null : SyncNames.RECORD_FIELDS.get(key);
    }

    private static Map<String, Object> wireObject(Record record, boolean keepNulls) {
        List<String> names = fieldNames(record.getClass());
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = RecordValues.of(record);
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null || (keepNulls && components[i].getType() != Map.class)) {
                out.put(names.get(i), wireValue(values[i]));
            }
        }
        return out;
    }

    private static Object wireValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Record nested) {
            return wireObject(nested, false);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(wireValue(item)));
            return out;
        }
        if (value instanceof Map<?, ?>) {
            return value; // a visit's observations: already JSON values, as the device sent them
        }
        return value.toString(); // UUID, LocalDate, Instant: their ISO texts
    }

    Map<Class<? extends PulledRecord>, String> TYPES = Map.of(
            ClientRecord.class, SyncNames.RecordType.CLIENT,
            HouseholdRecord.class, SyncNames.RecordType.HOUSEHOLD,
            VisitDueRecord.class, SyncNames.RecordType.VISIT_DUE,
            FlagRecord.class, SyncNames.RecordType.FLAG,
            VisitRecord.class, SyncNames.RecordType.VISIT,
            CaseRecord.class, SyncNames.RecordType.CASE,
            RegionRecord.class, SyncNames.RecordType.REGION,
            FlagTypeRecord.class, SyncNames.RecordType.FLAG_TYPE,
            VisitTypeRecord.class, SyncNames.RecordType.VISIT_TYPE,
            StationRecord.class, SyncNames.RecordType.STATION);

    Map<Class<? extends Record>, String> NESTED = Map.of(
            RecentVisit.class, SyncNames.RecordType.VISIT_DUE + ".recentVisits",
            FormField.class, SyncNames.RecordType.VISIT_TYPE + ".form");
}
