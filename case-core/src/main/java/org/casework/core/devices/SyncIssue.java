package org.casework.core.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.EncryptedStringConverter;

/**
 * Something a device sent that the station must look at: a CONFLICT (a profile field edited
 * offline while the server value changed: both values, who and when) or a QUARANTINE (an edit to a
 * record that is closed or outside the device's scope, kept whole, never dropped). Values may be
 * personal data, so they are stored encrypted like the registry's.
 */
@Entity
@Table(name = "sync_issue")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SyncIssue extends AbstractAggregate {

    public enum Kind {
        CONFLICT,
        QUARANTINE
    }

    public enum Resolution {
        KEEP_SERVER,
        TAKE_DEVICE,
        REVIEWED
    }

    @Column(nullable = false, length = 12)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID mutationId;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID deviceId;

    @Column(columnDefinition = "BINARY(16)")
    private UUID clientId;

    /** The village of the record (the station of that area resolves it); null when unknown. */
    @Column(length = 12)
    private String regionCode;

    @Column(length = 40)
    private String fieldName;

    // TEXT: ciphertext of a long Chinese value is several times its length in characters
    @Convert(converter = EncryptedStringConverter.class)
    @Column(columnDefinition = "TEXT")
    private String deviceValue;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(columnDefinition = "TEXT")
    private String serverValue;

    /** A quarantined mutation's type and fields, as text for review. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(columnDefinition = "TEXT")
    private String payload;

    @Column(nullable = false, length = 64)
    private String deviceUser;

    @Column(nullable = false)
    private Instant occurredAt;

    private Instant resolvedAt;

    @Column(length = 64)
    private String resolvedBy;

    @Column(length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Resolution resolution;

    public static SyncIssue conflict(
            UUID mutationId,
            UUID deviceId,
            UUID clientId,
            String regionCode,
            String field,
            String deviceValue,
            String serverValue,
            String deviceUser,
            Instant now) {
        SyncIssue issue = new SyncIssue();
        issue.kind = Kind.CONFLICT;
        issue.mutationId = mutationId;
        issue.deviceId = deviceId;
        issue.clientId = clientId;
        issue.regionCode = regionCode;
        issue.fieldName = field;
        issue.deviceValue = cut(deviceValue, 300);
        issue.serverValue = cut(serverValue, 300);
        issue.deviceUser = deviceUser;
        issue.occurredAt = now;
        return issue;
    }

    public static SyncIssue quarantine(
            UUID mutationId,
            UUID deviceId,
            UUID clientId,
            String regionCode,
            String payload,
            String deviceUser,
            Instant now) {
        SyncIssue issue = new SyncIssue();
        issue.kind = Kind.QUARANTINE;
        issue.mutationId = mutationId;
        issue.deviceId = deviceId;
        issue.clientId = clientId;
        issue.regionCode = regionCode;
        issue.payload = cut(payload, 2500);
        issue.deviceUser = deviceUser;
        issue.occurredAt = now;
        return issue;
    }

    void resolve(Resolution how, String by, Instant now) {
        this.resolution = how;
        this.resolvedBy = by;
        this.resolvedAt = now;
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
