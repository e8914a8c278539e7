package org.casework.core.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.casework.core.cases.Stamp;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.junit.jupiter.api.Test;

class ServicePlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Stamp WORKER = new Stamp("station-guyang", Instant.parse("2026-11-27T02:00:00Z"));
    private static final Stamp HEAD = new Stamp("head-guyang", Instant.parse("2026-11-28T02:00:00Z"));
    private static final UUID CASE = UUID.randomUUID();
    private static final UUID WORKER_ID = UUID.randomUUID();

    private static PlanInput.Activity visit(UUID id) {
        return new PlanInput.Activity(id, ActivityType.HOME_VISIT, " 每周上门探访 ", WORKER_ID, TODAY.plusDays(7));
    }

    private static PlanInput complete() {
        return new PlanInput(
                List.of(" 落实委托照护人 ", "恢复正常上学"),
                List.of(visit(null), new PlanInput.Activity(null, ActivityType.REFERRAL, "转介教育部门", WORKER_ID, TODAY)),
                TODAY.plusMonths(3));
    }

    private static ServicePlan draft() {
        ServicePlan plan = ServicePlan.draft(CASE, 1);
        plan.update(complete());
        return plan;
    }

    private static ServicePlan submitted() {
        ServicePlan plan = draft();
        plan.submit(TODAY, WORKER);
        return plan;
    }

    private static ServicePlan approved() {
        ServicePlan plan = submitted();
        plan.approve("同意", HEAD);
        return plan;
    }

    private static ServicePlan returned() {
        ServicePlan plan = submitted();
        plan.returnForRevision("目标过于笼统", HEAD);
        return plan;
    }

    private static String keyOf(Throwable e) {
        return ((DomainException) e).getMessageKey();
    }

    @Test
    void aNewPlanIsAnEmptyDraftOfItsVersion() {
        ServicePlan plan = ServicePlan.draft(CASE, 3);

        assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.getVersionNumber()).isEqualTo(3);
        assertThat(plan.getCaseId()).isEqualTo(CASE);
        assertThat(plan.getGoals()).isEmpty();
        assertThat(plan.getActivities()).isEmpty();
        assertThat(plan.getBasedOn()).isNull();
    }

    @Test
    void updatingADraftReplacesItsContentWithTrimmedText() {
        ServicePlan plan = draft();
        plan.update(new PlanInput(List.of("只留一个目标"), List.of(visit(null)), TODAY));

        assertThat(plan.getGoals()).containsExactly("只留一个目标");
        assertThat(plan.getActivities()).singleElement().satisfies(a -> {
            assertThat(a.getDescription()).isEqualTo("每周上门探访");
            assertThat(a.getType()).isEqualTo(ActivityType.HOME_VISIT);
            assertThat(a.getResponsibleWorkerId()).isEqualTo(WORKER_ID);
            assertThat(a.isDone()).isFalse();
        });
        assertThat(plan.getReviewDate()).isEqualTo(TODAY);
    }

    @Test
    void anActivityNamedByItsIdKeepsItAndANewOneGetsAFreshId() {
        ServicePlan plan = draft();
        UUID kept = plan.getActivities().get(0).getId();

        plan.update(new PlanInput(List.of("目标"), List.of(visit(kept), visit(UUID.randomUUID()), visit(kept)), null));

        List<UUID> ids = plan.getActivities().stream().map(PlanActivity::getId).toList();
        assertThat(ids.get(0)).isEqualTo(kept);
        assertThat(ids).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void aDraftMayBeIncompleteButEachEntryMustMakeSense() {
        ServicePlan plan = ServicePlan.draft(CASE, 1);
        plan.update(new PlanInput(null, null, null));
        assertThat(plan.getGoals()).isEmpty();

        assertThatThrownBy(() -> plan.update(new PlanInput(List.of("  "), List.of(), null)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.goal.blank");
        assertThatThrownBy(() -> plan.update(new PlanInput(List.of("x".repeat(501)), List.of(), null)))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.goal.tooLong");
        assertThatThrownBy(() -> plan.update(
                        new PlanInput(List.of(), List.of(new PlanInput.Activity(null, null, "探访", null, null)), null)))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.activity.typeRequired");
        assertThatThrownBy(() -> plan.update(new PlanInput(
                        List.of(), List.of(new PlanInput.Activity(null, ActivityType.OTHER, " ", null, null)), null)))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.activity.descriptionRequired");
    }

    @Test
    void aRefusedUpdateLeavesTheDraftAsItWas() {
        ServicePlan plan = draft();

        assertThatThrownBy(() -> plan.update(new PlanInput(List.of("新目标", ""), List.of(), null)))
                .isInstanceOf(InvalidInputException.class);

        assertThat(plan.getGoals()).containsExactly("落实委托照护人", "恢复正常上学");
        assertThat(plan.getActivities()).hasSize(2);
    }

    @Test
    void submissionNeedsAGoal() {
        ServicePlan plan = ServicePlan.draft(CASE, 1);
        plan.update(new PlanInput(List.of(), List.of(visit(null)), TODAY));

        assertThatThrownBy(() -> plan.submit(TODAY, WORKER))
                .isInstanceOf(InvalidInputException.class)
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.goals.required");
        assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void submissionNeedsAnActivityWithSomeoneResponsibleAndADueDate() {
        ServicePlan plan = ServicePlan.draft(CASE, 1);
        plan.update(new PlanInput(List.of("目标"), List.of(), TODAY));
        assertThatThrownBy(() -> plan.submit(TODAY, WORKER))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.activities.required");

        plan.update(new PlanInput(
                List.of("目标"),
                List.of(new PlanInput.Activity(null, ActivityType.HOME_VISIT, "探访", WORKER_ID, null)),
                TODAY));
        assertThatThrownBy(() -> plan.submit(TODAY, WORKER))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.activity.unscheduled");

        plan.update(new PlanInput(
                List.of("目标"),
                List.of(new PlanInput.Activity(null, ActivityType.HOME_VISIT, "探访", null, TODAY)),
                TODAY));
        assertThatThrownBy(() -> plan.submit(TODAY, WORKER))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.activity.unscheduled");
    }

    @Test
    void submissionNeedsAReviewDateNotInThePast() {
        ServicePlan plan = ServicePlan.draft(CASE, 1);
        plan.update(new PlanInput(List.of("目标"), List.of(visit(null)), null));
        assertThatThrownBy(() -> plan.submit(TODAY, WORKER))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.reviewDate.required");

        plan.update(new PlanInput(List.of("目标"), List.of(visit(null)), TODAY.minusDays(1)));
        assertThatThrownBy(() -> plan.submit(TODAY, WORKER))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.reviewDate.past");
    }

    @Test
    void submissionRecordsWhoAndWhenAndFreezesTheContent() {
        ServicePlan plan = submitted();

        assertThat(plan.getStatus()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(plan.getSubmittedBy()).isEqualTo("station-guyang");
        assertThat(plan.getSubmittedAt()).isEqualTo(WORKER.at());
        assertThatThrownBy(() -> plan.update(complete()))
                .isInstanceOf(ConflictException.class)
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.notDraft");
        assertThatThrownBy(() -> plan.submit(TODAY, WORKER)).isInstanceOf(ConflictException.class);
    }

    @Test
    void approvalRecordsTheSupervisorAndTheComment() {
        ServicePlan plan = approved();

        assertThat(plan.getStatus()).isEqualTo(PlanStatus.APPROVED);
        assertThat(plan.getReviewedBy()).isEqualTo("head-guyang");
        assertThat(plan.getReviewedAt()).isEqualTo(HEAD.at());
        assertThat(plan.getReviewComment()).isEqualTo("同意");
        assertThat(plan.isApprovedWithoutReview()).isFalse();
    }

    @Test
    void anApprovedPlanCannotBeEditedResubmittedOrReturned() {
        ServicePlan plan = approved();

        assertThatThrownBy(() -> plan.update(complete()))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.notDraft");
        assertThatThrownBy(() -> plan.submit(TODAY, WORKER)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> plan.returnForRevision("改", HEAD))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.notSubmitted");
        assertThatThrownBy(() -> plan.approve("再批", HEAD)).isInstanceOf(ConflictException.class);
        assertThat(plan.getReviewComment()).isEqualTo("同意");
    }

    @Test
    void returningNeedsCommentsAndFreezesThePlan() {
        ServicePlan plan = submitted();
        assertThatThrownBy(() -> plan.returnForRevision(" ", HEAD))
                .isInstanceOf(InvalidInputException.class)
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.comments.required");
        assertThat(plan.getStatus()).isEqualTo(PlanStatus.SUBMITTED);

        plan.returnForRevision(" 目标过于笼统 ", HEAD);

        assertThat(plan.getStatus()).isEqualTo(PlanStatus.RETURNED);
        assertThat(plan.getReviewComment()).isEqualTo("目标过于笼统");
        assertThatThrownBy(() -> plan.update(complete())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> plan.approve(null, HEAD)).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyASubmittedPlanCanBeDecided() {
        ServicePlan plan = draft();

        assertThatThrownBy(() -> plan.approve("同意", HEAD))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.notSubmitted");
        assertThatThrownBy(() -> plan.approveWithoutReview(HEAD.at())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> plan.returnForRevision("改", HEAD)).isInstanceOf(ConflictException.class);
        assertThat(plan.getStatus()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void aPlanThatNeedsNoReviewIsApprovedAsSuchWithoutAReviewer() {
        ServicePlan plan = submitted();

        plan.approveWithoutReview(WORKER.at());

        assertThat(plan.getStatus()).isEqualTo(PlanStatus.APPROVED);
        assertThat(plan.isApprovedWithoutReview()).isTrue();
        assertThat(plan.getReviewedBy()).isNull();
    }

    @Test
    void aRevisionCopiesTheContentIntoANewDraftAndLeavesTheOldVersionAlone() {
        ServicePlan old = returned();

        ServicePlan next = old.revise(2);

        assertThat(next.getStatus()).isEqualTo(PlanStatus.DRAFT);
        assertThat(next.getVersionNumber()).isEqualTo(2);
        assertThat(next.getBasedOn()).isEqualTo(old.getId());
        assertThat(next.getId()).isNotEqualTo(old.getId());
        assertThat(next.getGoals()).isEqualTo(old.getGoals());
        assertThat(next.getReviewDate()).isEqualTo(old.getReviewDate());
        assertThat(next.getActivities())
                .extracting(PlanActivity::getDescription)
                .containsExactly("每周上门探访", "转介教育部门");
        assertThat(next.getActivities())
                .extracting(PlanActivity::getId)
                .doesNotContainAnyElementsOf(
                        old.getActivities().stream().map(PlanActivity::getId).toList());
        assertThat(next.getReviewComment()).isNull();

        next.update(new PlanInput(List.of("改过的目标"), List.of(visit(null)), TODAY));
        assertThat(old.getGoals()).containsExactly("落实委托照护人", "恢复正常上学");
        assertThat(old.getStatus()).isEqualTo(PlanStatus.RETURNED);
    }

    @Test
    void aPendingPlanIsNotRevised() {
        assertThatThrownBy(() -> draft().revise(2))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.pendingExists");
        assertThatThrownBy(() -> submitted().revise(2)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anActivityOfAnApprovedPlanIsMarkedDoneOnceAndTheRevisionKeepsIt() {
        ServicePlan plan = approved();
        UUID visitId = plan.getActivities().get(0).getId();

        PlanActivity done = plan.markActivityDone(visitId, TODAY.minusDays(1), TODAY, "station-guyang");

        assertThat(done.isDone()).isTrue();
        assertThat(plan.getActivities().get(0).getDoneOn()).isEqualTo(TODAY.minusDays(1));
        assertThat(plan.getActivities().get(0).getDoneBy()).isEqualTo("station-guyang");
        assertThat(plan.getActivities().get(1).isDone()).isFalse();
        assertThatThrownBy(() -> plan.markActivityDone(visitId, TODAY, TODAY, "station-guyang"))
                .isInstanceOf(ConflictException.class)
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.activity.alreadyDone");
        assertThat(plan.revise(2).getActivities().get(0).isDone()).isTrue();
    }

    @Test
    void activitiesAreMarkedDoneOnlyOnAnApprovedPlanAndNotInTheFuture() {
        ServicePlan draft = draft();
        UUID draftActivity = draft.getActivities().get(0).getId();
        assertThatThrownBy(() -> draft.markActivityDone(draftActivity, TODAY, TODAY, "x"))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.notApproved");
        ServicePlan returned = returned();
        UUID returnedActivity = returned.getActivities().get(0).getId();
        assertThatThrownBy(() -> returned.markActivityDone(returnedActivity, TODAY, TODAY, "x"))
                .isInstanceOf(ConflictException.class);

        ServicePlan approved = approved();
        UUID activity = approved.getActivities().get(0).getId();
        assertThatThrownBy(() -> approved.markActivityDone(activity, TODAY.plusDays(1), TODAY, "x"))
                .extracting(ServicePlanTest::keyOf)
                .isEqualTo("plan.activity.doneInFuture");
        assertThatThrownBy(() -> approved.markActivityDone(UUID.randomUUID(), TODAY, TODAY, "x"))
                .isInstanceOf(NotFoundException.class);
        assertThat(approved.getActivities()).noneMatch(PlanActivity::isDone);
    }

    @Test
    void anActivityMarkedDoneInADraftRevisionStaysDoneWhenTheDraftKeepsIt() {
        ServicePlan approved = approved();
        approved.markActivityDone(approved.getActivities().get(0).getId(), TODAY, TODAY, "station-guyang");
        ServicePlan next = approved.revise(2);
        UUID doneId = next.getActivities().get(0).getId();

        next.update(new PlanInput(List.of("目标"), List.of(visit(doneId), visit(null)), TODAY));

        assertThat(next.getActivities().get(0).isDone()).isTrue();
        assertThat(next.getActivities().get(1).isDone()).isFalse();
    }
}
