package org.casework.api.plans;

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
        Instant submittedAt,
        String reviewedBy,
        Instant reviewedAt,
        String reviewComment,
        boolean approvedWithoutReview) {}
