package org.casework.core.clients;

/** Sex as recorded on the resident identity card, which only knows these two values. */
public enum Sex {
    MALE,
    FEMALE
}
