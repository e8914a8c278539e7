package org.casework.api.referrals;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.ReferralUrgency;
import org.casework.core.referrals.SharedField;

/**
 * A referral in a list or on its case: who to whom, status and the outcome (the loop closed).
 * The client's name is the shared one, or absent when it was not shared.
 */
public record ReferralSummary(
        UUID id,
        long version,
        ReferralStatus status,
        ReferralUrgency urgency,
        UUID caseId,
        String clientName,
        String sendingOrganisation,
        String receivingOrganisation,
        String sentBy,

        @Schema(description = "who sent it, by display name (堌阳镇社工 李娜)")
        String sentByName,

        Instant sentAt,
        Instant responseDueAt,
        boolean overdue,
        boolean escalated,
        String outcome,
        Instant completedAt,
        String declineReason,
        String returnReason) {

    static ReferralSummary of(Referral r, boolean receiver, Map<UUID, String> names, DisplayNames people, Instant now) {
        return new ReferralSummary(
                r.getId(),
                r.getVersion() == null ? 0 : r.getVersion(),
                r.getStatus(),
                r.getUrgency(),
                receiver ? null : r.getCaseId(),
                r.sharedValue(SharedField.NAME).orElse(null),
                names.get(r.getSendingOrganisationId()),
                names.get(r.getReceivingOrganisationId()),
                r.getSentBy(),
                people.of(r.getSentBy()),
                r.getSentAt(),
                r.getResponseDueAt(),
                r.isOverdue(now),
                r.isEscalated(),
                r.getOutcome(),
                r.getCompletedAt(),
                r.getDeclineReason(),
                r.getReturnReason());
    }
}
