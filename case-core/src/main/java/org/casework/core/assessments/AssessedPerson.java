package org.casework.core.assessments;

import java.time.LocalDate;
import java.time.Period;

/**
 * What the registry knows about the person assessed that rules need besides the answers: the age
 * comes from the registry birth date, never from a number typed into the form.
 *
 * @param birthDate the registry birth date, or null when there is none
 * @param assessedOn the day the answers are scored
 * @param livesAlone the registry says the person lives alone (独居)
 */
public record AssessedPerson(LocalDate birthDate, LocalDate assessedOn, boolean livesAlone) {

    /** Nothing known: the rules fall back on the answers. */
    public static AssessedPerson unknown(LocalDate assessedOn) {
        return new AssessedPerson(null, assessedOn, false);
    }

    /** Completed years on the day of the assessment, or null without a birth date. */
    public Integer age() {
        return birthDate == null ? null : Period.between(birthDate, assessedOn).getYears();
    }
}
