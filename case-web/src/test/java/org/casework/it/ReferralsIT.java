package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casework.core.audit.AuditTrail;
import org.casework.core.referrals.ReferralEscalationJob;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Referrals (转介) end to end over HTTP: a station refers a case's client to 妇联, the liaison sees
 * only what was shared, responds and completes, and the case shows the outcome. Plus the refusals:
 * scoping by department and jurisdiction, who may take which step, illegal steps, consent, and the
 * escalation of a referral left waiting.
 */
class ReferralsIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;
    private static final String HEAD = DemoUsers.HEAD_GUYANG;
    private static final String LIAISON = DemoUsers.LIAISON;
    private static final String PHONE = "13900001111";

    @Autowired
    TestClock clock;

    @Autowired
    ReferralEscalationJob escalationJob;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    CaseSteps steps;
    String fulian;
    String education;
    String educationLiaison;

    @BeforeAll
    void departments() {
        steps = new CaseSteps(api);
        Map<String, String> byDepartment = new HashMap<>();
        ok(api.get("/api/v1/referrals/receivers", token(WORKER)))
                .forEach(o -> byDepartment.put(
                        o.get("department").asString(), o.get("id").asString()));
        fulian = byDepartment.get("WOMENS_FEDERATION");
        education = byDepartment.get("EDUCATION");
        assertThat(fulian).isNotNull();
        assertThat(education).isNotNull();
        UserBuilder liaison = UserBuilder.aCountySupervisor();
        Response created = api.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        liaison.username(),
                        "displayName",
                        "教育局联络员",
                        "password",
                        liaison.password(),
                        "role",
                        "DEPARTMENT_LIAISON",
                        "jurisdictionCode",
                        Villages.COUNTY,
                        "organisationId",
                        education),
                token(DemoUsers.ADMIN));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        educationLiaison = api.tokenFor(liaison.username(), liaison.password());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void stationRefersToFulianAndTheLiaisonCompletesTheLoopSeeingOnlyWhatWasShared() {
        ClientBuilder child = aLeftBehindChild().withPhone(PHONE);
        UUID clientId = registry.registerId(WORKER, child);
        JsonNode client = ok(api.get("/api/v1/clients/" + clientId, token(WORKER)));
        JsonNode caseFile = steps.admitted(WORKER, clientId);

        Response sent = api.post("/api/v1/referrals", referral(id(caseFile), fulian), token(WORKER));
        JsonNode referral = ok(sent);
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.header("ETag")).isEqualTo(etag(referral));
        assertThat(referral.get("status").asString()).isEqualTo("SENT");
        assertThat(texts(list(referral.get("shared")), "field")).containsExactly("NAME", "SEX", "AGE", "VILLAGE");
        assertThat(sharedValue(referral, "VILLAGE")).isEqualTo("堌阳镇 任庄村");
        assertThat(sharedValue(referral, "AGE")).isEqualTo("10");

        // the liaison's inbox lists it, by the shared name
        List<JsonNode> inbox = allItems("/api/v1/referrals?box=received&status=SENT", token(LIAISON));
        JsonNode row = inbox.stream()
                .filter(r -> r.get("id").asString().equals(id(referral)))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("clientName").asString())
                .isEqualTo(client.get("fullName").asString());
        assertThat(row.get("caseId").isNull()).isTrue();

        // the liaison reads the referral: the shared fields and nothing else of the client or case
        Response seen = api.get("/api/v1/referrals/" + id(referral), token(LIAISON));
        JsonNode view = ok(seen);
        assertThat(seen.header("ETag")).isEqualTo(etag(view));
        assertThat(texts(list(view.get("shared")), "field")).containsExactly("NAME", "SEX", "AGE", "VILLAGE");
        assertThat(view.get("caseId").isNull()).isTrue();
        assertThat(view.get("clientId").isNull()).isTrue();
        assertThat(view.get("consent").get("basis").asString()).isEqualTo("GUARDIAN_CONSENT");
        assertThat(view.get("consent").get("consentedBy").isNull()).isTrue();
        String raw = seen.raw().body();
        assertThat(raw)
                .doesNotContain(PHONE)
                .doesNotContain("13812345678") // the guardian's phone
                .doesNotContain(child.idNumber())
                .doesNotContain(child.idNumber().substring(14))
                .doesNotContain(clientId.toString())
                .doesNotContain(id(caseFile))
                .doesNotContain(caseFile.get("caseNumber").asString())
                .doesNotContain("摸排发现") // the case's own record (its lead reason) stays with the station
                .doesNotContain("王桂英"); // who consented (the guardian) was not shared

        // and never the registry or the case file
        assertThat(api.get("/api/v1/clients/" + clientId, token(LIAISON)).status())
                .isIn(403, 404);
        assertThat(api.get("/api/v1/cases/" + id(caseFile), token(LIAISON)).status())
                .isIn(403, 404);
        assertThat(api.get("/api/v1/cases/" + id(caseFile) + "/referrals", token(LIAISON))
                        .status())
                .isIn(403, 404);

        JsonNode accepted =
                ok(api.post("/api/v1/referrals/" + id(view) + "/accept", Map.of(), token(LIAISON), etag(view)));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("accepted").get("by").asString()).isEqualTo(LIAISON);
        JsonNode progressed = ok(api.post(
                "/api/v1/referrals/" + id(view) + "/progress",
                Map.of("note", "已与祖母电话联系，约定周五上门"),
                token(LIAISON),
                etag(accepted)));
        assertThat(progressed.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(progressed.get("progress").get(0).get("text").asString()).isEqualTo("已与祖母电话联系，约定周五上门");
        Response withoutResult = api.post(
                "/api/v1/referrals/" + id(view) + "/complete",
                Map.of("outcome", "已办结"),
                token(LIAISON),
                etag(progressed));
        assertThat(withoutResult.status()).isEqualTo(400);
        assertThat(withoutResult.body().get("detail").asString()).contains("请选择转介结果");
        JsonNode completed = ok(api.post(
                "/api/v1/referrals/" + id(view) + "/complete",
                Map.of("result", "PROVIDED", "outcome", "妇联儿童之家已安排每周两次课后陪伴"),
                token(LIAISON),
                etag(progressed)));
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("result").asString()).isEqualTo("PROVIDED");

        // the loop closes: the case shows the outcome
        List<JsonNode> onCase = list(ok(api.get("/api/v1/cases/" + id(caseFile) + "/referrals", token(WORKER))));
        assertThat(onCase).hasSize(1);
        assertThat(onCase.get(0).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(onCase.get(0).get("outcome").asString()).isEqualTo("妇联儿童之家已安排每周两次课后陪伴");
        // and the case timeline keeps the structured result, with the department and its text
        JsonNode timeline =
                ok(api.get("/api/v1/cases/" + id(caseFile), token(WORKER))).get("transitions");
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("REFERRAL_PROVIDED");
        assertThat(last.get("actor").asString()).isEqualTo(LIAISON);
        assertThat(last.get("reason").asString()).isEqualTo("兰考县妇女联合会：妇联儿童之家已安排每周两次课后陪伴");
        assertThat(onCase.get(0).get("receivingOrganisation").asString()).isEqualTo("兰考县妇女联合会");
        JsonNode full = ok(api.get("/api/v1/referrals/" + id(view), token(WORKER)));
        assertThat(full.get("caseId").asString()).isEqualTo(id(caseFile));
        assertThat(full.get("consent").get("consentedBy").asString()).isEqualTo("王桂英");

        // sharing is in the audit trail, with exactly the fields shared
        assertThat(audit.historyOf(UUID.fromString(id(view)))).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("SENT");
            assertThat(e.getFields()).isEqualTo("NAME,SEX,AGE,VILLAGE");
        });
        assertThat(audit.historyOf(clientId))
                .anySatisfy(e -> assertThat(e.getAction()).isEqualTo("REFERRAL_SHARED"));
    }

    @Test
    void sensitiveFieldsAreSharedOnlyWhenChosenAndStoredEncrypted() {
        UUID clientId = registry.registerId(WORKER, aLeftBehindChild().withPhone(PHONE));
        JsonNode caseFile = steps.admitted(WORKER, clientId);
        Map<String, Object> request = referral(id(caseFile), fulian);
        request.put("sharedFields", List.of("NAME", "PHONE", "GUARDIAN_CONTACT", "CASE_SUMMARY"));
        request.put("caseSummary", "孩子近期情绪低落，需妇联协助");
        JsonNode referral = ok(api.post("/api/v1/referrals", request, token(WORKER)));

        JsonNode view = ok(api.get("/api/v1/referrals/" + id(referral), token(LIAISON)));
        assertThat(texts(list(view.get("shared")), "field"))
                .containsExactly("NAME", "GUARDIAN_CONTACT", "PHONE", "CASE_SUMMARY");
        assertThat(sharedValue(view, "PHONE")).isEqualTo(PHONE);
        assertThat(sharedValue(view, "GUARDIAN_CONTACT")).isEqualTo("王桂英（祖母） 13812345678");
        assertThat(sharedValue(view, "CASE_SUMMARY")).isEqualTo("孩子近期情绪低落，需妇联协助");
        assertThat(view.toString()).doesNotContain("\"SEX\"").doesNotContain("\"ID_NUMBER\"");

        Integer plain = jdbc.queryForObject(
                "select count(*) from referral_shared_field where value_enc like ?", Integer.class, "%" + PHONE + "%");
        assertThat(plain).isZero();

        // a case summary must be written when it is shared
        request.remove("caseSummary");
        Response refused = api.post("/api/v1/referrals", request, token(WORKER));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asString()).isEqualTo("referral.caseSummary.required");
    }

    @Test
    void aDeclinedReferralGoesToAnotherDepartmentOnceAndTheOldOneStays() {
        JsonNode caseFile = steps.admitted(WORKER, registry.registerId(WORKER, aLeftBehindChild()));
        JsonNode referral = ok(api.post("/api/v1/referrals", referral(id(caseFile), fulian), token(WORKER)));
        JsonNode declined = ok(api.post(
                "/api/v1/referrals/" + id(referral) + "/decline",
                Map.of("reason", "属于教育部门职责"),
                token(LIAISON),
                etag(referral)));
        assertThat(declined.get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.get("declined").get("reason").asString()).isEqualTo("属于教育部门职责");

        JsonNode seen = ok(api.get("/api/v1/referrals/" + id(referral), token(WORKER)));
        Map<String, Object> reRefer = Map.of(
                "receivingOrganisationId",
                fulian,
                "consent",
                Map.of("basis", "GUARDIAN_CONSENT", "consentedBy", "王桂英"));
        Response same = api.post("/api/v1/referrals/" + id(seen) + "/re-refer", reRefer, token(WORKER), etag(seen));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body().get("code").asString()).isEqualTo("referral.reRefer.sameReceiver");

        Response noConsent = api.post(
                "/api/v1/referrals/" + id(seen) + "/re-refer",
                Map.of("receivingOrganisationId", education),
                token(WORKER),
                etag(seen));
        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(noConsent.body().get("code").asString()).isEqualTo("referral.consent.required");

        Map<String, Object> toEducation = Map.of(
                "receivingOrganisationId",
                education,
                "consent",
                Map.of("basis", "GUARDIAN_CONSENT", "consentedBy", "王桂英"));
        Response again =
                api.post("/api/v1/referrals/" + id(seen) + "/re-refer", toEducation, token(WORKER), etag(seen));
        JsonNode second = ok(again);
        assertThat(again.status()).isEqualTo(201);
        assertThat(second.get("previousReferralId").asString()).isEqualTo(id(referral));
        assertThat(second.get("status").asString()).isEqualTo("SENT");
        assertThat(second.get("reason").asString())
                .isEqualTo(referral.get("reason").asString());
        assertThat(second.get("receivingOrganisation").get("id").asString()).isEqualTo(education);
        assertThat(ok(api.get("/api/v1/referrals/" + id(referral), token(WORKER)))
                        .get("status")
                        .asString())
                .isEqualTo("DECLINED");

        Response twice =
                api.post("/api/v1/referrals/" + id(seen) + "/re-refer", toEducation, token(WORKER), etag(seen));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("code").asString()).isEqualTo("referral.reRefer.alreadyDone");

        // 妇联 no longer sees the new one; 教育局 does
        assertThat(api.get("/api/v1/referrals/" + id(second), token(LIAISON)).status())
                .isEqualTo(404);
        assertThat(ok(api.get("/api/v1/referrals/" + id(second), educationLiaison))
                        .get("status")
                        .asString())
                .isEqualTo("SENT");
        List<JsonNode> onCase = list(ok(api.get("/api/v1/cases/" + id(caseFile) + "/referrals", token(WORKER))));
        assertThat(texts(onCase, "status")).containsExactly("SENT", "DECLINED");
    }

    @Test
    void theSenderRevokesAndTheReceiverCanNoLongerAccept() {
        JsonNode caseFile = steps.admitted(WORKER, registry.registerId(WORKER, aLeftBehindChild()));
        JsonNode referral = ok(api.post("/api/v1/referrals", referral(id(caseFile), fulian), token(WORKER)));

        Response byLiaison = api.post(
                "/api/v1/referrals/" + id(referral) + "/revoke",
                Map.of("reason", "不要了"),
                token(LIAISON),
                etag(referral));
        assertThat(byLiaison.status()).isEqualTo(403);
        assertThat(byLiaison.body().get("code").asString()).isEqualTo("referral.senderOnly");
        Response bySender =
                api.post("/api/v1/referrals/" + id(referral) + "/accept", Map.of(), token(WORKER), etag(referral));
        assertThat(bySender.status()).isEqualTo(403);
        assertThat(bySender.body().get("code").asString()).isEqualTo("referral.receiverOnly");

        JsonNode revoked = ok(api.post(
                "/api/v1/referrals/" + id(referral) + "/revoke",
                Map.of("reason", "家长已自行联系妇联"),
                token(WORKER),
                etag(referral)));
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("revoked").get("reason").asString()).isEqualTo("家长已自行联系妇联");

        Response late =
                api.post("/api/v1/referrals/" + id(revoked) + "/accept", Map.of(), token(LIAISON), etag(revoked));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("code").asString()).isEqualTo("referral.illegal.accept");
        assertThat(late.body().get("detail").asString()).isEqualTo("只有待接收的转介可以接收。");
    }

    @Test
    void illegalStepsAndStaleVersionsAreClearProblems() {
        JsonNode caseFile = steps.admitted(WORKER, registry.registerId(WORKER, aLeftBehindChild()));
        JsonNode referral = ok(api.post("/api/v1/referrals", referral(id(caseFile), fulian), token(WORKER)));
        String path = "/api/v1/referrals/" + id(referral);

        Response early = api.post(
                path + "/complete", Map.of("result", "PROVIDED", "outcome", "已办结"), token(LIAISON), etag(referral));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("detail").asString()).isEqualTo("只有服务中的转介可以办结，请先开始服务。");
        Response english = api.postRaw(
                path + "/complete?version=" + referral.get("version").asLong(),
                "{\"result\":\"PROVIDED\",\"outcome\":\"done\"}",
                token(LIAISON),
                "en");
        assertThat(english.status()).isEqualTo(409);
        assertThat(english.body().get("detail").asString()).startsWith("Only a referral in progress");

        Response noVersion = api.post(path + "/accept", Map.of(), token(LIAISON));
        assertThat(noVersion.status()).isEqualTo(400);
        JsonNode accepted = ok(api.post(path + "/accept", Map.of(), token(LIAISON), etag(referral)));
        Response stale = api.post(path + "/start", Map.of(), token(LIAISON), etag(referral));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("code").asString()).isEqualTo("error.staleVersion");
        Response declineAccepted =
                api.post(path + "/decline", Map.of("reason", "不属于本部门"), token(LIAISON), etag(accepted));
        assertThat(declineAccepted.status()).isEqualTo(409);
        assertThat(declineAccepted.body().get("code").asString()).isEqualTo("referral.illegal.decline");
    }

    @Test
    void otherDepartmentsAndOtherTownshipsDoNotSeeTheReferral() {
        JsonNode caseFile = steps.admitted(WORKER, registry.registerId(WORKER, aLeftBehindChild()));
        JsonNode referral = ok(api.post("/api/v1/referrals", referral(id(caseFile), fulian), token(WORKER)));
        String path = "/api/v1/referrals/" + id(referral);

        assertThat(api.get(path, educationLiaison).status()).isEqualTo(404);
        assertThat(api.post(path + "/accept", Map.of(), educationLiaison, etag(referral))
                        .status())
                .isEqualTo(404);
        assertThat(ids(allItems("/api/v1/referrals?box=received", educationLiaison)))
                .doesNotContain(id(referral));

        String nanzhang = token(DemoUsers.STATION_NANZHANG);
        assertThat(api.get(path, nanzhang).status()).isEqualTo(404);
        assertThat(api.post(path + "/revoke", Map.of("reason", "撤回"), nanzhang, etag(referral))
                        .status())
                .isEqualTo(404);
        assertThat(ids(allItems("/api/v1/referrals?box=sent", nanzhang))).doesNotContain(id(referral));

        // the station's head and the county see what the township sent; village directors see no referrals
        assertThat(ids(allItems("/api/v1/referrals?box=sent", token(HEAD)))).contains(id(referral));
        assertThat(ids(allItems("/api/v1/referrals", token(DemoUsers.COUNTY_SUPERVISOR))))
                .contains(id(referral));
        assertThat(api.get(path, token(DemoUsers.DIRECTOR_RENZHUANG)).status()).isEqualTo(403);
        assertThat(api.get(path, token(DemoUsers.ADMIN)).status()).isEqualTo(403);
        assertThat(allItems("/api/v1/referrals?box=sent", token(LIAISON))).isEmpty();
    }

    @Test
    void consentIsRequiredAndOnlySupervisorsOverrideIt() {
        JsonNode caseFile = steps.admitted(WORKER, registry.registerId(WORKER, aLeftBehindChild()));
        Map<String, Object> request = referral(id(caseFile), fulian);

        request.remove("consent");
        Response none = api.post("/api/v1/referrals", request, token(WORKER));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().get("code").asString()).isEqualTo("referral.consent.required");
        assertThat(none.body().get("detail").asString()).startsWith("转介前须记录信息共享的依据");

        request.put("consent", Map.of("basis", "LEGAL_BASIS_OVERRIDE", "overrideReason", "强制报告：疑似遭受监护侵害"));
        Response byWorker = api.post("/api/v1/referrals", request, token(WORKER));
        assertThat(byWorker.status()).isEqualTo(403);
        assertThat(byWorker.body().get("code").asString()).isEqualTo("referral.consent.overrideSupervisorOnly");

        Response bySupervisor = api.post("/api/v1/referrals", request, token(HEAD));
        JsonNode referral = ok(bySupervisor);
        assertThat(referral.get("consent").get("basis").asString()).isEqualTo("LEGAL_BASIS_OVERRIDE");
        assertThat(referral.get("consent").get("overrideReason").asString()).isEqualTo("强制报告：疑似遭受监护侵害");

        Map<String, Object> toTownship = referral(
                id(caseFile), referral.get("sendingOrganisation").get("id").asString());
        Response notADepartment = api.post("/api/v1/referrals", toTownship, token(WORKER));
        assertThat(notADepartment.status()).isEqualTo(400);
        assertThat(notADepartment.body().get("code").asString()).isEqualTo("referral.receiver.invalid");
    }

    @Test
    void aReferralLeftWaitingIsEscalatedExactlyOnceEvenFromTwoServersAtOnce() throws Exception {
        JsonNode caseFile = steps.admitted(WORKER, registry.registerId(WORKER, aLeftBehindChild()));
        JsonNode waiting = ok(api.post("/api/v1/referrals", referral(id(caseFile), fulian), token(WORKER)));
        JsonNode answered = ok(api.post("/api/v1/referrals", referral(id(caseFile), education), token(WORKER)));
        ok(api.post("/api/v1/referrals/" + id(answered) + "/accept", Map.of(), educationLiaison, etag(answered)));

        escalationJob.escalateOverdue();
        assertThat(escalations(waiting)).isZero();

        clock.advance(Duration.ofDays(3).plusHours(1)); // HIGH: 3 days to respond
        // tokens issued before expired with the jump: log in again at the new time
        String liaison = freshToken(LIAISON);
        String worker = freshToken(WORKER);
        JsonNode overdue = ok(api.get("/api/v1/referrals/" + id(waiting), liaison));
        assertThat(overdue.get("overdue").asBoolean()).isTrue();

        escalationJob.escalateOverdue();
        escalationJob.escalateOverdue();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(() -> {
                    start.await();
                    return escalationJob.escalateOverdue();
                });
            }
            List<Future<Integer>> results = new ArrayList<>();
            runs.forEach(r -> results.add(pool.submit(r)));
            start.countDown();
            for (Future<Integer> f : results) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(escalations(waiting)).isEqualTo(1);
        assertThat(ok(api.get("/api/v1/referrals/" + id(waiting), worker))
                        .get("escalatedAt")
                        .isNull())
                .isFalse();
        assertThat(escalations(answered)).isZero();
        assertThat(ok(api.get("/api/v1/referrals/" + id(answered), worker))
                        .get("escalatedAt")
                        .isNull())
                .isTrue();
    }

    @Test
    void theReceiverReturnsAnAcceptedReferralAndTheSenderMayReferElsewhere() {
        JsonNode caseFile = steps.admitted(WORKER, registry.registerId(WORKER, aLeftBehindChild()));
        JsonNode referral = ok(api.post("/api/v1/referrals", referral(id(caseFile), fulian), token(WORKER)));
        String path = "/api/v1/referrals/" + id(referral);
        JsonNode accepted = ok(api.post(path + "/accept", Map.of(), token(LIAISON), etag(referral)));
        Response noReason = api.post(path + "/return", Map.of(), token(LIAISON), etag(accepted));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("code").asString()).isEqualTo("referral.reason.required");

        JsonNode returned =
                ok(api.post(path + "/return", Map.of("reason", "需由教育部门协调转学"), token(LIAISON), etag(accepted)));
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("returned").get("reason").asString()).isEqualTo("需由教育部门协调转学");
        Response revokeReturned = api.post(path + "/revoke", Map.of("reason", "撤回"), token(WORKER), etag(returned));
        assertThat(revokeReturned.status()).isEqualTo(409);

        JsonNode second = ok(api.post(
                path + "/re-refer",
                Map.of(
                        "receivingOrganisationId",
                        education,
                        "urgency",
                        "URGENT",
                        "consent",
                        Map.of("basis", "CLIENT_CONSENT")),
                token(WORKER),
                etag(returned)));
        assertThat(second.get("urgency").asString()).isEqualTo("URGENT");
        assertThat(second.get("previousReferralId").asString()).isEqualTo(id(referral));
    }

    @Test
    void theReferralApiIsDocumented() {
        Response r = api.get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.body().get("paths");
        assertThat(paths.has("/api/v1/referrals")).isTrue();
        assertThat(paths.get("/api/v1/referrals").has("post")).isTrue();
        assertThat(paths.has("/api/v1/referrals/{id}/accept")).isTrue();
        assertThat(paths.has("/api/v1/referrals/{id}/re-refer")).isTrue();
        assertThat(paths.has("/api/v1/cases/{caseId}/referrals")).isTrue();
    }

    @Test
    void aLeadNotYetTakenInCannotBeReferred() {
        JsonNode lead = steps.open(WORKER, registry.registerId(WORKER, aLeftBehindChild()));
        Response refused = api.post("/api/v1/referrals", referral(id(lead), fulian), token(WORKER));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asString()).isEqualTo("referral.case.notReferable");
    }

    private String freshToken(String username) {
        return ok(api.login(username, Api.PASSWORD)).get("token").asString();
    }

    private long escalations(JsonNode referral) {
        return audit.historyOf(UUID.fromString(id(referral))).stream()
                .filter(e -> e.getAction().equals("ESCALATED"))
                .count();
    }

    private static Map<String, Object> referral(String caseId, String receiver) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("receivingOrganisationId", receiver);
        body.put("reason", "孩子长期独自在家，情绪低落，需要心理疏导和课后照护");
        body.put("servicesRequested", "心理疏导；课后照护");
        body.put("urgency", "HIGH");
        body.put("consent", Map.of("basis", "GUARDIAN_CONSENT", "consentedBy", "王桂英"));
        return body;
    }

    private static String sharedValue(JsonNode referral, String field) {
        for (JsonNode item : referral.get("shared")) {
            if (item.get("field").asString().equals(field)) {
                return item.get("value").isNull() ? null : item.get("value").asString();
            }
        }
        throw new AssertionError("not shared: " + field);
    }

    private static List<String> ids(List<JsonNode> items) {
        return texts(items, "id");
    }
}
