package org.casework.core.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casework.core.shared.RiskLevel.GREEN;
import static org.casework.core.shared.RiskLevel.ORANGE;
import static org.casework.core.shared.RiskLevel.RED;
import static org.casework.core.shared.RiskLevel.YELLOW;

import java.util.Map;
import java.util.stream.Stream;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChildRiskPolicyTest {

    private final ChildRiskPolicy policy = new ChildRiskPolicy();

    private static Map<String, Object> noConcern() {
        return Instruments.childWithoutConcern();
    }

    /** Parents away, a named capable adult carer who passes the whole checklist, school and village told. */
    private static Map<String, Object> goodEntrustedCare() {
        Map<String, Object> answers = noConcern();
        answers.put("parents_away", true);
        answers.put("carer_named", true);
        answers.put("carer_name", "李秀兰");
        answers.put("carer_capable_adult", true);
        ChildRiskPolicy.CARER_UNFIT_ITEMS.forEach(code -> answers.put(code, false));
        answers.put("notice_given", true);
        answers.put("notice_date", "2026-09-01");
        return answers;
    }

    private ChildRiskResult assess(Map<String, Object> answers) {
        return policy.assess(AssessmentAnswers.complete(Instruments.CHILD, answers));
    }

    static Stream<String> mandatoryReportItems() {
        return ChildRiskPolicy.MANDATORY_REPORT_ITEMS.stream();
    }

    @Test
    void noConcernIsGreen() {
        ChildRiskResult result = assess(noConcern());

        assertThat(result.level()).isEqualTo(GREEN);
        assertThat(result.mandatoryReport()).isFalse();
        assertThat(result.triggers()).isEmpty();
    }

    @Test
    void thereAreNineMandatoryReportSituations() {
        assertThat(ChildRiskPolicy.MANDATORY_REPORT_ITEMS).hasSize(9).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("mandatoryReportItems")
    void eachMandatoryReportSituationIsRedAndMustBeReported(String item) {
        Map<String, Object> answers = noConcern();
        answers.put(item, true);

        ChildRiskResult result = assess(answers);

        assertThat(result.level()).isEqualTo(RED);
        assertThat(result.mandatoryReport()).isTrue();
        assertThat(result.triggers()).containsExactly(item);
    }

    @Test
    void aChildOf15LivingAloneIsRed() {
        Map<String, Object> answers = noConcern();
        answers.put("age_years", 15);
        answers.put("lives_alone", true);

        ChildRiskResult result = assess(answers);

        assertThat(result.level()).isEqualTo(RED);
        assertThat(result.mandatoryReport()).isFalse();
        assertThat(result.triggers()).containsExactly("lives_alone");
    }

    @Test
    void aChildOf16LivingAloneIsNotRedForThat() {
        Map<String, Object> answers = noConcern();
        answers.put("age_years", 16);
        answers.put("lives_alone", true);

        assertThat(assess(answers).level()).isEqualTo(GREEN);
    }

    @Test
    void aChildOf7LeftUnattendedIsRed() {
        Map<String, Object> answers = noConcern();
        answers.put("age_years", 7);
        answers.put("left_unattended", true);

        ChildRiskResult result = assess(answers);

        assertThat(result.level()).isEqualTo(RED);
        assertThat(result.triggers()).containsExactly("left_unattended");
    }

    @Test
    void aChildOf8LeftUnattendedIsNotRedForThat() {
        Map<String, Object> answers = noConcern();
        answers.put("age_years", 8);
        answers.put("left_unattended", true);

        assertThat(assess(answers).level()).isEqualTo(GREEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no_capable_guardian", "self_harm_risk"})
    void noCapableGuardianAndSelfHarmRiskAreRedWithoutAReportDuty(String item) {
        Map<String, Object> answers = noConcern();
        answers.put(item, true);

        ChildRiskResult result = assess(answers);

        assertThat(result.level()).isEqualTo(RED);
        assertThat(result.mandatoryReport()).isFalse();
        assertThat(result.triggers()).containsExactly(item);
    }

    @Test
    void goodEntrustedCareIsGreen() {
        assertThat(assess(goodEntrustedCare()).level()).isEqualTo(GREEN);
    }

    @Test
    void parentsAwayWithoutANamedCarerIsOrange() {
        Map<String, Object> answers = noConcern();
        answers.put("parents_away", true);
        answers.put("carer_named", false);

        ChildRiskResult result = assess(answers);

        assertThat(result.level()).isEqualTo(ORANGE);
        assertThat(result.triggers()).containsExactly("carer_named");
    }

    @Test
    void aCarerWhoIsNotACapableAdultIsOrange() {
        Map<String, Object> answers = goodEntrustedCare();
        answers.put("carer_capable_adult", false);

        ChildRiskResult result = assess(answers);

        assertThat(result.level()).isEqualTo(ORANGE);
        assertThat(result.triggers()).containsExactly("carer_capable_adult");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "carer_record_of_harm",
                "carer_addiction",
                "carer_past_neglect",
                "carer_other_unfit",
                "carer_negligent"
            })
    void eachReasonTheCarerIsUnfitIsOrange(String item) {
        Map<String, Object> answers = goodEntrustedCare();
        answers.put(item, true);

        ChildRiskResult result = assess(answers);

        assertThat(result.level()).isEqualTo(ORANGE);
        assertThat(result.triggers()).containsExactly(item);
    }

    @Test
    void aNegligentCarerCountsEvenWhenTheParentsAreHome() {
        Map<String, Object> answers = noConcern();
        answers.put("carer_negligent", true);

        assertThat(assess(answers).triggers()).containsExactly("carer_negligent");
    }

    @Test
    void parentsAwayNeedTheCarerQuestionAnswered() {
        Map<String, Object> answers = noConcern();
        answers.put("parents_away", true);

        assertThatThrownBy(() -> assess(answers))
                .isInstanceOf(InvalidInputException.class)
                .extracting("field")
                .isEqualTo("carer_named");
    }

    @Test
    void aNamedCarerNeedsTheWholeFitnessChecklist() {
        Map<String, Object> answers = goodEntrustedCare();
        answers.remove("carer_addiction");

        assertThatThrownBy(() -> assess(answers))
                .isInstanceOf(InvalidInputException.class)
                .extracting("field")
                .isEqualTo("carer_addiction");
    }

    @Test
    void aWrittenNoticeNeedsItsDate() {
        Map<String, Object> answers = goodEntrustedCare();
        answers.remove("notice_date");

        assertThatThrownBy(() -> assess(answers))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.answer.required")
                .extracting("field")
                .isEqualTo("notice_date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no_parent_contact_1m", "school_dropout", "no_hukou", "newly_bereaved"})
    void otherHighRiskSituationsAreOrange(String item) {
        Map<String, Object> answers = noConcern();
        answers.put(item, true);

        ChildRiskResult result = assess(answers);

        assertThat(result.level()).isEqualTo(ORANGE);
        assertThat(result.triggers()).containsExactly(item);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ORPHAN",
                "DE_FACTO_UNSUPPORTED",
                "SERIOUS_ILLNESS_DISABILITY",
                "LOW_INCOME_FAMILY",
                "GUARDIANSHIP_MISSING",
                "STREET"
            })
    void aChildInDifficultyIsYellow(String subtype) {
        Map<String, Object> answers = noConcern();
        answers.put("difficulty_subtype", subtype);

        ChildRiskResult result = assess(answers);

        assertThat(result.level()).isEqualTo(YELLOW);
        assertThat(result.triggers()).containsExactly("difficulty_subtype");
    }

    @Test
    void theMostUrgentLevelWinsAndOnlyItsTriggersAreListed() {
        Map<String, Object> answers = noConcern();
        answers.put("difficulty_subtype", "ORPHAN");
        answers.put("school_dropout", true);
        answers.put("self_harm_risk", true);
        answers.put("mr_organised_begging", true);

        ChildRiskResult result = assess(answers);

        assertThat(result.level()).isEqualTo(RED);
        assertThat(result.mandatoryReport()).isTrue();
        assertThat(result.triggers()).containsExactly("mr_organised_begging", "self_harm_risk");
    }

    @Test
    void informationalItemsRaiseNothing() {
        Map<String, Object> answers = noConcern();
        answers.put("housing_unsafe", true);
        answers.put("emotional_distress", true);
        answers.put("learning_difficulty", true);
        answers.put("illness_or_disability", true);

        assertThat(assess(answers).level()).isEqualTo(GREEN);
    }

    @Test
    void theCommonResultProposesTheLevel() {
        Map<String, Object> answers = noConcern();
        answers.put("mr_abandoned_or_uncared", true);

        ScoringResult result = policy.score(AssessmentAnswers.complete(Instruments.CHILD, answers));

        assertThat(result.proposedRisk()).isEqualTo(RED);
        assertThat(result.outcome()).isEqualTo("RED");
        assertThat(result.mandatoryReport()).isTrue();
        assertThat(result.totalScore()).isNull();
    }

    @Test
    void refusesAnAgeOfEighteen() {
        Map<String, Object> answers = noConcern();
        answers.put("age_years", 18);

        assertThatThrownBy(() -> assess(answers)).hasMessage("assessment.answer.aboveMax");
    }

    @Test
    void aCountyMaySetAnotherLevelForATrigger() {
        Map<String, Object> dropout = noConcern();
        dropout.put("school_dropout", true);
        assertThat(assess(dropout).level()).isEqualTo(RiskLevel.ORANGE);

        ChildRiskPolicy county =
                new ChildRiskPolicy(new ChildRiskSettings(null, null, Map.of("school_dropout", RiskLevel.YELLOW)));
        ChildRiskResult result = county.assess(AssessmentAnswers.complete(Instruments.CHILD, dropout));

        assertThat(result.level()).isEqualTo(RiskLevel.YELLOW);
        assertThat(result.triggers()).containsExactly("school_dropout");
    }

    @Test
    void aCountyMaySetTheAgesOfLivingAloneAndUnattended() {
        Map<String, Object> alone = noConcern();
        alone.put("age_years", 15);
        alone.put("lives_alone", true);
        assertThat(assess(alone).level()).isEqualTo(RiskLevel.RED);

        ChildRiskPolicy county = new ChildRiskPolicy(new ChildRiskSettings(14, null, null));

        assertThat(county.assess(AssessmentAnswers.complete(Instruments.CHILD, alone))
                        .level())
                .isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void noCountyMayLowerAMandatoryReportSituation() {
        assertThatThrownBy(() -> new ChildRiskSettings(null, null, Map.of("mr_signs_of_abuse", RiskLevel.ORANGE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mr_signs_of_abuse");
    }
}
