package org.casework.core.devices;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.casework.core.shared.PositiveAmount;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Per-device limits and token lifetimes of offline sync ({@code casework.sync.*}).
 *
 * @param maxDevicesPerUser active devices a user may have
 * @param warnPendingMutations queued mutations at which the device warns its user
 * @param maxMutationsPerSync mutations accepted in one sync request
 * @param accessTokenLifetime how long a device access token is valid
 * @param refreshTokenLifetime how long a device may stay away and still refresh
 */
@ConfigurationProperties("casework.sync")
@Validated
public record SyncLimits(
        @Positive Integer maxDevicesPerUser,
        @Positive Integer warnPendingMutations,
        @Positive Integer maxMutationsPerSync,
        @PositiveAmount Duration accessTokenLifetime,
        @PositiveAmount Duration refreshTokenLifetime) {

    /** A missing value takes its default; a wrong one (0, negative) fails the start (@Validated). */
    public SyncLimits {
        maxDevicesPerUser = maxDevicesPerUser == null ? 3 : maxDevicesPerUser;
        warnPendingMutations = warnPendingMutations == null ? 500 : warnPendingMutations;
        maxMutationsPerSync = maxMutationsPerSync == null ? 200 : maxMutationsPerSync;
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofHours(12) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofDays(60) : refreshTokenLifetime;
    }
}
