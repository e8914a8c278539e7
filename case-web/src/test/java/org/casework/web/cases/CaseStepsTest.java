package org.casework.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.casework.core.cases.CaseAction;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseSource;
import org.casework.core.cases.CaseState;
import org.casework.core.cases.ClosureReason;
import org.casework.core.cases.FollowUpWindow;
import org.casework.core.cases.IntakeBasis;
import org.casework.core.cases.PlanApprovalPolicy;
import org.casework.core.cases.Stamp;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.RegionCode;
import org.junit.jupiter.api.Test;

/** The workspace offers exactly the steps the case aggregate accepts, in every state. */
class CaseStepsTest {

    private static final Stamp STAMP = new Stamp("station-guyang", Instant.parse("2025-03-01T02:00:00Z"));
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void everyOfferedStepIsAcceptedAndNoAcceptedStepIsHidden() {
        List<String> mismatches = new ArrayList<>();
        situations().forEach((name, setup) -> {
            for (CaseAction action : CaseSteps.covered()) {
                CaseFile probe = aCase(setup);
                boolean offered = CaseSteps.offeredIn(probe.getState(), probe.getClosureReason()).stream()
                        .anyMatch(s -> s.action() == action);
                boolean accepted = accepts(probe, action);
                if (offered != accepted) {
                    mismatches.add(name + "/" + action + (offered ? " offered but refused" : " accepted but hidden"));
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void planStepsAreLeftToThePlanPages() {
        assertThat(CaseSteps.covered())
                .doesNotContain(CaseAction.SUBMIT_PLAN, CaseAction.APPROVE_PLAN, CaseAction.RETURN_PLAN);
    }

    private static Map<String, Consumer<CaseFile>> situations() {
        Map<String, Consumer<CaseFile>> s = new LinkedHashMap<>();
        Consumer<CaseFile> intake = c -> c.admit(IntakeBasis.GUARDIAN_CONSENT, "signed", STAMP);
        Consumer<CaseFile> assessing = intake.andThen(c -> c.startAssessment(STAMP));
        Consumer<CaseFile> review = assessing.andThen(c -> c.submitPlan(true, new PlanApprovalPolicy(true), STAMP));
        Consumer<CaseFile> active = review.andThen(c -> c.approvePlan(null, STAMP));
        Consumer<CaseFile> evaluating = active.andThen(c -> c.evaluate("goals met", STAMP));
        Consumer<CaseFile> closureReview =
                evaluating.andThen(c -> c.requestClosure(ClosureReason.GOALS_MET, "visit in 1 and 3 months", STAMP));
        Consumer<CaseFile> closed = closureReview.andThen(c -> c.approveClosure(null, SHANGHAI, STAMP));
        Consumer<CaseFile> followUp = closed.andThen(CaseStepsTest::followUpWhenDue);
        s.put("lead", c -> {});
        s.put("screening", c -> c.startScreening(STAMP));
        s.put("notOpened", c -> c.declineToOpen("no need", STAMP));
        s.put("intake", intake);
        s.put("assessing", assessing);
        s.put("planReview", review);
        s.put("active", active);
        s.put("evaluating", evaluating);
        s.put("closureReview", closureReview);
        s.put("closed", closed);
        s.put(
                "closedAfterDeath",
                evaluating
                        .andThen(c -> c.requestClosure(ClosureReason.DIED, null, STAMP))
                        .andThen(c -> c.approveClosure(null, SHANGHAI, STAMP)));
        s.put("followUp", followUp);
        s.put("archived", followUp.andThen(CaseStepsTest::followUpWhenDue));
        s.put("suspended", intake.andThen(c -> c.suspend("unreachable", STAMP)));
        s.put("transferred", c -> c.transfer("moved to Kaifeng", STAMP));
        return s;
    }

    /** Records the next follow-up on its due day, as a worker would once its window is open. */
    private static void followUpWhenDue(CaseFile c) {
        LocalDate due = c.getState() == CaseState.CLOSED ? c.getFirstFollowUpDue() : c.getSecondFollowUpDue();
        Stamp onTheDay = due == null
                ? STAMP
                : new Stamp("w", due.atTime(10, 0).atZone(SHANGHAI).toInstant());
        c.recordFollowUp("fine", FollowUpWindow.defaults(), SHANGHAI, onTheDay);
    }

    private static CaseFile aCase(Consumer<CaseFile> setup) {
        CaseFile c = new CaseFile(
                "410225-2025-00001",
                UUID.randomUUID(),
                RegionCode.parse("410225101201"),
                UUID.randomUUID(),
                UUID.randomUUID(),
                CaseSource.OUTREACH,
                "seen alone",
                STAMP);
        setup.accept(c);
        return c;
    }

    /** Tries the step with complete, valid input, as the workspace's form would send it. */
    private static boolean accepts(CaseFile c, CaseAction action) {
        try {
            switch (action) {
                case SCREEN -> c.startScreening(STAMP);
                case DECLINE -> c.declineToOpen("no need", STAMP);
                case ADMIT -> c.admit(IntakeBasis.GUARDIAN_CONSENT, "signed", STAMP);
                case START_ASSESSMENT -> c.startAssessment(STAMP);
                case REASSESS -> c.reassess("changed", STAMP);
                case EVALUATE -> c.evaluate("goals met", STAMP);
                case REQUEST_CLOSURE -> c.requestClosure(ClosureReason.GOALS_MET, "visit", STAMP);
                case APPROVE_CLOSURE -> c.approveClosure(null, SHANGHAI, STAMP);
                case RETURN_CLOSURE -> c.returnClosure("not yet", STAMP);
                case RECORD_FOLLOW_UP -> followUpWhenDue(c);
                case ARCHIVE -> c.archive(STAMP);
                case SUSPEND -> c.suspend("unreachable", STAMP);
                case RESUME -> c.resume(STAMP);
                case TRANSFER -> c.transfer("moved", STAMP);
                case REOPEN -> c.reopen("again", STAMP);
                default -> throw new IllegalArgumentException("not a workspace step: " + action);
            }
            return true;
        } catch (DomainException refused) {
            return false;
        }
    }
}
