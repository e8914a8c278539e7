package org.casework.web.assessments;

import java.util.List;
import org.casework.core.shared.RiskLevel;

/**
 * What the server computed from complete answers, ready to show; {@code notes} say how the rules
 * computed it (e.g. the age they used), so a worker can check the rule that decided.
 */
public record AssessmentResult(
        Integer totalScore,
        String outcome,
        RiskLevel proposedRisk,
        boolean mandatoryReport,
        List<String> triggers,
        List<String> notes) {}
