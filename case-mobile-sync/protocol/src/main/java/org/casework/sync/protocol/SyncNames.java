package org.casework.sync.protocol;

import java.util.List;

/**
 * The names of protocol version 1 (docs/sync-protocol.md) that a client must spell exactly, defined
 * once: the sync endpoints and the Java client use these constants, and the offline web app imports
 * them from {@code /m/js/protocol.js}, which {@link ProtocolScript} generates from this class when
 * the web module is built. {@code ProtocolNamesTest} fails when the two drift apart or when the web
 * app spells one of these names by hand.
 */
public final class SyncNames {

    private SyncNames() {}

    /** Mutation types (§2.1). */
    public static final class MutationType {
        public static final String RAISE_FLAG = "RAISE_FLAG";
        public static final String LOG_VISIT = "LOG_VISIT";
        public static final String ADD_NOTE = "ADD_NOTE";
        public static final String REGISTER_CHILD = "REGISTER_CHILD";
        public static final String EDIT_PROFILE = "EDIT_PROFILE";

        private MutationType() {}
    }

    /** The status of a mutation's result (§2.1). */
    public static final class Status {
        public static final String APPLIED = "APPLIED";
        public static final String REJECTED = "REJECTED";
        public static final String CONFLICT = "CONFLICT";
        public static final String QUARANTINED = "QUARANTINED";

        private Status() {}
    }

    /** Record types ({@code t}, §3), with {@code scope} (a scope removal) and {@code note} (a result's entity). */
    public static final class RecordType {
        public static final String CLIENT = "client";
        public static final String HOUSEHOLD = "household";
        public static final String VISIT_DUE = "visitDue";
        public static final String FLAG = "flag";
        public static final String VISIT = "visit";
        public static final String CASE = "case";
        public static final String REGION = "region";
        public static final String FLAG_TYPE = "flagType";
        public static final String VISIT_TYPE = "visitType";
        public static final String STATION = "station";
        public static final String SCOPE = "scope";
        public static final String NOTE = "note";

        private RecordType() {}
    }

    /** A change's {@code op} (§2.2). */
    public static final class Op {
        public static final String UPSERT = "U";
        public static final String REMOVE = "D";

        private Op() {}
    }

    /** Scope keys that are not village codes (§2.2). */
    public static final class ScopeKey {
        public static final String REFERENCE = "ref";

        private ScopeKey() {}
    }

    /** Problem codes a client acts on (§1, §2.1). */
    public static final class Code {
        public static final String DEVICE_REVOKED = "device.revoked";
        public static final String TOKEN_EXPIRED = "device.tokenExpired";
        public static final String TOO_MANY = "sync.tooMany";

        private Code() {}
    }

    /** The properties of a mutation (§2.1), around its {@code fields}. */
    public static final class MutationProperty {
        public static final String ID = "id";
        public static final String COUNTER = "counter";
        public static final String TYPE = "type";
        public static final String ENTITY_ID = "entityId";
        public static final String BASE_VERSION = "baseVersion";
        public static final String FIELDS = "fields";
        public static final String BEFORE = "before";
        public static final String AT = "at";

        private MutationProperty() {}
    }

    /** The names inside a creation's {@code fields} (§2.1); {@link #MUTATION_FIELDS} lists them per type. */
    public static final class Field {
        public static final String CLIENT_ID = "clientId";
        public static final String SUBJECT_NAME = "subjectName";
        public static final String SUBJECT_SEX = "subjectSex";
        public static final String SUBJECT_AGE_YEARS = "subjectAgeYears";
        public static final String GUARDIAN_CONTACT = "guardianContact";
        public static final String VILLAGE_CODE = "villageCode";
        public static final String TYPE = "type";
        public static final String SEVERITY = "severity";
        public static final String DESCRIPTION = "description";
        public static final String OBSERVED_AT = "observedAt";
        public static final String OBSERVED_PLACE = "observedPlace";
        public static final String OCCURRED_AT = "occurredAt";
        public static final String DURATION_MINUTES = "durationMinutes";
        public static final String NOTES = "notes";
        public static final String OBSERVATIONS = "observations";
        public static final String FLAG_ID = "flagId";
        public static final String TEXT = "text";
        public static final String FULL_NAME = "fullName";
        public static final String SEX = "sex";
        public static final String BIRTH_DATE = "birthDate";
        public static final String RESIDENCE_REGION_CODE = "residenceRegionCode";
        public static final String ID_NUMBER = "idNumber";
        public static final String NO_ID_REASON = "noIdReason";
        public static final String GUARDIAN_NAME = "guardianName";
        public static final String GUARDIAN_RELATION = "guardianRelation";
        public static final String GUARDIAN_PHONE = "guardianPhone";
        public static final String FATHER_STATUS = "fatherStatus";
        public static final String MOTHER_STATUS = "motherStatus";
        public static final String CATEGORY = "category";

        private Field() {}
    }

