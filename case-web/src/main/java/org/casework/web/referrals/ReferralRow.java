package org.casework.web.referrals;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.ReferralUrgency;
import org.casework.core.referrals.SharedField;
import org.casework.web.support.Dates;

/**
 * A referral in a list or on its case's workspace: to (or from) whom, status, and the outcome or
 * the reason it came back. The client's name is the shared one (absent when it was not shared).
 */
public record ReferralRow(
        UUID id,
        String clientName,
        String sender,
        String receiver,
        ReferralStatus status,
        ReferralUrgency urgency,
        String sentAt,
        String dueAt,
        boolean overdue,
        boolean escalated,
        String outcome,
        String refusal) {

    public static ReferralRow of(Referral r, Map<UUID, String> names, Instant now) {
        String refusal = r.getDeclineReason() != null ? r.getDeclineReason() : r.getReturnReason();
        return new ReferralRow(
                r.getId(),
                r.sharedValue(SharedField.NAME).orElse(null),
                names.getOrDefault(r.getSendingOrganisationId(), "—"),
                names.getOrDefault(r.getReceivingOrganisationId(), "—"),
                r.getStatus(),
                r.getUrgency(),
                Dates.dateTime(r.getSentAt()),
                Dates.dateTime(r.getResponseDueAt()),
                r.isOverdue(now),
                r.isEscalated(),
                r.getOutcome(),
                refusal);
    }

    /** Names of the organisations the referrals mention, for {@link #of}. */
    public static java.util.Set<UUID> organisationsOf(java.util.Collection<Referral> referrals) {
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        referrals.forEach(r -> {
            ids.add(r.getSendingOrganisationId());
            ids.add(r.getReceivingOrganisationId());
        });
        return ids;
    }
}
