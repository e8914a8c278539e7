package org.casework.core.cases;

import jakarta.validation.constraints.Size;

/**
 * One step requested on a case. Which fields matter depends on the action: the reason or
 * comments for most, the basis for intake, the closure reason and follow-up plan for closure.
 */
public record TransitionRequest(
        CaseAction action,
        @Size(max = CaseFile.REASON_MAX_LENGTH) String reason,
        IntakeBasis intakeBasis,
        ClosureReason closureReason,
        @Size(max = CaseFile.FOLLOW_UP_PLAN_MAX_LENGTH) String followUpPlan) {

    public static TransitionRequest of(CaseAction action, String reason) {
        return new TransitionRequest(action, reason, null, null, null);
    }
}
