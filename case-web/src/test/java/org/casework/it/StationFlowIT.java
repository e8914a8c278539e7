package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Villages;
import org.casework.web.support.TestPeople;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The station's workflow over real HTTP (API and pages with a session): the stepper on the case
 * page, a signed assessment moving a case on from intake, refusals that name their fix, the
 * police-report line and the risk panel, the order of the flag queue and the start page's alarm.
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

    @Test
    void oncePoliceReportIsRecordedTheCaseAndTheAssessmentShowAGreyLineNotTheRedAlarm() {
        UUID child = aChild();
        JsonNode c = cases.assessing(WORKER, child);
        JsonNode assessment = signedAbandonedChildAssessment(child, c);
        String casePage = session().get("/cases/" + id(c)).body();
        assertThat(casePage).contains("id=\"police-report-alarm\"", "强制报告：须立即向公安机关报案");

        Instant now = Instant.now();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("caseId", id(c));
        report.put("reportedAt", now.minus(Duration.ofMinutes(20)).toString());
        report.put("receivingUnit", "兰考县公安局堌阳派出所");
        report.put("officer", "王警官");
        report.put("receiptNumber", "JJ20261205-0042");
        report.put("reportedBy", "堌阳镇社工站");
        report.put("civilAffairsNotifiedAt", now.minus(Duration.ofMinutes(10)).toString());
        report.put("minorProtectionNotifiedAt", now.minus(Duration.ofMinutes(5)).toString());
        Api.Response recorded = api.post("/api/v1/mandatory-reports", report, token(WORKER));
        assertThat(recorded.status()).as(recorded.raw().body()).isEqualTo(201);

        WebSession session = session();
        for (String page : List.of("/cases/" + id(c), "/assessments/" + id(assessment))) {
            assertThat(session.get(page).body())
                    .as(page)
                    .contains("id=\"police-reported\"", "报案（回执号 JJ20261205-0042）", "已于 ")
                    .doesNotContain("id=\"police-report-alarm\"", "强制报告：须立即向公安机关报案");
        }
    }

    @Test
    void theRiskPanelAsksNoConfirmationWhenTheProposalIsTheConfirmedLevel() {
        UUID child = aChild();
        JsonNode c = cases.assessing(WORKER, child);
        c = cases.confirmRisk(WORKER, c, "RED");

        cases.signedChildAssessment(WORKER, child, c); // proposes red again: a child living alone

        assertThat(cases.get(WORKER, c).get("proposedRiskLevel").asString()).isEqualTo("RED");
        assertThat(session().get("/cases/" + id(c)).body()).doesNotContain("请社工核实后确认");
    }

    @Test
    void mandatoryReportFlagsComeFirstAmongTheRedsAndTheStartPageRaisesTheAlarm() {
        String livingAlone = raiseFlag("LIVING_ALONE", "8岁孩子独自在家两天");
        String abandoned = raiseFlag("MR_ABANDONMENT_NO_CARE", "孩子长期无人照料，邻居代为喂饭");

        List<JsonNode> queue = allItems("/api/v1/flags?view=QUEUE", token(WORKER));
        List<String> ids = texts(queue, "id");
        assertThat(ids.indexOf(abandoned)).isNotNegative().isLessThan(ids.indexOf(livingAlone));
        List<String> redTypes = queue.stream()
                .filter(f -> f.get("severity").asString().equals("RED"))
                .map(f -> f.get("type").asString())
                .toList();
        int firstOther =
                (int) redTypes.stream().takeWhile(t -> t.startsWith("MR_")).count();
        assertThat(redTypes.subList(firstOther, redTypes.size())).noneMatch(t -> t.startsWith("MR_"));

        String home = session().get("/").body();
        assertThat(home).contains("id=\"red-flags-waiting\"", "条红色风险上报待处理", "最早的一条已等待");
        assertThat(home).doesNotContain("class=\"notice info\" id=\"flag-counts\"");
    }

    private String raiseFlag(String type, String description) {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectName", TestPeople.uniqueName());
        body.put("subjectSex", "MALE");
        body.put("subjectAgeYears", 8);
        body.put("guardianContact", "爷爷 13911112222");
        body.put("villageCode", Villages.RENZHUANG);
        body.put("type", type);
        body.put("description", description);
        Api.Response raised = api.post("/api/v1/flags", body, token(DemoUsers.DIRECTOR_RENZHUANG));
        assertThat(raised.status()).as(raised.raw().body()).isEqualTo(201);
        return raised.body().get("id").asString();
    }

    /** A signed child-protection assessment that finds a child abandoned: a mandatory report. */
    private JsonNode signedAbandonedChildAssessment(UUID child, JsonNode caseFile) {
        String token = token(WORKER);
        JsonNode draft = ok(api.post(
                "/api/v1/assessments",
                Map.of("clientId", child, "caseId", id(caseFile), "instrumentCode", "child-protection"),
                token));
        Map<String, Object> answers = new LinkedHashMap<>();
        for (JsonNode instrument : ok(api.get("/api/v1/instruments", token))) {
            if (!instrument.get("key").get("code").asString().equals("child-protection")) {
                continue;
            }
            for (JsonNode section : instrument.get("sections")) {
                for (JsonNode item : section.get("items")) {
                    if (item.get("required").asBoolean()
                            && item.get("type").asString().equals("BOOLEAN")) {
                        answers.put(item.get("code").asString(), false);
                    }
                }
            }
        }
        answers.put("age_years", 9);
        answers.put("difficulty_subtype", "NONE");
        answers.put("lives_alone", false);
        answers.put("mr_abandoned_or_uncared", true);
        String path = "/api/v1/assessments/" + id(draft);
        draft = ok(api.put(path + "/answers", answers, token, etag(draft)));
        draft = ok(api.put(path + "/summary", Map.of("summary", "父母失联，孩子长期无人照料"), token, etag(draft)));
        JsonNode signed = ok(api.post(path + "/sign", Map.of(), token, etag(draft)));
        assertThat(signed.get("mandatoryReport").asBoolean()).isTrue();
        return signed;
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
