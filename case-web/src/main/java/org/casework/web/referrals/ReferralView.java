package org.casework.web.referrals;

import java.util.List;
import java.util.UUID;
import org.casework.core.referrals.ConsentBasis;
import org.casework.core.referrals.ReferralResult;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.ReferralUrgency;
import org.casework.core.referrals.SharedField;

/**
 * A referral as its detail page shows it. For the receiving department the case link, the client
 * link and who consented are left empty: it sees the shared snapshot only.
 */
public record ReferralView(
        UUID id,
        long version,
        ReferralStatus status,
        ReferralUrgency urgency,
        UUID caseId,
        UUID previousReferralId,
        String sender,
        String sentBy,
        String sentAt,
        String receiver,
        String dueAt,
        boolean overdue,
        String escalatedAt,
        String reason,
        String servicesRequested,
        ConsentBasis consentBasis,
        String consentedBy,
        String consentedOn,
        String overrideReason,
        List<Shared> shared,
        List<Event> events,
        String outcome,
        ReferralResult result,
        List<Event> notes) {

    /** A shared field with its value as the page shows it (labels for codes). */
    public record Shared(SharedField field, String value) {}

    /** A step or progress note: when, who, what (a message key for steps) and its text. */
    public record Event(String at, String by, String key, String text) {}
}
