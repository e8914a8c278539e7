package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.Plans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The casework journey of a station through HTTP: lead to closure, with its guards and scoping. */
class CaseLifecycleIT extends ApiTest {

    private static final String VILLAGE = "410225101201";

    private Cases cases;
    private Plans plans;

    @BeforeAll
    void fixtures() {
        cases = new Cases(api);
        plans = new Plans(api);
    }

    private UUID aChild() {
        return registry.registerId("station-guyang", aLeftBehindChild().inVillage(VILLAGE));
    }

    private Response open(String user, UUID clientId) {
        return api.post(
                "/api/v1/cases", Map.of("clientId", clientId, "source", "OUTREACH", "reason", "摸排发现独自在家"), token(user));
    }

    private Response step(String user, JsonNode caseFile, Map<String, Object> request) {
        return api.post(
                "/api/v1/cases/" + caseFile.get("id").asString() + "/transitions",
                request,
                token(user),
                "\"" + caseFile.get("version").asLong() + "\"");
    }

    private JsonNode ok(Response response) {
        assertThat(response.status()).as(response.raw().body()).isBetween(200, 201);
        return response.body();
    }

    @Test
    void aStationRunsACaseFromLeadToClosureWithItsSupervisor() {
        UUID child = aChild();
        JsonNode c = ok(open("station-guyang", child));
        assertThat(c.get("caseNumber").asString()).matches("410225-\\d{4}-\\d{5}");
        assertThat(c.get("state").asString()).isEqualTo("LEAD");

        c = ok(step("station-guyang", c, Map.of("action", "SCREEN")));
        c = ok(step(
                "station-guyang", c, Map.of("action", "ADMIT", "intakeBasis", "GUARDIAN_CONSENT", "reason", "祖母签字同意")));
        c = ok(step("station-guyang", c, Map.of("action", "START_ASSESSMENT")));

        JsonNode assessment = cases.signedChildAssessment("station-guyang", child, c);
        assertThat(assessment.get("status").asString()).isEqualTo("SIGNED");
        assertThat(assessment.get("proposedRisk").asString()).isEqualTo("RED");

        c = ok(api.get("/api/v1/cases/" + c.get("id").asString(), token("station-guyang")));
        assertThat(c.get("proposedRiskLevel").asString()).isEqualTo("RED");
        c = ok(api.put(
                "/api/v1/cases/" + c.get("id").asString() + "/risk",
                Map.of("level", "RED", "reason", "确认评估结果"),
                token("station-guyang"),
                "\"" + c.get("version").asLong() + "\""));
        assertThat(c.get("riskLevel").asString()).isEqualTo("RED");

        JsonNode plan = plans.submitted("station-guyang", c);
        c = cases.get("station-guyang", c);
        assertThat(c.get("state").asString()).isEqualTo("PLAN_REVIEW");

        String approve = "/api/v1/plans/" + plan.get("id").asString() + "/approve";
        Response workerApproves = api.post(approve, Map.of(), token("station-guyang"), Cases.etag(plan));
        assertThat(workerApproves.status()).isEqualTo(403);
        assertThat(workerApproves.body().get("code").asString()).isEqualTo("case.supervisorOnly");

        plan = ok(api.post(approve, Map.of("comment", "同意，每周家访"), token("head-guyang"), Cases.etag(plan)));
        assertThat(plan.get("status").asString()).isEqualTo("APPROVED");
        c = cases.get("station-guyang", c);
        assertThat(c.get("state").asString()).isEqualTo("ACTIVE");

        c = ok(step("station-guyang", c, Map.of("action", "EVALUATE", "reason", "祖母接回照护，目标达成")));
        c = ok(step(
                "station-guyang",
                c,
                Map.of("action", "REQUEST_CLOSURE", "closureReason", "GOALS_MET", "followUpPlan", "1个月、3个月电话回访")));
        assertThat(c.get("state").asString()).isEqualTo("CLOSURE_REVIEW");
        c = ok(step("head-guyang", c, Map.of("action", "APPROVE_CLOSURE")));
        assertThat(c.get("state").asString()).isEqualTo("CLOSED");
        assertThat(c.get("firstFollowUpDue").isNull()).isFalse();

        List<String> actions = new ArrayList<>();
        c.get("transitions").forEach(t -> actions.add(t.get("action").asString()));
        assertThat(actions)
                .containsExactly(
                        "OPEN_LEAD",
                        "SCREEN",
                        "INTAKE",
                        "START_ASSESSMENT",
                        "SUBMIT_PLAN",
                        "APPROVE_PLAN",
                        "EVALUATE",
                        "REQUEST_CLOSURE",
                        "APPROVE_CLOSURE");
        assertThat(c.get("transitions").get(5).get("actor").asString()).isEqualTo("head-guyang");
    }

