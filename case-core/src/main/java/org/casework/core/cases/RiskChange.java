package org.casework.core.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.RiskLevel;

/** One entry of a case's risk history. Append-only. */
@Entity
@Table(name = "case_risk_change")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class RiskChange {

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id = UUID.randomUUID();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", columnDefinition = "BINARY(16)")
    private CaseFile caseFile;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private RiskLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RiskChangeKind kind;

    /** What the rules proposed when a person decided (null for the proposals themselves, or none yet). */
    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_level", length = 10)
    private RiskLevel proposedLevel;

    /** Free text about the client's situation: encrypted at rest. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reason_enc", columnDefinition = "TEXT")
    private String reason;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false)
    private Instant occurredAt;

    RiskChange(
            CaseFile caseFile,
            RiskLevel level,
            RiskChangeKind kind,
            RiskLevel proposedLevel,
            String reason,
            String actor,
            Instant at) {
        this.caseFile = caseFile;
        this.level = level;
        this.kind = kind;
        this.proposedLevel = kind == RiskChangeKind.PROPOSED ? null : proposedLevel;
        this.reason = reason;
        this.actor = actor;
        this.occurredAt = at;
    }
}
