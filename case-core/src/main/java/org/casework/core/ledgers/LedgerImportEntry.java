package org.casework.core.ledgers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** Who imported a registry ledger (by its SHA-256, never its content) and how many rows went in. */
@Entity
@Table(name = "ledger_import")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class LedgerImportEntry {

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id = UUID.randomUUID();

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(columnDefinition = "BINARY(16)")
    private UUID actorId;

    @Column(nullable = false, length = 12)
    private String jurisdiction;

    @Column(name = "file_sha256", nullable = false, length = 64)
    private String fileSha256;

    @Column(nullable = false)
    private int totalRows;

    @Column(nullable = false)
    private int acceptedRows;

    @Column(nullable = false)
    private int rejectedRows;

    @Column(nullable = false)
    private Instant occurredAt;

    LedgerImportEntry(
            String actor,
            UUID actorId,
            String jurisdiction,
            String fileSha256,
            int totalRows,
            int acceptedRows,
            int rejectedRows,
            Instant occurredAt) {
        this.actor = actor;
        this.actorId = actorId;
        this.jurisdiction = jurisdiction;
        this.fileSha256 = fileSha256;
        this.totalRows = totalRows;
        this.acceptedRows = acceptedRows;
        this.rejectedRows = rejectedRows;
        this.occurredAt = occurredAt;
    }
}
