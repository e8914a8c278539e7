package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Over real HTTP: wherever the station web shows a person (a client's history, 记录人, a case's
 * steps and risk history, a referral's 办理经过, the device list) it shows the name people know
 * them by, not their login.
 */
class PeopleNamesIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;
    private static final String WORKER_NAME = "堌阳镇社工 李娜";
    private static final String LIAISON = DemoUsers.LIAISON;
    private static final String LIAISON_NAME = "县妇联联络员 张丽";

    @LocalServerPort
    int port;

    UUID clientId;
    JsonNode caseFile;

    @BeforeAll
    void aChildWithACaseAndAVisit() {
        clientId = registry.registerId(WORKER, aLeftBehindChild());
        caseFile = new CaseSteps(api).admitted(WORKER, clientId);
        Map<String, Object> visit = new HashMap<>();
        visit.put("clientId", clientId);
        visit.put("caseId", id(caseFile));
        visit.put("type", "HOME_VISIT");
        visit.put("occurredAt", java.time.Instant.now().minusSeconds(3600).toString());
        visit.put("notes", "入户走访，孩子在家写作业");
        Api.Response logged = api.post("/api/v1/services", visit, token(WORKER));
        assertThat(logged.status()).as(logged.raw().body()).isEqualTo(201);
    }

    @Test
    void theClientPageAndTheCaseShowWhoActedByName() {
        WebSession station = session(WORKER, Api.PASSWORD);

        String client = station.get("/clients/" + clientId).body();
        assertThat(client).contains("<strong>" + WORKER_NAME + "</strong>", "记录人：" + WORKER_NAME);
        assertThat(client).doesNotContain("<strong>" + WORKER + "</strong>", "记录人：" + WORKER);

        String workspace = station.get("/cases/" + id(caseFile)).body();
        assertThat(workspace).contains("<strong>" + WORKER_NAME + "</strong>", "记录人：" + WORKER_NAME);
        assertThat(workspace).doesNotContain("<strong>" + WORKER + "</strong>", "记录人：" + WORKER);
    }

    @Test
    void theLiaisonSeesWhoReferredAndWhoHandledItByName() {
        String fulian = list(ok(api.get("/api/v1/referrals/receivers", token(WORKER)))).stream()
                .filter(o -> o.get("department").asString().equals("WOMENS_FEDERATION"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        JsonNode referral = ok(api.post("/api/v1/referrals", referral(id(caseFile), fulian), token(WORKER)));
        JsonNode accepted =
                ok(api.post("/api/v1/referrals/" + id(referral) + "/accept", Map.of(), token(LIAISON), etag(referral)));
        ok(api.post(
                "/api/v1/referrals/" + id(referral) + "/progress",
                Map.of("note", "已与祖母电话联系"),
                token(LIAISON),
                etag(accepted)));

        String page =
                session(LIAISON, Api.PASSWORD).get("/referrals/" + id(referral)).body();

        assertThat(page).contains(WORKER_NAME, "<strong>" + LIAISON_NAME + "</strong>");
        assertThat(page).doesNotContain(">" + WORKER + "<", ">" + LIAISON + "<");
    }

    @Test
    void theDeviceListNamesTheOwner() {
        UserBuilder director =
                UserBuilder.aVillageChildDirector().in(Villages.LVTANG).displayed("吕堂村儿童主任 吕芳");
        registry.createUser(director);
        Api.Response device = api.post(
                "/api/sync/v1/devices",
                Map.of("username", director.username(), "password", director.password(), "deviceName", "手机"),
                null);
        assertThat(device.status()).as(device.raw().body()).isEqualTo(201);

        String page =
                session(DemoUsers.HEAD_GUYANG, Api.PASSWORD).get("/devices").body();

        assertThat(page).contains("<td>吕堂村儿童主任 吕芳</td>").doesNotContain(">" + director.username() + "<");
    }

    @Test
    void theArchivePrintsNameWhoActedNotTheirLogin() {
        WebSession station = session(WORKER, Api.PASSWORD);

        for (String path : List.of("/cases/" + id(caseFile) + "/print", "/clients/" + clientId + "/print")) {
            WebSession.Page print = station.get(path);
            assertThat(print.status()).as(path).isEqualTo(200);
            // who acted (steps, risk, service log, history) and who printed: by name only
            assertThat(print.body()).as(path).contains(WORKER_NAME, "由 " + WORKER_NAME + " 于");
            assertThat(print.body()).as(path).doesNotContain(WORKER);
        }
    }

    @Test
    void theAuditScreensShowTheNameWithTheLoginAnAuditorSearchesBy() {
        UUID withPhone = registry.registerId(WORKER, aLeftBehindChild().withPhone("13911112222"));
        Api.Response reveal =
                api.post("/api/v1/clients/" + withPhone + "/reveal", Map.of("reason", "核实监护人电话"), token(WORKER));
        assertThat(reveal.status()).isEqualTo(200);
        WebSession head = session(DemoUsers.HEAD_GUYANG, Api.PASSWORD);

        for (String path : List.of("/audit?user=" + WORKER, "/audit/changes?user=" + WORKER)) {
            String page = head.get(path).body();
            assertThat(page)
                    .as(path)
                    .contains("<td data-label=\"用户\" class=\"user\"><span>" + WORKER_NAME + "</span>")
                    .contains("> (" + WORKER + ")</span></td>");
        }
        // the supervision dashboard's reveals table: by name, with the login
        String oversight = head.get("/oversight").body();
        String table = oversight.substring(oversight.indexOf("id=\"reveals-table\""));
        assertThat(table).contains("<span>" + WORKER_NAME + "</span>", "> (" + WORKER + ")</span></td>");
        assertThat(table).doesNotContain(">" + WORKER + "<");
        JsonNode reveals = ok(api.get("/api/v1/audit/reveals", token(WORKER)));
        JsonNode mine = reveals.get("items").get(0);
        assertThat(mine.get("user").asString()).isEqualTo(WORKER);
        assertThat(mine.get("userName").asString()).isEqualTo(WORKER_NAME);
    }

    @Test
    void apiResponsesGiveTheDisplayNameNextToTheLogin() {
        JsonNode c = ok(api.get("/api/v1/cases/" + id(caseFile), token(WORKER)));
        JsonNode step = c.get("transitions").get(0);
        assertThat(step.get("actor").asString()).isEqualTo(WORKER);
        assertThat(step.get("actorName").asString()).isEqualTo(WORKER_NAME);

        JsonNode services = ok(api.get("/api/v1/services?client=" + clientId, token(WORKER)));
        JsonNode visit = services.get("items").get(0);
        assertThat(visit.get("recordedBy").asString()).isEqualTo(WORKER);
        assertThat(visit.get("recordedByName").asString()).isEqualTo(WORKER_NAME);

        JsonNode note = ok(api.post(
                "/api/v1/cases/" + id(caseFile) + "/notes",
                Map.of("text", "请本周内完成首次家访"),
                token(DemoUsers.HEAD_GUYANG)));
        assertThat(note.get("author").asString()).isEqualTo(DemoUsers.HEAD_GUYANG);
        assertThat(note.get("authorName").asString()).isEqualTo("堌阳镇站长 王建华");

        UserBuilder director =
                UserBuilder.aVillageChildDirector().in(Villages.CAOZHAI).displayed("曹寨村儿童主任 曹丽");
        registry.createUser(director);
        Api.Response registered = api.post(
                "/api/sync/v1/devices",
                Map.of("username", director.username(), "password", director.password(), "deviceName", "手机"),
                null);
        assertThat(registered.status()).isEqualTo(201);
        JsonNode device = list(ok(api.get("/api/v1/devices", token(DemoUsers.HEAD_GUYANG)))).stream()
                .filter(d -> d.get("username").asString().equals(director.username()))
                .findFirst()
                .orElseThrow();
        assertThat(device.get("displayName").asString()).isEqualTo("曹寨村儿童主任 曹丽");

        // documented for clients: the new fields are in the OpenAPI document
        String openApi = api.get("/v3/api-docs", null).raw().body();
        assertThat(openApi).contains("\"actorName\"", "\"recordedByName\"", "\"authorName\"", "\"userName\"");
        assertThat(openApi).contains("\"submittedByName\"", "\"doneByName\"", "\"ownerName\"", "\"displayName\"");
    }

    private WebSession session(String username, String password) {
        WebSession session = new WebSession(port, Api.someAddress());
        assertThat(session.login(username, password).location()).doesNotContain("error");
        return session;
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
