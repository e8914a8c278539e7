package org.casework.web.cases;

import java.util.Arrays;
import java.util.List;
import org.casework.core.cases.CaseState;
import org.casework.core.cases.ClosureReason;

/**
 * Where a case is in the workflow and what unlocks its next step, for the stepper at the top of the
 * case page. The hint names the button or form that moves the case on, in the page's own words.
 *
 * @param stages every stage in order, each done, current or still to come
 * @param hintKey the message key of what to do next
 */
public record CaseStepper(List<Item> stages, String hintKey) {

    /** Whether a stage is behind the case, where it is, or ahead of it. */
    public enum Status {
        DONE,
        CURRENT,
        TODO
    }

    /** One stage of the stepper. */
    public record Item(CaseStage stage, Status status) {
        public boolean current() {
            return status == Status.CURRENT;
        }
    }

    /**
     * The stepper of a case.
     *
     * @param signedAssessment whether the case has a signed assessment (the plan's guard)
     */
    public static CaseStepper of(
            CaseState state, CaseState beforeSuspension, ClosureReason closureReason, boolean signedAssessment) {
        CaseStage current = CaseStage.of(state, beforeSuspension);
        boolean finished = state == CaseState.ARCHIVED;
        List<Item> items = Arrays.stream(CaseStage.values())
                .map(s -> new Item(s, status(s, current, finished)))
                .toList();
        return new CaseStepper(items, hintKey(state, closureReason, signedAssessment));
    }

    /** What unlocks the next step in this state; a refusal of a step in this state ends with it too. */
    public static String hintKey(CaseState state, ClosureReason closureReason, boolean signedAssessment) {
        String key = "case.next." + state.name();
        if (state == CaseState.ASSESSING && signedAssessment) {
            return key + ".signed";
        }
        if (state == CaseState.CLOSED && closureReason != null && !closureReason.needsFollowUp()) {
            return key + ".noFollowUp";
        }
        return key;
    }

    private static Status status(CaseStage stage, CaseStage current, boolean finished) {
        if (finished) {
            return Status.DONE;
        }
        if (current == null) {
            return Status.TODO;
        }
        int order = stage.compareTo(current);
        return order < 0 ? Status.DONE : order == 0 ? Status.CURRENT : Status.TODO;
    }
}
