package org.casework.web.referrals;

import java.util.UUID;

/** A receiving department as the referral form's select lists it. */
public record ReceiverOption(UUID id, String name) {}
