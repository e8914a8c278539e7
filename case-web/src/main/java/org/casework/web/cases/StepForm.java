package org.casework.web.cases;

import lombok.Getter;
import lombok.Setter;
import org.casework.core.cases.CaseAction;
import org.casework.core.cases.ClosureReason;
import org.casework.core.cases.IntakeBasis;
import org.casework.core.cases.TransitionRequest;

/** One lifecycle step as posted by its small form on the workspace. */
@Getter
@Setter
public class StepForm {

    private CaseAction action;
    private Long version;
    private String reason;
    private IntakeBasis intakeBasis;
    private ClosureReason closureReason;
    private String followUpPlan;

    TransitionRequest toRequest() {
        return new TransitionRequest(action, reason, intakeBasis, closureReason, followUpPlan);
    }

    long expectedVersion() {
        return version == null ? -1 : version;
    }
}
