package org.casework.api.plans;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.casework.core.plans.ActivityType;
import org.casework.core.plans.PlanStatus;

/** One version of a case's service plan, with its goals and activities. */
public record PlanResponse(
        UUID id,
        long version,
        UUID caseId,
        int versionNumber,
        PlanStatus status,
        List<String> goals,
        List<Activity> activities,
        LocalDate reviewDate,
        UUID basedOn,
        String submittedBy,
        Instant submittedAt,
        String reviewedBy,
        Instant reviewedAt,
        String reviewComment,
        boolean approvedWithoutReview,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    // named apart from the request's PlanInput.Activity in the OpenAPI document
    @Schema(name = "PlanActivity")
    public record Activity(
            UUID id,
            ActivityType type,
            String description,
            UUID responsibleWorkerId,
            LocalDate dueDate,
            boolean done,
            LocalDate doneOn,
            String doneBy) {}
}
