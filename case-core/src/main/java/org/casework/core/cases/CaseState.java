package org.casework.core.cases;

/** The casework lifecycle of MZ/T 094-2017, with the side states of product.md. */
public enum CaseState {
    LEAD,
    SCREENING,
    NOT_OPENED,
    INTAKE,
    ASSESSING,
    PLAN_REVIEW,
    ACTIVE,
    EVALUATING,
    CLOSURE_REVIEW,
    CLOSED,
    FOLLOW_UP,
    ARCHIVED,
    SUSPENDED,
    TRANSFERRED;

    /** States in which the station is working the case (it counts in caseloads and worklists). */
    public boolean isOpen() {
        return switch (this) {
            case INTAKE, ASSESSING, PLAN_REVIEW, ACTIVE, EVALUATING, CLOSURE_REVIEW, SUSPENDED -> true;
            default -> false;
        };
    }

    /** States a case can be suspended from (client unreachable) and resumed to. */
    boolean isSuspendable() {
        return switch (this) {
            case INTAKE, ASSESSING, PLAN_REVIEW, ACTIVE, EVALUATING -> true;
            default -> false;
        };
    }

    /** States a finished or refused case can be reopened from. */
    boolean isReopenable() {
        return this == CLOSED || this == FOLLOW_UP || this == ARCHIVED || this == NOT_OPENED;
    }
}
