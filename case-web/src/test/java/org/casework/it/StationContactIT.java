package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.DemoUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The station's office phone over real HTTP: the station head sets it (API and station page),
 * nobody else may, and the liaison finds it on the referral with the referring worker's name.
 */
class StationContactIT extends ApiTest {

    private static final String HEAD = DemoUsers.HEAD_GUYANG;

    @LocalServerPort
    int port;

    String guyang;
    String nanzhang;

    @BeforeAll
    void stations() {
        for (JsonNode o : list(ok(api.get("/api/v1/organisations", token(DemoUsers.ADMIN))))) {
            if (o.get("type").asString().equals("TOWNSHIP_STATION")) {
                if (o.get("regionCode").asString().equals("410225101")) {
                    guyang = o.get("id").asString();
                } else if (o.get("regionCode").asString().equals("410225102")) {
                    nanzhang = o.get("id").asString();
                }
            }
        }
        assertThat(guyang).isNotNull();
        assertThat(nanzhang).isNotNull();
    }

    @Test
    void theStationHeadSetsTheStationsPhoneAndNobodyElseMay() {
        Response set = contact(guyang, "0371-2688 5566", HEAD);
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        assertThat(set.body().get("contactPhone").asString()).isEqualTo("037126885566");
        assertThat(set.body().get("contactName").asString()).isEqualTo("站长办公室");

        Response worker = contact(guyang, "037100000000", DemoUsers.STATION_GUYANG);
        assertThat(worker.status()).isEqualTo(403);
        assertThat(worker.body().get("detail").asString()).contains("只有站长可以修改本站的联系电话");

        assertThat(contact(nanzhang, "037100000000", HEAD).status())
                .as("another township's station is outside the head's jurisdiction")
                .isEqualTo(404);
        assertThat(contact(guyang, "037100000000", DemoUsers.LIAISON).status()).isEqualTo(403);

        Response bad = contact(guyang, "12345", HEAD);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(ok(api.get("/api/v1/organisations/" + guyang, token(HEAD)))
                        .get("contactPhone")
                        .asString())
                .as("refused changes leave the phone as it was")
                .isEqualTo("037126885566");
    }

    @Test
    void theStationPageChangesThePhoneForTheHeadAndShowsItToWorkers() {
        WebSession head = session(HEAD);
        assertThat(head.get("/").body()).contains("href=\"/station\"");
        WebSession.Page saved = head.submit(
                "/station", "/station/contact", Map.of("contactName", "堌阳镇社工站", "contactPhone", "0371-26881234"));
        assertThat(saved.location()).endsWith("/station");
        assertThat(head.get("/station").body()).contains("联系方式已保存", "value=\"037126881234\"");

        WebSession.Page wrong =
                head.submit("/station", "/station/contact", Map.of("contactName", "堌阳镇社工站", "contactPhone", "88"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("value=\"88\"", "class=\"field-error\"");

        String asWorker = session(DemoUsers.STATION_GUYANG).get("/station").body();
        assertThat(asWorker).contains("037126881234").doesNotContain("station-contact-form");
    }

    @Test
    void theLiaisonSeesTheReferringWorkerAndTheStationsPhone() {
        assertThat(contact(guyang, "0371-26887788", HEAD).status()).isEqualTo(200);
        UUID clientId = registry.registerId(DemoUsers.STATION_GUYANG, aLeftBehindChild());
        JsonNode caseFile = new CaseSteps(api).admitted(DemoUsers.STATION_GUYANG, clientId);
        String fulian = list(ok(api.get("/api/v1/referrals/receivers", token(DemoUsers.STATION_GUYANG)))).stream()
                .filter(o -> o.get("department").asString().equals("WOMENS_FEDERATION"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", id(caseFile));
        body.put("receivingOrganisationId", fulian);
        body.put("reason", "孩子需要课后照护");
        body.put("servicesRequested", "课后照护");
        body.put("urgency", "NORMAL");
        body.put("consent", Map.of("basis", "GUARDIAN_CONSENT", "consentedBy", "王桂英"));
        JsonNode referral = ok(api.post("/api/v1/referrals", body, token(DemoUsers.STATION_GUYANG)));

        String page =
                session(DemoUsers.LIAISON).get("/referrals/" + id(referral)).body();

        assertThat(page).contains("堌阳镇社工 李娜", "转出站电话", "href=\"tel:037126887788\"");
    }

    private Response contact(String organisation, String phone, String user) {
        return api.put(
                "/api/v1/organisations/" + organisation + "/contact",
                Map.of("contactName", "站长办公室", "contactPhone", phone),
                token(user),
                null);
    }

    private WebSession session(String username) {
        WebSession session = new WebSession(port, Api.someAddress());
        assertThat(session.login(username, Api.PASSWORD).location()).doesNotContain("error");
        return session;
    }
}
