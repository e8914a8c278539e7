package org.casework.core.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.AbstractAggregate;

/**
 * A field device bound to a user. Only SHA-256 hashes of its access and refresh tokens are kept;
 * it remembers the scope keys it was last sent (so a jurisdiction change can be told as removals
 * and additions) and the highest contiguous mutation counter acknowledged.
 */
@Entity
@Table(name = "sync_device")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Device extends AbstractAggregate {

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID userId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 40)
    private String platform;

    @Column(length = 40)
    private String clientVersion;

    @Column(nullable = false)
    private Instant registeredAt;

    /*
     * The bookkeeping columns below (last seen, scope, held records, ack) are written only by the
     * atomic updates of DeviceRepository, never by an entity save: two syncs of one device at once
     * must not fail on the row's version, and a save with stale values must not move them back.
     */
    @Column(updatable = false)
    private Instant lastSeenAt;

    @Column(length = 64)
    private String accessHash;

    private Instant accessExpiresAt;

    @Column(length = 64)
    private String refreshHash;

    /** The refresh token rotated away last: presented again, it tells of a copy (or a lost answer). */
    @Column(length = 64)
    private String previousRefreshHash;

    /** When the current tokens were handed out; a sync since then shows the device received them. */
    private Instant tokensIssuedAt;

    private Instant revokedAt;

    @Column(length = 64)
    private String revokedBy;

    @Column(length = 300)
    private String revokeReason;

    /** Comma-separated scope keys last sent to the device; null before its first sync. */
    @Column(length = 1000, updatable = false)
    private String scopeKeys;

    /** Assignment-scoped records last sent (station workers), see the sync engine's scope (held records); null otherwise. */
    @Column(columnDefinition = "TEXT", updatable = false)
    private String heldRecords;

    @Column(nullable = false, updatable = false)
    private long ackCounter;

    Device(UUID userId, String name, String platform, String clientVersion, Instant now) {
        this.userId = userId;
        this.name = name;
        this.platform = platform;
        this.clientVersion = clientVersion;
        this.registeredAt = now;
    }

    /** New tokens; the refresh token they replace is remembered, to recognise its reuse. */
    void issue(String accessHash, Instant accessExpiresAt, String refreshHash, Instant now) {
        this.previousRefreshHash = this.refreshHash;
        reissue(accessHash, accessExpiresAt, refreshHash, now);
    }

    /**
     * New tokens in place of ones the device never received (the answer to its refresh was lost):
     * the refresh token it still holds stays the one remembered as previous.
     */
    void reissue(String accessHash, Instant accessExpiresAt, String refreshHash, Instant now) {
        this.accessHash = accessHash;
        this.accessExpiresAt = accessExpiresAt;
        this.refreshHash = refreshHash;
        this.tokensIssuedAt = now;
    }

    /** No call has been made with the current tokens since they were handed out. */
    boolean currentTokensUnused() {
        return tokensIssuedAt != null && (lastSeenAt == null || !lastSeenAt.isAfter(tokensIssuedAt));
    }

    void revoke(Instant now, String by, String reason) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
            revokeReason = reason;
            // The token hashes stay, so the device's next contact is recognised and told to wipe.
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Set<String> scopeKeySet() {
        if (scopeKeys == null || scopeKeys.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(scopeKeys.split(",")));
    }

    public boolean hasSynced() {
        return scopeKeys != null;
    }

    public static String scopeKeysText(Set<String> keys) {
        return String.join(",", keys);
    }
}
