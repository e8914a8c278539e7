package org.casework.sync.protocol;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered device's id and its first tokens, and the name the app greets its user by. */
public record RegisterResponse(
        UUID deviceId,
        String accessToken,
        Instant accessExpiresAt,
        String refreshToken,
        Limits limits,
        List<String> warnings,
        String displayName) {}
