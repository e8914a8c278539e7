package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Over real HTTP: notices say what they are about (the flag's village and type, the case number),
 * and a liaison who accepts, starts and completes a referral within half an hour sends the station
 * one notice, not three.
 */
class NotificationSubjectsIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;
    private static final String LIAISON = DemoUsers.LIAISON;

    @Autowired
    TestClock clock;

    String fulian;

    @BeforeAll
    void fulian() {
        fulian = list(ok(api.get("/api/v1/referrals/receivers", token(WORKER)))).stream()
                .filter(o -> o.get("department").asString().equals("WOMENS_FEDERATION"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFlagNoticeNamesTheVillageAndTheType() {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectName", "小花" + UUID.randomUUID().toString().substring(0, 4));
        body.put("subjectSex", "FEMALE");
        body.put("subjectAgeYears", 12);
        body.put("villageCode", Villages.RENZHUANG);
        body.put("type", "SCHOOL_DROPOUT");
        body.put("description", "开学两周没去上学");
        Api.Response raised = api.post("/api/v1/flags", body, token(DemoUsers.DIRECTOR_RENZHUANG));
        assertThat(raised.status()).as(raised.raw().body()).isEqualTo(201);

        JsonNode notice = onlyOne(WORKER, id(raised.body()));

        assertThat(notice.get("kind").asString()).isEqualTo("FLAG_RAISED");
        assertThat(notice.get("text").asString()).contains("任庄村", "辍学或长期缺课");
    }

    @Test
    void acceptStartAndCompleteWithinMinutesAreOneNoticeNamingTheCase() {
        JsonNode caseFile = anAdmittedCase();
        JsonNode referral = ok(api.post("/api/v1/referrals", referral(id(caseFile)), token(WORKER)));
        assertThat(onlyOne(LIAISON, id(referral)).get("text").asString())
                .as("the liaison's notice names the case")
                .contains(caseFile.get("caseNumber").asString());

        JsonNode accepted =
                ok(api.post("/api/v1/referrals/" + id(referral) + "/accept", Map.of(), token(LIAISON), etag(referral)));
        clock.advance(Duration.ofMinutes(10));
        JsonNode started =
                ok(api.post("/api/v1/referrals/" + id(referral) + "/start", Map.of(), token(LIAISON), etag(accepted)));
        clock.advance(Duration.ofMinutes(15));
        ok(api.post(
                "/api/v1/referrals/" + id(referral) + "/complete",
                Map.of("result", "PROVIDED", "outcome", "已安排课后照护"),
                token(LIAISON),
                etag(started)));

        JsonNode notice = onlyOne(WORKER, id(referral));
        assertThat(notice.get("kind").asString()).isEqualTo("REFERRAL_STATUS_CHANGED");
        assertThat(notice.get("text").asString())
                .contains("已办结", caseFile.get("caseNumber").asString());
        assertThat(notice.get("read").asBoolean()).isFalse();
    }

    @Test
    void aStepAfterHalfAnHourIsANewNotice() {
        JsonNode caseFile = anAdmittedCase();
        JsonNode referral = ok(api.post("/api/v1/referrals", referral(id(caseFile)), token(WORKER)));
        JsonNode accepted =
                ok(api.post("/api/v1/referrals/" + id(referral) + "/accept", Map.of(), token(LIAISON), etag(referral)));
        clock.advance(Duration.ofMinutes(31));
        ok(api.post("/api/v1/referrals/" + id(referral) + "/start", Map.of(), token(LIAISON), etag(accepted)));

        List<JsonNode> notices = about(WORKER, id(referral));
        assertThat(notices).hasSize(2);
        assertThat(notices.get(0).get("text").asString()).contains("办理中");
        assertThat(notices.get(1).get("text").asString()).contains("已接收");
    }

    private JsonNode anAdmittedCase() {
        UUID client = registry.registerId(WORKER, aLeftBehindChild());
        return new CaseSteps(api).admitted(WORKER, client);
    }

    private Map<String, Object> referral(String caseId) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("receivingOrganisationId", fulian);
        body.put("reason", "孩子需要课后照护");
        body.put("servicesRequested", "课后照护");
        body.put("urgency", "NORMAL");
        body.put("consent", Map.of("basis", "GUARDIAN_CONSENT", "consentedBy", "王桂英"));
        return body;
    }

    private List<JsonNode> about(String username, String subjectId) {
        return allItems("/api/v1/notifications", token(username)).stream()
                .filter(n -> n.get("subjectId").asString().equals(subjectId))
                .toList();
    }

    private JsonNode onlyOne(String username, String subjectId) {
        List<JsonNode> found = about(username, subjectId);
        assertThat(found).as("%s's notices about %s", username, subjectId).hasSize(1);
        return found.get(0);
    }
}
