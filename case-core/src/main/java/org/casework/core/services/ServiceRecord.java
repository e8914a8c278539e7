package org.casework.core.services;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
 * One service given to a client (服务记录), optionally within a case. Append-only: nothing but the
 * void marks changes after it is logged. The notes may hold sensitive details (abuse, health) and
 * are encrypted at rest.
 */
@Entity
@Table(name = "service_record")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ServiceRecord extends AbstractAggregate {

    public static final int NOTES_MAX_LENGTH = 4000;
    public static final int PLACE_MAX_LENGTH = 200;
    public static final int PARTICIPANTS_MAX_LENGTH = 500;
    public static final int VOID_REASON_MAX_LENGTH = 300;
    public static final int MAX_DURATION_MINUTES = 24 * 60;
    /** Devices' clocks drift: a visit logged "now" on a phone a little ahead is not in the future. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID clientId;

    @Column(columnDefinition = "BINARY(16)")
    private UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ServiceType type;

    @Column(nullable = false)
    private Instant occurredAt;

    private Integer durationMinutes;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "place_enc", columnDefinition = "TEXT")
    private String place;

    /** Who took part (names of family members, neighbours): encrypted at rest. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "participants_enc", columnDefinition = "TEXT")
    private String participants;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "notes_enc", nullable = false, columnDefinition = "TEXT")
    private String notes;

    /** Structured observations (JSON object, see {@link VisitObservations}), encrypted like the notes. */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "observations_enc", columnDefinition = "TEXT")
    private String observations;

    @Column(columnDefinition = "BINARY(16)")
    private UUID planActivityId;

    @Column(nullable = false, length = 64)
    private String recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    private Instant voidedAt;

    @Column(length = 64)
    private String voidedBy;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "void_reason_enc", columnDefinition = "TEXT")
    private String voidReason;

    /** What was done; checked here so every door (API, pages, sync) gets the same answer. */
    public record Details(
            ServiceType type,
            Instant occurredAt,
            Integer durationMinutes,
            String place,
            String participants,
            String notes,
            UUID planActivityId) {}

    public ServiceRecord(UUID clientId, UUID caseId, Details details, String recordedBy, Instant now) {
        this(clientId, caseId, details, null, recordedBy, now);
    }

    /** With a visit's structured observations (checked by {@link VisitObservations#toJson}). */
    public ServiceRecord(
            UUID clientId,
            UUID caseId,
            Details details,
            Map<String, Object> observations,
            String recordedBy,
            Instant now) {
        if (clientId == null) {
            throw new InvalidInputException("clientId", "service.client.required");
        }
        if (details.type() == null) {
            throw new InvalidInputException("type", "service.type.required");
        }
        if (details.occurredAt() == null) {
            throw new InvalidInputException("occurredAt", "service.occurredAt.required");
        }
        if (details.occurredAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidInputException("occurredAt", "service.occurredAt.future");
        }
        Integer duration = details.durationMinutes();
        if (duration != null && (duration < 1 || duration > MAX_DURATION_MINUTES)) {
            throw new InvalidInputException("durationMinutes", "service.duration.invalid", MAX_DURATION_MINUTES);
        }
        this.clientId = clientId;
        this.caseId = caseId;
        this.type = details.type();
        this.occurredAt = details.occurredAt();
        this.durationMinutes = duration;
        this.place = optional(details.place(), "place", PLACE_MAX_LENGTH);
        this.participants = optional(details.participants(), "participants", PARTICIPANTS_MAX_LENGTH);
        this.notes = optional(details.notes(), "notes", NOTES_MAX_LENGTH);
        if (this.notes == null) {
            throw new InvalidInputException("notes", "service.notes.required");
        }
        this.observations = VisitObservations.toJson(observations);
        this.planActivityId = details.planActivityId();
        this.recordedBy = recordedBy;
        this.recordedAt = now;
    }

    /** Marks the record void (entered in error, wrong client); it stays, with who, when and why. */
    public void voidRecord(String reason, String actor, Instant now) {
        if (isVoided()) {
            throw new ConflictException("service.void.alreadyVoided");
        }
        String why = optional(reason, "voidReason", VOID_REASON_MAX_LENGTH);
        if (why == null || why.length() < 2) {
            throw new InvalidInputException("reason", "service.void.reasonRequired");
        }
        this.voidedAt = now;
        this.voidedBy = actor;
        this.voidReason = why;
    }

    /** The observations as a map (empty when none were recorded). */
    public Map<String, Object> getObservations() {
        return VisitObservations.fromJson(observations);
    }

    public boolean isVoided() {
        return voidedAt != null;
    }

    public boolean isVisit() {
        return type.isVisit();
    }

    private static String optional(String text, String field, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        FreeText.checkCharacters(field, value, true);
        if (value.length() > maxLength) {
            throw new InvalidInputException(field, "service." + field + ".tooLong", maxLength);
        }
        return value;
    }
}
