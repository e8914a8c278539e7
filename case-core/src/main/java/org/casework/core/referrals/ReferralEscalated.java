package org.casework.core.referrals;

import java.util.UUID;

/** Published exactly once per referral when it has waited too long for the receiver's response. */
public record ReferralEscalated(
        UUID referralId, UUID senderId, UUID sendingOrganisationId, UUID receivingOrganisationId) {}
