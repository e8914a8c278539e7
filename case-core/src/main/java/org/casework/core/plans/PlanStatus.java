package org.casework.core.plans;

/** Where a plan version stands. Only a draft changes; an approved or returned version is kept as it was. */
public enum PlanStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    RETURNED;

    /** A draft or a submitted plan: the case has a plan in the works, so no second one is started. */
    public boolean isPending() {
        return this == DRAFT || this == SUBMITTED;
    }
}
