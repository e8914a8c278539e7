package org.casework.core.assessments;

import java.util.List;
import org.casework.core.shared.RiskLevel;

/**
 * What the server computed from complete answers, in the shape every instrument shares: a total
 * (null when the instrument has none), an outcome code (e.g. an ability level), a proposed risk
 * level (a proposal: the worker confirms it on the case), whether a mandatory report is due, the
 * item codes or rule names that decided the outcome, and notes on how it was computed (e.g. {@code
 * age_from_birth_date:11}: the age the rules used and where it came from).
 */
public record ScoringResult(
        Integer totalScore,
        String outcome,
        RiskLevel proposedRisk,
        boolean mandatoryReport,
        List<String> triggers,
        List<String> notes) {

    public ScoringResult {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        notes = notes == null ? List.of() : List.copyOf(notes);
        if (mandatoryReport && proposedRisk != RiskLevel.RED) {
            throw new IllegalArgumentException("a mandatory report is always red");
        }
    }

    public ScoringResult(
            Integer totalScore,
            String outcome,
            RiskLevel proposedRisk,
            boolean mandatoryReport,
            List<String> triggers) {
        this(totalScore, outcome, proposedRisk, mandatoryReport, triggers, List.of());
    }

    /** For instruments that only collect answers. */
    public static ScoringResult unscored() {
        return new ScoringResult(null, null, null, false, List.of());
    }
}
