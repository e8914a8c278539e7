package org.casework.core.referrals;

/** What the receiving department could do for the client when it completes a referral. */
public enum ReferralResult {
    /** 已提供: the requested services were provided. */
    PROVIDED,
    /** 部分提供: some of them were. */
    PARTLY_PROVIDED,
    /** 未能提供: none could be; the text says why, so the station can look elsewhere. */
    NOT_PROVIDED
}
