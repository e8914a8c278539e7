package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Plans;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Over real HTTP (issue 15): a plan activity may be owned by the village child director of the
 * client's village or by a partner organisation (registered, or written in with its contact), not
 * only by station staff. The plan editor offers them, the case page and the print view show them,
 * and a director of another village is refused with a message that names them, keeping what was
 * typed.
 */
class PlanOwnersIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;

    @LocalServerPort
    int port;

    private Cases cases;
    private Plans plans;
    private String director;
    private UserBuilder directorAccount;
    private String directorName;
    private String otherDirector;
    private String otherDirectorName;
    private JsonNode fulian;

    @BeforeAll
    void fixtures() {
        cases = new Cases(api);
        plans = new Plans(api);
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        directorName = "任庄村儿童主任 任" + suffix;
        directorAccount =
                UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG).displayed(directorName);
        director = registry.createUser(directorAccount).toString();
        otherDirectorName = "曹寨村儿童主任 曹" + suffix;
        otherDirector = registry.createUser(
                        UserBuilder.aVillageChildDirector().in(Villages.CAOZHAI).displayed(otherDirectorName))
                .toString();
        fulian = list(ok(api.get("/api/v1/referrals/receivers", token(WORKER)))).stream()
                .filter(o -> o.get("department").asString().equals("WOMENS_FEDERATION"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theEditorOffersTheVillageDirectorAndPartnersAndThePagesShowThem() {
        JsonNode c = caseReadyForAPlan();
        JsonNode draft = plans.draft(WORKER, c);
        WebSession station = session();

        String editor = station.get("/cases/" + id(c)).body();
        assertThat(editor)
                .contains(
                        "本村儿童主任", directorName, "其他合作机构（手填）", fulian.get("name").asString())
                .doesNotContain(otherDirectorName);

        Map<String, String> fields = typed(draft);
        fields.put("activities[0].workerId", director);
        fields.put("activities[1].type", "REFERRAL");
        fields.put("activities[1].description", "转介县妇联开展亲情陪伴");
        fields.put("activities[1].workerId", "org:" + id(fulian));
        fields.put("activities[1].dueDate", Plans.today().plusWeeks(2).toString());
        fields.put("activities[2].type", "GROUP_ACTIVITY");
        fields.put("activities[2].description", "课后托管");
        fields.put("activities[2].workerId", "other");
        fields.put("activities[2].partnerName", "爱心托管班");
        fields.put("activities[2].partnerContact", "王老师 13800000000");
        fields.put("activities[2].dueDate", Plans.today().plusWeeks(3).toString());
        WebSession.Page answer = station.submit("/cases/" + id(c), submitPath(c, draft), fields);

        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        JsonNode plan = ok(api.get("/api/v1/plans/" + id(draft), token(WORKER)));
        assertThat(plan.get("status").asString()).isIn("SUBMITTED", "APPROVED");
        List<JsonNode> activities = list(plan.get("activities"));
        assertThat(activities.get(0).get("responsibleWorkerId").asString()).isEqualTo(director);
        assertThat(activities.get(0).get("ownerName").asString()).isEqualTo(directorName);
        assertThat(activities.get(0).get("ownerKind").asString()).isEqualTo("VILLAGE_DIRECTOR");
        assertThat(plan.get("submittedByName").asString()).isEqualTo("堌阳镇社工 李娜");
        assertThat(activities.get(1).get("partnerOrganisationId").asString()).isEqualTo(id(fulian));
        assertThat(activities.get(1).get("ownerName").asString())
                .isEqualTo(fulian.get("name").asString());
        assertThat(activities.get(2).get("partnerName").asString()).isEqualTo("爱心托管班");
        assertThat(activities.get(2).get("partnerContact").asString()).isEqualTo("王老师 13800000000");

        for (String page : List.of("/cases/" + id(c), "/cases/" + id(c) + "/print")) {
            assertThat(station.get(page).body())
                    .as(page)
                    .contains("村儿童主任", directorName, "合作机构", fulian.get("name").asString())
                    .contains("爱心托管班", "（王老师 13800000000）");
        }
    }

    @Test
    void aDirectorOfAnotherVillageIsRefusedByNameAndTheTypedPlanStays() {
        JsonNode c = caseReadyForAPlan();
        JsonNode draft = plans.draft(WORKER, c);
        Map<String, String> fields = typed(draft);
        fields.put("activities[0].workerId", otherDirector);

        WebSession.Page answer = session().submit("/cases/" + id(c), submitPath(c, draft), fields);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains(otherDirectorName + "不是服务对象所在村的儿童主任").contains("落实委托照护人", "每周上门看望孩子");
        // the refused director stays chosen (not 请选择), so the worker sees what was refused
        assertThat(answer.body())
                .contains("<option value=\"" + otherDirector + "\" selected=\"selected\">" + otherDirectorName
                        + "</option>");
        JsonNode plan = ok(api.get("/api/v1/plans/" + id(draft), token(WORKER)));
        assertThat(plan.get("goals")).isEmpty();
    }

    @Test
    void overTheApiAnActivityHasOneOwnerAndTheDirectorMustCoverTheVillage() {
        JsonNode c = caseReadyForAPlan();
        JsonNode draft = plans.draft(WORKER, c);

        Map<String, Object> outsider = Plans.content(otherDirector, "目标");
        Api.Response refused = api.put("/api/v1/plans/" + id(draft), outsider, token(WORKER), etag(draft));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asString()).isEqualTo("plan.activity.directorOutsideVillage");

        Map<String, Object> twoOwners = Plans.content(director, "目标");
        Map<String, Object> activity = new HashMap<>(Plans.activity("REFERRAL", "课后托管", director));
        activity.put("partnerName", "爱心托管班");
        twoOwners.put("activities", List.of(activity));
        refused = api.put("/api/v1/plans/" + id(draft), twoOwners, token(WORKER), etag(draft));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asString()).isEqualTo("plan.activity.oneOwner");

        activity.remove("responsibleWorkerId");
        activity.put("partnerContact", "王老师 13800000000");
        JsonNode saved = plans.update(WORKER, draft, twoOwners);
        JsonNode only = list(saved.get("activities")).get(0);
        assertThat(only.get("partnerName").asString()).isEqualTo("爱心托管班");
        assertThat(only.get("responsibleWorkerId").isNull()).isTrue();
        // a written-in partner is someone responsible: the plan can be submitted
        assertThat(plans.submit(WORKER, saved).get("status").asString()).isIn("SUBMITTED", "APPROVED");
    }

    @Test
    void theDirectorFindsTheActivitiesTheyOwnOnTheirWorklistLinkedToTheChild() {
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        UUID childId = registry.registerId(WORKER, child);
        JsonNode c = cases.assessing(WORKER, childId);
        cases.signedChildAssessment(WORKER, childId, c);
        JsonNode draft = plans.draft(WORKER, c);
        Map<String, Object> content = Plans.content(director, "孩子按时上学");
        Map<String, Object> visit = new HashMap<>(Plans.activity("HOME_VISIT", "每周上门看望孩子", director));
        visit.put("dueDate", Plans.today().toString());
        content.put("activities", List.of(visit));
        JsonNode plan = plans.submit(WORKER, plans.update(WORKER, draft, content));
        if (plan.get("status").asString().equals("SUBMITTED")) {
            ok(api.post("/api/v1/plans/" + id(plan) + "/approve", Map.of(), token(DemoUsers.HEAD_GUYANG), etag(plan)));
        }

        WebSession home = new WebSession(port, Api.someAddress());
        assertThat(home.login(directorAccount.username(), directorAccount.password())
                        .location())
                .doesNotContain("error");
        String worklist = home.get("/worklist").body();

        assertThat(worklist).contains("计划活动到期", child.fullName(), "/clients/" + childId);
        // a director does not open the station's cases: no case link, no case number
        assertThat(worklist)
                .doesNotContain("/cases/" + id(c), c.get("caseNumber").asString());
    }

    private JsonNode caseReadyForAPlan() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.assessing(WORKER, child);
        cases.signedChildAssessment(WORKER, child, c);
        return cases.get(WORKER, c);
    }

    private static String submitPath(JsonNode caseFile, JsonNode plan) {
        return "/cases/" + id(caseFile) + "/plan/" + id(plan) + "/submit";
    }

    private static Map<String, String> typed(JsonNode plan) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", plan.get("version").asString());
        fields.put("goals", "落实委托照护人");
        fields.put("activities[0].type", "HOME_VISIT");
        fields.put("activities[0].description", "每周上门看望孩子");
        fields.put("activities[0].dueDate", Plans.today().plusWeeks(1).toString());
        fields.put("reviewDate", Plans.today().plusMonths(3).toString());
        return fields;
    }

    private WebSession session() {
        WebSession session = new WebSession(port, Api.someAddress());
        assertThat(session.login(WORKER, Api.PASSWORD).location()).doesNotContain("error");
        return session;
    }
}
