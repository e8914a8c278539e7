package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.HashMap;
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
