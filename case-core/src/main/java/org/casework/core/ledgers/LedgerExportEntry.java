package org.casework.core.ledgers;

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
 * Who downloaded which ledger, with which filter (codes and dates only), how many rows, and, when
 * numbers were exported in full, why. The reason may quote a client's situation: encrypted.
 */
@Entity
@Table(name = "ledger_export")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class LedgerExportEntry {

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id = UUID.randomUUID();

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(columnDefinition = "BINARY(16)")
    private UUID actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private LedgerKind ledger;

    @Column(name = "filter_text", nullable = false, length = 300)
    private String filter;

    @Column(nullable = false)
    private boolean fullNumbers;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reason_enc", columnDefinition = "TEXT")
    private String reason;

    @Column(nullable = false)
    private int rowCount;

    @Column(nullable = false)
    private Instant occurredAt;

    LedgerExportEntry(
            String actor,
            UUID actorId,
            LedgerKind ledger,
            String filter,
            boolean fullNumbers,
            String reason,
            int rowCount,
            Instant occurredAt) {
        this.actor = actor;
        this.actorId = actorId;
        this.ledger = ledger;
        this.filter = filter;
        this.fullNumbers = fullNumbers;
        this.reason = reason;
        this.rowCount = rowCount;
        this.occurredAt = occurredAt;
    }
}
