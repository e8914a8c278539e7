package org.casework.core.referrals;

/** sent → accepted | declined → in progress → completed | returned; the sender may revoke while open. */
public enum ReferralStatus {
    SENT,
    ACCEPTED,
    DECLINED,
    IN_PROGRESS,
    COMPLETED,
    RETURNED,
    REVOKED
}
