package org.casework.core.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;

/**
 * A registry entry the station must look at again (复核), e.g. a 留守儿童 who turned 16. On the
 * station's worklist until a worker records what was decided. One per client, kind and subject
 * (the category), so that a rule applied twice never asks twice.
 */
@Entity
@Table(name = "registry_review")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class RegistryReview extends AbstractAggregate {

    public static final int RESOLUTION_MAX_LENGTH = 500;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID clientId;

    /** The client's village: worklists scope on it. */
    @Column(nullable = false, length = 12)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private RegistryReviewKind kind;

    /** What the review is about within the client (the ended category's id). */
    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID subjectId;

    @Column(nullable = false)
    private LocalDate dueOn;

    private Instant resolvedAt;

    @Column(length = 64)
    private String resolvedBy;

    /** What the station decided: free text about the person, encrypted at rest. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "resolution_enc", columnDefinition = "TEXT")
    private String resolution;

    RegistryReview(Client client, RegistryReviewKind kind, UUID subjectId, LocalDate dueOn) {
        this.clientId = client.getId();
        this.regionCode = client.getResidenceRegionCode();
        this.kind = kind;
        this.subjectId = subjectId;
        this.dueOn = dueOn;
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** The station records what it decided (e.g. registered as 困境儿童, no further help needed). */
    void resolve(String note, String by, Instant at) {
        if (!isOpen()) {
            throw new ConflictException("registry.review.alreadyResolved");
        }
        String text = FreeText.block("resolution", note, RESOLUTION_MAX_LENGTH);
        if (text == null) {
            throw new InvalidInputException("resolution", "registry.review.resolutionRequired");
        }
        this.resolution = text;
        this.resolvedBy = by;
        this.resolvedAt = at;
    }
}
