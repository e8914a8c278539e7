package org.casework.core.referrals;

import java.util.UUID;

/**
 * Published inside the transaction when a referral is sent or changes status. {@code caseId} is
 * null for a referral made straight from a flag.
 */
public record ReferralStatusChanged(
        UUID referralId,
        UUID caseId,
        UUID senderId,
        UUID sendingOrganisationId,
        UUID receivingOrganisationId,
        ReferralStatus status) {}
