package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_RENZHUANG;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.LIAISON;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;
import static org.casework.it.fixtures.Villages.RENZHUANG;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ClientInput;
import org.casework.core.clients.ClientInput.ChildProfileInput;
import org.casework.core.clients.ClientInput.NewCategory;
import org.casework.core.clients.ParentStatus;
import org.casework.core.clients.Sex;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * PIPL: the free texts about a child and the sensitive child-protection answers are unreadable in
 * the database. Each text is written through the API with a unique marker; then the raw rows are
 * read through JDBC, every column of them, and no marker (nor the name of a mandatory-report
 * situation) may appear. Names stay in clear on purpose (docs/security.md, "Fields kept in clear").
 */
class SensitiveDataAtRestIT extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    private final Map<String, String> markers = new LinkedHashMap<>();

    /** A text nobody else writes, which base64 ciphertext can never contain (it is Chinese). */
    private String marker(String what) {
        StringBuilder text = new StringBuilder("机密" + what);
        for (int i = 0; i < 6; i++) {
            text.append((char) ('甲' + ThreadLocalRandom.current().nextInt(500)));
        }
        markers.put(what, text.toString());
        return text.toString();
    }

    @Test
    void childProtectionTextsAreCiphertextInTheDatabase() {
        Cases cases = new Cases(api);
        String station = token(STATION_GUYANG);

        // the registry: a child with no ID, the care situation, a school; a household
        ChildProfileInput child = new ChildProfileInput(
                ParentStatus.WORKING_AWAY,
                marker("父亲工作地"),
                ParentStatus.WORKING_AWAY,
                marker("母亲工作地"),
                marker("监护人"),
                "祖母",
                null,
                marker("照护人"),
                "祖父",
                null,
                marker("学校"),
                TestData.today().minusMonths(1));
        ClientInput input = new ClientInput(
                TestData.uniqueName(),
                Sex.FEMALE,
                TestData.today().minusYears(9),
                "汉族",
                null,
                marker("无证原因"),
                null,
                RENZHUANG,
                RENZHUANG,
                marker("住址"),
                null,
                null,
                child,
                null,
                List.of(new NewCategory(
                        CategoryType.LEFT_BEHIND_CHILD,
                        null,
                        TestData.today().minusMonths(2),
                        null,
                        CategorySource.OUTREACH,
                        "王站长")),
                null);
        JsonNode client = Cases.ok(api.post("/api/v1/clients", input, station));
        UUID clientId = UUID.fromString(client.get("id").asString());
        String categoryId = client.get("categories").get(0).get("id").asString();
        Cases.ok(api.post(
                "/api/v1/clients/" + clientId + "/categories/" + categoryId + "/end",
                Map.of("reason", marker("结束原因")),
                station,
                Cases.etag(client)));
        Cases.ok(api.post("/api/v1/clients/" + clientId + "/reveal", Map.of("reason", marker("查看原因")), station));
        JsonNode household = Cases.ok(api.post(
                "/api/v1/households",
                Map.of("name", "测试户", "regionCode", RENZHUANG, "address", marker("户址"), "notes", marker("户备注")),
                station));

        // a case: opened, admitted, assessed with a mandatory-report item, a risk, a note, a plan
        JsonNode caseFile = Cases.ok(api.post(
                "/api/v1/cases",
                Map.of("clientId", clientId, "source", "OUTREACH", "reason", marker("立案原因")),
                station));
        caseFile = cases.step(STATION_GUYANG, caseFile, Map.of("action", "SCREEN"));
        caseFile = cases.step(
                STATION_GUYANG,
                caseFile,
                Map.of("action", "ADMIT", "intakeBasis", "GUARDIAN_CONSENT", "reason", marker("接案说明")));
        caseFile = cases.step(STATION_GUYANG, caseFile, Map.of("action", "START_ASSESSMENT"));
        String caseId = Cases.id(caseFile);
        JsonNode assessment = Cases.ok(api.post(
                "/api/v1/assessments",
                Map.of("clientId", clientId, "caseId", caseId, "instrumentCode", "child-protection"),
                station));
        String assessmentPath = "/api/v1/assessments/" + Cases.id(assessment);
        assessment =
                Cases.ok(api.put(assessmentPath + "/answers", childAnswers(station), station, Cases.etag(assessment)));
        Cases.ok(api.put(
                assessmentPath + "/summary", Map.of("summary", marker("预估摘要")), station, Cases.etag(assessment)));
        caseFile = cases.get(STATION_GUYANG, caseFile);
        caseFile = Cases.ok(api.put(
                "/api/v1/cases/" + caseId + "/risk",
                Map.of("level", "RED", "reason", marker("风险理由")),
                station,
                Cases.etag(caseFile)));
        Cases.ok(api.post("/api/v1/cases/" + caseId + "/notes", Map.of("text", marker("督导记录")), token(HEAD_GUYANG)));
        JsonNode plan = Cases.ok(api.post("/api/v1/cases/" + caseId + "/plans", Map.of(), station));
        Map<String, Object> activity = new HashMap<>();
        activity.put("type", "HOME_VISIT");
        activity.put("description", marker("服务活动"));
        activity.put("responsibleWorkerId", caseFile.get("assignedWorkerId").asString());
        activity.put("dueDate", TestData.today().plusWeeks(2).toString());
        Map<String, Object> content = new HashMap<>();
        content.put("goals", List.of(marker("服务目标")));
        content.put("activities", List.of(activity));
        content.put("reviewDate", TestData.today().plusMonths(3).toString());
        plan = Cases.ok(api.put("/api/v1/plans/" + Cases.id(plan), content, station, Cases.etag(plan)));

        // a visit, voided
        Map<String, Object> visit = new HashMap<>();
        visit.put("clientId", clientId);
        visit.put("caseId", caseId);
        visit.put("type", "HOME_VISIT");
        visit.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        visit.put("durationMinutes", 30);
        visit.put("place", marker("走访地点"));
        visit.put("participants", marker("参与人员"));
        visit.put("notes", "家访");
        JsonNode record = Cases.ok(api.post("/api/v1/services", visit, station));
        Cases.ok(api.post("/api/v1/services/" + Cases.id(record) + "/void", Map.of("reason", marker("作废原因")), station));

        // flags: a mandatory-report one with its police report, and one dismissed with a reason
        JsonNode abuse = raiseFlag(clientId, "MR_SUSPECTED_VIOLENCE_ABUSE", marker("发现地点"));
        Map<String, Object> report = new HashMap<>();
        report.put("flagId", Cases.id(abuse));
        report.put("reportedAt", Instant.now().minus(20, ChronoUnit.MINUTES).toString());
        report.put("receivingUnit", "兰考县公安局固阳派出所");
        report.put("officer", marker("民警"));
        report.put("receiptNumber", marker("回执号"));
        report.put("reportedBy", "固阳镇社工站");
        report.put(
                "civilAffairsNotifiedAt",
                Instant.now().minus(10, ChronoUnit.MINUTES).toString());
        report.put(
                "minorProtectionNotifiedAt",
                Instant.now().minus(5, ChronoUnit.MINUTES).toString());
        Cases.ok(api.post("/api/v1/mandatory-reports", report, station));
        JsonNode dropout = raiseFlag(clientId, "SCHOOL_DROPOUT", null);
        JsonNode staffView = Cases.ok(api.get("/api/v1/flags/" + Cases.id(dropout), station));
        Cases.ok(api.post(
                "/api/v1/flags/" + Cases.id(dropout) + "/triage",
                Map.of("outcome", "DISMISSED", "reason", marker("研判理由")),
                station,
                Cases.etag(staffView)));

        // a referral to 妇联, declined by its liaison
        Map<String, Object> referral = new HashMap<>();
        referral.put("caseId", caseId);
        referral.put("receivingOrganisationId", womensFederation(station));
        referral.put("reason", "需要课后照护");
        referral.put("servicesRequested", marker("请求服务"));
        referral.put("urgency", "NORMAL");
        referral.put("consent", Map.of("basis", "GUARDIAN_CONSENT", "consentedBy", marker("同意人")));
        JsonNode sent = Cases.ok(api.post("/api/v1/referrals", referral, station));
        JsonNode received = Cases.ok(api.get("/api/v1/referrals/" + Cases.id(sent), token(LIAISON)));
        Cases.ok(api.post(
                "/api/v1/referrals/" + Cases.id(sent) + "/decline",
                Map.of("reason", marker("拒绝原因")),
                token(LIAISON),
                Cases.etag(received)));

        // the raw rows: every column, no marker
        List<String> stored = new ArrayList<>();
        stored.addAll(rows("client", "id", clientId));
        stored.addAll(rows("client_category", "client_id", clientId));
        stored.addAll(rows("sensitive_access", "client_id", clientId));
        stored.addAll(rows("household", "id", UUID.fromString(Cases.id(household))));
        stored.addAll(rows("case_file", "id", UUID.fromString(caseId)));
        stored.addAll(rows("case_transition", "case_id", UUID.fromString(caseId)));
        stored.addAll(rows("case_risk_change", "case_id", UUID.fromString(caseId)));
        stored.addAll(rows("assessment", "id", UUID.fromString(Cases.id(assessment))));
        stored.addAll(rows("supervision_note", "case_id", UUID.fromString(caseId)));
        stored.addAll(rows("service_plan_goal", "plan_id", UUID.fromString(Cases.id(plan))));
        stored.addAll(rows("service_plan_activity", "plan_id", UUID.fromString(Cases.id(plan))));
        stored.addAll(rows("service_record", "id", UUID.fromString(Cases.id(record))));
        stored.addAll(rows("flag", "client_id", clientId));
        stored.addAll(rows("mandatory_report", "flag_id", UUID.fromString(Cases.id(abuse))));
        stored.addAll(rows("referral", "id", UUID.fromString(Cases.id(sent))));
        String database = String.join(" | ", stored);

        assertThat(markers).hasSize(29);
        markers.forEach((what, text) ->
                assertThat(database).as("%s is stored in clear", what).doesNotContain(text));
        assertThat(database)
                .as("the mandatory-report situation, as a flag type or an answer code")
                .doesNotContain("MR_SUSPECTED_VIOLENCE_ABUSE")
                .doesNotContain("mr_signs_of_abuse");
        // what the API shows is still the plain text
        JsonNode shown = Cases.ok(api.get("/api/v1/clients/" + clientId, station));
        assertThat(shown.get("address").asString()).isEqualTo(markers.get("住址"));
        assertThat(shown.get("child").get("school").asString()).isEqualTo(markers.get("学校"));
    }

    private JsonNode raiseFlag(UUID clientId, String type, String place) {
        Map<String, Object> flag = new HashMap<>();
        flag.put("clientId", clientId);
        flag.put("villageCode", RENZHUANG);
        flag.put("type", type);
        flag.put("description", "情况描述");
        if (place != null) {
            flag.put("observedPlace", place);
        }
        Response r = api.post("/api/v1/flags", flag, token(DIRECTOR_RENZHUANG));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body();
    }

    private String womensFederation(String token) {
        for (JsonNode o : Cases.ok(api.get("/api/v1/referrals/receivers", token))) {
            if (o.get("department").asString().equals("WOMENS_FEDERATION")) {
                return o.get("id").asString();
            }
        }
        throw new IllegalStateException("no 妇联 in the demo county");
    }

    /** The child-protection answers: nothing wrong except signs of abuse, and a note. */
    private Map<String, Object> childAnswers(String token) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (JsonNode instrument : Cases.ok(api.get("/api/v1/instruments", token))) {
            if (!instrument.get("key").get("code").asString().equals("child-protection")) {
                continue;
            }
            for (JsonNode section : instrument.get("sections")) {
                for (JsonNode item : section.get("items")) {
                    if (item.get("required").asBoolean()
                            && item.get("type").asString().equals("BOOLEAN")) {
                        answers.put(item.get("code").asString(), false);
                    }
                }
            }
        }
        answers.put("age_years", 9);
        answers.put("difficulty_subtype", "NONE");
        answers.put("mr_signs_of_abuse", true);
        answers.put("living_notes", marker("答题备注"));
        return answers;
    }

    /** Every value of every column of the matching rows, as text. */
    private List<String> rows(String table, String keyColumn, UUID key) {
        List<Map<String, Object>> rows =
                jdbc.queryForList("SELECT * FROM " + table + " WHERE " + keyColumn + " = ?", (Object) bytes(key));
        assertThat(rows).as("rows of %s", table).isNotEmpty();
        return rows.stream()
                .flatMap(row -> row.values().stream())
                .map(value -> value instanceof byte[] ? "" : String.valueOf(value))
                .toList();
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
