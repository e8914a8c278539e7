package org.casework.core.plans;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.cases.Stamp;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;

/**
 * One version of a case's service plan (服务计划): goals, planned activities and the date the plan
 * is to be reviewed. A draft is edited freely; submitting checks that it is complete; a supervisor
 * approves it or returns it with comments. Approved and returned versions never change again (a
 * returned plan is revised as a new version), except that approved activities are marked done.
 */
@Entity
@Table(name = "service_plan")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ServicePlan extends AbstractAggregate {

    static final int MAX_GOALS = 20;
    public static final int MAX_GOAL_LENGTH = 500;
    static final int MAX_ACTIVITIES = 50;
    public static final int MAX_DESCRIPTION_LENGTH = 500;
    /** A hand-written partner: its name, or its contact person and phone. */
    public static final int MAX_PARTNER_LENGTH = 100;

    public static final int MAX_COMMENT_LENGTH = 1000;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID caseId;

    /** 1, 2, … within the case. */
    @Column(nullable = false)
    private int versionNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private PlanStatus status;

    @ElementCollection
    @CollectionTable(name = "service_plan_goal", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "list_index")
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "goal_enc", nullable = false, columnDefinition = "TEXT")
    private List<String> goals = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "service_plan_activity", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "list_index")
    private List<PlanActivity> activities = new ArrayList<>();

    private LocalDate reviewDate;

    /** The version this draft was copied from, if any. */
    @Column(columnDefinition = "BINARY(16)")
    private UUID basedOn;

    @Column(length = 64)
    private String submittedBy;

    private Instant submittedAt;

    /** The supervisor who approved or returned it; null when no review was required. */
    @Column(length = 64)
    private String reviewedBy;

    private Instant reviewedAt;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "review_comment_enc", columnDefinition = "TEXT")
    private String reviewComment;

    /** Approved on submission because the case's risk did not call for a supervisor's review. */
    private boolean approvedWithoutReview;

    private ServicePlan(UUID caseId, int versionNumber, UUID basedOn) {
        this.caseId = caseId;
        this.versionNumber = versionNumber;
        this.basedOn = basedOn;
        this.status = PlanStatus.DRAFT;
    }

    /** An empty first draft. */
    public static ServicePlan draft(UUID caseId, int versionNumber) {
        return new ServicePlan(caseId, versionNumber, null);
    }

    /**
     * A new draft that starts from this returned or approved version: same goals, activities (done
     * ones stay done: they happened) and review date.
     */
    public ServicePlan revise(int nextVersionNumber) {
        if (status.isPending()) {
            throw new ConflictException("plan.pendingExists", versionNumber);
        }
        ServicePlan next = new ServicePlan(caseId, nextVersionNumber, getId());
        next.goals.addAll(goals);
        activities.forEach(a -> next.activities.add(a.copy()));
        next.reviewDate = reviewDate;
        return next;
    }

    /** Replaces the draft's content. Each goal and activity must make sense; completeness waits for submission. */
    public void update(PlanInput input) {
        requireDraft();
        List<String> newGoals = checkedGoals(input.goals());
        List<PlanActivity> newActivities = checkedActivities(input.activities());
        goals.clear();
        goals.addAll(newGoals);
        activities.clear();
        activities.addAll(newActivities);
        reviewDate = input.reviewDate();
    }

    /** Submits the draft: it needs a goal, activities with someone responsible and a due date, and a review date. */
    public void submit(LocalDate today, Stamp stamp) {
        requireDraft();
        if (goals.isEmpty()) {
            throw new InvalidInputException("goals", "plan.goals.required");
        }
        if (activities.isEmpty()) {
            throw new InvalidInputException("activities", "plan.activities.required");
        }
        for (PlanActivity activity : activities) {
            if (!activity.isScheduled()) {
                throw new InvalidInputException("activities", "plan.activity.unscheduled", activity.getDescription());
            }
        }
        if (reviewDate == null) {
            throw new InvalidInputException("reviewDate", "plan.reviewDate.required");
        }
        if (reviewDate.isBefore(today)) {
            throw new InvalidInputException("reviewDate", "plan.reviewDate.past");
        }
        status = PlanStatus.SUBMITTED;
        submittedBy = stamp.actor();
        submittedAt = stamp.at();
    }

    public void approve(String comment, Stamp stamp) {
        decide(PlanStatus.APPROVED, blankToNull(comment), stamp);
    }

    /** The case's risk did not call for a review: the submitted plan is in force as it is. */
    public void approveWithoutReview(Instant at) {
        requireSubmitted();
        status = PlanStatus.APPROVED;
        approvedWithoutReview = true;
        reviewedAt = at;
    }

    /** Returns the plan for revision; the supervisor must say what to change. */
    public void returnForRevision(String comments, Stamp stamp) {
        if (comments == null || comments.isBlank()) {
            throw new InvalidInputException("comments", "plan.comments.required");
        }
        decide(PlanStatus.RETURNED, comments.strip(), stamp);
    }

    /** Records that an activity of the approved plan was carried out on a day (today or before). */
    public PlanActivity markActivityDone(UUID activityId, LocalDate on, LocalDate today, String actor) {
        if (status != PlanStatus.APPROVED) {
            throw new ConflictException("plan.notApproved", versionNumber, status.name());
        }
        if (on == null) {
            throw new InvalidInputException("date", "plan.activity.dateRequired");
        }
        if (on.isAfter(today)) {
            throw new InvalidInputException("date", "plan.activity.doneInFuture");
        }
        for (int i = 0; i < activities.size(); i++) {
            PlanActivity activity = activities.get(i);
            if (activity.getId().equals(activityId)) {
                if (activity.isDone()) {
                    throw new ConflictException("plan.activity.alreadyDone", activity.getDoneOn());
                }
                PlanActivity done = activity.doneOn(on, actor);
                activities.set(i, done);
                return done;
            }
        }
        throw new NotFoundException("activity");
    }

    public boolean isPending() {
        return status.isPending();
    }

    public List<String> getGoals() {
        return Collections.unmodifiableList(goals);
    }

    public List<PlanActivity> getActivities() {
        return Collections.unmodifiableList(activities);
    }

    private void decide(PlanStatus outcome, String comment, Stamp stamp) {
        requireSubmitted();
        FreeText.checkCharacters("comment", comment, true);
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            throw new InvalidInputException("comment", "plan.comment.tooLong", MAX_COMMENT_LENGTH);
        }
        status = outcome;
        reviewedBy = stamp.actor();
        reviewedAt = stamp.at();
        reviewComment = comment;
    }

    private void requireDraft() {
        if (status != PlanStatus.DRAFT) {
            throw new ConflictException("plan.notDraft", versionNumber, status.name());
        }
    }

    private void requireSubmitted() {
        if (status != PlanStatus.SUBMITTED) {
            throw new ConflictException("plan.notSubmitted", versionNumber, status.name());
        }
    }

    private static List<String> checkedGoals(List<String> input) {
        List<String> checked = input == null ? List.of() : input;
        if (checked.size() > MAX_GOALS) {
            throw new InvalidInputException("goals", "plan.goals.tooMany", MAX_GOALS);
        }
        List<String> result = new ArrayList<>();
        for (String goal : checked) {
            if (goal == null || goal.isBlank()) {
                throw new InvalidInputException("goals", "plan.goal.blank");
            }
            FreeText.checkCharacters("goals", goal.strip(), true);
            if (goal.strip().length() > MAX_GOAL_LENGTH) {
                throw new InvalidInputException("goals", "plan.goal.tooLong", MAX_GOAL_LENGTH);
            }
            result.add(goal.strip());
        }
        return result;
    }

    private List<PlanActivity> checkedActivities(List<PlanInput.Activity> input) {
        List<PlanInput.Activity> checked = input == null ? List.of() : input;
        if (checked.size() > MAX_ACTIVITIES) {
            throw new InvalidInputException("activities", "plan.activities.tooMany", MAX_ACTIVITIES);
        }
        Map<UUID, PlanActivity> existing =
                activities.stream().collect(Collectors.toMap(PlanActivity::getId, Function.identity()));
        Set<UUID> used = new HashSet<>();
        List<PlanActivity> result = new ArrayList<>();
        for (PlanInput.Activity activity : checked) {
            if (activity == null || activity.type() == null) {
                throw new InvalidInputException("activities", "plan.activity.typeRequired");
            }
            String description = blankToNull(activity.description());
            if (description == null) {
                throw new InvalidInputException("activities", "plan.activity.descriptionRequired");
            }
            FreeText.checkCharacters("activities", description, true);
            if (description.length() > MAX_DESCRIPTION_LENGTH) {
                throw new InvalidInputException(
                        "activities", "plan.activity.descriptionTooLong", MAX_DESCRIPTION_LENGTH);
            }
            ActivityOwner owner = checkedOwner(activity);
            PlanActivity before = activity.id() == null ? null : existing.get(activity.id());
            boolean keepsIdentity = before != null && used.add(before.getId());
            result.add(new PlanActivity(
                    keepsIdentity ? before.getId() : UUID.randomUUID(),
                    activity.type(),
                    description,
                    owner,
                    activity.dueDate(),
                    keepsIdentity ? before.getDoneOn() : null,
                    keepsIdentity ? before.getDoneBy() : null));
        }
        return result;
    }

    /**
     * One responsible party at most: a user, a registered partner or a written-in partner (a
     * contact without the partner's name says nothing about who does it). Whether the user or the
     * organisation may take it depends on the client's village: the service checks that.
     */
    private static ActivityOwner checkedOwner(PlanInput.Activity activity) {
        String partnerName = blankToNull(activity.partnerName());
        String partnerContact = blankToNull(activity.partnerContact());
        int owners = (activity.responsibleWorkerId() == null ? 0 : 1)
                + (activity.partnerOrganisationId() == null ? 0 : 1)
                + (partnerName == null ? 0 : 1);
        if (owners > 1) {
            throw new InvalidInputException("activities", "plan.activity.oneOwner", activity.description());
        }
        if (partnerContact != null && partnerName == null) {
            throw new InvalidInputException("activities", "plan.activity.partnerNameRequired", activity.description());
        }
        for (String text : new String[] {partnerName, partnerContact}) {
            if (text != null) {
                FreeText.checkCharacters("activities", text, false);
                if (text.length() > MAX_PARTNER_LENGTH) {
                    throw new InvalidInputException("activities", "plan.activity.partnerTooLong", MAX_PARTNER_LENGTH);
                }
            }
        }
        return new ActivityOwner(
                activity.responsibleWorkerId(), activity.partnerOrganisationId(), partnerName, partnerContact);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
