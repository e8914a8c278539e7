package org.casework.core.visits;

/** Which rule set a client's next visit date, so a worker can see why it is due. */
public enum DueRule {
    /** Never visited: within the first-visit working days after registration. */
    FIRST_VISIT,
    /** A case, a flag or an assessment became red: visit within 24 hours. */
    RED_RESPONSE,
    /** The interval of the visiting level after the last visit. */
    LEVEL_INTERVAL,
    /** Special-difficulty elderly (特困老人): at least monthly, whatever the level. */
    SPECIAL_DIFFICULTY_ELDERLY,
    /** Dispersed 特困 support (分散供养特困人员): at least monthly, whatever the level. */
    DISPERSED_EXTREME_POVERTY
}
