package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.audit.AuditTrail;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.core.security.Role;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Plans;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Service plans and supervision notes through HTTP: a plan is drafted, refused until complete and
 * until the case has a signed assessment, returned by the station head, revised as a new version,
 * approved and carried out; each door is scoped like the case it belongs to.
 */
class PlanLifecycleIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;
    private static final String HEAD = DemoUsers.HEAD_GUYANG;

    @Autowired
    AuditTrail audit;

    private Cases cases;
    private Plans plans;
    /** A supervisor of another township (南彰镇): the Guyang cases are not theirs to see. */
    private String foreignHead;

    @BeforeAll
    void fixtures() {
        cases = new Cases(api);
        plans = new Plans(api);
        UserBuilder head =
                UserBuilder.aStationWorker().withRole(Role.STATION_HEAD).in(Villages.NANZHANG);
        registry.createUser(head);
        foreignHead = api.tokenFor(head.username(), head.password());
    }

    private UUID aChild() {
        return registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
    }

    private Response post(String user, String path, Object body, JsonNode record) {
        return api.post(path, body, token(user), record == null ? null : etag(record));
    }

    private static String plan(JsonNode plan) {
        return "/api/v1/plans/" + id(plan);
    }

    private static String plansOf(JsonNode caseFile) {
        return "/api/v1/cases/" + id(caseFile) + "/plans";
    }

    private static String code(Response response) {
        return response.body().get("code").asString();
    }

    private String userId(String username) {
        return allItems("/api/v1/users", token(DemoUsers.ADMIN)).stream()
                .filter(u -> u.get("username").asString().equals(username))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    private static List<String> goals(JsonNode plan) {
        return list(plan.get("goals")).stream().map(JsonNode::asString).toList();
    }

    private static List<String> descriptions(JsonNode plan) {
        return texts(list(plan.get("activities")), "description");
    }

    @Test
    void aPlanIsReturnedRevisedAsANewVersionApprovedAndCarriedOut() {
        UUID child = aChild();
        JsonNode c = cases.assessing(WORKER, child);
        String worker = c.get("assignedWorkerId").asString();

        Response created = api.post(plansOf(c), Map.of(), token(WORKER));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode v1 = created.body();
        assertThat(created.header("Location")).isEqualTo(plan(v1));
        assertThat(created.header("ETag")).isEqualTo(etag(v1));
        assertThat(v1.get("versionNumber").asInt()).isEqualTo(1);
        assertThat(v1.get("status").asString()).isEqualTo("DRAFT");
        assertThat(v1.get("goals")).isEmpty();

        Response empty = post(WORKER, plan(v1) + "/submit", Map.of(), v1);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(code(empty)).isEqualTo("plan.goals.required");

        Map<String, Object> noReviewDate = Plans.content(worker, "落实委托照护人");
        noReviewDate.remove("reviewDate");
        v1 = plans.update(WORKER, v1, noReviewDate);
        Response undated = post(WORKER, plan(v1) + "/submit", Map.of(), v1);
        assertThat(undated.status()).isEqualTo(400);
        assertThat(code(undated)).isEqualTo("plan.reviewDate.required");

        v1 = plans.update(WORKER, v1, Plans.content(worker, "落实委托照护人"));
        Response unassessed = post(WORKER, plan(v1) + "/submit", Map.of(), v1);
        assertThat(unassessed.status()).isEqualTo(400);
        assertThat(code(unassessed)).isEqualTo("case.plan.needsSignedAssessment");
        JsonNode afterRefusal = ok(api.get(plan(v1), token(WORKER)));
        assertThat(afterRefusal.get("status").asString())
                .as("the plan and the case change together or not at all")
                .isEqualTo("DRAFT");
        assertThat(afterRefusal.get("version").asLong())
                .isEqualTo(v1.get("version").asLong());

        cases.signedChildAssessment(WORKER, child, c);
        c = cases.confirmRisk(WORKER, cases.get(WORKER, c), "RED");
        v1 = plans.submit(WORKER, v1);
        assertThat(v1.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(v1.get("submittedBy").asString()).isEqualTo(WORKER);
        assertThat(cases.get(WORKER, c).get("state").asString()).isEqualTo("PLAN_REVIEW");

        Response editSubmitted = api.put(plan(v1), Plans.content(worker, "改"), token(WORKER), etag(v1));
        assertThat(editSubmitted.status()).isEqualTo(409);
        assertThat(code(editSubmitted)).isEqualTo("plan.notDraft");

        Response workerApproves = post(WORKER, plan(v1) + "/approve", Map.of("comment", "自己批"), v1);
        assertThat(workerApproves.status()).isEqualTo(403);
        assertThat(code(workerApproves)).isEqualTo("case.supervisorOnly");
        Response workerReturns = post(WORKER, plan(v1) + "/return", Map.of("comments", "自己退"), v1);
        assertThat(workerReturns.status()).isEqualTo(403);
        Response noComments = post(HEAD, plan(v1) + "/return", Map.of(), v1);
        assertThat(noComments.status()).isEqualTo(400);

        v1 = ok(post(HEAD, plan(v1) + "/return", Map.of("comments", "请补充返校目标"), v1));
        assertThat(v1.get("status").asString()).isEqualTo("RETURNED");
        assertThat(v1.get("reviewedBy").asString()).isEqualTo(HEAD);
        assertThat(v1.get("reviewComment").asString()).isEqualTo("请补充返校目标");
        assertThat(cases.get(WORKER, c).get("state").asString()).isEqualTo("ASSESSING");

        JsonNode v2 = plans.draft(WORKER, c);
        assertThat(v2.get("versionNumber").asInt()).isEqualTo(2);
        assertThat(v2.get("status").asString()).isEqualTo("DRAFT");
        assertThat(v2.get("basedOn").asString()).isEqualTo(id(v1));
        assertThat(goals(v2)).isEqualTo(goals(v1)).containsExactly("落实委托照护人");
        assertThat(descriptions(v2)).isEqualTo(descriptions(v1)).hasSize(2);
        assertThat(texts(list(v2.get("activities")), "id"))
                .doesNotContainAnyElementsOf(texts(list(v1.get("activities")), "id"));
        assertThat(v2.get("reviewDate").asString())
                .isEqualTo(v1.get("reviewDate").asString());
        Response second = api.post(plansOf(c), Map.of(), token(WORKER));
        assertThat(second.status()).isEqualTo(409);
        assertThat(code(second)).isEqualTo("plan.pendingExists");

        v2 = plans.update(WORKER, v2, Plans.content(worker, "落实委托照护人", "一个月内恢复正常上学"));
        v2 = plans.submit(WORKER, v2);
        v2 = ok(post(HEAD, plan(v2) + "/approve", Map.of("comment", "同意，每周家访"), v2));
        assertThat(v2.get("status").asString()).isEqualTo("APPROVED");
        assertThat(v2.get("reviewedBy").asString()).isEqualTo(HEAD);
        assertThat(v2.get("approvedWithoutReview").asBoolean()).isFalse();
        assertThat(cases.get(WORKER, c).get("state").asString()).isEqualTo("ACTIVE");

        JsonNode v1Now = ok(api.get(plan(v1), token(WORKER)));
        assertThat(v1Now.get("status").asString()).isEqualTo("RETURNED");
        assertThat(goals(v1Now)).containsExactly("落实委托照护人");
        Response editApproved = api.put(plan(v2), Plans.content(worker, "改"), token(WORKER), etag(v2));
        assertThat(editApproved.status()).isEqualTo(409);

        String visit = list(v2.get("activities")).get(0).get("id").asString();
        String today = Plans.today().toString();
        Response done = post(WORKER, plan(v2) + "/activities/" + visit + "/done", Map.of("date", today), null);
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        JsonNode carried = done.body();
        JsonNode activity = list(carried.get("activities")).get(0);
        assertThat(activity.get("done").asBoolean()).isTrue();
        assertThat(activity.get("doneOn").asString()).isEqualTo(today);
        assertThat(activity.get("doneBy").asString()).isEqualTo(WORKER);
        assertThat(list(carried.get("activities")).get(1).get("done").asBoolean())
                .isFalse();
        assertThat(carried.get("version").asLong())
                .isGreaterThan(v2.get("version").asLong());
        assertThat(audit.historyOf(UUID.fromString(id(v2))))
                .extracting(ChangeLogEntry::getAction, ChangeLogEntry::getActor)
                .contains(tuple("ACTIVITY_DONE", WORKER));

        Response twice = post(WORKER, plan(v2) + "/activities/" + visit + "/done", Map.of("date", today), null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(code(twice)).isEqualTo("plan.activity.alreadyDone");
        String referral = list(v2.get("activities")).get(1).get("id").asString();
        Response tomorrow = post(
                WORKER,
                plan(v2) + "/activities/" + referral + "/done",
                Map.of("date", Plans.today().plusDays(1).toString()),
                null);
        assertThat(tomorrow.status()).isEqualTo(400);
        assertThat(code(tomorrow)).isEqualTo("plan.activity.doneInFuture");

        List<JsonNode> versions = list(ok(api.get(plansOf(c), token(HEAD))));
        assertThat(versions).extracting(v -> v.get("versionNumber").asInt()).containsExactly(2, 1);
        assertThat(texts(versions, "status")).containsExactly("APPROVED", "RETURNED");
        assertThat(versions.get(1).get("reviewComment").asString()).isEqualTo("请补充返校目标");
        assertThat(id(ok(api.get(plansOf(c) + "/current", token(WORKER))))).isEqualTo(id(v2));

        List<String> steps = new ArrayList<>();
        cases.get(WORKER, c)
                .get("transitions")
                .forEach(t -> steps.add(
                        t.get("action").asString() + "@" + t.get("actor").asString()));
        assertThat(steps)
                .containsSubsequence(
                        "SUBMIT_PLAN@" + WORKER,
                        "RETURN_PLAN@" + HEAD,
                        "SUBMIT_PLAN@" + WORKER,
                        "APPROVE_PLAN@" + HEAD);
    }

    @Test
    void aPlanOfALowRiskCaseIsApprovedWithoutReview() {
        UUID child = aChild();
        JsonNode c = cases.assessing(WORKER, child);
        cases.signedChildAssessmentWithoutConcern(WORKER, child, c);
        c = cases.confirmRisk(WORKER, cases.get(WORKER, c), "GREEN");

        JsonNode plan = plans.submitted(WORKER, c);

        assertThat(plan.get("status").asString()).isEqualTo("APPROVED");
        assertThat(plan.get("approvedWithoutReview").asBoolean()).isTrue();
        assertThat(plan.get("reviewedBy").isNull()).isTrue();
        c = cases.get(WORKER, c);
        assertThat(c.get("state").asString()).isEqualTo("ACTIVE");
        JsonNode transitions = c.get("transitions");
        assertThat(transitions.get(transitions.size() - 1).get("action").asString())
                .isEqualTo("PLAN_ACCEPTED_WITHOUT_REVIEW");
    }

    @Test
    void aSupervisorMayNotApproveThePlanOfTheirOwnCase() {
        UUID child = aChild();
        JsonNode c = cases.assessing(HEAD, child);
        cases.signedChildAssessment(HEAD, child, c);
        c = cases.confirmRisk(HEAD, cases.get(HEAD, c), "RED");
        JsonNode plan = plans.submitted(HEAD, c);

        Response own = post(HEAD, plan(plan) + "/approve", Map.of(), plan);
        assertThat(own.status()).isEqualTo(403);
        assertThat(code(own)).isEqualTo("case.approval.ownCase");

        plan = ok(post(DemoUsers.COUNTY_SUPERVISOR, plan(plan) + "/approve", Map.of(), plan));
        assertThat(plan.get("status").asString()).isEqualTo("APPROVED");
        assertThat(plan.get("reviewedBy").asString()).isEqualTo(DemoUsers.COUNTY_SUPERVISOR);
    }

    @Test
    void responsibleWorkersMustReachTheClientsVillage() {
        JsonNode c = cases.assessing(WORKER, aChild());
        JsonNode draft = plans.draft(WORKER, c);

        Map<String, Object> villageDirector = Plans.content(userId(DemoUsers.DIRECTOR_RENZHUANG), "落实委托照护人");
        draft = plans.update(WORKER, draft, villageDirector);
        assertThat(list(draft.get("activities"))
                        .get(0)
                        .get("responsibleWorkerId")
                        .asString())
                .isEqualTo(userId(DemoUsers.DIRECTOR_RENZHUANG));

        for (String outsider :
                List.of(userId(DemoUsers.STATION_NANZHANG), UUID.randomUUID().toString())) {
            Response refused = api.put(plan(draft), Plans.content(outsider, "目标"), token(WORKER), etag(draft));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(code(refused)).isEqualTo("plan.activity.workerUnreachable");
        }
    }

    @Test
    void plansAreScopedLikeTheirCaseAndHiddenFromVillageRoles() {
        JsonNode c = cases.assessing(WORKER, aChild());
        JsonNode draft = plans.update(
                WORKER,
                plans.draft(WORKER, c),
                Plans.content(c.get("assignedWorkerId").asString(), "秘密目标甲"));

        for (Response r : List.of(
                api.get(plan(draft), token(DemoUsers.STATION_NANZHANG)),
                api.get(plansOf(c), token(DemoUsers.STATION_NANZHANG)),
                api.get(plansOf(c) + "/current", token(DemoUsers.STATION_NANZHANG)),
                api.post(plansOf(c), Map.of(), token(DemoUsers.STATION_NANZHANG)),
                api.put(plan(draft), Plans.content(null, "改"), token(DemoUsers.STATION_NANZHANG), etag(draft)),
                post(DemoUsers.STATION_NANZHANG, plan(draft) + "/submit", Map.of(), draft),
                api.post(plan(draft) + "/return", Map.of("comments", "跨站退回"), foreignHead, etag(draft)),
                api.get("/api/v1/plans/" + UUID.randomUUID(), token(WORKER)))) {
            assertThat(r.status()).as(r.raw().body()).isEqualTo(404);
            assertThat(r.raw().body()).doesNotContain("秘密目标甲");
        }
        for (Response r : List.of(
                api.get(plan(draft), token(DemoUsers.DIRECTOR_RENZHUANG)),
                api.get(plansOf(c), token(DemoUsers.DIRECTOR_RENZHUANG)),
                api.post(plansOf(c), Map.of(), token(DemoUsers.DIRECTOR_RENZHUANG)))) {
            assertThat(r.status()).as(r.raw().body()).isEqualTo(403);
        }
        assertThat(ok(api.get(plan(draft), token(DemoUsers.COUNTY_SUPERVISOR)))
                        .get("goals")
                        .get(0)
                        .asString())
                .isEqualTo("秘密目标甲");
        assertThat(ok(api.get(plan(draft), token(WORKER))).get("version").asLong())
                .isEqualTo(draft.get("version").asLong());
    }

    @Test
    void staleOrMissingVersionsAreRefusedAndChangeNothing() {
        JsonNode c = cases.assessing(WORKER, aChild());
        String worker = c.get("assignedWorkerId").asString();
        JsonNode first = plans.draft(WORKER, c);
        JsonNode current = plans.update(WORKER, first, Plans.content(worker, "第一稿"));

        Response stale = api.put(plan(first), Plans.content(worker, "覆盖"), token(WORKER), etag(first));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(code(stale)).isEqualTo("error.staleVersion");
        Response staleSubmit = post(WORKER, plan(first) + "/submit", Map.of(), first);
        assertThat(staleSubmit.status()).isEqualTo(409);
        Response unversioned = api.put(plan(current), Plans.content(worker, "覆盖"), token(WORKER), null);
        assertThat(unversioned.status()).isEqualTo(400);
        assertThat(code(unversioned)).isEqualTo("error.version.required");

        JsonNode now = ok(api.get(plan(current), token(WORKER)));
        assertThat(goals(now)).containsExactly("第一稿");
        assertThat(now.get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void supervisionNotesAreWrittenBySupervisorsAndReadByTheStation() {
        JsonNode c = cases.open(WORKER, aChild());
        String notes = "/api/v1/cases/" + id(c) + "/notes";

        Response first = api.post(notes, Map.of("text", "风险较高，请24小时内上门"), token(HEAD));
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertThat(first.body().get("author").asString()).isEqualTo(HEAD);
        ok(api.post(notes, Map.of("text", "已与派出所沟通"), token(DemoUsers.COUNTY_SUPERVISOR)));

        List<JsonNode> read = list(ok(api.get(notes, token(WORKER))));
        assertThat(texts(read, "text")).containsExactly("风险较高，请24小时内上门", "已与派出所沟通");
        assertThat(texts(read, "author")).containsExactly(HEAD, DemoUsers.COUNTY_SUPERVISOR);

        Response byWorker = api.post(notes, Map.of("text", "社工自己写"), token(WORKER));
        assertThat(byWorker.status()).isEqualTo(403);
        Response blank = api.post(notes, Map.of("text", " "), token(HEAD));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(code(blank)).isEqualTo("supervision.text.required");
        Response tooLong = api.post(notes, Map.of("text", "记".repeat(2001)), token(HEAD));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(code(tooLong)).isEqualTo("supervision.text.tooLong");
        ok(api.post(notes, Map.of("text", "记".repeat(2000)), token(HEAD)));

        assertThat(api.get(notes, token(DemoUsers.STATION_NANZHANG)).status()).isEqualTo(404);
        Response foreign = api.post(notes, Map.of("text", "跨站督导"), foreignHead);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.get(notes, token(DemoUsers.DIRECTOR_RENZHUANG)).status()).isEqualTo(403);
        assertThat(list(ok(api.get(notes, token(WORKER))))).hasSize(3);
    }
}
