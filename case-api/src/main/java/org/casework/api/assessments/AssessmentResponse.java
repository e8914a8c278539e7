package org.casework.api.assessments;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.assessments.AssessmentStatus;
import org.casework.core.shared.RiskLevel;

/**
 * An assessment with its answers and the result computed on the server. {@code resultNotes} say how
 * it was computed, e.g. {@code age_from_birth_date:11}: the rules used the registry age, 11.
 */
public record AssessmentResponse(
        UUID id,
        long version,
        UUID clientId,
        UUID caseId,
        String instrumentCode,
        int instrumentVersion,
        AssessmentStatus status,
        Map<String, Object> answers,
        boolean complete,
        Integer totalScore,
        String outcome,
        RiskLevel proposedRisk,
        boolean mandatoryReport,
        List<String> triggers,
        List<String> resultNotes,
        String summary,
        String signedBy,

        @Schema(description = "who signed, by display name (堌阳镇社工 李娜)")
        String signedByName,

        Instant signedAt,
        UUID supersedes) {}
