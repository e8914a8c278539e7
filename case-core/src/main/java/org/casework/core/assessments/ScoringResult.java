package org.casework.core.assessments;

import java.util.List;
import org.casework.core.shared.RiskLevel;

/**
 * What the server computed from complete answers, in the shape every instrument shares: a total
 * (null when the instrument has none), an outcome code (e.g. an ability level), a proposed risk
 * level (a proposal: the worker confirms it on the case), whether a mandatory report is due, and
 * the item codes or rule names that decided the outcome.
 */
public record ScoringResult(
        Integer totalScore, String outcome, RiskLevel proposedRisk, boolean mandatoryReport, List<String> triggers) {

    public ScoringResult {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        if (mandatoryReport && proposedRisk != RiskLevel.RED) {
            throw new IllegalArgumentException("a mandatory report is always red");
        }
    }

    /** For instruments that only collect answers. */
    public static ScoringResult unscored() {
        return new ScoringResult(null, null, null, false, List.of());
    }
}
