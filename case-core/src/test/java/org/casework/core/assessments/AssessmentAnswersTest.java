package org.casework.core.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casework.core.assessments.Instruments.answers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class AssessmentAnswersTest {

    private static LocalizedText label(String text) {
        return new LocalizedText(text, text);
    }

    /** One item of each type. */
    private static final InstrumentDefinition FORM = new InstrumentDefinition(
            new InstrumentKey("form", 1),
            label("Form"),
            "NONE",
            List.of(new Section(
                    "all",
                    label("All"),
                    null,
                    List.of(
                            new Item(
                                    "housing",
                                    label("Housing"),
                                    ItemType.SINGLE_CHOICE,
                                    true,
                                    List.of(
                                            new ChoiceOption("SAFE", label("Safe"), 1),
                                            new ChoiceOption("UNSAFE", label("Unsafe"), null)),
                                    null,
                                    null,
                                    null),
                            new Item("alone", label("Alone"), ItemType.BOOLEAN, true, null, null, null, null),
                            new Item(
                                    "members",
                                    label("Members"),
                                    ItemType.NUMBER,
                                    true,
                                    null,
                                    BigDecimal.ONE,
                                    BigDecimal.valueOf(30),
                                    null),
                            new Item("note", label("Note"), ItemType.TEXT, false, null, null, null, 5),
                            new Item("visited", label("Visited"), ItemType.DATE, false, null, null, null, null)))));

    private static Map<String, Object> valid() {
        return answers("housing", "SAFE", "alone", true, "members", 3, "note", "ok", "visited", "2026-11-20");
    }

    private static void assertRefused(Map<String, Object> answers, String field, String messageKey) {
        assertThatThrownBy(() -> AssessmentAnswers.draft(FORM, answers))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(messageKey)
                .extracting("field")
                .isEqualTo(field);
    }

    @Test
    void normalisesValidAnswersOfEveryType() {
        AssessmentAnswers answers = AssessmentAnswers.complete(FORM, valid());

        assertThat(answers.values())
                .containsEntry("housing", "SAFE")
                .containsEntry("alone", true)
                .containsEntry("members", new BigDecimal("3"))
                .containsEntry("note", "ok")
                .containsEntry("visited", LocalDate.of(2026, 11, 20));
    }

    @Test
    void acceptsFormStringsForBooleansAndNumbers() {
        Map<String, Object> posted = answers("housing", "UNSAFE", "alone", "false", "members", " 4.0 ");

        AssessmentAnswers answers = AssessmentAnswers.complete(FORM, posted);

        assertThat(answers.flag("alone")).isFalse();
        assertThat(answers.wholeNumber("members")).isEqualTo(4);
        assertThat(answers.values().get("members")).hasToString("4");
    }

    @Test
    void refusesAnUnknownItem() {
        Map<String, Object> answers = valid();
        answers.put("income", 1000);
        assertRefused(answers, "income", "assessment.answer.unknownItem");
    }

    @Test
    void refusesAMissingRequiredItemWhenCompleteAnswersAreDemanded() {
        Map<String, Object> answers = valid();
        answers.remove("members");
        assertThatThrownBy(() -> AssessmentAnswers.complete(FORM, answers))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.answer.required")
                .extracting("field")
                .isEqualTo("members");
    }

    @Test
    void aDraftMayLackRequiredItemsAndSaysWhichInFormOrder() {
        AssessmentAnswers draft = AssessmentAnswers.draft(FORM, answers("alone", false));

        assertThat(draft.isComplete()).isFalse();
        assertThat(draft.missingRequired()).containsExactly("housing", "members");
    }

    @Test
    void aBlankAnswerCountsAsUnanswered() {
        AssessmentAnswers draft = AssessmentAnswers.draft(FORM, answers("housing", " ", "note", ""));

        assertThat(draft.has("housing")).isFalse();
        assertThat(draft.has("note")).isFalse();
        assertThat(draft.missingRequired()).contains("housing");
    }

    @Test
    void refusesAnOptionCodeNotInTheList() {
        Map<String, Object> answers = valid();
        answers.put("housing", "GOOD");
        assertRefused(answers, "housing", "assessment.answer.unknownOption");
    }

    @Test
    void refusesANonBooleanForAYesNoItem() {
        Map<String, Object> answers = valid();
        answers.put("alone", "yes");
        assertRefused(answers, "alone", "assessment.answer.notBoolean");
    }

    @Test
    void refusesTextForANumber() {
        Map<String, Object> answers = valid();
        answers.put("members", "three");
        assertRefused(answers, "members", "assessment.answer.notNumber");
    }

    @Test
    void refusesANumberBelowTheMinimum() {
        Map<String, Object> answers = valid();
        answers.put("members", 0);
        assertRefused(answers, "members", "assessment.answer.belowMin");
    }

    @Test
    void refusesANumberAboveTheMaximum() {
        Map<String, Object> answers = valid();
        answers.put("members", 31);
        assertRefused(answers, "members", "assessment.answer.aboveMax");
    }

    @Test
    void acceptsTheBoundsThemselves() {
        Map<String, Object> answers = valid();
        answers.put("members", 1);
        assertThat(AssessmentAnswers.draft(FORM, answers).wholeNumber("members"))
                .isEqualTo(1);
        answers.put("members", 30);
        assertThat(AssessmentAnswers.draft(FORM, answers).wholeNumber("members"))
                .isEqualTo(30);
    }

    @Test
    void refusesAFractionWhereAWholeNumberIsRead() {
        Map<String, Object> answers = valid();
        answers.put("members", 2.5);
        AssessmentAnswers parsed = AssessmentAnswers.draft(FORM, answers);
        assertThatThrownBy(() -> parsed.wholeNumber("members"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.answer.notWholeNumber");
    }

    @Test
    void refusesANumberForAText() {
        Map<String, Object> answers = valid();
        answers.put("note", 5);
        assertRefused(answers, "note", "assessment.answer.notText");
    }

    @Test
    void refusesTextLongerThanTheItemAllows() {
        Map<String, Object> answers = valid();
        answers.put("note", "六个字的备注");
        assertRefused(answers, "note", "assessment.answer.tooLong");
    }

    @Test
    void refusesAnImpossibleDate() {
        Map<String, Object> answers = valid();
        answers.put("visited", "2026-02-30");
        assertRefused(answers, "visited", "assessment.answer.notDate");
    }

    @Test
    void refusesToScoreAnOptionWithoutAScore() {
        Map<String, Object> answers = valid();
        answers.put("housing", "UNSAFE");
        AssessmentAnswers parsed = AssessmentAnswers.complete(FORM, answers);
        assertThatThrownBy(() -> parsed.score("housing"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("assessment.answer.unscored");
    }

    @Test
    void storedAnswersReadBackEqual() {
        AssessmentAnswers answers = AssessmentAnswers.complete(FORM, valid());

        Map<String, Object> stored = answers.toStorable();

        assertThat(stored.get("visited")).isEqualTo("2026-11-20");
        assertThat(AssessmentAnswers.complete(FORM, stored)).isEqualTo(answers);
    }
}
