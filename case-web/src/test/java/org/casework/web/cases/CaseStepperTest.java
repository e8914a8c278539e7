package org.casework.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.casework.core.cases.CaseState;
import org.casework.core.cases.ClosureReason;
import org.casework.web.cases.CaseStepper.Item;
import org.casework.web.cases.CaseStepper.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseStepperTest {

    @Test
    void everyLifecycleStateFallsInOneOfTheNineStages() {
        assertThat(CaseStage.of(CaseState.LEAD, null)).isEqualTo(CaseStage.LEAD);
        assertThat(CaseStage.of(CaseState.NOT_OPENED, null)).isEqualTo(CaseStage.SCREENING);
        assertThat(CaseStage.of(CaseState.INTAKE, null)).isEqualTo(CaseStage.INTAKE);
        assertThat(CaseStage.of(CaseState.ASSESSING, null)).isEqualTo(CaseStage.ASSESSMENT);
        assertThat(CaseStage.of(CaseState.PLAN_REVIEW, null)).isEqualTo(CaseStage.PLAN);
        assertThat(CaseStage.of(CaseState.ACTIVE, null)).isEqualTo(CaseStage.SERVICE);
        assertThat(CaseStage.of(CaseState.EVALUATING, null)).isEqualTo(CaseStage.EVALUATION);
        assertThat(CaseStage.of(CaseState.CLOSURE_REVIEW, null)).isEqualTo(CaseStage.CLOSURE);
        assertThat(CaseStage.of(CaseState.CLOSED, null)).isEqualTo(CaseStage.FOLLOW_UP);
        assertThat(CaseStage.of(CaseState.FOLLOW_UP, null)).isEqualTo(CaseStage.FOLLOW_UP);
    }

    @Test
    void aSuspendedCaseWaitsInTheStageItWasSuspendedFrom() {
        assertThat(CaseStage.of(CaseState.SUSPENDED, CaseState.ACTIVE)).isEqualTo(CaseStage.SERVICE);
    }

    @Test
    void stagesBeforeTheCurrentOneAreDoneAndTheRestToCome() {
        CaseStepper stepper = CaseStepper.of(CaseState.INTAKE, null, null, false);

        assertThat(stepper.stages())
                .extracting(Item::status)
                .containsExactly(
                        Status.DONE,
                        Status.DONE,
                        Status.CURRENT,
                        Status.TODO,
                        Status.TODO,
                        Status.TODO,
                        Status.TODO,
                        Status.TODO,
                        Status.TODO);
        assertThat(stepper.hintKey()).isEqualTo("case.next.INTAKE");
    }

    @Test
    void anArchivedCaseHasEveryStageDone() {
        assertThat(CaseStepper.of(CaseState.ARCHIVED, null, ClosureReason.GOALS_MET, true)
                        .stages())
                .extracting(Item::status)
                .containsOnly(Status.DONE);
    }

    @Test
    void onceTheAssessmentIsSignedTheHintPointsToThePlan() {
        assertThat(CaseStepper.of(CaseState.ASSESSING, null, null, false).hintKey())
                .isEqualTo("case.next.ASSESSING");
        assertThat(CaseStepper.of(CaseState.ASSESSING, null, null, true).hintKey())
                .isEqualTo("case.next.ASSESSING.signed");
    }

    @ParameterizedTest
    @EnumSource(CaseState.class)
    void everyStateNamesWhatUnlocksItsNextStepInChineseAndEnglish(CaseState state) throws IOException {
        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        for (boolean signed : new boolean[] {false, true}) {
            for (ClosureReason reason : ClosureReason.values()) {
                String key = CaseStepper.hintKey(state, reason, signed);
                assertThat(zh.getProperty(key)).as(key).isNotBlank();
                assertThat(en.getProperty(key)).as(key).isNotBlank();
            }
        }
        for (CaseStage stage : CaseStage.values()) {
            assertThat(zh.getProperty("case.stage." + stage)).isNotBlank();
            assertThat(en.getProperty("case.stage." + stage)).isNotBlank();
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CaseStepperTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
