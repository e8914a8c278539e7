package org.casework.core.referrals;

import static org.casework.core.referrals.ReferralStatus.ACCEPTED;
import static org.casework.core.referrals.ReferralStatus.COMPLETED;
import static org.casework.core.referrals.ReferralStatus.DECLINED;
import static org.casework.core.referrals.ReferralStatus.IN_PROGRESS;
import static org.casework.core.referrals.ReferralStatus.RETURNED;
import static org.casework.core.referrals.ReferralStatus.REVOKED;
import static org.casework.core.referrals.ReferralStatus.SENT;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * A referral (转介) of a client to a partner department: sent → accepted | declined → in progress →
 * completed | returned; the sender may revoke it while it is open. Every step is a method that
 * refuses an illegal move and records who and when. What the receiver may see of the client is the
 * snapshot of shared fields taken at send time, nothing else.
 */
@Entity
@Table(name = "referral")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Referral extends AbstractAggregate {

    public static final int REASON_MAX_LENGTH = 2000;
    public static final int SERVICES_MAX_LENGTH = 500;
    public static final int SHORT_REASON_MAX_LENGTH = 500;
    public static final int OUTCOME_MAX_LENGTH = 2000;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID clientId;

    /** Null for a referral made straight from a flag. */
    @Column(columnDefinition = "BINARY(16)")
    private UUID caseId;

    /** The flag it came from, if any (wired by the flags feature). */
    @Column(columnDefinition = "BINARY(16)")
    private UUID flagId;

    /** The declined or returned referral this one re-refers to another department. */
    @Column(columnDefinition = "BINARY(16)")
    private UUID previousReferralId;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID sendingOrganisationId;

    /** The sending station's township: decides which station and county users see the referral. */
    @Column(nullable = false, length = 12)
    private String sendingRegionCode;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID senderId;

    @Column(nullable = false, length = 64)
    private String sentBy;

    @Column(nullable = false)
    private Instant sentAt;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID receivingOrganisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ReferralUrgency urgency;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "reason_enc", nullable = false, columnDefinition = "TEXT")
    private String reason;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "services_requested_enc", nullable = false, columnDefinition = "TEXT")
    private String servicesRequested;

    @Embedded
    private Consent consent;

    @ElementCollection
    @CollectionTable(name = "referral_shared_field", joinColumns = @JoinColumn(name = "referral_id"))
    @OrderBy("field")
    private List<SharedValue> sharedValues = new ArrayList<>();

    @Column(nullable = false)
    private Instant responseDueAt;

    /** Set once, by whichever server instance claims the escalation first. */
    private Instant escalatedAt;

    private Instant acceptedAt;

    @Column(length = 64)
    private String acceptedBy;

    private Instant declinedAt;

    @Column(length = 64)
    private String declinedBy;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "decline_reason_enc", columnDefinition = "TEXT")
    private String declineReason;

    private Instant startedAt;

    /** When the receiver last recorded progress: the notes themselves live in their own table. */
    private Instant lastProgressAt;

    @Column(length = 64)
    private String startedBy;

    private Instant completedAt;

    @Column(length = 64)
    private String completedBy;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "outcome_enc", columnDefinition = "TEXT")
    private String outcome;

    /** The structured outcome (null for referrals completed before results were recorded). */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private ReferralResult result;

    private Instant returnedAt;

    @Column(length = 64)
    private String returnedBy;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "return_reason_enc", columnDefinition = "TEXT")
    private String returnReason;

    private Instant revokedAt;

    @Column(length = 64)
    private String revokedBy;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "revoke_reason_enc", columnDefinition = "TEXT")
    private String revokeReason;

    /** Who sends, from where, to whom and when; a plain holder so the constructor stays readable. */
    public record Parties(
            UUID clientId,
            UUID caseId,
            UUID sendingOrganisationId,
            String sendingRegionCode,
            UUID senderId,
            String sentBy,
            UUID receivingOrganisationId) {}

    /** What the sender asks for. */
    public record Request(ReferralUrgency urgency, String reason, String servicesRequested) {}

    /** Sends a referral: status SENT, with its consent and the snapshot of the shared fields. */
    public Referral(
            Parties parties,
            Request request,
            Consent consent,
            Map<SharedField, String> shared,
            Instant now,
            Instant responseDueAt) {
        if (request.urgency() == null) {
            throw new InvalidInputException("urgency", "referral.urgency.required");
        }
        if (consent == null) {
            throw new InvalidInputException("consent.basis", "referral.consent.required");
        }
        if (shared == null || shared.isEmpty()) {
            throw new InvalidInputException("sharedFields", "referral.shared.required");
        }
        this.clientId = parties.clientId();
        this.caseId = parties.caseId();
        this.sendingOrganisationId = parties.sendingOrganisationId();
        this.sendingRegionCode = parties.sendingRegionCode();
        this.senderId = parties.senderId();
        this.sentBy = parties.sentBy();
        this.receivingOrganisationId = parties.receivingOrganisationId();
        this.urgency = request.urgency();
        this.reason = required(request.reason(), "reason", REASON_MAX_LENGTH);
        this.servicesRequested = required(request.servicesRequested(), "servicesRequested", SERVICES_MAX_LENGTH);
        this.consent = consent;
        shared.forEach((field, value) -> sharedValues.add(new SharedValue(field, value)));
        this.status = SENT;
        this.sentAt = now;
        this.responseDueAt = responseDueAt;
    }

    /** Marks the flag this referral was made from (straight from triage, with or without a case). */
    void fromFlag(UUID flag) {
        this.flagId = flag;
    }

    /** Marks this referral as a re-referral of a declined or returned one. */
    void reReferring(Referral previous) {
        this.previousReferralId = previous.getId();
    }

    /** The receiver takes the referral on. */
    public void accept(String actor, Instant now) {
        require(status == SENT, "referral.illegal.accept");
        status = ACCEPTED;
        acceptedAt = now;
        acceptedBy = actor;
    }

    /** The receiver refuses it, with a reason the sender reads (then re-refers elsewhere). */
    public void decline(String why, String actor, Instant now) {
        require(status == SENT, "referral.illegal.decline");
        declineReason = required(why, "reason", SHORT_REASON_MAX_LENGTH);
        status = DECLINED;
        declinedAt = now;
        declinedBy = actor;
    }

    /** The receiver starts the work it accepted. */
    public void start(String actor, Instant now) {
        require(status == ACCEPTED, "referral.illegal.start");
        status = IN_PROGRESS;
        startedAt = now;
        startedBy = actor;
    }

    /**
     * Checks that progress may be recorded now. The first note on an accepted referral starts it:
     * recording progress means the work has begun. Returns true when it started.
     */
    public boolean recordProgress(String note, String actor, Instant now) {
        require(status == ACCEPTED || status == IN_PROGRESS, "referral.illegal.progress");
        required(note, "note", ReferralProgressNote.MAX_LENGTH);
        lastProgressAt = now;
        if (status == ACCEPTED) {
            start(actor, now);
            return true;
        }
        return false;
    }

    /**
     * The receiver finishes the work with what it could provide and a text; both show on the case
     * (the loop closes).
     */
    public void complete(ReferralResult provided, String text, String actor, Instant now) {
        require(status == IN_PROGRESS, "referral.illegal.complete");
        if (provided == null) {
            throw new InvalidInputException("result", "referral.result.required");
        }
        outcome = required(text, "outcome", OUTCOME_MAX_LENGTH);
        result = provided;
        status = COMPLETED;
        completedAt = now;
        completedBy = actor;
    }

    /** The receiver hands an accepted referral back (it cannot help after all), with a reason. */
    public void returnToSender(String why, String actor, Instant now) {
        require(status == ACCEPTED || status == IN_PROGRESS, "referral.illegal.return");
        returnReason = required(why, "reason", SHORT_REASON_MAX_LENGTH);
        status = RETURNED;
        returnedAt = now;
        returnedBy = actor;
    }

    /** The sender withdraws a referral that is still open, with a reason. */
    public void revoke(String why, String actor, Instant now) {
        require(isOpen(), "referral.illegal.revoke");
        revokeReason = required(why, "reason", SHORT_REASON_MAX_LENGTH);
        status = REVOKED;
        revokedAt = now;
        revokedBy = actor;
    }

    /** Re-referral to another department is possible only from a declined or returned referral. */
    public void checkReReferable(UUID newReceiver) {
        require(status == DECLINED || status == RETURNED, "referral.illegal.reRefer");
        if (receivingOrganisationId.equals(newReceiver)) {
            throw new InvalidInputException("receivingOrganisationId", "referral.reRefer.sameReceiver");
        }
    }

    /** Sent, accepted or in progress: the receiver still owes a response or a result. */
    public boolean isOpen() {
        return status == SENT || status == ACCEPTED || status == IN_PROGRESS;
    }

    public boolean isOverdue(Instant now) {
        return status == SENT && now.isAfter(responseDueAt);
    }

    public boolean isEscalated() {
        return escalatedAt != null;
    }

    /** The shared fields in their declared order, with their values at send time. */
    public Map<SharedField, String> shared() {
        Map<SharedField, String> values = new EnumMap<>(SharedField.class);
        sharedValues.forEach(v -> values.put(v.getField(), v.getValue()));
        return Collections.unmodifiableMap(values);
    }

    public Set<SharedField> sharedFields() {
        return shared().keySet();
    }

    public Optional<String> sharedValue(SharedField field) {
        return Optional.ofNullable(shared().get(field));
    }

    private static void require(boolean allowed, String key) {
        if (!allowed) {
            throw new ConflictException(key);
        }
    }

    private static String required(String text, String field, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "referral." + field + ".required");
        }
        String value = text.strip();
        FreeText.checkCharacters(field, value, true);
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidInputException(field, "referral.text.tooLong", maxLength);
        }
        return value;
    }
}
