package org.casework.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.EncryptedStringConverter;

/**
 * Who saw whose full ID or phone number, when and why (PIPL accountability) — or tried to, and was
 * refused because they had reached the reveal limit. The reason is typed by the user and may quote
 * the client's situation: encrypted at rest.
 */
@Entity
@Table(name = "sensitive_access")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SensitiveAccessEntry {

    /** Whether the numbers were shown. */
    public enum Outcome {
        REVEALED,
        /** Refused: the user had reached the limit of reveals per period. */
        REFUSED
    }

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id = UUID.randomUUID();

    @Column(nullable = false, length = 64)
    private String actor;

    /** The user's id (null on entries written before V14). */
    @Column(columnDefinition = "BINARY(16)")
    private UUID actorId;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID clientId;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reason_enc", nullable = false, columnDefinition = "TEXT")
    private String reason;

    @Column(nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Outcome outcome;

    public SensitiveAccessEntry(
            String actor, UUID actorId, UUID clientId, String reason, Instant occurredAt, Outcome outcome) {
        this.actor = actor;
        this.actorId = actorId;
        this.clientId = clientId;
        this.reason = reason;
        this.occurredAt = occurredAt;
        this.outcome = outcome;
    }
}
