package org.casework.api.referrals;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.referrals.ConsentBasis;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralProgressNote;
import org.casework.core.referrals.ReferralResult;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.ReferralUrgency;
import org.casework.core.referrals.SharedField;

/**
 * One referral. The receiving department gets the shared snapshot and its own steps only: no
 * client or case id, no name of who consented; the sender gets everything. People are given by login
 * and, next to it, by the display name people know them by (堌阳镇社工 李娜).
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

        @Schema(description = "who sent it, by display name (堌阳镇社工 李娜)")
        String sentByName,

        @Schema(description = "the sending station's office phone, for the department to call back (null when not set)")
        String senderPhone,

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
    @Schema(name = "ReferralStep")
    public record Step(
            String by,

            @Schema(description = "who took the step, by display name")
            String byName,

            Instant at,
            String reason) {}

    @Schema(name = "ReferralNote")
    public record Note(
            String author,

            @Schema(description = "who wrote the note, by display name")
            String authorName,

            Instant at,
            String text) {}

    /**
     * @param names the organisations' names
     * @param people display names of everyone the referral and its notes mention (see {@link #loginsOf})
     * @param senderPhone the sending station's office phone
     */
    static ReferralResponse of(
            Referral r,
            boolean receiver,
            Map<UUID, String> names,
            DisplayNames people,
            String senderPhone,
            List<ReferralProgressNote> notes,
            Instant now) {
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
                people.of(r.getSentBy()),
                senderPhone,
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
                step(r.getAcceptedBy(), people, r.getAcceptedAt(), null),
                step(r.getDeclinedBy(), people, r.getDeclinedAt(), r.getDeclineReason()),
                step(r.getStartedBy(), people, r.getStartedAt(), null),
                step(r.getCompletedBy(), people, r.getCompletedAt(), null),
                step(r.getReturnedBy(), people, r.getReturnedAt(), r.getReturnReason()),
                step(r.getRevokedBy(), people, r.getRevokedAt(), r.getRevokeReason()),
                r.getOutcome(),
                r.getResult(),
                notes.stream()
                        .map(n -> new Note(n.getAuthor(), people.of(n.getAuthor()), n.getCreatedAt(), n.getText()))
                        .toList());
    }

    private static Step step(String by, DisplayNames people, Instant at, String reason) {
        return at == null ? null : new Step(by, people.of(by), at, reason);
    }

    /** Everyone a response names: the sender, whoever took a step, the authors of the notes. */
    static List<String> loginsOf(Referral r, List<ReferralProgressNote> notes) {
        List<String> logins = new java.util.ArrayList<>(java.util.Arrays.asList(
                r.getSentBy(),
                r.getAcceptedBy(),
                r.getDeclinedBy(),
                r.getStartedBy(),
                r.getCompletedBy(),
                r.getReturnedBy(),
                r.getRevokedBy()));
        notes.forEach(n -> logins.add(n.getAuthor()));
        return logins;
    }
}
