package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Plans;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The plan editor's 提交审批 over real HTTP with a session: what the worker typed is saved and
 * submitted in one press; a refusal keeps what was typed on the page and says truthfully what
 * happened to it.
 */
class PlanSubmitIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;

    @LocalServerPort
    int port;

    private Cases cases;
    private Plans plans;

    @BeforeAll
    void fixtures() {
        cases = new Cases(api);
        plans = new Plans(api);
    }

    @Test
    void submittingFromTheEditorSavesWhatWasTypedAndSubmitsIt() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.assessing(WORKER, child);
        cases.signedChildAssessment(WORKER, child, c);
        c = cases.confirmRisk(WORKER, cases.get(WORKER, c), "RED");
        JsonNode draft = plans.draft(WORKER, c);

        WebSession.Page answer = session()
                .submit(
                        "/cases/" + id(c),
                        submitPath(c, draft),
                        typed(draft, c.get("assignedWorkerId").asString()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/cases/" + id(c) + "#plan");
        JsonNode plan = ok(api.get("/api/v1/plans/" + id(draft), token(WORKER)));
        assertThat(plan.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(plan.get("goals").get(0).asString()).isEqualTo("落实委托照护人");
        assertThat(plan.get("activities").get(0).get("description").asString()).isEqualTo("每周上门探访核实照护");
        assertThat(cases.get(WORKER, c).get("state").asString()).isEqualTo("PLAN_REVIEW");
    }

    @Test
    void aRefusedSubmitKeepsTheTypedValuesAndSaysTheDraftIsSaved() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        // being assessed, nothing signed yet: the case refuses the plan, not the plan its content
        JsonNode c = cases.assessing(WORKER, child);
        JsonNode draft = plans.draft(WORKER, c);

        WebSession.Page answer = session()
                .submit(
                        "/cases/" + id(c),
                        submitPath(c, draft),
                        typed(draft, c.get("assignedWorkerId").asString()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .contains("已保存草稿，但未能提交审批")
                .contains("尚无已签署的预估")
                .doesNotContain("请至少填写一项服务目标")
                .contains("落实委托照护人")
                .contains("每周上门探访核实照护");
        JsonNode plan = ok(api.get("/api/v1/plans/" + id(draft), token(WORKER)));
        assertThat(plan.get("status").asString()).isEqualTo("DRAFT");
        assertThat(plan.get("goals").get(0).asString()).isEqualTo("落实委托照护人");
    }

    @Test
    void anInvalidEntryIsNeitherSavedNorSubmittedAndStaysOnThePage() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.assessing(WORKER, child);
        JsonNode draft = plans.draft(WORKER, c);
        Map<String, String> fields = typed(draft, c.get("assignedWorkerId").asString());
        fields.put("activities[0].workerId", UUID.randomUUID().toString());

        WebSession.Page answer = session().submit("/cases/" + id(c), submitPath(c, draft), fields);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("未能保存，也未提交审批", "落实委托照护人", "每周上门探访核实照护");
        JsonNode plan = ok(api.get("/api/v1/plans/" + id(draft), token(WORKER)));
        assertThat(plan.get("goals")).isEmpty();
    }

    private static String submitPath(JsonNode caseFile, JsonNode plan) {
        return "/cases/" + id(caseFile) + "/plan/" + id(plan) + "/submit";
    }

    /** What a worker types into a fresh draft's editor: a goal, one weekly visit, the review date. */
    private static Map<String, String> typed(JsonNode plan, String workerId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", plan.get("version").asString());
        fields.put("goals", "落实委托照护人\n孩子按时上学");
        fields.put("activities[0].type", "HOME_VISIT");
        fields.put("activities[0].description", "每周上门探访核实照护");
        fields.put("activities[0].workerId", workerId);
        fields.put("activities[0].dueDate", Plans.today().plusWeeks(1).toString());
        fields.put("activities[1].type", "");
        fields.put("activities[1].description", "");
        fields.put("reviewDate", Plans.today().plusMonths(3).toString());
        return fields;
    }

    private WebSession session() {
        WebSession session = new WebSession(port, Api.someAddress());
        assertThat(session.login(WORKER, Api.PASSWORD).location()).doesNotContain("error");
        return session;
    }
}
