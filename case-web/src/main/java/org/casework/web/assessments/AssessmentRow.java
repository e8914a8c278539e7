package org.casework.web.assessments;

import java.util.UUID;
import org.casework.core.assessments.AssessmentStatus;
import org.casework.core.shared.RiskLevel;

/** One assessment in a list (client page, case workspace). */
public record AssessmentRow(
        UUID id,
        UUID caseId,
        String title,
        int instrumentVersion,
        AssessmentStatus status,
        boolean complete,
        Integer totalScore,
        String outcome,
        RiskLevel proposedRisk,
        boolean mandatoryReport,
        String signedBy,
        String signedAt,
        String createdAt) {}
