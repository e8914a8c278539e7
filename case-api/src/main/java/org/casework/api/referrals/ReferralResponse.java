package org.casework.api.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.referrals.ConsentBasis;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralProgressNote;
import org.casework.core.referrals.ReferralResult;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.ReferralUrgency;
import org.casework.core.referrals.SharedField;

/**
 * One referral. The receiving department gets the shared snapshot and its own steps only: no
 * client or case id, no name of who consented; the sender gets everything.
 */
public record ReferralResponse(
        UUID id,
        long version,
        ReferralStatus status,
        ReferralUrgency urgency,
        UUID caseId,
        UUID flagId,
        UUID clientId,
        UUID previousReferralId,
        Party sendingOrganisation,
        String sentBy,
        Instant sentAt,
        Party receivingOrganisation,
        String reason,
        String servicesRequested,
        ConsentView consent,
        List<SharedItem> shared,
        Instant responseDueAt,
        boolean overdue,
        Instant escalatedAt,
        Step accepted,
        Step declined,
        Step started,
        Step completed,
        Step returned,
        Step revoked,
        String outcome,
        ReferralResult result,
        List<Note> progress) {

    public record Party(UUID id, String name) {}

    public record ConsentView(ConsentBasis basis, String consentedBy, LocalDate consentedOn, String overrideReason) {}

    /** A shared field and its value at send time (null when the registry had none). */
    public record SharedItem(SharedField field, String value) {}

    /** Who took a step, when, and why (for declines, returns and revocations). */
    public record Step(String by, Instant at, String reason) {}

    public record Note(String author, Instant at, String text) {}

    static ReferralResponse of(
            Referral r, boolean receiver, Map<UUID, String> names, List<ReferralProgressNote> notes, Instant now) {
        return new ReferralResponse(
                r.getId(),
                r.getVersion() == null ? 0 : r.getVersion(),
                r.getStatus(),
                r.getUrgency(),
                receiver ? null : r.getCaseId(),
                receiver ? null : r.getFlagId(),
                receiver ? null : r.getClientId(),
                receiver ? null : r.getPreviousReferralId(),
                new Party(r.getSendingOrganisationId(), names.get(r.getSendingOrganisationId())),
                r.getSentBy(),
                r.getSentAt(),
                new Party(r.getReceivingOrganisationId(), names.get(r.getReceivingOrganisationId())),
                r.getReason(),
                r.getServicesRequested(),
                new ConsentView(
                        r.getConsent().getBasis(),
                        receiver ? null : r.getConsent().getConsentedBy(),
                        r.getConsent().getConsentedOn(),
                        receiver ? null : r.getConsent().getOverrideReason()),
                r.shared().entrySet().stream()
                        .map(e -> new SharedItem(e.getKey(), e.getValue()))
                        .toList(),
                r.getResponseDueAt(),
                r.isOverdue(now),
                r.getEscalatedAt(),
                step(r.getAcceptedBy(), r.getAcceptedAt(), null),
                step(r.getDeclinedBy(), r.getDeclinedAt(), r.getDeclineReason()),
                step(r.getStartedBy(), r.getStartedAt(), null),
                step(r.getCompletedBy(), r.getCompletedAt(), null),
                step(r.getReturnedBy(), r.getReturnedAt(), r.getReturnReason()),
                step(r.getRevokedBy(), r.getRevokedAt(), r.getRevokeReason()),
                r.getOutcome(),
                r.getResult(),
                notes.stream()
                        .map(n -> new Note(n.getAuthor(), n.getCreatedAt(), n.getText()))
                        .toList());
    }

    private static Step step(String by, Instant at, String reason) {
        return at == null ? null : new Step(by, at, reason);
    }
}
