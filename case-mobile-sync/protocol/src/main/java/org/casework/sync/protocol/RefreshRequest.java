package org.casework.sync.protocol;

import java.util.UUID;

/** {@code POST /api/sync/v1/devices/refresh}. */
public record RefreshRequest(UUID deviceId, String refreshToken) {}
