package org.casework.core.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class NoScoringPolicyTest {

    private static Map<String, Object> householdAnswers() {
        Map<String, Object> answers = Instruments.answers(
                "visit_date", "2026-11-20",
                "members_count", 4,
                "main_income_source", "FARMING",
                "housing", "NEEDS_REPAIR",
                "family_support", "SOME");
        Instruments.HOUSEHOLD.items().stream()
                .filter(i -> i.type() == ItemType.BOOLEAN)
                .forEach(i -> answers.put(i.code(), false));
        answers.put("need_medical", true);
        return answers;
    }

    @Test
    void householdNeedsAreCheckedButNotScored() {
        AssessmentAnswers answers = AssessmentAnswers.complete(Instruments.HOUSEHOLD, householdAnswers());

        assertThat(Instruments.CATALOG.score(answers)).isEqualTo(ScoringResult.unscored());
        assertThat(answers.flag("need_medical")).isTrue();
    }

    @Test
    void householdNeedsStillRefuseInvalidAnswers() {
        Map<String, Object> answers = householdAnswers();
        answers.put("members_count", 0);

        assertThatThrownBy(() -> AssessmentAnswers.complete(Instruments.HOUSEHOLD, answers))
                .isInstanceOf(InvalidInputException.class)
                .extracting("field")
                .isEqualTo("members_count");
    }

    @Test
    void theCatalogRefusesToScoreIncompleteAnswers() {
        Map<String, Object> answers = householdAnswers();
        answers.remove("housing");
        AssessmentAnswers draft = AssessmentAnswers.draft(Instruments.HOUSEHOLD, answers);

        assertThatThrownBy(() -> Instruments.CATALOG.score(draft))
                .isInstanceOf(InvalidInputException.class)
                .extracting("field")
                .isEqualTo("housing");
    }
}
