package org.casework.core.assessments;

/**
 * A named way to turn complete answers into a result. Instrument files name their method; a new
 * version of an instrument reuses a policy without code, a new kind of rule is a new policy.
 */
public interface ScoringPolicy {

    /** The name instrument files use in their {@code scoring} field. */
    String method();

    /**
     * Refuses, at start-up, an instrument that lacks the items this policy reads, or whose items
     * have the wrong type or scores. Throws {@link InvalidInstrumentException} naming the item.
     */
    void checkDefinition(InstrumentDefinition definition);

    /** Scores answers that the caller has checked to be complete. */
    ScoringResult score(AssessmentAnswers answers);

    /**
     * Scores complete answers for a known person: policies whose rules depend on who is assessed
     * (age, living alone) override this; the others ignore the person.
     */
    default ScoringResult score(AssessmentAnswers answers, AssessedPerson person) {
        return score(answers);
    }
}
