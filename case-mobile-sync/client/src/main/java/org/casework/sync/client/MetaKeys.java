package org.casework.sync.client;

/** Keys of the meta table. */
final class MetaKeys {
    static final String DEVICE_ID = "deviceId";
    static final String USERNAME = "username";
    static final String ACCESS_TOKEN = "accessToken";
    static final String ACCESS_EXPIRES_AT = "accessExpiresAt";
    static final String REFRESH_TOKEN = "refreshToken";
    static final String LIMITS = "limits";
    static final String CURSOR = "cursor";
    static final String LAST_SYNC_AT = "lastSyncAt";
    static final String SCOPE_KEYS = "scopeKeys";
    static final String LAST_COUNTER = "lastCounter";
    static final String RESYNC_SCOPES = "resyncScopes";

    private MetaKeys() {}
}
