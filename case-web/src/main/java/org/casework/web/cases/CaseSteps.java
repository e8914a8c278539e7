package org.casework.web.cases;

import static org.casework.core.cases.CaseAction.ADMIT;
import static org.casework.core.cases.CaseAction.APPROVE_CLOSURE;
import static org.casework.core.cases.CaseAction.ARCHIVE;
import static org.casework.core.cases.CaseAction.DECLINE;
import static org.casework.core.cases.CaseAction.EVALUATE;
import static org.casework.core.cases.CaseAction.REASSESS;
import static org.casework.core.cases.CaseAction.RECORD_FOLLOW_UP;
import static org.casework.core.cases.CaseAction.REOPEN;
import static org.casework.core.cases.CaseAction.REQUEST_CLOSURE;
import static org.casework.core.cases.CaseAction.RESUME;
import static org.casework.core.cases.CaseAction.RETURN_CLOSURE;
import static org.casework.core.cases.CaseAction.SCREEN;
import static org.casework.core.cases.CaseAction.START_ASSESSMENT;
import static org.casework.core.cases.CaseAction.SUSPEND;
import static org.casework.core.cases.CaseAction.TRANSFER;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.casework.core.cases.CaseAction;
import org.casework.core.cases.CaseState;
import org.casework.core.cases.ClosureReason;
import org.casework.web.cases.Step.Reason;

/**
 * The lifecycle steps the workspace offers in each state, mirroring the guards of the case
 * aggregate (a test checks that the two agree). Plan steps (submit, approve, return a plan) belong
 * to the plan pages and are not offered here.
 */
public final class CaseSteps {

    private static final Map<CaseAction, Step> STEPS = new EnumMap<>(CaseAction.class);

    static {
        add(SCREEN, Reason.NONE, false, true);
        add(ADMIT, Reason.OPTIONAL, true, true);
        add(START_ASSESSMENT, Reason.NONE, false, true);
        add(EVALUATE, Reason.REQUIRED, true, true);
        add(REQUEST_CLOSURE, Reason.NONE, true, true);
        add(APPROVE_CLOSURE, Reason.OPTIONAL, false, true);
        add(RETURN_CLOSURE, Reason.REQUIRED, true, false);
        add(RECORD_FOLLOW_UP, Reason.REQUIRED, true, true);
        add(RESUME, Reason.NONE, false, true);
        add(ARCHIVE, Reason.NONE, false, false);
        add(REASSESS, Reason.REQUIRED, false, false);
        add(DECLINE, Reason.REQUIRED, false, false);
        add(SUSPEND, Reason.REQUIRED, false, false);
        add(TRANSFER, Reason.REQUIRED, false, false);
        add(REOPEN, Reason.REQUIRED, false, false);
    }

    private CaseSteps() {}

    private static void add(CaseAction action, Reason reason, boolean longText, boolean forward) {
        STEPS.put(action, new Step(action, reason, longText, forward));
    }

    /** The steps a case in this state accepts, forward steps first. */
    public static List<Step> offeredIn(CaseState state, ClosureReason closureReason) {
        List<CaseAction> actions = switch (state) {
            case LEAD -> List.of(SCREEN, ADMIT, DECLINE, TRANSFER);
            case SCREENING -> List.of(ADMIT, DECLINE, TRANSFER);
            case NOT_OPENED, ARCHIVED -> List.of(REOPEN);
            case INTAKE -> List.of(START_ASSESSMENT, SUSPEND, TRANSFER);
            case ASSESSING, PLAN_REVIEW -> List.of(SUSPEND, TRANSFER);
            case ACTIVE -> List.of(EVALUATE, REASSESS, SUSPEND, TRANSFER);
            case EVALUATING -> List.of(REQUEST_CLOSURE, EVALUATE, SUSPEND, TRANSFER);
            case CLOSURE_REVIEW -> List.of(APPROVE_CLOSURE, RETURN_CLOSURE, TRANSFER);
            case CLOSED ->
                closureReason == null || closureReason.needsFollowUp()
                        ? List.of(RECORD_FOLLOW_UP, REOPEN)
                        : List.of(ARCHIVE, REOPEN);
            case FOLLOW_UP -> List.of(RECORD_FOLLOW_UP, REOPEN);
            case SUSPENDED -> List.of(RESUME, TRANSFER);
            case TRANSFERRED -> List.of();
        };
        List<Step> steps = new ArrayList<>();
        actions.forEach(a -> steps.add(STEPS.get(a)));
        return steps;
    }

    /** Every action the workspace has a form for. */
    public static List<CaseAction> covered() {
        return List.copyOf(STEPS.keySet());
    }
}
