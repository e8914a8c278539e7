package org.casework.core.organisations;

/** The partner departments a station refers clients to. */
public enum Department {
    EDUCATION,
    PUBLIC_SECURITY,
    JUSTICE,
    HEALTH,
    WOMENS_FEDERATION,
    DISABLED_PERSONS_FEDERATION,
    COMMUNIST_YOUTH_LEAGUE,
    TRADE_UNION,
    MINOR_PROTECTION_STATION,
    CIVIL_AFFAIRS
}
