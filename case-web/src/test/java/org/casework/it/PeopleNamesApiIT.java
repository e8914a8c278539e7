package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.clients.LeftBehindAgeOut;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Plans;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Over real HTTP: every API response that names a person gives their login and, next to it, the
 * display name people know them by (issue 15): referrals (sender, each step, notes; with the
 * sending station's phone), flags (reporter, who triaged, notes), a client's history, registry
 * reviews (and the client page's review), assessments, plan versions and police reports. All of it
 * is in the OpenAPI document.
 */
class PeopleNamesApiIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;
    private static final String WORKER_NAME = "堌阳镇社工 李娜";
    private static final String HEAD = DemoUsers.HEAD_GUYANG;
    private static final String HEAD_NAME = "堌阳镇站长 王建华";
    private static final String LIAISON = DemoUsers.LIAISON;
    private static final String LIAISON_NAME = "县妇联联络员 张丽";
    private static final String DIRECTOR = DemoUsers.DIRECTOR_RENZHUANG;
    private static final String DIRECTOR_NAME = "任庄村儿童主任 任秀兰";

    @Autowired
    LeftBehindAgeOut ageOut;

    @LocalServerPort
    int port;

    @Test
    void aReferralNamesItsSenderStepsAndNotesAndGivesTheStationsPhone() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode caseFile = new CaseSteps(api).admitted(WORKER, child);
        String fulian = list(ok(api.get("/api/v1/referrals/receivers", token(WORKER)))).stream()
                .filter(o -> o.get("department").asString().equals("WOMENS_FEDERATION"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        JsonNode sent = ok(api.post("/api/v1/referrals", referral(id(caseFile), fulian), token(WORKER)));
        String station = sent.get("sendingOrganisation").get("id").asString();
        ok(api.put(
                "/api/v1/organisations/" + station + "/contact",
                Map.of("contactName", "堌阳镇社工站办公室", "contactPhone", "0371-2688 0002"),
                token(HEAD),
                null));
        JsonNode accepted =
                ok(api.post("/api/v1/referrals/" + id(sent) + "/accept", Map.of(), token(LIAISON), etag(sent)));
        ok(api.post(
                "/api/v1/referrals/" + id(sent) + "/progress",
                Map.of("note", "已与祖母电话联系"),
                token(LIAISON),
                etag(accepted)));

        JsonNode seen = ok(api.get("/api/v1/referrals/" + id(sent), token(LIAISON)));
        assertThat(seen.get("sentBy").asString()).isEqualTo(WORKER);
        assertThat(seen.get("sentByName").asString()).isEqualTo(WORKER_NAME);
        assertThat(seen.get("senderPhone").asString()).isEqualTo("037126880002");
        assertThat(seen.get("accepted").get("by").asString()).isEqualTo(LIAISON);
        assertThat(seen.get("accepted").get("byName").asString()).isEqualTo(LIAISON_NAME);
        assertThat(seen.get("started").get("byName").asString()).isEqualTo(LIAISON_NAME);
        JsonNode note = seen.get("progress").get(0);
        assertThat(note.get("author").asString()).isEqualTo(LIAISON);
        assertThat(note.get("authorName").asString()).isEqualTo(LIAISON_NAME);

        JsonNode inbox = allItems("/api/v1/referrals?box=received", token(LIAISON)).stream()
                .filter(r -> id(r).equals(id(sent)))
                .findFirst()
                .orElseThrow();
        assertThat(inbox.get("sentByName").asString()).isEqualTo(WORKER_NAME);
        JsonNode onCase = list(ok(api.get("/api/v1/cases/" + id(caseFile) + "/referrals", token(WORKER))))
                .get(0);
        assertThat(onCase.get("sentByName").asString()).isEqualTo(WORKER_NAME);
    }

    @Test
    void aFlagNamesItsReporterWhoTriagedItAndWhoWroteItsNotesAndItsPoliceReportWhoRecordedIt() {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectName", TestData.uniqueName());
        body.put("subjectSex", "MALE");
        body.put("subjectAgeYears", 7);
        body.put("villageCode", Villages.RENZHUANG);
        body.put("type", "MR_ABANDONMENT_NO_CARE");
        body.put("description", "孩子独自在家两天，没有大人照看");
        JsonNode flag = ok(api.post("/api/v1/flags", body, token(DIRECTOR)));
        assertThat(flag.get("staff").isNull())
                .as("the reporter's own view names nobody")
                .isTrue();

        Instant now = Instant.now();
        Map<String, Object> report = new HashMap<>();
        report.put("flagId", id(flag));
        report.put("reportedAt", now.minus(Duration.ofMinutes(30)).toString());
        report.put("receivingUnit", "兰考县公安局堌阳派出所");
        report.put("officer", "王警官");
        report.put("receiptNumber", "JJ2026112700124");
        report.put("reportedBy", "堌阳镇社工站 李社工");
        report.put("civilAffairsNotifiedAt", now.minus(Duration.ofMinutes(20)).toString());
        report.put(
                "minorProtectionNotifiedAt", now.minus(Duration.ofMinutes(10)).toString());
        JsonNode recorded = ok(api.post("/api/v1/mandatory-reports", report, token(WORKER)));
        assertThat(recorded.get("recordedBy").asString()).isEqualTo(WORKER);
        assertThat(recorded.get("recordedByName").asString()).isEqualTo(WORKER_NAME);
        JsonNode listed = allItems("/api/v1/mandatory-reports?flag=" + id(flag), token(WORKER))
                .get(0);
        assertThat(listed.get("recordedByName").asString()).isEqualTo(WORKER_NAME);

        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode current = ok(api.get("/api/v1/flags/" + id(flag), token(WORKER)));
        ok(api.post(
                "/api/v1/flags/" + id(flag) + "/triage",
                Map.of("outcome", "CASE_OPENED", "clientId", child),
                token(WORKER),
                etag(current)));
        JsonNode note = ok(api.post("/api/v1/flags/" + id(flag) + "/notes", Map.of("text", "已电话联系派出所"), token(WORKER)));
        assertThat(note.get("writtenByName").asString()).isEqualTo(WORKER_NAME);

        JsonNode staff = ok(api.get("/api/v1/flags/" + id(flag), token(WORKER))).get("staff");
        assertThat(staff.get("reporterUsername").asString()).isEqualTo(DIRECTOR);
        assertThat(staff.get("reporterName").asString()).isEqualTo(DIRECTOR_NAME);
        assertThat(staff.get("triagedBy").asString()).isEqualTo(WORKER);
        assertThat(staff.get("triagedByName").asString()).isEqualTo(WORKER_NAME);
        JsonNode inList = allItems("/api/v1/flags?view=ALL", token(WORKER)).stream()
                .filter(f -> id(f).equals(id(flag)))
                .findFirst()
                .orElseThrow();
        assertThat(inList.get("staff").get("reporterName").asString()).isEqualTo(DIRECTOR_NAME);
        JsonNode notes = ok(api.get("/api/v1/flags/" + id(flag) + "/notes", token(WORKER)));
        assertThat(notes.get(0).get("writtenBy").asString()).isEqualTo(WORKER);
        assertThat(notes.get(0).get("writtenByName").asString()).isEqualTo(WORKER_NAME);
    }

    @Test
    void aClientsHistoryReviewsAssessmentsAndPlanVersionsNameWhoActed() {
        LocalDate today = TestData.today();
        UUID child = registry.registerId(
                WORKER, aLeftBehindChild().bornOn(today.minusYears(16)).inVillage(Villages.RENZHUANG));

        JsonNode change = list(ok(api.get("/api/v1/clients/" + child + "/history", token(WORKER))))
                .get(0);
        assertThat(change.get("actor").asString()).isEqualTo(WORKER);
        assertThat(change.get("actorName").asString()).isEqualTo(WORKER_NAME);

        ageOut.run(today);
        JsonNode review = list(ok(api.get("/api/v1/clients/" + child + "/reviews", token(WORKER))))
                .get(0);
        JsonNode resolved = ok(api.post(
                "/api/v1/clients/" + child + "/reviews/" + id(review) + "/resolution",
                Map.of("resolution", "已满16周岁，转为困境儿童关注"),
                token(WORKER),
                etag(review)));
        assertThat(resolved.get("resolvedBy").asString()).isEqualTo(WORKER);
        assertThat(resolved.get("resolvedByName").asString()).isEqualTo(WORKER_NAME);
        assertThat(list(ok(api.get("/api/v1/clients/" + child + "/reviews", token(WORKER))))
                        .get(0)
                        .get("resolvedByName")
                        .asString())
                .isEqualTo(WORKER_NAME);
        // and the client page says who resolved it by name
        WebSession station = new WebSession(port, Api.someAddress());
        assertThat(station.login(WORKER, Api.PASSWORD).location()).doesNotContain("error");
        assertThat(station.get("/clients/" + child).body())
                .contains("已复核：已满16周岁，转为困境儿童关注（" + WORKER_NAME + "）")
                .doesNotContain("（" + WORKER + "）");

        UUID younger = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        Cases cases = new Cases(api);
        JsonNode caseFile = cases.assessing(WORKER, younger);
        JsonNode signed = cases.signedChildAssessment(WORKER, younger, caseFile);
        assertThat(signed.get("signedBy").asString()).isEqualTo(WORKER);
        assertThat(signed.get("signedByName").asString()).isEqualTo(WORKER_NAME);
        JsonNode listed = list(ok(api.get("/api/v1/assessments?client=" + younger, token(WORKER))))
                .get(0);
        assertThat(listed.get("signedByName").asString()).isEqualTo(WORKER_NAME);

        JsonNode plan = new Plans(api).submitted(WORKER, cases.get(WORKER, caseFile));
        JsonNode version = list(ok(api.get("/api/v1/cases/" + id(caseFile) + "/plans", token(WORKER))))
                .get(0);
        assertThat(version.get("id").asString()).isEqualTo(id(plan));
        assertThat(version.get("submittedBy").asString()).isEqualTo(WORKER);
        assertThat(version.get("submittedByName").asString()).isEqualTo(WORKER_NAME);
    }

    @Test
    void theNewNameFieldsAreDocumentedForClients() {
        String openApi = api.get("/v3/api-docs", null).raw().body();
        for (String field : List.of(
                "sentByName",
                "senderPhone",
                "byName",
                "reporterName",
                "triagedByName",
                "writtenByName",
                "resolvedByName",
                "signedByName",
                "recordedByName",
                "reviewedByName")) {
            assertThat(openApi).as(field).contains("\"" + field + "\"");
        }
        assertThat(openApi).contains("by display name");
    }

    private static Map<String, Object> referral(String caseId, String receiver) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("receivingOrganisationId", receiver);
        body.put("reason", "孩子长期独自在家，需要课后照护");
        body.put("servicesRequested", "课后照护");
        body.put("urgency", "NORMAL");
        body.put("consent", Map.of("basis", "GUARDIAN_CONSENT", "consentedBy", "王桂英"));
        return body;
    }
}
