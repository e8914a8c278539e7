package org.casework.core.referrals;

/**
 * Why the client's information may be shared with the receiving department (PIPL): the client's or
 * the guardian's consent, or a supervisor's override on a legal basis (e.g. 强制报告, a child at risk).
 */
public enum ConsentBasis {
    CLIENT_CONSENT,
    GUARDIAN_CONSENT,
    /** Only a user who supervises cases may record it, always with the legal basis as reason. */
    LEGAL_BASIS_OVERRIDE
}
