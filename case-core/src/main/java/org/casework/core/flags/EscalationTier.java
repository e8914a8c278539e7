package org.casework.core.flags;

/** Who an overdue item escalates to: first the station head, then the county supervisor. */
public enum EscalationTier {
    STATION_HEAD,
    COUNTY_SUPERVISOR
}
