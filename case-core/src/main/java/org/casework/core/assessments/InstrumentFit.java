package org.casework.core.assessments;

/**
 * Which instruments fit a person of an age: the child protection assessment is for minors, the
 * GB/T 42195 elderly ability assessment from 60; the others (特困 self-care, household needs) for
 * anyone. Pages offer only fitting instruments and {@link AssessmentService#start} refuses the rest.
 */
public final class InstrumentFit {

    public static final String CHILD_PROTECTION = "child-protection";
    public static final String ELDERLY_ABILITY = "elderly-ability-gbt42195";
    static final int ADULT_AGE = 18;
    static final int ELDERLY_AGE = 60;

    private InstrumentFit() {}

    public static boolean fits(String instrumentCode, int age) {
        return switch (instrumentCode) {
            case CHILD_PROTECTION -> age < ADULT_AGE;
            case ELDERLY_ABILITY -> age >= ELDERLY_AGE;
            default -> true;
        };
    }
}
