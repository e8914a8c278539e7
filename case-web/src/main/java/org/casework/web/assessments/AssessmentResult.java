package org.casework.web.assessments;

import java.util.List;
import org.casework.core.shared.RiskLevel;

/** What the server computed from complete answers, ready to show. */
public record AssessmentResult(
        Integer totalScore, String outcome, RiskLevel proposedRisk, boolean mandatoryReport, List<String> triggers) {}
