package org.casework.core.cases;

/** Where a case came from. */
public enum CaseSource {
    VILLAGE_FLAG,
    OUTREACH,
    SELF_REFERRAL,
    DEPARTMENT_REFERRAL,
    DATA_ALERT
}
