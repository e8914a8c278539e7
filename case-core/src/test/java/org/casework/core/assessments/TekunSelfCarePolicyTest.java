package org.casework.core.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TekunSelfCarePolicyTest {

    private final TekunSelfCarePolicy policy = new TekunSelfCarePolicy();

    /** The first {@code unmet} of the six activities cannot be managed, the rest can. */
    private static Map<String, Object> withUnmet(int unmet) {
        Map<String, Object> answers = new LinkedHashMap<>();
        List<String> activities = TekunSelfCarePolicy.ACTIVITIES;
        for (int i = 0; i < activities.size(); i++) {
            answers.put(activities.get(i), i >= unmet);
        }
        return answers;
    }

    @ParameterizedTest(name = "{0} unmet → {1}")
    @CsvSource({
        "0, CAPABLE",
        "1, PARTLY_LOST",
        "2, PARTLY_LOST",
        "3, PARTLY_LOST",
        "4, FULLY_LOST",
        "5, FULLY_LOST",
        "6, FULLY_LOST"
    })
    void theNumberOfUnmetActivitiesDecides(int unmet, SelfCareStatus expected) {
        SelfCareResult result = policy.assess(AssessmentAnswers.complete(Instruments.TEKUN, withUnmet(unmet)));

        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.unmetActivities()).hasSize(unmet);
    }

    @Test
    void namesTheActivitiesThatAreNotManaged() {
        Map<String, Object> answers = withUnmet(0);
        answers.put("bathing", false);
        answers.put("toileting", false);

        ScoringResult result = policy.score(AssessmentAnswers.complete(Instruments.TEKUN, answers));

        assertThat(result.outcome()).isEqualTo("PARTLY_LOST");
        assertThat(result.triggers()).containsExactly("toileting", "bathing");
        assertThat(result.totalScore()).isEqualTo(4);
    }

    @Test
    void refusesAnUnansweredActivity() {
        Map<String, Object> answers = withUnmet(0);
        answers.remove("indoor_walking");
        AssessmentAnswers draft = AssessmentAnswers.draft(Instruments.TEKUN, answers);

        assertThatThrownBy(() -> policy.assess(draft))
                .isInstanceOf(InvalidInputException.class)
                .extracting("field")
                .isEqualTo("indoor_walking");
    }

    @Test
    void refusesAnImpossibleCountOfUnmetActivities() {
        assertThatThrownBy(() -> SelfCareStatus.ofUnmet(7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SelfCareStatus.ofUnmet(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
