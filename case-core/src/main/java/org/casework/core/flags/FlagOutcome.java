package org.casework.core.flags;

/** How the station triaged a flag. */
public enum FlagOutcome {
    CASE_OPENED,
    LINKED_TO_CASE,
    REGISTERED,
    DISMISSED
}
