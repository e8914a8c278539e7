package org.casework.api.plans;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.casework.core.plans.PlanStatus;

/** One version in the list of a case's plan versions. */
public record PlanSummary(
        UUID id,
        long version,
        int versionNumber,
        PlanStatus status,
        LocalDate reviewDate,
        String submittedBy,

        @Schema(description = "who submitted, by display name (堌阳镇社工 李娜)")
        String submittedByName,

        Instant submittedAt,
        String reviewedBy,

        @Schema(description = "who reviewed, by display name")
        String reviewedByName,

        Instant reviewedAt,
        String reviewComment,
        boolean approvedWithoutReview) {}
