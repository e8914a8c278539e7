package org.casework.core.clients;

/** Why the station must look at a registry entry again. */
public enum RegistryReviewKind {
    /** A 留守儿童 turned 16: the category ended by itself; does the young person need another form of help? */
    LEFT_BEHIND_AGED_OUT
}
