package org.casework.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.Test;

class CaseFileTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Stamp WORKER = new Stamp("station-guyang", Instant.parse("2026-11-27T02:00:00Z"));
    private static final Stamp HEAD = new Stamp("head-guyang", Instant.parse("2026-11-28T02:00:00Z"));
    private static final PlanApprovalPolicy DEFAULT_POLICY = new PlanApprovalPolicy(false);

    private static CaseFile aLead() {
        return new CaseFile(
                "410225-2026-00001",
                UUID.randomUUID(),
                new RegionCode("410225101201"),
                UUID.randomUUID(),
                UUID.randomUUID(),
                CaseSource.OUTREACH,
                "摸排发现",
                WORKER);
    }

    private static CaseFile inIntake() {
        CaseFile c = aLead();
        c.startScreening(WORKER);
        c.admit(IntakeBasis.GUARDIAN_CONSENT, "祖母签字同意", WORKER);
        return c;
    }

    private static CaseFile assessing(RiskLevel risk) {
        CaseFile c = inIntake();
        c.startAssessment(WORKER);
        if (risk != null) {
            c.decideRisk(risk, null, false, WORKER);
        }
        return c;
    }

    private static CaseFile active() {
        CaseFile c = assessing(RiskLevel.RED);
        c.submitPlan(true, DEFAULT_POLICY, WORKER);
        c.approvePlan("同意", HEAD);
        return c;
    }

    private static CaseFile evaluating() {
        CaseFile c = active();
        c.evaluate("目标基本达成，祖母照护能力提升", WORKER);
        return c;
    }

    private static CaseFile closed(ClosureReason reason) {
        CaseFile c = evaluating();
        c.requestClosure(reason, "1个月、3个月电话回访", WORKER);
        c.approveClosure(null, CHINA, HEAD);
        return c;
    }

    @Test
    void aNewCaseIsALeadWithItsOpeningRecorded() {
        CaseFile c = aLead();
        assertThat(c.getState()).isEqualTo(CaseState.LEAD);
        assertThat(c.getTransitions()).singleElement().satisfies(t -> {
            assertThat(t.getAction()).isEqualTo("OPEN_LEAD");
            assertThat(t.getActor()).isEqualTo("station-guyang");
            assertThat(t.getReason()).isEqualTo("摸排发现");
        });
    }

    @Test
    void refusesAnIllegalTransitionNamingTheStateItIsIn() {
        CaseFile c = aLead();
        assertThatThrownBy(() -> c.startAssessment(WORKER)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.getMessageKey()).isEqualTo("case.transition.illegal");
            assertThat(e.getArguments()).containsExactly("START_ASSESSMENT", "LEAD");
        });
        assertThat(c.getState()).isEqualTo(CaseState.LEAD);
        assertThat(c.getTransitions()).hasSize(1);
    }

    @Test
    void notOpeningNeedsAReason() {
        CaseFile c = aLead();
        c.startScreening(WORKER);
        assertThatThrownBy(() -> c.declineToOpen(" ", WORKER)).hasMessage("case.reason.required");
        c.declineToOpen("已由县未保站接手", WORKER);
        assertThat(c.getState()).isEqualTo(CaseState.NOT_OPENED);
    }

    @Test
    void intakeNeedsConsentOrTheLegalBasis() {
        CaseFile c = aLead();
        assertThatThrownBy(() -> c.admit(null, null, WORKER)).hasMessage("case.intake.basisRequired");
        assertThatThrownBy(() -> c.admit(IntakeBasis.STATUTORY_DUTY, "", WORKER))
                .hasMessage("case.intake.legalBasisRequired");
        c.admit(IntakeBasis.STATUTORY_DUTY, "未成年人保护法第11条：监护缺失，民政依法介入", WORKER);
        assertThat(c.getState()).isEqualTo(CaseState.INTAKE);
        assertThat(c.getIntakeBasis()).isEqualTo(IntakeBasis.STATUTORY_DUTY);
    }

    @Test
    void signingAnAssessmentAtIntakeStartsTheAssessmentStage() {
        CaseFile c = inIntake();

        assertThat(c.assessmentSigned(WORKER)).isTrue();

        assertThat(c.getState()).isEqualTo(CaseState.ASSESSING);
        assertThat(c.getTransitions().get(c.getTransitions().size() - 1).getAction())
                .isEqualTo("START_ASSESSMENT");
        c.submitPlan(true, DEFAULT_POLICY, WORKER);
        assertThat(c.getState()).isEqualTo(CaseState.PLAN_REVIEW);
    }

    @Test
    void signingAnAssessmentLaterChangesNothing() {
        CaseFile c = active();
        int steps = c.getTransitions().size();

        assertThat(c.assessmentSigned(WORKER)).isFalse();

        assertThat(c.getState()).isEqualTo(CaseState.ACTIVE);
        assertThat(c.getTransitions()).hasSize(steps);
    }

    @Test
    void noPlanWithoutASignedAssessment() {
        CaseFile c = assessing(RiskLevel.GREEN);
        assertThatThrownBy(() -> c.submitPlan(false, DEFAULT_POLICY, WORKER))
                .hasMessage("case.plan.needsSignedAssessment");
        assertThat(c.getState()).isEqualTo(CaseState.ASSESSING);
    }

    @Test
    void redAndOrangePlansGoToSupervisorReview() {
        CaseFile red = assessing(RiskLevel.RED);
        red.submitPlan(true, DEFAULT_POLICY, WORKER);
        assertThat(red.getState()).isEqualTo(CaseState.PLAN_REVIEW);
        CaseFile orange = assessing(RiskLevel.ORANGE);
        orange.submitPlan(true, DEFAULT_POLICY, WORKER);
        assertThat(orange.getState()).isEqualTo(CaseState.PLAN_REVIEW);
    }

    @Test
    void greenPlansStartWithoutReviewUnlessTheCountyRequiresIt() {
        CaseFile green = assessing(RiskLevel.GREEN);
        green.submitPlan(true, DEFAULT_POLICY, WORKER);
        assertThat(green.getState()).isEqualTo(CaseState.ACTIVE);
        CaseFile strictCounty = assessing(RiskLevel.GREEN);
        strictCounty.submitPlan(true, new PlanApprovalPolicy(true), WORKER);
        assertThat(strictCounty.getState()).isEqualTo(CaseState.PLAN_REVIEW);
    }

    @Test
    void aCaseOfUnknownRiskNeedsReview() {
        CaseFile unknown = assessing(null);
        unknown.submitPlan(true, DEFAULT_POLICY, WORKER);
        assertThat(unknown.getState()).isEqualTo(CaseState.PLAN_REVIEW);
    }

    @Test
    void aReturnedPlanGoesBackToAssessmentWithTheComments() {
        CaseFile c = assessing(RiskLevel.RED);
        c.submitPlan(true, DEFAULT_POLICY, WORKER);
        assertThatThrownBy(() -> c.returnPlan("", HEAD)).hasMessage("case.comments.required");
        c.returnPlan("目标不够具体", HEAD);
        assertThat(c.getState()).isEqualTo(CaseState.ASSESSING);
        assertThat(c.getTransitions())
                .last()
                .extracting(CaseTransition::getReason)
                .isEqualTo("目标不够具体");
    }

    @Test
    void anActiveCaseCanLoopBackToAssessment() {
        CaseFile c = active();
        c.reassess("祖母住院，照护安排变化", WORKER);
        assertThat(c.getState()).isEqualTo(CaseState.ASSESSING);
    }

    @Test
    void closureNeedsEvaluationReasonAndFollowUpPlan() {
        CaseFile c = active();
        assertThatThrownBy(() -> c.requestClosure(ClosureReason.GOALS_MET, "回访", WORKER))
                .hasMessage("case.transition.illegal");
        assertThatThrownBy(() -> c.evaluate(" ", WORKER)).hasMessage("case.evaluation.required");
        c.evaluate("目标达成", WORKER);
        assertThatThrownBy(() -> c.requestClosure(null, "回访", WORKER)).hasMessage("case.closure.reasonRequired");
        assertThatThrownBy(() -> c.requestClosure(ClosureReason.GOALS_MET, "", WORKER))
                .hasMessage("case.closure.followUpRequired");
        c.requestClosure(ClosureReason.GOALS_MET, "1个月、3个月上门回访", WORKER);
        assertThat(c.getState()).isEqualTo(CaseState.CLOSURE_REVIEW);
    }

    @Test
    void aDeathNeedsNoFollowUpPlanAndArchivesDirectly() {
        CaseFile c = evaluating();
        c.requestClosure(ClosureReason.DIED, null, WORKER);
        c.approveClosure(null, CHINA, HEAD);
        assertThat(c.getFirstFollowUpDue()).isNull();
        c.archive(HEAD);
        assertThat(c.getState()).isEqualTo(CaseState.ARCHIVED);
    }

    @Test
    void approvedClosureSchedulesFollowUpsAtOneAndThreeMonths() {
        CaseFile c = closed(ClosureReason.GOALS_MET);
        assertThat(c.getState()).isEqualTo(CaseState.CLOSED);
        assertThat(c.getClosedAt()).isEqualTo(HEAD.at());
        assertThat(c.getFirstFollowUpDue()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(c.getSecondFollowUpDue()).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void keepsTheDayInChinaItWaitsForApprovalSinceOnEveryTransition() {
        CaseFile c = assessing(RiskLevel.RED);
        assertThat(c.getAwaitingApprovalSince()).isNull();
        // 17:00 UTC is 01:00 the next day in China
        c.submitPlan(true, DEFAULT_POLICY, new Stamp("w", Instant.parse("2026-11-20T17:00:00Z")));
        assertThat(c.getAwaitingApprovalSince()).isEqualTo(LocalDate.of(2026, 11, 21));
        c.returnPlan("请补充", new Stamp("h", Instant.parse("2026-11-22T02:00:00Z")));
        assertThat(c.getAwaitingApprovalSince()).isNull();
        c.submitPlan(true, DEFAULT_POLICY, new Stamp("w", Instant.parse("2026-11-24T02:00:00Z")));
        assertThat(c.getAwaitingApprovalSince()).as("resubmitted").isEqualTo(LocalDate.of(2026, 11, 24));
        // what the order used before V34 counts too: the latest transition into the state
        c.reassign(UUID.randomUUID(), new Stamp("h", Instant.parse("2026-11-25T02:00:00Z")));
        assertThat(c.getAwaitingApprovalSince()).isEqualTo(LocalDate.of(2026, 11, 25));
        c.suspend("联系不上", new Stamp("w", Instant.parse("2026-11-26T02:00:00Z")));
        assertThat(c.getAwaitingApprovalSince()).isNull();
        c.resume(new Stamp("w", Instant.parse("2026-11-27T02:00:00Z")));
        assertThat(c.getAwaitingApprovalSince()).isEqualTo(LocalDate.of(2026, 11, 27));
        c.approvePlan("同意", new Stamp("h", Instant.parse("2026-11-28T02:00:00Z")));
        assertThat(c.getAwaitingApprovalSince()).isNull();
        c.evaluate("目标达成", new Stamp("w", Instant.parse("2026-11-29T02:00:00Z")));
        c.requestClosure(ClosureReason.GOALS_MET, "一个月后回访", new Stamp("w", Instant.parse("2026-11-30T02:00:00Z")));
        assertThat(c.getAwaitingApprovalSince()).as("closure requested").isEqualTo(LocalDate.of(2026, 11, 30));
        c.approveClosure("同意", CHINA, new Stamp("h", Instant.parse("2026-12-01T02:00:00Z")));
        assertThat(c.getAwaitingApprovalSince()).isNull();
    }

    @Test
    void aReturnedClosureGoesBackToEvaluation() {
        CaseFile c = evaluating();
        c.requestClosure(ClosureReason.GOALS_MET, "回访", WORKER);
        assertThatThrownBy(() -> c.returnClosure(null, HEAD)).hasMessage("case.comments.required");
        c.returnClosure("请补充评估", HEAD);
        assertThat(c.getState()).isEqualTo(CaseState.EVALUATING);
    }

    private static Stamp on(LocalDate day) {
        return new Stamp("station-guyang", day.atTime(10, 0).atZone(CHINA).toInstant());
    }

    @Test
    void twoFollowUpsInTheirWindowsArchiveTheCase() {
        CaseFile c = closed(ClosureReason.GOALS_MET);
        FollowUpWindow week = FollowUpWindow.defaults();
        assertThatThrownBy(() -> c.archive(HEAD)).hasMessage("case.archive.followUpsPending");
        LocalDate first = c.getFirstFollowUpDue();
        LocalDate second = c.getSecondFollowUpDue();
        assertThat(c.nextFollowUpOpensOn(week)).isEqualTo(first.minusDays(7));

        assertThatThrownBy(() -> c.recordFollowUp("结案当天", week, CHINA, HEAD)).hasMessage("case.followUp.notYet");
        assertThatThrownBy(() -> c.recordFollowUp("早了一天", week, CHINA, on(first.minusDays(8))))
                .hasMessage("case.followUp.notYet");
        c.recordFollowUp("1个月回访：情况稳定", week, CHINA, on(first.minusDays(7)));
        assertThat(c.getState()).isEqualTo(CaseState.FOLLOW_UP);
        assertThatThrownBy(() -> c.recordFollowUp("紧接着又回访", week, CHINA, on(first)))
                .as("the 3-month follow-up waits for its own window")
                .hasMessage("case.followUp.notYet");
        c.recordFollowUp("3个月回访：情况稳定", week, CHINA, on(second));
        assertThat(c.getState()).isEqualTo(CaseState.ARCHIVED);
        assertThat(c.getFollowUpsDone()).isEqualTo(2);
    }

    @Test
    void suspensionReturnsToTheStepItInterrupted() {
        CaseFile c = active();
        assertThatThrownBy(() -> c.suspend("", WORKER)).hasMessage("case.reason.required");
        c.suspend("联系不上监护人", WORKER);
        assertThat(c.getState()).isEqualTo(CaseState.SUSPENDED);
        assertThat(c.getState().isOpen()).isTrue();
        c.resume(WORKER);
        assertThat(c.getState()).isEqualTo(CaseState.ACTIVE);
        assertThat(c.getStateBeforeSuspension()).isNull();
    }

    @Test
    void aClosedCaseCannotBeSuspendedOrTransferred() {
        CaseFile c = closed(ClosureReason.GOALS_MET);
        assertThatThrownBy(() -> c.suspend("x", WORKER)).hasMessage("case.transition.illegal");
        assertThatThrownBy(() -> c.transfer("x", WORKER)).hasMessage("case.transition.illegal");
    }

    @Test
    void aMoveAwayTransfersTheCase() {
        CaseFile c = active();
        c.transfer("随父母迁至郑州市", WORKER);
        assertThat(c.getState()).isEqualTo(CaseState.TRANSFERRED);
        assertThat(c.getState().isOpen()).isFalse();
    }

    @Test
    void reopeningNeedsAReasonAndStartsANewAssessment() {
        CaseFile c = closed(ClosureReason.GOALS_MET);
        assertThatThrownBy(() -> c.reopen(" ", WORKER)).hasMessage("case.reason.required");
        c.reopen("父母再次外出，无人照护", WORKER);
        assertThat(c.getState()).isEqualTo(CaseState.ASSESSING);
        assertThat(c.getClosureReason()).isNull();
        assertThat(c.getFirstFollowUpDue()).isNull();
        assertThatThrownBy(() -> active().reopen("x", WORKER)).hasMessage("case.transition.illegal");
    }

    @Test
    void aWorkerConfirmsTheProposalOrRaisesIt() {
        CaseFile c = aLead();
        c.proposeRisk(RiskLevel.ORANGE, "no_parent_contact_1m", WORKER);
        assertThat(c.getRiskLevel()).isNull();
        assertThat(c.effectiveRisk()).isEqualTo(RiskLevel.ORANGE);
        assertThat(c.decideRisk(RiskLevel.ORANGE, null, false, WORKER)).isEqualTo(RiskChangeKind.CONFIRMED);
        assertThat(c.decideRisk(RiskLevel.RED, "委托照护人酗酒", false, WORKER)).isEqualTo(RiskChangeKind.CONFIRMED);
        assertThat(c.effectiveRisk()).isEqualTo(RiskLevel.RED);
        assertThat(c.getRiskHistory())
                .extracting(RiskChange::getKind)
                .containsExactly(RiskChangeKind.PROPOSED, RiskChangeKind.CONFIRMED, RiskChangeKind.CONFIRMED);
        assertThat(c.getRiskHistory())
                .extracting(RiskChange::getProposedLevel)
                .containsExactly(null, RiskLevel.ORANGE, RiskLevel.ORANGE);
    }

    @Test
    void refusesAWorkersLevelBelowTheProposal() {
        CaseFile c = aLead();
        c.proposeRisk(RiskLevel.RED, "lives_alone", WORKER);
        assertThatThrownBy(() -> c.decideRisk(RiskLevel.GREEN, "孩子很安全", false, WORKER))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("case.risk.belowProposal");
        assertThat(c.getRiskLevel()).isNull();
        assertThat(c.effectiveRisk()).isEqualTo(RiskLevel.RED);
        assertThat(c.getRiskHistory()).hasSize(1);
    }

    @Test
    void aSupervisorOverridesBelowTheProposalOnlyWithAReason() {
        CaseFile c = aLead();
        c.proposeRisk(RiskLevel.RED, "lives_alone", WORKER);
        assertThatThrownBy(() -> c.decideRisk(RiskLevel.YELLOW, " ", true, HEAD))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("case.reason.required");
        assertThat(c.decideRisk(RiskLevel.YELLOW, "祖母已搬来同住", true, HEAD)).isEqualTo(RiskChangeKind.OVERRIDDEN);
        assertThat(c.effectiveRisk()).isEqualTo(RiskLevel.YELLOW);
        RiskChange override = c.getRiskHistory().get(1);
        assertThat(override.getActor()).isEqualTo("head-guyang");
        assertThat(override.getProposedLevel()).isEqualTo(RiskLevel.RED);
        assertThat(override.getReason()).isEqualTo("祖母已搬来同住");
    }

    @Test
    void withoutAProposalAnyLevelIsAConfirmation() {
        CaseFile c = aLead();
        assertThat(c.decideRisk(RiskLevel.GREEN, null, false, WORKER)).isEqualTo(RiskChangeKind.CONFIRMED);
        assertThat(c.effectiveRisk()).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void aNewerMoreUrgentProposalCountsAtOnceALessUrgentOneWaitsForAPerson() {
        CaseFile c = aLead();
        c.decideRisk(RiskLevel.YELLOW, null, false, WORKER);
        c.proposeRisk(RiskLevel.RED, "lives_alone", WORKER);
        assertThat(c.getRiskLevel()).isEqualTo(RiskLevel.YELLOW);
        assertThat(c.effectiveRisk()).isEqualTo(RiskLevel.RED);
        c.decideRisk(RiskLevel.RED, null, false, WORKER);
        c.proposeRisk(RiskLevel.GREEN, null, WORKER);
        assertThat(c.effectiveRisk()).as("reassurance waits for a person").isEqualTo(RiskLevel.RED);
        c.decideRisk(RiskLevel.GREEN, "复评无风险", false, WORKER);
        assertThat(c.effectiveRisk()).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void openingACaseNeedsAReason() {
        assertThatThrownBy(() -> new CaseFile(
                        "410225-2026-00002",
                        UUID.randomUUID(),
                        new RegionCode("410225101201"),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        CaseSource.OUTREACH,
                        " ",
                        WORKER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("case.reason.required");
    }

    @Test
    void everyStepOfTheJourneyIsRecorded() {
        CaseFile c = closed(ClosureReason.GOALS_MET);
        assertThat(c.getTransitions())
                .extracting(CaseTransition::getAction)
                .containsExactly(
                        "OPEN_LEAD",
                        "SCREEN",
                        "INTAKE",
                        "START_ASSESSMENT",
                        "SUBMIT_PLAN",
                        "APPROVE_PLAN",
                        "EVALUATE",
                        "REQUEST_CLOSURE",
                        "APPROVE_CLOSURE");
        assertThat(c.getTransitions()).allSatisfy(t -> {
            assertThat(t.getActor()).isNotBlank();
            assertThat(t.getOccurredAt()).isNotNull();
        });
    }

    @Test
    void knowsSinceWhenTheEffectiveRiskHolds() {
        CaseFile c = inIntake();
        assertThat(c.effectiveRiskSince()).isNull();
        Stamp proposed = new Stamp("station-guyang", Instant.parse("2026-11-27T03:00:00Z"));
        Stamp confirmed = new Stamp("station-guyang", Instant.parse("2026-11-27T05:00:00Z"));
        Stamp lowered = new Stamp("head-guyang", Instant.parse("2026-11-28T05:00:00Z"));
        Stamp raisedAgain = new Stamp("station-guyang", Instant.parse("2026-11-29T05:00:00Z"));
        c.proposeRisk(RiskLevel.RED, "独自在家", proposed);
        assertThat(c.effectiveRiskSince()).isEqualTo(proposed.at());
        c.decideRisk(RiskLevel.RED, null, false, confirmed);
        assertThat(c.effectiveRiskSince()).isEqualTo(proposed.at());
        c.decideRisk(RiskLevel.ORANGE, "祖母已接回", true, lowered);
        assertThat(c.effectiveRiskSince()).isEqualTo(lowered.at());
        // new evidence of danger after the override counts at once, from the moment it came
        c.proposeRisk(RiskLevel.RED, "新评估", raisedAgain);
        assertThat(c.effectiveRisk()).isEqualTo(RiskLevel.RED);
        assertThat(c.effectiveRiskSince()).isEqualTo(raisedAgain.at());
        c.decideRisk(RiskLevel.RED, null, false, raisedAgain);
        assertThat(c.effectiveRiskSince()).isEqualTo(raisedAgain.at());
    }
}
