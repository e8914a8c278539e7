package org.casework.core.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class AssessmentTest {

    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final UUID CLIENT = UUID.randomUUID();

    private static Map<String, Object> allMet() {
        return Instruments.answers(
                "eating", true,
                "dressing", true,
                "bed_transfer", true,
                "toileting", true,
                "indoor_walking", true,
                "bathing", true);
    }

    private static void answerCompletely(Assessment assessment, Map<String, Object> values) {
        AssessmentAnswers answers = AssessmentAnswers.complete(Instruments.TEKUN, values);
        assessment.answer(answers, Instruments.CATALOG.score(answers));
    }

    private static Assessment signed() {
        Assessment assessment = Assessment.start(CLIENT, null, Instruments.TEKUN);
        answerCompletely(assessment, allMet());
        assessment.summarise("六项均能自理。");
        assessment.sign("zhang.wei", NOW);
        return assessment;
    }

    @Test
    void startsAsAnEmptyDraftOfTheGivenVersion() {
        UUID caseId = UUID.randomUUID();
        Assessment assessment = Assessment.start(CLIENT, caseId, Instruments.CHILD);

        assertThat(assessment.getStatus()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(assessment.instrument()).isEqualTo(Instruments.CHILD.key());
        assertThat(assessment.getCaseId()).isEqualTo(caseId);
        assertThat(assessment.getAnswers()).isEmpty();
        assertThat(assessment.result()).isNull();
    }

    @Test
    void keepsTheResultOfCompleteAnswers() {
        Assessment assessment = Assessment.start(CLIENT, null, Instruments.TEKUN);
        Map<String, Object> values = allMet();
        values.put("bathing", false);

        answerCompletely(assessment, values);

        assertThat(assessment.isComplete()).isTrue();
        assertThat(assessment.getOutcome()).isEqualTo("PARTLY_LOST");
        assertThat(assessment.triggerList()).containsExactly("bathing");
    }

    @Test
    void incompleteAnswersHaveNoResult() {
        Assessment assessment = Assessment.start(CLIENT, null, Instruments.TEKUN);
        answerCompletely(assessment, allMet());

        assessment.answer(AssessmentAnswers.draft(Instruments.TEKUN, Instruments.answers("eating", false)), null);

        assertThat(assessment.isComplete()).isFalse();
        assertThat(assessment.result()).isNull();
        assertThat(assessment.getOutcome()).isNull();
    }

    @Test
    void reportsWhichAnswersChanged() {
        Assessment assessment = Assessment.start(CLIENT, null, Instruments.TEKUN);
        answerCompletely(assessment, allMet());
        Map<String, Object> values = allMet();
        values.put("dressing", false);
        values.put("notes", "需要帮助");

        AssessmentAnswers answers = AssessmentAnswers.complete(Instruments.TEKUN, values);
        List<String> changed = assessment.answer(answers, Instruments.CATALOG.score(answers));

        assertThat(changed).containsExactlyInAnyOrder("dressing", "notes");
    }

    @Test
    void refusesAnswersOfAnotherInstrument() {
        Assessment assessment = Assessment.start(CLIENT, null, Instruments.TEKUN);
        AssessmentAnswers other = AssessmentAnswers.draft(Instruments.HOUSEHOLD, Map.of());

        assertThatThrownBy(() -> assessment.answer(other, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToSignIncompleteAnswers() {
        Assessment assessment = Assessment.start(CLIENT, null, Instruments.TEKUN);
        assessment.summarise("摘要");

        assertThatThrownBy(() -> assessment.sign("zhang.wei", NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.sign.incomplete");
    }

    @Test
    void refusesToSignWithoutASummary() {
        Assessment assessment = Assessment.start(CLIENT, null, Instruments.TEKUN);
        answerCompletely(assessment, allMet());
        assessment.summarise("   ");

        assertThatThrownBy(() -> assessment.sign("zhang.wei", NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.summary.required");
    }

    @Test
    void refusesASummaryLongerThan4000Characters() {
        Assessment assessment = Assessment.start(CLIENT, null, Instruments.TEKUN);

        assertThatThrownBy(() -> assessment.summarise("长".repeat(4001)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.summary.tooLong");
    }

    @Test
    void signingRecordsWhoAndWhen() {
        Assessment assessment = signed();

        assertThat(assessment.isSigned()).isTrue();
        assertThat(assessment.getSignedBy()).isEqualTo("zhang.wei");
        assertThat(assessment.getSignedAt()).isEqualTo(NOW);
    }

    @Test
    void aSignedAssessmentRefusesNewAnswers() {
        Assessment assessment = signed();
        AssessmentAnswers answers = AssessmentAnswers.complete(Instruments.TEKUN, allMet());

        assertThatThrownBy(() -> assessment.answer(answers, Instruments.CATALOG.score(answers)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("assessment.signed.immutable");
    }

    @Test
    void aSignedAssessmentRefusesANewSummary() {
        Assessment assessment = signed();

        assertThatThrownBy(() -> assessment.summarise("改写"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("assessment.signed.immutable");
        assertThat(assessment.getSummary()).isEqualTo("六项均能自理。");
    }

    @Test
    void aSignedAssessmentCannotBeSignedAgain() {
        Assessment assessment = signed();

        assertThatThrownBy(() -> assessment.sign("li.na", NOW.plusSeconds(60)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("assessment.signed.immutable");
        assertThat(assessment.getSignedBy()).isEqualTo("zhang.wei");
    }

    @Test
    void aReassessmentIsANewEmptyDraftThatSupersedesTheSignedOne() {
        Assessment previous = signed();

        Assessment next = previous.reassess(Instruments.TEKUN);

        assertThat(next.getId()).isNotEqualTo(previous.getId());
        assertThat(next.getSupersedes()).isEqualTo(previous.getId());
        assertThat(next.getClientId()).isEqualTo(CLIENT);
        assertThat(next.getStatus()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(next.getAnswers()).isEmpty();
        assertThat(previous.isSigned()).isTrue();
    }

    @Test
    void aDraftIsEditedNotReassessed() {
        Assessment draft = Assessment.start(CLIENT, null, Instruments.TEKUN);

        assertThatThrownBy(() -> draft.reassess(Instruments.TEKUN))
                .isInstanceOf(ConflictException.class)
                .hasMessage("assessment.reassess.notSigned");
    }

    @Test
    void aReassessmentKeepsTheInstrument() {
        Assessment previous = signed();

        assertThatThrownBy(() -> previous.reassess(Instruments.CHILD)).isInstanceOf(IllegalArgumentException.class);
    }
}
