package org.casework.core.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.springframework.data.domain.Persistable;

/**
 * The ledger entry of a device mutation: written in the transaction of its effect (or alone after a
 * refused one rolled back), so the same id is never applied twice and a replay gets this result.
 *
 * <p>A new entry is always inserted, never merged into a row of the same id: once recorded, a
 * result is final (a late refusal must not turn an APPLIED mutation into a REJECTED one).
 */
@Entity
@Table(name = "sync_mutation")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SyncMutation implements Persistable<UUID> {

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID deviceId;

    @Column(nullable = false)
    private long counter;

    @Column(nullable = false, length = 20)
    private String type;

    @Column(nullable = false, length = 12)
    private String status;

    @Column(length = 20)
    private String entityType;

    @Column(columnDefinition = "BINARY(16)")
    private UUID entityId;

    private Long entityVersion;

    @Column(length = 100)
    private String code;

    /** Message arguments, separated by U+001F. */
    @Column(length = 1000)
    private String messageArgs;

    /** Per-field errors as "field=messageKey", separated by U+001F. */
    @Column(length = 2000)
    private String errors;

    @Column(nullable = false)
    private Instant receivedAt;

    /** The status of a refused mutation (the protocol's REJECTED). */
    public static final String REJECTED = "REJECTED";

    /** Not stored: true until inserted or loaded, so saving inserts (a duplicate id fails). */
    @Transient
    @Getter(AccessLevel.NONE)
    private boolean fresh = true;

    public static SyncMutation refused(
            UUID id,
            UUID deviceId,
            long counter,
            String type,
            String entityType,
            UUID entityId,
            String code,
            String messageArgs,
            String errors,
            Instant receivedAt) {
        return new SyncMutation(
                id,
                deviceId,
                counter,
                type,
                REJECTED,
                entityType,
                entityId,
                null,
                code,
                messageArgs,
                errors,
                receivedAt);
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void recorded() {
        fresh = false;
    }

    public SyncMutation(
            UUID id,
            UUID deviceId,
            long counter,
            String type,
            String status,
            String entityType,
            UUID entityId,
            Long entityVersion,
            String code,
            String messageArgs,
            String errors,
            Instant receivedAt) {
        this.id = id;
        this.deviceId = deviceId;
        this.counter = counter;
        this.type = type;
        this.status = status;
        this.entityType = entityType;
        this.entityId = entityId;
        this.entityVersion = entityVersion;
        this.code = code;
        this.messageArgs = messageArgs;
        this.errors = errors;
        this.receivedAt = receivedAt;
    }
}
