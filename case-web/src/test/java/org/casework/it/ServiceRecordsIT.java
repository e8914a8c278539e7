package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_CAOZHAI;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_RENZHUANG;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_NANZHANG;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Service records through HTTP: logging with and without a case, scoping, listing and voiding. */
class ServiceRecordsIT extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    private CaseSteps cases;

    @BeforeAll
    void steps() {
        cases = new CaseSteps(api);
    }

    private UUID aChildIn(String village) {
        return registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(village));
    }

    private static Map<String, Object> visit(UUID clientId, Instant at) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", clientId);
        body.put("type", "HOME_VISIT");
        body.put("occurredAt", at.toString());
        body.put("durationMinutes", 40);
        body.put("place", "家中");
        body.put("participants", "祖母、本人");
        body.put("notes", "入户走访，孩子在家写作业，祖母身体尚可");
        return body;
    }

    private Response log(String user, Map<String, Object> body) {
        return api.post("/api/v1/services", body, token(user));
    }

    private JsonNode logged(String user, Map<String, Object> body) {
        Response r = log(user, body);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body();
    }

    private List<JsonNode> recordsOf(UUID clientId, String user) {
        return allItems("/api/v1/services?client=" + clientId, token(user));
    }

    @Test
    void aVillageDirectorLogsAVisitWithoutACase() {
        UUID child = aChildIn(Villages.RENZHUANG);
        UUID activity = UUID.randomUUID();
        Map<String, Object> body = visit(child, Instant.now().minus(Duration.ofHours(2)));
        body.put("type", "PHONE_CALL");
        body.put("planActivityId", activity);
        JsonNode record = logged(DIRECTOR_RENZHUANG, body);
        assertThat(record.get("type").asString()).isEqualTo("PHONE_CALL");
        assertThat(record.get("visit").asBoolean()).isTrue();
        assertThat(record.get("caseId").isNull()).isTrue();
        assertThat(record.get("planActivityId").asString()).isEqualTo(activity.toString());
        assertThat(record.get("recordedBy").asString()).isEqualTo(DIRECTOR_RENZHUANG);
        assertThat(record.get("voided").asBoolean()).isFalse();

        assertThat(texts(recordsOf(child, DIRECTOR_RENZHUANG), "id"))
                .containsExactly(record.get("id").asString());
        assertThat(texts(recordsOf(child, STATION_GUYANG), "id"))
                .containsExactly(record.get("id").asString());
    }

    @Test
    void notesAreEncryptedAtRest() {
        UUID child = aChildIn(Villages.RENZHUANG);
        JsonNode record = logged(DIRECTOR_RENZHUANG, visit(child, Instant.now().minusSeconds(60)));
        String stored = jdbc.queryForObject("select notes_enc from service_record where id = ?", String.class, (Object)
                bytes(UUID.fromString(record.get("id").asString())));
        assertThat(stored).isNotBlank().doesNotContain("入户走访");
        assertThat(record.get("notes").asString()).isEqualTo("入户走访，孩子在家写作业，祖母身体尚可");
    }

    @Test
    void nobodyLogsForAClientOutsideTheirJurisdiction() {
        UUID renzhuang = aChildIn(Villages.RENZHUANG);
        Response otherVillage =
                log(DIRECTOR_CAOZHAI, visit(renzhuang, Instant.now().minusSeconds(60)));
        assertThat(otherVillage.status()).isEqualTo(404);
        Response otherTownship =
                log(STATION_NANZHANG, visit(renzhuang, Instant.now().minusSeconds(60)));
        assertThat(otherTownship.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/services?client=" + renzhuang, token(STATION_NANZHANG))
                        .status())
                .isEqualTo(404);
        assertThat(recordsOf(renzhuang, STATION_GUYANG)).isEmpty();
    }

    @Test
    void aVisitInTheFutureIsRefused() {
        UUID child = aChildIn(Villages.RENZHUANG);
        Response r = log(DIRECTOR_RENZHUANG, visit(child, Instant.now().plus(Duration.ofDays(1))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("code").asString()).isEqualTo("service.occurredAt.future");
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
        assertThat(recordsOf(child, DIRECTOR_RENZHUANG)).isEmpty();
    }

    @Test
    void incompleteOrMalformedRecordsAreRefused() {
        UUID child = aChildIn(Villages.RENZHUANG);
        Map<String, Object> noNotes = visit(child, Instant.now().minusSeconds(60));
        noNotes.remove("notes");
        assertThat(log(DIRECTOR_RENZHUANG, noNotes).body().get("code").asString())
                .isEqualTo("service.notes.required");
        Map<String, Object> noType = visit(child, Instant.now().minusSeconds(60));
        noType.remove("type");
        assertThat(log(DIRECTOR_RENZHUANG, noType).status()).isEqualTo(400);
        Response badType = api.postRaw(
                "/api/v1/services",
                "{\"clientId\":\"" + child + "\",\"type\":\"TELEPATHY\",\"notes\":\"x\"}",
                token(DIRECTOR_RENZHUANG),
                "en");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/services", token(DIRECTOR_RENZHUANG)).status())
                .isEqualTo(400);
    }

    @Test
    void caseLinkedRecordsNeedCaseRightsAndStayHiddenFromVillageRoles() {
        UUID child = aChildIn(Villages.RENZHUANG);
        JsonNode caseFile = cases.admitted(STATION_GUYANG, child);
        String caseId = caseFile.get("id").asString();

        Map<String, Object> inCase = visit(child, Instant.now().minus(Duration.ofHours(1)));
        inCase.put("caseId", caseId);
        inCase.put("type", "COUNSELLING");
        JsonNode caseRecord = logged(STATION_GUYANG, inCase);
        assertThat(caseRecord.get("caseId").asString()).isEqualTo(caseId);

        Response directorInCase = log(DIRECTOR_RENZHUANG, inCase);
        assertThat(directorInCase.status()).isEqualTo(403);
        assertThat(directorInCase.body().get("code").asString()).isEqualTo("service.case.forbidden");
        JsonNode directorRecord =
                logged(DIRECTOR_RENZHUANG, visit(child, Instant.now().minus(Duration.ofHours(3))));

        assertThat(texts(recordsOf(child, STATION_GUYANG), "id"))
                .containsExactly(
                        caseRecord.get("id").asString(),
                        directorRecord.get("id").asString());
        assertThat(texts(recordsOf(child, DIRECTOR_RENZHUANG), "id"))
                .containsExactly(directorRecord.get("id").asString());
        assertThat(api.get("/api/v1/services?case=" + caseId, token(DIRECTOR_RENZHUANG))
                        .status())
                .isEqualTo(403);
        assertThat(texts(allItems("/api/v1/services?case=" + caseId, token(HEAD_GUYANG)), "id"))
                .containsExactly(caseRecord.get("id").asString());
        assertThat(api.get("/api/v1/services?case=" + caseId, token(STATION_NANZHANG))
                        .status())
                .isEqualTo(404);
        Response directorVoids = api.post(
                "/api/v1/services/" + caseRecord.get("id").asString() + "/void",
                Map.of("reason", "录错"),
                token(DIRECTOR_RENZHUANG));
        assertThat(directorVoids.status()).isEqualTo(404);
    }

    @Test
    void aRecordCannotBeLinkedToAnotherClientsCase() {
        UUID child = aChildIn(Villages.RENZHUANG);
        UUID sibling = aChildIn(Villages.RENZHUANG);
        JsonNode caseFile = cases.admitted(STATION_GUYANG, child);
        Map<String, Object> wrong = visit(sibling, Instant.now().minusSeconds(60));
        wrong.put("caseId", caseFile.get("id").asString());
        Response r = log(STATION_GUYANG, wrong);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("code").asString()).isEqualTo("service.case.otherClient");
    }

    @Test
    void aClientsRecordsAreListedNewestFirstAndPaged() {
        UUID child = aChildIn(Villages.CAOZHAI);
        Instant now = Instant.now();
        for (int days : new int[] {5, 1, 3}) {
            logged(DIRECTOR_CAOZHAI, visit(child, now.minus(Duration.ofDays(days))));
        }
        List<JsonNode> records = recordsOf(child, DIRECTOR_CAOZHAI);
        assertThat(records).hasSize(3);
        List<Instant> times = records.stream()
                .map(r -> Instant.parse(r.get("occurredAt").asString()))
                .toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode firstPage = api.get("/api/v1/services?client=" + child + "&size=2", token(DIRECTOR_CAOZHAI))
                .body();
        assertThat(firstPage.get("items")).hasSize(2);
        assertThat(firstPage.get("totalItems").asLong()).isEqualTo(3);
    }

    @Test
    void voidingKeepsTheRecordAndOnlyTheRecorderOrASupervisorMayDoIt() {
        UUID child = aChildIn(Villages.RENZHUANG);
        Instant firstAt = Instant.now().minus(Duration.ofDays(2));
        Instant secondAt = Instant.now().minus(Duration.ofHours(1));
        JsonNode first = logged(DIRECTOR_RENZHUANG, visit(child, firstAt));
        JsonNode second = logged(DIRECTOR_RENZHUANG, visit(child, secondAt));
        String secondVoid = "/api/v1/services/" + second.get("id").asString() + "/void";

        Response otherVillage = api.post(secondVoid, Map.of("reason", "录错"), token(DIRECTOR_CAOZHAI));
        assertThat(otherVillage.status()).isEqualTo(404);
        Response notTheRecorder = api.post(secondVoid, Map.of("reason", "录错"), token(STATION_GUYANG));
        assertThat(notTheRecorder.status()).isEqualTo(403);
        assertThat(notTheRecorder.body().get("code").asString()).isEqualTo("service.void.notYours");
        Response noReason = api.post(secondVoid, Map.of("reason", " "), token(DIRECTOR_RENZHUANG));
        assertThat(noReason.status()).isEqualTo(400);

        JsonNode schedule = schedule(child);
        // the visit day where the station is: an hour ago may still be yesterday just after midnight
        assertThat(schedule.get("lastVisitOn").asString())
                .isEqualTo(TestData.dayInChina(secondAt).toString());

        Response voided = api.post(secondVoid, Map.of("reason", "重复录入"), token(DIRECTOR_RENZHUANG));
        assertThat(voided.status()).as(voided.raw().body()).isEqualTo(200);
        assertThat(voided.body().get("voided").asBoolean()).isTrue();
        assertThat(voided.body().get("voidedBy").asString()).isEqualTo(DIRECTOR_RENZHUANG);
        assertThat(voided.body().get("voidReason").asString()).isEqualTo("重复录入");
        assertThat(api.post(secondVoid, Map.of("reason", "再次"), token(DIRECTOR_RENZHUANG))
                        .status())
                .isEqualTo(409);

        List<JsonNode> records = recordsOf(child, DIRECTOR_RENZHUANG);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("voided").asBoolean()).isTrue();
        assertThat(schedule(child).get("lastVisitOn").asString())
                .isEqualTo(TestData.dayInChina(firstAt).toString());

        Response supervisorVoids = api.post(
                "/api/v1/services/" + first.get("id").asString() + "/void",
                Map.of("reason", "服务对象录错"),
                token(HEAD_GUYANG));
        assertThat(supervisorVoids.status()).isEqualTo(200);
        JsonNode neverVisited = schedule(child);
        assertThat(neverVisited.get("lastVisitOn").isNull()).isTrue();
        assertThat(neverVisited.get("rule").asString()).isEqualTo("FIRST_VISIT");
    }

    private JsonNode schedule(UUID clientId) {
        Response r = api.get("/api/v1/clients/" + clientId + "/visit-schedule", token(DIRECTOR_RENZHUANG));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.body();
    }

    private static byte[] bytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
