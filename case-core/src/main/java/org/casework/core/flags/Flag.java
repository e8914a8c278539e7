package org.casework.core.flags;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.clients.Sex;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A field user's report that a minor may be at risk (风险上报). Nothing the reporter sent changes
 * afterwards: triage only adds the outcome, escalation only its marks, and additions are notes.
 * Dynamic updates, so the escalation job's marks (written by a conditional update, without a
 * version bump) are never overwritten by a triage that loaded the flag earlier. What was seen —
 * type, description, place, the child's name and guardian, the triage reason — is encrypted at rest.
 */
@Entity
@Table(name = "flag")
@Getter
@DynamicUpdate
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Flag extends AbstractAggregate {

    public static final int DESCRIPTION_MAX_LENGTH = 2000;
    public static final int NAME_MAX_LENGTH = 50;
    public static final int CONTACT_MAX_LENGTH = 100;
    public static final int PLACE_MAX_LENGTH = 200;
    public static final int REASON_MAX_LENGTH = 500;
    /** A phone a little ahead of the server is not reporting the future. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    @Column(nullable = false, length = 12)
    private String villageCode;

    @Column(columnDefinition = "BINARY(16)")
    private UUID clientId;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "subject_name_enc", columnDefinition = "TEXT")
    private String subjectName;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Sex subjectSex;

    private Integer subjectAgeYears;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "guardian_contact_enc", columnDefinition = "TEXT")
    private String guardianContact;

    @Convert(converter = EncryptedFlagTypeConverter.class)
    @Column(name = "type_enc", nullable = false, columnDefinition = "TEXT")
    private FlagType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private RiskLevel severity;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "description_enc", nullable = false, columnDefinition = "TEXT")
    private String description;

    @Column(nullable = false)
    private Instant observedAt;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "observed_place_enc", columnDefinition = "TEXT")
    private String observedPlace;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID reporterId;

    @Column(nullable = false, length = 64)
    private String reporterUsername;

    @Column(nullable = false)
    private Instant raisedAt;

    @Column(nullable = false)
    private Instant triageDueAt;

    @Column(nullable = false)
    private Instant countyDueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FlagStatus status;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private FlagOutcome outcome;

    @Column(columnDefinition = "BINARY(16)")
    private UUID outcomeCaseId;

    @Column(columnDefinition = "BINARY(16)")
    private UUID outcomeClientId;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "outcome_reason_enc", columnDefinition = "TEXT")
    private String outcomeReason;

    @Column(length = 64)
    private String triagedBy;

    private Instant triagedAt;

    private Instant escalatedHeadAt;

    private Instant escalatedCountyAt;

    /** Who the flag is about: a registry client, or a minimal new record. */
    public record Subject(UUID clientId, String name, Sex sex, Integer ageYears, String guardianContact) {}

    /** What was seen, where and when. */
    public record Observation(
            FlagType type, RiskLevel severity, String description, Instant observedAt, String place) {}

    Flag(
            RegionCode village,
            Subject subject,
            Observation observation,
            UUID reporterId,
            String reporterUsername,
            Instant now,
            Function<RiskLevel, FlagSlaPolicy.Deadlines> deadlinesFor) {
        if (observation.type() == null) {
            throw new InvalidInputException("type", "flag.type.required");
        }
        this.villageCode = village.value();
        this.clientId = subject.clientId();
        if (clientId == null) {
            this.subjectName = required(subject.name(), "subjectName", NAME_MAX_LENGTH);
            if (subject.ageYears() == null || subject.ageYears() < 0 || subject.ageYears() > 17) {
                throw new InvalidInputException("subjectAgeYears", "flag.subjectAge.invalid");
            }
            this.subjectSex = subject.sex();
            this.subjectAgeYears = subject.ageYears();
            this.guardianContact = optional(subject.guardianContact(), "guardianContact", CONTACT_MAX_LENGTH);
        }
        this.type = observation.type();
        this.severity = severityFor(observation.type(), observation.severity());
        this.description = required(observation.description(), "description", DESCRIPTION_MAX_LENGTH);
        Instant observed = observation.observedAt() == null ? now : observation.observedAt();
        if (observed.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidInputException("observedAt", "flag.observedAt.future");
        }
        this.observedAt = observed;
        this.observedPlace = optional(observation.place(), "observedPlace", PLACE_MAX_LENGTH);
        this.reporterId = reporterId;
        this.reporterUsername = reporterUsername;
        this.raisedAt = now;
        FlagSlaPolicy.Deadlines deadlines = deadlinesFor.apply(severity);
        this.triageDueAt = deadlines.triageDue();
        this.countyDueAt = deadlines.countyDue();
        this.status = FlagStatus.UNTRIAGED;
    }

    /**
     * The type proposes the severity; the reporter may raise it but never lower it below what the
     * type proposes (a mandatory-report situation is always red).
     */
    static RiskLevel severityFor(FlagType type, RiskLevel chosen) {
        return type.proposedSeverity().max(chosen);
    }

    /** Records the station's decision; a flag is triaged once. */
    void triage(FlagOutcome outcome, UUID caseId, UUID clientId, String reason, String actor, Instant now) {
        if (status == FlagStatus.TRIAGED) {
            throw new ConflictException("flag.triage.alreadyTriaged");
        }
        if (outcome == null) {
            throw new InvalidInputException("outcome", "flag.outcome.required");
        }
        String why = optional(reason, "reason", REASON_MAX_LENGTH);
        if (outcome == FlagOutcome.DISMISSED && (why == null || why.length() < 2)) {
            throw new InvalidInputException("reason", "flag.dismiss.reasonRequired");
        }
        this.status = FlagStatus.TRIAGED;
        this.outcome = outcome;
        this.outcomeCaseId = caseId;
        this.outcomeClientId = clientId;
        this.outcomeReason = why;
        this.triagedBy = actor;
        this.triagedAt = now;
    }

    public RegionCode village() {
        return new RegionCode(villageCode);
    }

    public boolean isMandatoryReport() {
        return type.isMandatoryReport();
    }

    public boolean isUntriaged() {
        return status == FlagStatus.UNTRIAGED;
    }

    /** Untriaged past its deadline. */
    public boolean isOverdue(Instant now) {
        return isUntriaged() && now.isAfter(triageDueAt);
    }

    private static String required(String text, String field, int maxLength) {
        String value = optional(text, field, maxLength);
        if (value == null) {
            throw new InvalidInputException(field, "flag." + field + ".required");
        }
        return value;
    }

    private static String optional(String text, String field, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        FreeText.checkCharacters(field, value, true);
        if (value.length() > maxLength) {
            throw new InvalidInputException(field, "flag." + field + ".tooLong", maxLength);
        }
        return value;
    }
}
