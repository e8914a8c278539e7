package org.casework.api.plans;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.casework.core.plans.ActivityType;
import org.casework.core.plans.PlanService;
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

        @Schema(description = "who submitted, by display name (堌阳镇社工 李娜)")
        String submittedByName,

        Instant submittedAt,
        String reviewedBy,

        @Schema(description = "who reviewed, by display name")
        String reviewedByName,

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

            @Schema(description = "who is responsible, as shown: a person's display name or the partner's name")
            String ownerName,

            @Schema(description = "station staff, the village child director or a partner")
            PlanService.OwnerKind ownerKind,

            @Schema(description = "a registered partner organisation responsible instead of a person")
            UUID partnerOrganisationId,

            @Schema(description = "a partner written in by hand: its name")
            String partnerName,

            @Schema(description = "the written-in partner's contact person and phone")
            String partnerContact,

            LocalDate dueDate,
            boolean done,
            LocalDate doneOn,
            String doneBy,

            @Schema(description = "who did it, by display name")
            String doneByName) {}
}