    @Test
    void planStepsAreRefusedOnTheCaseEndpointEvenWhenTheCaseIsReadyForThem() {
        UUID child = aChild();
        JsonNode c = cases.assessing("station-guyang", child);
        cases.signedChildAssessment("station-guyang", child, c);
        c = cases.get("station-guyang", c);

        Response submit = step("station-guyang", c, Map.of("action", "SUBMIT_PLAN"));
        assertThat(submit.status()).isEqualTo(400);
        assertThat(submit.body().get("code").asString()).isEqualTo("case.plan.usePlanEndpoint");
        assertThat(cases.get("station-guyang", c).get("state").asString()).isEqualTo("ASSESSING");

        plans.submitted("station-guyang", c);
        c = cases.get("station-guyang", c);
        assertThat(c.get("state").asString()).isEqualTo("PLAN_REVIEW");
        for (String action : List.of("APPROVE_PLAN", "RETURN_PLAN")) {
            Response direct = step("head-guyang", c, Map.of("action", action, "reason", "直接审批"));
            assertThat(direct.status()).as(action).isEqualTo(400);
            assertThat(direct.body().get("code").asString()).isEqualTo("case.plan.usePlanEndpoint");
        }
        assertThat(cases.get("station-guyang", c).get("state").asString()).isEqualTo("PLAN_REVIEW");
    }

    @Test
    void illegalAndStaleStepsAreRefusedAndChangeNothing() {
        JsonNode c = ok(open("station-guyang", aChild()));
        Response illegal = step("station-guyang", c, Map.of("action", "APPROVE_CLOSURE"));
        assertThat(illegal.status()).isEqualTo(403);
        Response wrongState = step("station-guyang", c, Map.of("action", "EVALUATE", "reason", "x"));
        assertThat(wrongState.status()).isEqualTo(409);
        assertThat(wrongState.body().get("code").asString()).isEqualTo("case.transition.illegal");
        assertThat(wrongState.body().get("detail").asString()).contains("LEAD");

        JsonNode screened = ok(step("station-guyang", c, Map.of("action", "SCREEN")));
        Response stale = step("station-guyang", c, Map.of("action", "DECLINE", "reason", "x"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("code").asString()).isEqualTo("error.staleVersion");

        Response noReason = step("station-guyang", screened, Map.of("action", "DECLINE"));
        assertThat(noReason.status()).isEqualTo(400);
        JsonNode now = ok(api.get("/api/v1/cases/" + c.get("id").asString(), token("station-guyang")));
        assertThat(now.get("state").asString()).isEqualTo("SCREENING");
    }

    @Test
    void casesAreScopedToTheStationAndHiddenFromVillageRoles() {
        JsonNode c = ok(open("station-guyang", aChild()));
        String path = "/api/v1/cases/" + c.get("id").asString();
        assertThat(api.get(path, token("county-sup")).status()).isEqualTo(200);
        assertThat(api.get(path, token("head-guyang")).status()).isEqualTo(200);
        Response otherStation = api.get(path, token("station-nanzhang"));
        assertThat(otherStation.status()).isEqualTo(404);
        assertThat(otherStation.raw().body()).doesNotContain(c.get("caseNumber").asString());
        assertThat(api.get(path, token("director-renzhuang")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/cases", token("director-renzhuang")).status())
                .isEqualTo(403);
        assertThat(open("station-nanzhang", aChild()).status()).isEqualTo(404);

        List<JsonNode> nanzhangCases = allItems("/api/v1/cases?open=false", token("station-nanzhang"));
        assertThat(nanzhangCases)
                .allSatisfy(x -> assertThat(x.get("regionCode").asString()).startsWith("410225102"));
    }

    @Test
    void caseNumbersStayUniqueAndGapFreeUnderConcurrentOpening() throws Exception {
        List<UUID> children = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            children.add(aChild());
        }
        token("station-guyang");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> openings = new ArrayList<>();
            children.forEach(child -> openings.add(() -> open("station-guyang", child)));
            List<Integer> sequences = new ArrayList<>();
            for (Future<Response> result : pool.invokeAll(openings)) {
                JsonNode body = ok(result.get());
                String number = body.get("caseNumber").asString();
                sequences.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
            }
            sequences.sort(Integer::compareTo);
            assertThat(sequences).doesNotHaveDuplicates();
            assertThat(sequences.get(sequences.size() - 1) - sequences.get(0)).isEqualTo(sequences.size() - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAssessmentInACaseFileIsHiddenFromVillageRoles() {
        UUID child = aChild();
        JsonNode assessing = cases.assessing("station-guyang", child);
        JsonNode assessment = cases.signedChildAssessment("station-guyang", child, assessing);
        String path = "/api/v1/assessments/" + Cases.id(assessment);
        assertThat(api.get(path, token("station-guyang")).status()).isEqualTo(200);
        Response director = api.get(path, token("director-renzhuang"));
        assertThat(director.status()).isEqualTo(404);
        assertThat(director.raw().body()).doesNotContain("lives_alone");
        Response list = api.get("/api/v1/assessments?client=" + child, token("director-renzhuang"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().size()).isZero();
        assertThat(api.get("/api/v1/assessments?client=" + child, token("station-guyang"))
                        .body()
                        .size())
                .isEqualTo(1);
    }
}
