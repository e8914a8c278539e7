package org.casework.web.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.plans.ActivityType;
import org.casework.core.plans.PlanService;
import org.casework.core.plans.PlanStatus;
import org.casework.core.plans.ServicePlan;
import org.casework.web.support.Dates;

/** One plan version as the workspace shows it, with workers' names instead of ids. */
public record PlanView(
        UUID id,
        long version,
        int number,
        PlanStatus status,
        List<String> goals,
        List<Activity> activities,
        LocalDate reviewDate,
        String submittedBy,
        String submittedAt,
        String reviewedBy,
        String reviewedAt,
        String reviewComment,
        boolean approvedWithoutReview) {

    /** A planned activity. */
    public record Activity(
            UUID id,
            ActivityType type,
            String description,
            String workerName,
            PlanService.OwnerKind ownerKind,
            String ownerContact,
            LocalDate dueDate,
            LocalDate doneOn,
            String doneBy,
            boolean overdue) {}

    /** A line of the version list. */
    public record VersionLink(UUID id, int number, PlanStatus status) {}

    /** The logins a plan version shows: who submitted, reviewed and did its activities. */
    static List<String> loginsOf(ServicePlan p) {
        List<String> logins = new ArrayList<>();
        logins.add(p.getSubmittedBy());
        logins.add(p.getReviewedBy());
        p.getActivities().forEach(a -> logins.add(a.getDoneBy()));
        return logins;
    }

    /**
     * @param owners who is responsible for each activity (by activity id): staff, the village child
     *     director, or a partner with its contact
     */
    static PlanView of(ServicePlan p, Map<UUID, PlanService.OwnerLabel> owners, LocalDate today, DisplayNames names) {
        return new PlanView(
                p.getId(),
                p.getVersion() == null ? 0 : p.getVersion(),
                p.getVersionNumber(),
                p.getStatus(),
                List.copyOf(p.getGoals()),
                p.getActivities().stream()
                        .map(a -> new Activity(
                                a.getId(),
                                a.getType(),
                                a.getDescription(),
                                owners.containsKey(a.getId())
                                        ? owners.get(a.getId()).name()
                                        : null,
                                owners.containsKey(a.getId())
                                        ? owners.get(a.getId()).kind()
                                        : null,
                                owners.containsKey(a.getId())
                                        ? owners.get(a.getId()).contact()
                                        : null,
                                a.getDueDate(),
                                a.getDoneOn(),
                                names.of(a.getDoneBy()),
                                !a.isDone()
                                        && a.getDueDate() != null
                                        && a.getDueDate().isBefore(today)))
                        .toList(),
                p.getReviewDate(),
                names.of(p.getSubmittedBy()),
                p.getSubmittedAt() == null ? null : Dates.dateTime(p.getSubmittedAt()),
                names.of(p.getReviewedBy()),
                p.getReviewedAt() == null ? null : Dates.dateTime(p.getReviewedAt()),
                p.getReviewComment(),
                p.isApprovedWithoutReview());
    }

    public boolean draft() {
        return status == PlanStatus.DRAFT;
    }

    public boolean submitted() {
        return status == PlanStatus.SUBMITTED;
    }

    public boolean approved() {
        return status == PlanStatus.APPROVED;
    }
}
