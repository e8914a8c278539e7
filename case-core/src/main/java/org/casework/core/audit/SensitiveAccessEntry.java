package org.casework.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** Who saw whose full ID or phone number, when and why (PIPL accountability). */
@Entity
@Table(name = "sensitive_access")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SensitiveAccessEntry {

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id = UUID.randomUUID();

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID clientId;

    @Column(nullable = false, length = 200)
    private String reason;

    @Column(nullable = false)
    private Instant occurredAt;

    public SensitiveAccessEntry(String actor, UUID clientId, String reason, Instant occurredAt) {
        this.actor = actor;
        this.clientId = clientId;
        this.reason = reason;
        this.occurredAt = occurredAt;
    }
}
