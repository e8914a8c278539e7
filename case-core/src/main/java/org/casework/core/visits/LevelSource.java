package org.casework.core.visits;

/** Where a level that may drive a client's visits comes from. */
public enum LevelSource {
    /** The registry rules (categories, age, living arrangement): a floor that applies with or without a case. */
    REGISTRY,
    /** A case of the client, from lead to closure (its effective risk). */
    CASE,
    /** A flag about the client that the station has not triaged yet (its severity, from the moment it was raised). */
    FLAG,
    /** A signed assessment made outside a case (its proposal stands until a newer assessment). */
    ASSESSMENT
}
