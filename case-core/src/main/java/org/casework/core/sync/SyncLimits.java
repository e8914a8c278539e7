package org.casework.core.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
public record SyncLimits(
        int maxDevicesPerUser,
        int warnPendingMutations,
        int maxMutationsPerSync,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime) {

    public SyncLimits {
        maxDevicesPerUser = maxDevicesPerUser <= 0 ? 3 : maxDevicesPerUser;
        warnPendingMutations = warnPendingMutations <= 0 ? 500 : warnPendingMutations;
        maxMutationsPerSync = maxMutationsPerSync <= 0 ? 200 : maxMutationsPerSync;
        accessTokenLifetime = accessTokenLifetime == null ? Duration.ofHours(12) : accessTokenLifetime;
        refreshTokenLifetime = refreshTokenLifetime == null ? Duration.ofDays(60) : refreshTokenLifetime;
    }
}
