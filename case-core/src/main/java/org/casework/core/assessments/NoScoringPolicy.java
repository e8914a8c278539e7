package org.casework.core.assessments;

/** For instruments that only collect checked answers (household needs): nothing to compute. */
public final class NoScoringPolicy implements ScoringPolicy {

    public static final String METHOD = "NONE";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public void checkDefinition(InstrumentDefinition definition) {
        // Any well-formed instrument can be collected without a score.
    }

    @Override
    public ScoringResult score(AssessmentAnswers answers) {
        return ScoringResult.unscored();
    }
}
