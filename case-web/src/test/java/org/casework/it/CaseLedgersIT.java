package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The case and referral ledgers list a case opened and a referral sent by the station. */
class CaseLedgersIT extends ApiTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theCaseAndReferralLedgersListWhatTheStationDid() throws Exception {
        ClientBuilder child = ClientBuilder.aLeftBehindChild();
        UUID clientId = registry.registerId(DemoUsers.STATION_GUYANG, child);
        JsonNode caseFile = new CaseSteps(api).admitted(DemoUsers.STATION_GUYANG, clientId);
        String fulian = null;
        for (JsonNode o : api.get("/api/v1/referrals/receivers", token(DemoUsers.STATION_GUYANG))
                .body()) {
            if (o.get("department").asString().equals("WOMENS_FEDERATION")) {
                fulian = o.get("id").asString();
            }
        }
        Map<String, Object> referral = new HashMap<>();
        referral.put("caseId", caseFile.get("id").asString());
        referral.put("receivingOrganisationId", fulian);
        referral.put("reason", "孩子长期独自在家，需要课后照护");
        referral.put("servicesRequested", "课后照护");
        referral.put("urgency", "HIGH");
        referral.put("consent", Map.of("basis", "GUARDIAN_CONSENT", "consentedBy", "王桂英"));
        assertThat(api.post("/api/v1/referrals", referral, token(DemoUsers.STATION_GUYANG))
                        .status())
                .isEqualTo(201);
        FileSession head = new FileSession(port, DemoUsers.HEAD_GUYANG);

        List<List<String>> cases = LedgersIT.read(head.postForm("/ledgers", "/ledgers/export", form("CASES")));
        assertThat(cases.get(0)).startsWith("序号", "案号", "姓名", "身份证号");
        assertThat(cases)
                .anySatisfy(row ->
                        assertThat(row).contains(caseFile.get("caseNumber").asString(), child.fullName(), "任庄村"));

        List<List<String>> referrals = LedgersIT.read(head.postForm("/ledgers", "/ledgers/export", form("REFERRALS")));
        assertThat(referrals.get(0)).contains("转介日期", "接收单位", "紧急程度");
        assertThat(referrals).anySatisfy(row -> assertThat(row).contains(child.fullName(), "较急", "待接收"));
    }

    @Test
    void theVisitLedgerListsEveryVisitOfThePeriodInTheJurisdiction() throws Exception {
        ClientBuilder child = ClientBuilder.aLeftBehindChild();
        UUID clientId = registry.registerId(DemoUsers.STATION_GUYANG, child);
        Map<String, Object> visit = new HashMap<>();
        visit.put("clientId", clientId);
        visit.put("type", "HOME_VISIT");
        visit.put("occurredAt", java.time.Instant.now().minusSeconds(3600).toString());
        visit.put("durationMinutes", 40);
        visit.put("notes", "入户走访，孩子在家写作业");
        Api.Response recorded = api.post("/api/v1/services", visit, token(DemoUsers.STATION_GUYANG));
        assertThat(recorded.status()).as(recorded.raw().body()).isEqualTo(201);
        FileSession county = new FileSession(port, "county-sup");

        List<List<String>> rows = LedgersIT.read(county.postForm("/ledgers", "/ledgers/export", form("VISITS")));

        assertThat(rows.get(0)).startsWith("序号", "走访日期", "姓名", "性别", "身份证号");
        assertThat(rows).anySatisfy(row -> assertThat(row).contains(child.fullName(), "上门走访", "40", "任庄村"));
        Long expected = jdbc.queryForObject(
                "select count(*) from service_record r join client c on c.id = r.client_id"
                        + " where c.residence_region_code like '410225%' and r.voided_at is null"
                        + " and r.type in ('HOME_VISIT', 'PHONE_CALL', 'VIDEO_CALL')"
                        + " and r.occurred_at >= ? and r.occurred_at < ?",
                Long.class,
                java.sql.Timestamp.from(day(TestData.today().minusMonths(1))),
                java.sql.Timestamp.from(day(TestData.today().plusDays(2))));
        assertThat(rows).hasSize(expected.intValue() + 1);
    }

    private static java.time.Instant day(java.time.LocalDate date) {
        return date.atStartOfDay(org.casework.core.shared.ChinaTime.ZONE).toInstant();
    }

    private static Map<String, String> form(String kind) {
        return Map.of(
                "kind",
                kind,
                "region",
                "",
                "from",
                TestData.today().minusMonths(1).toString(),
                "to",
                TestData.today().plusDays(1).toString());
    }
}
