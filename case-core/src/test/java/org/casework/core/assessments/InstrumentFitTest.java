package org.casework.core.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstrumentFitTest {

    @Test
    void aChildGetsNoElderlyInstrument() {
        assertThat(InstrumentFit.fits(InstrumentFit.CHILD_PROTECTION, 9)).isTrue();
        assertThat(InstrumentFit.fits(InstrumentFit.ELDERLY_ABILITY, 9)).isFalse();
        assertThat(InstrumentFit.fits("household-needs", 9)).isTrue();
    }

    @Test
    void anElderlyPersonGetsNoChildProtectionAssessment() {
        assertThat(InstrumentFit.fits(InstrumentFit.CHILD_PROTECTION, 75)).isFalse();
        assertThat(InstrumentFit.fits(InstrumentFit.ELDERLY_ABILITY, 75)).isTrue();
        assertThat(InstrumentFit.fits("tekun-self-care-henan", 75)).isTrue();
    }

    @Test
    void theBoundariesAreEighteenAndSixty() {
        assertThat(InstrumentFit.fits(InstrumentFit.CHILD_PROTECTION, 17)).isTrue();
        assertThat(InstrumentFit.fits(InstrumentFit.CHILD_PROTECTION, 18)).isFalse();
        assertThat(InstrumentFit.fits(InstrumentFit.ELDERLY_ABILITY, 59)).isFalse();
        assertThat(InstrumentFit.fits(InstrumentFit.ELDERLY_ABILITY, 60)).isTrue();
    }
}
