package org.casework.core.clients;

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
import java.time.LocalDate;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;

/**
 * A dated registry category of a client, with its source and verifier. Never deleted: a category
 * that no longer applies is ended with a date and a reason.
 */
@Entity
@Table(name = "client_category")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ClientCategory {

    public static final int VERIFIER_MAX_LENGTH = 50;
    public static final int END_REASON_MAX_LENGTH = 200;

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id = UUID.randomUUID();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id", columnDefinition = "BINARY(16)")
    private Client client;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private CategoryType type;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private CategorySubType subType;

    @Column(nullable = false)
    private LocalDate validFrom;

    private LocalDate validTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CategorySource source;

    @Column(length = 50)
    private String verifiedBy;

    /** May tell why a child left a category (moved, died, parent returned): encrypted at rest. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "end_reason_enc", columnDefinition = "TEXT")
    private String endReason;

    @Column(nullable = false, length = 64)
    private String recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    ClientCategory(
            Client client,
            CategoryType type,
            CategorySubType subType,
            LocalDate validFrom,
            LocalDate validTo,
            CategorySource source,
            String verifiedBy,
            String recordedBy,
            Instant recordedAt) {
        if (type == null || validFrom == null || source == null) {
            throw new InvalidInputException("category", "client.category.incomplete");
        }
        if (type.needsSubType() != (subType != null) || (subType != null && subType.type() != type)) {
            throw new InvalidInputException("category", "client.category.subTypeMismatch");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new InvalidInputException("category", "client.category.datesReversed");
        }
        this.client = client;
        this.type = type;
        this.subType = subType;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.source = source;
        this.verifiedBy = FreeText.line("verifiedBy", verifiedBy, VERIFIER_MAX_LENGTH);
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /**
     * Whether the category holds on the day. A 留守儿童 category never holds from the 16th birthday,
     * even before the daily review has ended it (product.md: 留守儿童 are under 16).
     */
    public boolean isActiveOn(LocalDate day) {
        if (type == CategoryType.LEFT_BEHIND_CHILD && day.isAfter(client.lastLeftBehindDay())) {
            return false;
        }
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    void end(LocalDate endDate, String reason) {
        if (validTo != null && !validTo.isAfter(endDate)) {
            throw new InvalidInputException("validTo", "client.category.alreadyEnded");
        }
        if (endDate.isBefore(validFrom)) {
            throw new InvalidInputException("validTo", "client.category.datesReversed");
        }
        String why = FreeText.block("reason", reason, END_REASON_MAX_LENGTH);
        if (why == null) {
            throw new InvalidInputException("reason", "client.category.endReasonRequired");
        }
        this.validTo = endDate;
        this.endReason = why;
    }
}
