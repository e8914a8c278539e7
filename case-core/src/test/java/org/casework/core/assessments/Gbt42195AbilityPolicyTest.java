package org.casework.core.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casework.core.assessments.AbilityLevel.INTACT;
import static org.casework.core.assessments.AbilityLevel.MILD;
import static org.casework.core.assessments.AbilityLevel.MODERATE;
import static org.casework.core.assessments.AbilityLevel.SEVERE;
import static org.casework.core.assessments.AbilityLevel.TOTAL_LOSS;
import static org.casework.core.assessments.AbilityUpgradeRule.CARE_RISK_EVENTS;
import static org.casework.core.assessments.AbilityUpgradeRule.COMA;
import static org.casework.core.assessments.AbilityUpgradeRule.DEMENTIA_OR_MENTAL_DISORDER;

import java.util.LinkedHashMap;
import java.util.Map;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gbt42195AbilityPolicyTest {

    private final Gbt42195AbilityPolicy policy = new Gbt42195AbilityPolicy();

    /**
     * Answers whose 26 items add up to the total: every item at its best, then points taken off
     * item by item in form order. Consciousness goes down through drowsy and stupor, never coma.
     */
    private static Map<String, Object> answersTotalling(int total) {
        int toTakeOff = 90 - total;
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> item : Gbt42195AbilityPolicy.SCORED_ITEMS.entrySet()) {
            int max = item.getValue();
            int off = Math.min(max, toTakeOff);
            toTakeOff -= off;
            answers.put(item.getKey(), optionScoring(item.getKey(), max - off));
        }
        answers.put("assessment_reason", "FIRST");
        answers.put("dementia_or_mental_disorder", false);
        answers.put("care_risk_events_30d", 0);
        answers.put("alone_in_danger", false);
        return answers;
    }

    private static String optionScoring(String item, int score) {
        if (item.equals("consciousness")) {
            return switch (score) {
                case 2 -> "ALERT";
                case 1 -> "DROWSY";
                default -> "STUPOR";
            };
        }
        return String.valueOf(score);
    }

    private AbilityResult assess(Map<String, Object> answers) {
        return policy.assess(AssessmentAnswers.complete(Instruments.GBT42195, answers));
    }

    @ParameterizedTest(name = "total {0} is level {1}")
    @CsvSource({
        "90, INTACT",
        "89, MILD",
        "66, MILD",
        "65, MODERATE",
        "46, MODERATE",
        "45, SEVERE",
        "30, SEVERE",
        "29, TOTAL_LOSS",
        "0, TOTAL_LOSS"
    })
    void theTotalGivesTheLevelAtEveryBoundary(int total, AbilityLevel expected) {
        AbilityResult result = assess(answersTotalling(total));

        assertThat(result.total()).isEqualTo(total);
        assertThat(result.levelByTotal()).isEqualTo(expected);
        assertThat(result.level()).isEqualTo(expected);
        assertThat(result.applied()).isEmpty();
    }

    @Test
    void levelNumbersFollowTheStandard() {
        assertThat(INTACT.number()).isZero();
        assertThat(TOTAL_LOSS.number()).isEqualTo(4);
    }

    @Test
    void refusesATotalOutsideZeroToNinety() {
        assertThatThrownBy(() -> AbilityLevel.ofTotal(91)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AbilityLevel.ofTotal(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comaIsTotalLossWhateverTheTotal() {
        Map<String, Object> answers = answersTotalling(88); // alert counts 2, coma 0: the total becomes 86
        answers.put("consciousness", "COMA");

        AbilityResult result = assess(answers);

        assertThat(result.total()).isEqualTo(86);
        assertThat(result.levelByTotal()).isEqualTo(MILD);
        assertThat(result.level()).isEqualTo(TOTAL_LOSS);
        assertThat(result.applied()).containsExactly(COMA);
    }

    @Test
    void stuporScoresLikeComaButDoesNotSetTotalLoss() {
        Map<String, Object> answers = answersTotalling(90);
        answers.put("consciousness", "STUPOR");

        AbilityResult result = assess(answers);

        assertThat(result.total()).isEqualTo(88);
        assertThat(result.level()).isEqualTo(MILD);
    }

    @Test
    void dementiaRaisesTheLevelByOne() {
        Map<String, Object> answers = answersTotalling(65);
        answers.put("dementia_or_mental_disorder", true);

        AbilityResult result = assess(answers);

        assertThat(result.levelByTotal()).isEqualTo(MODERATE);
        assertThat(result.level()).isEqualTo(SEVERE);
        assertThat(result.applied()).containsExactly(DEMENTIA_OR_MENTAL_DISORDER);
    }

    @Test
    void twoCareRiskEventsInThirtyDaysRaiseTheLevelByOne() {
        Map<String, Object> answers = answersTotalling(90);
        answers.put("care_risk_events_30d", 2);

        AbilityResult result = assess(answers);

        assertThat(result.level()).isEqualTo(MILD);
        assertThat(result.applied()).containsExactly(CARE_RISK_EVENTS);
    }

    @Test
    void oneCareRiskEventChangesNothing() {
        Map<String, Object> answers = answersTotalling(90);
        answers.put("care_risk_events_30d", 1);

        assertThat(assess(answers).level()).isEqualTo(INTACT);
    }

    @Test
    void dementiaAndCareRiskEventsTogetherRaiseByOneOnly() {
        Map<String, Object> answers = answersTotalling(66);
        answers.put("dementia_or_mental_disorder", true);
        answers.put("care_risk_events_30d", 3);

        AbilityResult result = assess(answers);

        // 有下列情况之一的，在原有能力等级上提高一个等级: one step for either or both
        assertThat(result.levelByTotal()).isEqualTo(MILD);
        assertThat(result.level()).isEqualTo(MODERATE);
        assertThat(result.applied()).containsExactly(DEMENTIA_OR_MENTAL_DISORDER, CARE_RISK_EVENTS);
    }

    @Test
    void raisingNeverGoesBeyondTotalLoss() {
        Map<String, Object> answers = answersTotalling(45);
        answers.put("dementia_or_mental_disorder", true);
        answers.put("care_risk_events_30d", 5);

        AbilityResult result = assess(answers);

        assertThat(result.levelByTotal()).isEqualTo(SEVERE);
        assertThat(result.level()).isEqualTo(TOTAL_LOSS);
    }

    @Test
    void comaWithTheOtherRulesStaysTotalLossAndReportsAllThree() {
        Map<String, Object> answers = answersTotalling(90);
        answers.put("consciousness", "COMA");
        answers.put("dementia_or_mental_disorder", true);
        answers.put("care_risk_events_30d", 2);

        AbilityResult result = assess(answers);

        assertThat(result.level()).isEqualTo(TOTAL_LOSS);
        assertThat(result.applied()).containsExactly(COMA, DEMENTIA_OR_MENTAL_DISORDER, CARE_RISK_EVENTS);
    }

    @Test
    void theCommonResultCarriesTotalLevelAndRules() {
        Map<String, Object> answers = answersTotalling(50);
        answers.put("dementia_or_mental_disorder", true);

        ScoringResult result = policy.score(AssessmentAnswers.complete(Instruments.GBT42195, answers));

        assertThat(result.totalScore()).isEqualTo(50);
        assertThat(result.outcome()).isEqualTo("SEVERE");
        assertThat(result.triggers()).containsExactly("DEMENTIA_OR_MENTAL_DISORDER");
        assertThat(result.proposedRisk()).isNull();
        assertThat(result.mandatoryReport()).isFalse();
    }

    @Test
    void refusesAMissingScoredItem() {
        Map<String, Object> answers = answersTotalling(90);
        answers.remove("hearing");
        AssessmentAnswers draft = AssessmentAnswers.draft(Instruments.GBT42195, answers);

        assertThatThrownBy(() -> policy.assess(draft))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.answer.required")
                .extracting("field")
                .isEqualTo("hearing");
    }

    @Test
    void refusesAMissingCareRiskCount() {
        Map<String, Object> answers = answersTotalling(90);
        answers.remove("care_risk_events_30d");
        AssessmentAnswers draft = AssessmentAnswers.draft(Instruments.GBT42195, answers);

        assertThatThrownBy(() -> policy.assess(draft))
                .isInstanceOf(InvalidInputException.class)
                .extracting("field")
                .isEqualTo("care_risk_events_30d");
    }

    @Test
    void refusesAScoreAboveTheItemsRange() {
        Map<String, Object> answers = answersTotalling(90);
        answers.put("stairs", "4"); // stairs score 0-3

        assertThatThrownBy(() -> AssessmentAnswers.complete(Instruments.GBT42195, answers))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.answer.unknownOption")
                .extracting("field")
                .isEqualTo("stairs");
    }

    @Test
    void refusesANegativeOrFractionalEventCount() {
        Map<String, Object> negative = answersTotalling(90);
        negative.put("care_risk_events_30d", -1);
        assertThatThrownBy(() -> AssessmentAnswers.complete(Instruments.GBT42195, negative))
                .hasMessage("assessment.answer.belowMin");

        Map<String, Object> fraction = answersTotalling(90);
        fraction.put("care_risk_events_30d", "1.5");
        assertThatThrownBy(() -> assess(fraction)).hasMessage("assessment.answer.notWholeNumber");
    }

    private static final java.time.LocalDate DAY = java.time.LocalDate.of(2026, 11, 27);

    private ScoringResult scoreFor(Map<String, Object> answers, int age, boolean livesAlone) {
        return policy.score(
                AssessmentAnswers.complete(Instruments.GBT42195, answers),
                new AssessedPerson(DAY.minusYears(age), DAY, livesAlone));
    }

    @Test
    void severeLossWhileLivingAloneProposesOrange() {
        ScoringResult alone = scoreFor(answersTotalling(40), 72, true);
        assertThat(alone.outcome()).isEqualTo("SEVERE");
        assertThat(alone.proposedRisk()).isEqualTo(org.casework.core.shared.RiskLevel.ORANGE);
        assertThat(alone.triggers()).contains("elderly_severe_loss_living_alone");
        assertThat(scoreFor(answersTotalling(40), 72, false).proposedRisk())
                .isEqualTo(org.casework.core.shared.RiskLevel.GREEN);
    }

    @Test
    void dementiaAt80ProposesOrangeAndTheUpgradeRuleIsNamedToo() {
        Map<String, Object> answers = answersTotalling(70);
        answers.put("dementia_or_mental_disorder", true);
        ScoringResult result = scoreFor(answers, 81, false);
        assertThat(result.proposedRisk()).isEqualTo(org.casework.core.shared.RiskLevel.ORANGE);
        assertThat(result.triggers()).containsExactly("DEMENTIA_OR_MENTAL_DISORDER", "elderly_advanced_age_dementia");
    }

    @Test
    void aloneAndInDangerProposesRed() {
        Map<String, Object> answers = answersTotalling(80);
        answers.put("alone_in_danger", true);
        assertThat(scoreFor(answers, 68, false).proposedRisk()).isEqualTo(org.casework.core.shared.RiskLevel.RED);
    }

    @Test
    void withoutAKnownPersonNothingIsProposed() {
        assertThat(policy.score(AssessmentAnswers.complete(Instruments.GBT42195, answersTotalling(40)))
                        .proposedRisk())
                .isNull();
    }
}
