package org.casework.core.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.casework.core.clients.CategorySubType;
import org.casework.core.flags.FlagType;
import org.junit.jupiter.api.Test;

class AssessmentPrefillTest {

    @Test
    void aLeftBehindChildFlaggedForDroppingOutStartsWithBothAnswered() {
        Map<String, Object> answers = AssessmentPrefill.answers(
                "child-protection", new AssessmentPrefill.Facts(true, null, List.of(FlagType.SCHOOL_DROPOUT)));

        assertThat(answers)
                .containsEntry("parents_away", true)
                .containsEntry("school_dropout", true)
                .hasSize(2);
    }

    @Test
    void theRegistrysDifficultySubTypeAndAMandatoryReportFlagAreCarriedOver() {
        Map<String, Object> answers = AssessmentPrefill.answers(
                "child-protection",
                new AssessmentPrefill.Facts(
                        false, CategorySubType.ORPHAN, List.of(FlagType.MR_ABANDONMENT_NO_CARE, FlagType.OTHER)));

        assertThat(answers)
                .containsEntry("difficulty_subtype", "ORPHAN")
                .containsEntry("mr_abandoned_or_uncared", true)
                .doesNotContainKey("parents_away")
                .hasSize(2);
    }

    @Test
    void otherInstrumentsStartEmpty() {
        assertThat(AssessmentPrefill.answers(
                        "elderly-ability-gbt42195",
                        new AssessmentPrefill.Facts(true, CategorySubType.ORPHAN, List.of(FlagType.LIVING_ALONE))))
                .isEmpty();
    }
}
