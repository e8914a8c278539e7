package org.casework.sync.protocol;

import java.time.Instant;

/** New tokens after a refresh; the old refresh token no longer works. */
public record TokenResponse(String accessToken, Instant accessExpiresAt, String refreshToken) {}
