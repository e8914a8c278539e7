package org.casework.core.cases;

/** What a worker or supervisor can do to a case; the supervisor's actions are marked. */
public enum CaseAction {
    SCREEN(false),
    DECLINE(false),
    ADMIT(false),
    START_ASSESSMENT(false),
    SUBMIT_PLAN(false),
    APPROVE_PLAN(true),
    RETURN_PLAN(true),
    REASSESS(false),
    EVALUATE(false),
    REQUEST_CLOSURE(false),
    APPROVE_CLOSURE(true),
    RETURN_CLOSURE(true),
    RECORD_FOLLOW_UP(false),
    ARCHIVE(false),
    SUSPEND(false),
    RESUME(false),
    TRANSFER(false),
    REOPEN(false);

    private final boolean supervisory;

    CaseAction(boolean supervisory) {
        this.supervisory = supervisory;
    }

    public boolean isSupervisory() {
        return supervisory;
    }
}
