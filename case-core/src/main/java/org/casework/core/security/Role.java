package org.casework.core.security;

import static org.casework.core.security.Permission.EXPORT_LEDGERS;
import static org.casework.core.security.Permission.HANDLE_REFERRALS;
import static org.casework.core.security.Permission.MANAGE_ORGANISATIONS;
import static org.casework.core.security.Permission.MANAGE_REFERENCE_DATA;
import static org.casework.core.security.Permission.MANAGE_USERS;
import static org.casework.core.security.Permission.READ_CASES;
import static org.casework.core.security.Permission.READ_CLIENTS;
import static org.casework.core.security.Permission.SUPERVISE_CASES;
import static org.casework.core.security.Permission.UNMASK_IDENTIFIERS;
import static org.casework.core.security.Permission.WRITE_CASES;
import static org.casework.core.security.Permission.WRITE_CLIENTS;

import java.util.EnumSet;
import java.util.Set;
import org.casework.core.shared.RegionLevel;

/**
 * The roles of the three-tier service, each with the level of region its jurisdiction must be
 * (a village child director works in one village, a station in one township).
 */
public enum Role {
    // EXPORT_LEDGERS (台账): the roles that answer to the civil affairs bureau for a whole township or
    // county (station heads, township child supervisors, county supervisors) report with ledgers.
    // Village child directors and room workers do not: a ledger is bulk personal data of many
    // families, and a village keeps its own paper 台账. Station workers neither: they see each
    // client on screen, and the head decides what leaves the station in bulk.
    VILLAGE_CHILD_DIRECTOR(RegionLevel.VILLAGE, EnumSet.of(READ_CLIENTS, WRITE_CLIENTS)),
    VILLAGE_ROOM_WORKER(RegionLevel.VILLAGE, EnumSet.of(READ_CLIENTS, WRITE_CLIENTS)),
    STATION_WORKER(
            RegionLevel.TOWNSHIP, EnumSet.of(READ_CLIENTS, WRITE_CLIENTS, UNMASK_IDENTIFIERS, READ_CASES, WRITE_CASES)),
    STATION_HEAD(
            RegionLevel.TOWNSHIP,
            EnumSet.of(
                    READ_CLIENTS,
                    WRITE_CLIENTS,
                    UNMASK_IDENTIFIERS,
                    READ_CASES,
                    WRITE_CASES,
                    SUPERVISE_CASES,
                    EXPORT_LEDGERS)),
    TOWNSHIP_CHILD_SUPERVISOR(
            RegionLevel.TOWNSHIP,
            EnumSet.of(
                    READ_CLIENTS,
                    WRITE_CLIENTS,
                    UNMASK_IDENTIFIERS,
                    READ_CASES,
                    WRITE_CASES,
                    SUPERVISE_CASES,
                    EXPORT_LEDGERS)),
    COUNTY_SUPERVISOR(
            RegionLevel.COUNTY,
            EnumSet.of(
                    READ_CLIENTS,
                    WRITE_CLIENTS,
                    UNMASK_IDENTIFIERS,
                    READ_CASES,
                    WRITE_CASES,
                    SUPERVISE_CASES,
                    EXPORT_LEDGERS)),
    /** Sees only referrals addressed to their department, with the information shared, never the registry. */
    DEPARTMENT_LIAISON(null, EnumSet.of(HANDLE_REFERRALS)),
    /** Runs the system; by least privilege sees no client data. */
    ADMINISTRATOR(null, EnumSet.of(MANAGE_USERS, MANAGE_ORGANISATIONS, MANAGE_REFERENCE_DATA));

    private final RegionLevel jurisdictionLevel;
    private final Set<Permission> permissions;

    Role(RegionLevel jurisdictionLevel, Set<Permission> permissions) {
        this.jurisdictionLevel = jurisdictionLevel;
        this.permissions = permissions;
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : permissions);
    }

    /** True when a user of this role may have a jurisdiction of that level. */
    public boolean acceptsJurisdiction(RegionLevel level) {
        return jurisdictionLevel == null
                ? level.ordinal() >= RegionLevel.PROVINCE.ordinal() && level != RegionLevel.VILLAGE
                : jurisdictionLevel == level;
    }

    public String messageKey() {
        return "role." + name();
    }
}
