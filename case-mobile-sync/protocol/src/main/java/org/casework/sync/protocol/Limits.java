package org.casework.sync.protocol;

/** Per-device limits the server enforces. */
public record Limits(Integer maxDevicesPerUser, Integer warnPendingMutations, Integer maxMutationsPerSync) {}