    /** The profile fields an {@code EDIT_PROFILE} may carry (§6). */
    public static final List<String> EDITABLE_PROFILE_FIELDS = List.of(
            "name",
            "sex",
            "birthDate",
            "address",
            "guardianName",
            "guardianRelation",
            "guardianPhone",
            "carerName",
            "carerPhone",
            "fatherStatus",
            "motherStatus",
            "school",
            "living");

    /**
     * The {@code fields} of each creating mutation type (§2.1), in the order of the components of
     * its {@link MutationPayload} record ({@code ProtocolTypesTest} holds them together); an
     * {@code EDIT_PROFILE} carries any of {@link #EDITABLE_PROFILE_FIELDS}.
     */
    public static final java.util.Map<String, List<String>> MUTATION_FIELDS = java.util.Map.of(
            MutationType.RAISE_FLAG,
            List.of(
                    Field.CLIENT_ID,
                    Field.SUBJECT_NAME,
                    Field.SUBJECT_SEX,
                    Field.SUBJECT_AGE_YEARS,
                    Field.GUARDIAN_CONTACT,
                    Field.VILLAGE_CODE,
                    Field.TYPE,
                    Field.SEVERITY,
                    Field.DESCRIPTION,
                    Field.OBSERVED_AT,
                    Field.OBSERVED_PLACE),
            MutationType.LOG_VISIT,
            List.of(
                    Field.CLIENT_ID,
                    Field.TYPE,
                    Field.OCCURRED_AT,
                    Field.DURATION_MINUTES,
                    Field.NOTES,
                    Field.OBSERVATIONS),
            MutationType.ADD_NOTE,
            List.of(Field.FLAG_ID, Field.TEXT),
            MutationType.REGISTER_CHILD,
            List.of(
                    Field.FULL_NAME,
                    Field.SEX,
                    Field.BIRTH_DATE,
                    Field.RESIDENCE_REGION_CODE,
                    Field.ID_NUMBER,
                    Field.NO_ID_REASON,
                    Field.GUARDIAN_NAME,
                    Field.GUARDIAN_RELATION,
                    Field.GUARDIAN_PHONE,
                    Field.FATHER_STATUS,
                    Field.MOTHER_STATUS,
                    Field.CATEGORY),
            MutationType.EDIT_PROFILE,
            EDITABLE_PROFILE_FIELDS);

    /**
     * The fields ({@code f}) of each pulled record type (§3), in the order of the components of its
     * {@link PulledRecord} record; {@code "visitDue.recentVisits"} and {@code "visitType.form"} name
     * the objects inside those lists.
     */
    public static final java.util.Map<String, List<String>> RECORD_FIELDS = java.util.Map.ofEntries(
            java.util.Map.entry(
                    RecordType.CLIENT,
                    List.of(
                            "name",
                            "pinyin",
                            "pinyinInitials",
                            "sex",
                            "birthDate",
                            "village",
                            "address",
                            "household",
                            "categories",
                            "idMasked",
                            "phoneMasked",
                            "guardianName",
                            "guardianRelation",
                            "guardianPhone",
                            "carerName",
                            "carerPhone",
                            "fatherStatus",
                            "motherStatus",
                            "school",
                            "living")),
            java.util.Map.entry(RecordType.HOUSEHOLD, List.of("address", "headName", "members")),
            java.util.Map.entry(
                    RecordType.VISIT_DUE,
                    List.of("client", "level", "nextDueOn", "lastVisitOn", "rule", "recentVisits")),
            java.util.Map.entry(RecordType.VISIT_DUE + ".recentVisits", List.of("on", "type", "by")),
            java.util.Map.entry(
                    RecordType.FLAG,
                    List.of(
                            "client",
                            "subjectName",
                            "type",
                            "severity",
                            "status",
                            "outcome",
                            "outcomeReason",
                            "raisedAt",
                            "triagedAt")),
            java.util.Map.entry(RecordType.VISIT, List.of("client", "type", "occurredAt", "notes", "observations")),
            java.util.Map.entry(RecordType.CASE, List.of("number", "client", "status", "risk", "worker", "openedOn")),
            java.util.Map.entry(RecordType.REGION, List.of("name", "level", "parent")),
            java.util.Map.entry(RecordType.FLAG_TYPE, List.of("zh", "en", "mandatory", "severity")),
            java.util.Map.entry(RecordType.VISIT_TYPE, List.of("zh", "en", "form")),
            java.util.Map.entry(
                    RecordType.VISIT_TYPE + ".form",
                    List.of("name", "kind", "required", "min", "max", "maxLength", "maxKeys")),
            java.util.Map.entry(RecordType.STATION, List.of("name", "phone", "township")));

    /** The groups of names, as the generated module exports them. */
    static final List<Class<?>> GROUPS =
            List.of(MutationType.class, Status.class, RecordType.class, Op.class, ScopeKey.class, Code.class);
}
