package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_CAOZHAI;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_RENZHUANG;
import static org.casework.it.fixtures.DemoUsers.LIAISON;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;
import static org.casework.it.fixtures.Villages.RENZHUANG;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.CaseSteps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The journey the flags issue names, across flags, mandatory reports, cases, referrals and
 * notifications, through HTTP: a village director flags a child left alone → the station sees it
 * among the red flags at the top of its queue, reports to the police, registers the child and opens
 * a case, refers to 妇联 → 妇联's liaison accepts and completes → the case shows the outcome and the
 * director sees what became of the flag. Nobody outside sees the flag; the liaison never sees the
 * reporter.
 */
class ChildAtRiskJourneyIT extends ApiTest {

    private static final String DIRECTOR_NAME_FRAGMENT = "renzhuang";

    private CaseSteps steps;
    private String fulian;

    @BeforeAll
    void setUp() {
        steps = new CaseSteps(api);
        for (JsonNode o : ok(api.get("/api/v1/referrals/receivers", token(STATION_GUYANG)))) {
            if (o.get("department").asString().equals("WOMENS_FEDERATION")) {
                fulian = o.get("id").asString();
            }
        }
        assertThat(fulian).isNotNull();
    }

    @Test
    void aChildLeftAloneIsFlaggedReportedTakenInReferredAndTheLoopCloses() {
        // 1. the director flags a child left alone: red
        Map<String, Object> flagBody = new HashMap<>();
        String childName = "任小" + "伟明强华军杰涛斌超磊".charAt((int) (Math.random() * 10))
                + "安平宁康乐福顺和泰祥".charAt((int) (Math.random() * 10));
        flagBody.put("subjectName", childName);
        flagBody.put("subjectSex", "MALE");
        flagBody.put("subjectAgeYears", 6);
        flagBody.put("guardianContact", "爷爷 13911112222");
        flagBody.put("villageCode", RENZHUANG);
        flagBody.put("type", "LIVING_ALONE");
        flagBody.put("description", "父母外出务工，爷爷住院，6岁孩子独自在家三天");
        JsonNode flag = created(api.post("/api/v1/flags", flagBody, token(DIRECTOR_RENZHUANG)));
        String flagId = flag.get("id").asString();
        assertThat(flag.get("severity").asString()).isEqualTo("RED");

        // 2. the station's queue: among the red flags, ahead of every less severe one
        List<JsonNode> queue = allItems("/api/v1/flags?view=QUEUE", token(STATION_GUYANG));
        int at = texts(queue, "id").indexOf(flagId);
        assertThat(at).isNotNegative();
        assertThat(queue.subList(0, at))
                .allSatisfy(f -> assertThat(f.get("severity").asString()).isEqualTo("RED"));
        assertThat(queue.subList(at, queue.size()).stream()
                        .map(f -> f.get("severity").asString()))
                .isSortedAccordingTo((a, b) -> Integer.compare(rank(a), rank(b)));

        // nobody outside the village's station and the reporter sees it
        assertThat(api.get("/api/v1/flags/" + flagId, token(DIRECTOR_CAOZHAI)).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/flags/" + flagId, token(LIAISON)).status()).isEqualTo(404);

        // 3. the police report and the notices
        Instant now = Instant.now();
        Map<String, Object> report = new HashMap<>();
        report.put("flagId", flagId);
        report.put("reportedAt", now.minus(Duration.ofMinutes(15)).toString());
        report.put("receivingUnit", "兰考县公安局固阳派出所");
        report.put("officer", "赵警官");
        report.put("receiptNumber", "LK-110-0098");
        report.put("reportedBy", "固阳镇社工站");
        report.put("civilAffairsNotifiedAt", now.minus(Duration.ofMinutes(10)).toString());
        report.put("minorProtectionNotifiedAt", now.minus(Duration.ofMinutes(5)).toString());
        created(api.post("/api/v1/mandatory-reports", report, token(STATION_GUYANG)));

        // 4. the child goes into the registry and a case is opened from the flag
        UUID child = registry.registerId(
                STATION_GUYANG, aLeftBehindChild().named(childName).inVillage(RENZHUANG));
        JsonNode staffView = ok(api.get("/api/v1/flags/" + flagId, token(STATION_GUYANG)));
        JsonNode triaged = ok(api.post(
                "/api/v1/flags/" + flagId + "/triage",
                Map.of("outcome", "CASE_OPENED", "clientId", child, "reason", "儿童独处，立即立案"),
                token(STATION_GUYANG),
                "\"" + staffView.get("version").asLong() + "\""));
        String caseId = triaged.get("staff").get("outcomeCaseId").asString();

        // 5. taken in with the guardian's consent, and referred to 妇联
        JsonNode caseFile = ok(api.get("/api/v1/cases/" + caseId, token(STATION_GUYANG)));
        assertThat(caseFile.get("source").asString()).isEqualTo("VILLAGE_FLAG");
        caseFile = steps.step(STATION_GUYANG, caseFile, Map.of("action", "SCREEN"));
        steps.step(
                STATION_GUYANG,
                caseFile,
                Map.of("action", "ADMIT", "intakeBasis", "GUARDIAN_CONSENT", "reason", "爷爷同意"));
        Map<String, Object> referral = new HashMap<>();
        referral.put("caseId", caseId);
        referral.put("receivingOrganisationId", fulian);
        referral.put("reason", "孩子长期无人照看，需要妇联儿童之家课后照护");
        referral.put("servicesRequested", "课后照护；亲情陪伴");
        referral.put("urgency", "URGENT");
        referral.put("consent", Map.of("basis", "GUARDIAN_CONSENT", "consentedBy", "任爷爷"));
        JsonNode sent = created(api.post("/api/v1/referrals", referral, token(STATION_GUYANG)));
        String referralId = sent.get("id").asString();

        // 6. 妇联's liaison: only what was shared, never the reporter; accepts and completes
        List<JsonNode> inbox = allItems("/api/v1/referrals?box=received", token(LIAISON));
        assertThat(texts(inbox, "id")).contains(referralId);
        JsonNode received = ok(api.get("/api/v1/referrals/" + referralId, token(LIAISON)));
        assertThat(received.toString())
                .contains(childName)
                .doesNotContain(DIRECTOR_NAME_FRAGMENT)
                .doesNotContain(flagId)
                .doesNotContain("独自在家三天"); // the flag's description was not shared
        JsonNode accepted =
                ok(api.post("/api/v1/referrals/" + referralId + "/accept", Map.of(), token(LIAISON), etag(received)));
        JsonNode inProgress = ok(api.post(
                "/api/v1/referrals/" + referralId + "/progress",
                Map.of("note", "已联系村妇联主席上门了解情况"),
                token(LIAISON),
                etag(accepted)));
        JsonNode completed = ok(api.post(
                "/api/v1/referrals/" + referralId + "/complete",
                Map.of("result", "PROVIDED", "outcome", "已纳入儿童之家，每天放学后有人照看"),
                token(LIAISON),
                etag(inProgress)));
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");

        // 7. the loop closes on the case, and the director sees what became of the flag
        List<JsonNode> onCase = list(ok(api.get("/api/v1/cases/" + caseId + "/referrals", token(STATION_GUYANG))));
        assertThat(onCase).anySatisfy(r -> {
            assertThat(r.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(r.get("outcome").asString()).isEqualTo("已纳入儿童之家，每天放学后有人照看");
        });
        JsonNode reporterView = ok(api.get("/api/v1/flags/" + flagId, token(DIRECTOR_RENZHUANG)));
        assertThat(reporterView.get("status").asString()).isEqualTo("TRIAGED");
        assertThat(reporterView.get("outcome").asString()).isEqualTo("CASE_OPENED");
        List<String> directorNotices = allItems("/api/v1/notifications", token(DIRECTOR_RENZHUANG)).stream()
                .filter(n -> flagId.equals(n.get("subjectId").asString()))
                .map(n -> n.get("kind").asString())
                .toList();
        assertThat(directorNotices).containsExactly("FLAG_TRIAGED");
        List<String> stationNotices = allItems("/api/v1/notifications", token(STATION_GUYANG)).stream()
                .filter(n -> referralId.equals(n.get("subjectId").asString()))
                .map(n -> n.get("kind").asString())
                .toList();
        assertThat(stationNotices).contains("REFERRAL_STATUS_CHANGED");
        List<String> liaisonNotices = allItems("/api/v1/notifications", token(LIAISON)).stream()
                .filter(n -> referralId.equals(n.get("subjectId").asString()))
                .map(n -> n.get("text").asString())
                .toList();
        assertThat(liaisonNotices).isNotEmpty().noneMatch(t -> t.contains(DIRECTOR_NAME_FRAGMENT));
    }

    @Test
    void aRegisteredChildsFlagCanBeReferredStraightFromTriageWithoutACase() {
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(RENZHUANG));
        JsonNode flag = created(api.post(
                "/api/v1/flags",
                Map.of("clientId", child, "type", "SCHOOL_DROPOUT", "description", "辍学在家两周"),
                token(DIRECTOR_RENZHUANG)));
        Map<String, Object> referral = new HashMap<>();
        referral.put("flagId", flag.get("id").asString());
        referral.put("receivingOrganisationId", fulian);
        referral.put("reason", "辍学，需要劝返和家庭教育指导");
        referral.put("servicesRequested", "家庭教育指导");
        referral.put("urgency", "NORMAL");
        referral.put("consent", Map.of("basis", "GUARDIAN_CONSENT", "consentedBy", "孩子母亲"));
        referral.put("sharedFields", List.of("NAME", "AGE", "VILLAGE", "RISK_LEVEL"));
        JsonNode sent = created(api.post("/api/v1/referrals", referral, token(STATION_GUYANG)));
        assertThat(sent.get("flagId").asString()).isEqualTo(flag.get("id").asString());
        assertThat(sent.get("caseId").isNull()).isTrue();
        assertThat(sent.toString()).contains("ORANGE");
        JsonNode received = ok(api.get("/api/v1/referrals/" + sent.get("id").asString(), token(LIAISON)));
        assertThat(received.get("flagId").isNull()).isTrue();
        assertThat(received.toString()).doesNotContain(DIRECTOR_NAME_FRAGMENT);

        // a flag about a child not yet in the registry cannot be referred until triage registers it
        Map<String, Object> unknown = new HashMap<>();
        unknown.put("subjectName", "小石头");
        unknown.put("subjectAgeYears", 9);
        unknown.put("villageCode", RENZHUANG);
        unknown.put("type", "OTHER");
        unknown.put("description", "经常一个人在河边玩");
        JsonNode minimal = created(api.post("/api/v1/flags", unknown, token(DIRECTOR_RENZHUANG)));
        referral.put("flagId", minimal.get("id").asString());
        Response refused = api.post("/api/v1/referrals", referral, token(STATION_GUYANG));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asString()).isEqualTo("referral.flag.noClient");
        referral.put("flagId", flag.get("id").asString());
        assertThat(api.post("/api/v1/referrals", referral, token("station-nanzhang"))
                        .status())
                .as("another township's station")
                .isEqualTo(404);
    }

    private static int rank(String severity) {
        return List.of("RED", "ORANGE", "YELLOW", "GREEN").indexOf(severity);
    }

    private static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode created(Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body();
    }

    private static String etag(JsonNode body) {
        return "\"" + body.get("version").asLong() + "\"";
    }
}
