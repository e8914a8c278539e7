package org.casework.sync.client;

/** Where a local record stands with the server (protocol §2.1, "client does"). */
public enum SyncState {
    /** Edited on the device, not yet answered by the server. */
    PENDING,
    /** As the server has it. */
    SYNCED,
    /** The server refused the edit; the reason is kept so the user can fix and resubmit. */
    REJECTED,
    /** A profile edit clashed on some field: the server kept its value, the station resolves it. */
    CONFLICT,
    /** The target was closed or left the device's scope: the server keeps the edit for review. */
    QUARANTINED
}
