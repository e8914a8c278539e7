package org.casework.core.flags;

/** A flag waits for triage until the station decides what to do with it. */
public enum FlagStatus {
    UNTRIAGED,
    TRIAGED
}
