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

    /** The groups of names, as the generated module exports them. */
    static final List<Class<?>> GROUPS =
            List.of(MutationType.class, Status.class, RecordType.class, Op.class, ScopeKey.class, Code.class);
}
