package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.Map;
import java.util.UUID;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The station's workflow over real HTTP (API and pages with a session): the stepper on the case
 * page, a signed assessment moving a case on from intake, refusals that name their fix.
 */
class StationFlowIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;

    @LocalServerPort
    int port;

    private Cases cases;

    @BeforeAll
    void fixtures() {
        cases = new Cases(api);
    }

    private UUID aChild() {
        return registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
    }

    private JsonNode admitted(UUID child) {
        JsonNode c = cases.open(WORKER, child);
        c = cases.step(WORKER, c, Map.of("action", "SCREEN"));
        return cases.step(WORKER, c, Map.of("action", "ADMIT", "intakeBasis", "GUARDIAN_CONSENT", "reason", "祖母签字同意"));
    }

    @Test
    void signingAnAssessmentAtIntakeMovesTheCaseToItsAssessmentStage() {
        UUID child = aChild();
        JsonNode c = admitted(child);
        assertThat(c.get("state").asString()).isEqualTo("INTAKE");

        cases.signedChildAssessment(WORKER, child, c);

        assertThat(cases.get(WORKER, c).get("state").asString()).isEqualTo("ASSESSING");
        String page = session().get("/cases/" + id(c)).body();
        assertThat(page).contains("id=\"stepper\"", "预估已签署。下一步：在“服务计划”中填写目标和活动");
        assertThat(currentStage(page)).isEqualTo("ASSESSMENT");
    }

    @Test
    void theStepperShowsEveryStageAndWhatUnlocksTheNextOne() {
        JsonNode c = admitted(aChild());

        String page = session().get("/cases/" + id(c)).body();

        assertThat(page).contains("线索", "筛查", "接案", "预估", "计划", "服务", "评估", "结案", "回访");
        assertThat(currentStage(page)).isEqualTo("INTAKE");
        assertThat(page).contains("下一步：点击“开始预估”，或在“预估”中新建并签署一份预估。");
    }

    @Test
    void aRefusedStepNamesTheActionThatMovesTheCaseOn() {
        JsonNode lead = cases.open(WORKER, aChild());

        WebSession.Page answer = session()
                .submit(
                        "/cases/" + id(lead),
                        "/cases/" + id(lead) + "/steps",
                        Map.of(
                                "action",
                                "START_ASSESSMENT",
                                "version",
                                lead.get("version").asString()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("个案当前处于“线索”状态，不能执行“开始预估”。 下一步：点击“开始筛查”，或直接“接案”");
    }

    /** The stage the stepper marks as the current step. */
    private static String currentStage(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<li[^>]*aria-current=\"step\"[^>]*>")
                .matcher(page);
        assertThat(m.find()).as("a current stage").isTrue();
        java.util.regex.Matcher stage =
                java.util.regex.Pattern.compile("data-stage=\"([A-Z_]+)\"").matcher(m.group());
        assertThat(stage.find()).isTrue();
        return stage.group(1);
    }

    private WebSession session() {
        WebSession session = new WebSession(port, Api.someAddress());
        assertThat(session.login(WORKER, Api.PASSWORD).location()).doesNotContain("error");
        return session;
    }
}
