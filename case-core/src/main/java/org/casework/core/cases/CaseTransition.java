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

/** One step of a case's lifecycle: who moved it from where to where, when and why. Append-only. */
@Entity
@Table(name = "case_transition")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CaseTransition {

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id = UUID.randomUUID();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", columnDefinition = "BINARY(16)")
    private CaseFile caseFile;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private CaseState fromState;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CaseState toState;

    @Column(nullable = false, length = 40)
    private String action;

    /** Free text about the client's situation: encrypted at rest. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reason_enc", columnDefinition = "TEXT")
    private String reason;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false)
    private Instant occurredAt;

    CaseTransition(
            CaseFile caseFile, CaseState from, CaseState to, String action, String reason, String actor, Instant at) {
        this.caseFile = caseFile;
        this.fromState = from;
        this.toState = to;
        this.action = action;
        this.reason = reason;
        this.actor = actor;
        this.occurredAt = at;
    }
}
