package org.casework.sync.protocol;

/** {@code POST /api/sync/v1/devices}. */
public record RegisterRequest(
        String username, String password, String deviceName, String platform, String clientVersion) {}
