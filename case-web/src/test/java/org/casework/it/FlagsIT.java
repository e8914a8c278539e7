package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.DemoUsers.COUNTY_SUPERVISOR;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_CAOZHAI;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_RENZHUANG;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.LIAISON;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_NANZHANG;
import static org.casework.it.fixtures.Villages.RENZHUANG;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casework.core.audit.AuditTrail;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.core.flags.FlagEscalation;
import org.casework.it.Api.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Flags (风险上报), triage, mandatory reports and escalation through HTTP. */
class FlagsIT extends ApiTest {

    /** The smallest valid PNG: a photo must be a real image. */
    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    @Autowired
    private TestClock clock;

    @Autowired
    private FlagEscalation escalation;

    @Autowired
    private AuditTrail audit;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Map<String, Object> newChildFlag(String type) {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectName", "小花" + UUID.randomUUID().toString().substring(0, 4));
        body.put("subjectSex", "FEMALE");
        body.put("subjectAgeYears", 7);
        body.put("guardianContact", "奶奶 13812345678");
        body.put("villageCode", RENZHUANG);
        body.put("type", type);
        body.put("description", "孩子独自在家两天，没有大人照看");
        body.put("observedPlace", "村西头");
        return body;
    }

    private JsonNode raise(String user, Map<String, Object> body) {
        Response r = api.post("/api/v1/flags", body, token(user));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body();
    }

    private JsonNode get(String user, String id) {
        Response r = api.get("/api/v1/flags/" + id, token(user));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.body();
    }

    private Response triage(String user, JsonNode flag, Map<String, Object> decision) {
        return api.post(
                "/api/v1/flags/" + flag.get("id").asString() + "/triage",
                decision,
                token(user),
                "\"" + flag.get("version").asLong() + "\"");
    }

    private Response reportToPolice(String user, String flagId) {
        Instant now = Instant.now();
        Map<String, Object> body = new HashMap<>();
        body.put("flagId", flagId);
        body.put("reportedAt", now.minus(Duration.ofMinutes(30)).toString());
        body.put("receivingUnit", "兰考县公安局固阳派出所");
        body.put("officer", "王警官");
        body.put("receiptNumber", "JJ2026112700123");
        body.put("reportedBy", "固阳镇社工站 李社工");
        body.put("civilAffairsNotifiedAt", now.minus(Duration.ofMinutes(20)).toString());
        body.put("minorProtectionNotifiedAt", now.minus(Duration.ofMinutes(10)).toString());
        return api.post("/api/v1/mandatory-reports", body, token(user));
    }

    private List<String> queueIds(String user) {
        return texts(allItems("/api/v1/flags?view=QUEUE", token(user)), "id");
    }

    @Test
    void aDirectorsRedFlagTopsTheStationQueueAndIsHiddenFromEveryoneElse() {
        JsonNode older = raise(DIRECTOR_RENZHUANG, newChildFlag("UNSAFE_HOUSING"));
        JsonNode red = raise(DIRECTOR_RENZHUANG, newChildFlag("LIVING_ALONE"));
        assertThat(red.get("severity").asString()).isEqualTo("RED");
        assertThat(older.get("severity").asString()).isEqualTo("YELLOW");
        assertThat(red.get("staff").isNull())
                .as("the reporter gets no staff view")
                .isTrue();

        List<String> queue = queueIds(STATION_GUYANG);
        assertThat(queue).contains(red.get("id").asString(), older.get("id").asString());
        assertThat(queue.indexOf(red.get("id").asString()))
                .as("red before yellow, although raised later")
                .isLessThan(queue.indexOf(older.get("id").asString()));

        JsonNode staffView = get(STATION_GUYANG, red.get("id").asString());
        assertThat(staffView.get("staff").get("reporterUsername").asString()).isEqualTo(DIRECTOR_RENZHUANG);
        assertThat(staffView.get("staff").get("overdue").asBoolean()).isFalse();
        assertThat(texts(allItems("/api/v1/flags?view=MINE", token(DIRECTOR_RENZHUANG)), "id"))
                .contains(red.get("id").asString());

        for (String outsider : List.of(DIRECTOR_CAOZHAI, STATION_NANZHANG, LIAISON)) {
            assertThat(api.get("/api/v1/flags/" + red.get("id").asString(), token(outsider))
                            .status())
                    .as(outsider)
                    .isEqualTo(404);
        }
        assertThat(queueIds(STATION_NANZHANG)).doesNotContain(red.get("id").asString());
        assertThat(texts(allItems("/api/v1/flags?view=MINE", token(DIRECTOR_CAOZHAI)), "id"))
                .doesNotContain(red.get("id").asString());
        assertThat(api.get("/api/v1/flags?view=QUEUE", token(LIAISON)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/flags?view=QUEUE", token(DIRECTOR_RENZHUANG))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aDirectorCannotFlagAChildOfAnotherVillage() {
        Map<String, Object> body = newChildFlag("OTHER");
        body.put("villageCode", "410225101202");
        Response r = api.post("/api/v1/flags", body, token(DIRECTOR_RENZHUANG));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("code").asString()).isEqualTo("flag.village.outOfScope");

        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(RENZHUANG));
        Response other = api.post(
                "/api/v1/flags",
                Map.of("clientId", child, "type", "SCHOOL_DROPOUT", "description", "两周没去上学"),
                token(DIRECTOR_CAOZHAI));
        assertThat(other.status()).isEqualTo(404);
        JsonNode own =
                raise(DIRECTOR_RENZHUANG, Map.of("clientId", child, "type", "SCHOOL_DROPOUT", "description", "两周没去上学"));
        assertThat(own.get("villageCode").asString()).isEqualTo(RENZHUANG);
        assertThat(own.get("severity").asString()).isEqualTo("ORANGE");
    }

    @Test
    void badInputIsRefusedInChineseAndNothingIsSaved() {
        int before =
                allItems("/api/v1/flags?view=MINE", token(DIRECTOR_RENZHUANG)).size();
        Map<String, Object> body = newChildFlag("LIVING_ALONE");
        body.put("description", " ");
        Response r = api.post("/api/v1/flags", body, token(DIRECTOR_RENZHUANG));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("detail").asString()).contains("描述");
        body = newChildFlag("LIVING_ALONE");
        body.put("subjectAgeYears", 19);
        assertThat(api.post("/api/v1/flags", body, token(DIRECTOR_RENZHUANG)).status())
                .isEqualTo(400);
        body = newChildFlag("LIVING_ALONE");
        body.put(
                "photo",
                Map.of(
                        "contentType",
                        "image/png",
                        "base64",
                        Base64.getEncoder().encodeToString("<script>".getBytes())));
        Response notImage = api.post("/api/v1/flags", body, token(DIRECTOR_RENZHUANG));
        assertThat(notImage.body().get("code").asString()).isEqualTo("flag.photo.notImage");
        assertThat(allItems("/api/v1/flags?view=MINE", token(DIRECTOR_RENZHUANG)))
                .hasSize(before);
    }

    @Test
    void aMandatoryReportFlagCannotFinishTriageBeforeThePoliceReportIsRecorded() {
        JsonNode flag = raise(DIRECTOR_RENZHUANG, newChildFlag("MR_SUSPECTED_VIOLENCE_ABUSE"));
        assertThat(flag.get("mandatoryReport").asBoolean()).isTrue();
        assertThat(flag.get("severity").asString()).isEqualTo("RED");
        String id = flag.get("id").asString();
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(RENZHUANG));

        Response refused = triage(STATION_GUYANG, flag, Map.of("outcome", "CASE_OPENED", "clientId", child));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asString()).isEqualTo("flag.triage.mandatoryReportMissing");
        assertThat(refused.body().get("detail").asString()).contains("公安");

        assertThat(reportToPolice(DIRECTOR_RENZHUANG, id).status())
                .as("village directors record no police reports")
                .isEqualTo(403);
        Response report = reportToPolice(STATION_GUYANG, id);
        assertThat(report.status()).as(report.raw().body()).isEqualTo(201);
        assertThat(report.body().get("receiptNumber").asString()).isEqualTo("JJ2026112700123");
        assertThat(report.body().toString()).doesNotContain(DIRECTOR_RENZHUANG);
        assertThat(reportToPolice(STATION_GUYANG, id).status())
                .as("recorded once")
                .isEqualTo(409);
        assertThat(allItems("/api/v1/flags?view=QUEUE", token(STATION_GUYANG)))
                .filteredOn(f -> f.get("id").asString().equals(id))
                .singleElement()
                .satisfies(f -> assertThat(
                                f.get("staff").get("mandatoryReportRecorded").asBoolean())
                        .isTrue());

        Response opened =
                triage(STATION_GUYANG, get(STATION_GUYANG, id), Map.of("outcome", "CASE_OPENED", "clientId", child));
        assertThat(opened.status()).as(opened.raw().body()).isEqualTo(200);
        String caseId = opened.body().get("staff").get("outcomeCaseId").asString();
        JsonNode caseFile =
                api.get("/api/v1/cases/" + caseId, token(STATION_GUYANG)).body();
        assertThat(caseFile.get("source").asString()).isEqualTo("VILLAGE_FLAG");
        assertThat(caseFile.toString()).contains("RED");
        List<JsonNode> caseReports = allItems("/api/v1/mandatory-reports?case=" + caseId, token(STATION_GUYANG));
        assertThat(texts(caseReports, "flagId"))
                .as("the flag's report follows it to the case")
                .containsExactly(id);

        JsonNode reporterView = get(DIRECTOR_RENZHUANG, id);
        assertThat(reporterView.get("status").asString()).isEqualTo("TRIAGED");
        assertThat(reporterView.get("outcome").asString()).isEqualTo("CASE_OPENED");
        assertThat(reporterView.get("staff").isNull()).isTrue();
        assertThat(triage(STATION_GUYANG, get(STATION_GUYANG, id), Map.of("outcome", "DISMISSED", "reason", "重复"))
                        .status())
                .isEqualTo(409);
        List<JsonNode> reports = allItems("/api/v1/mandatory-reports", token(COUNTY_SUPERVISOR));
        assertThat(texts(reports, "flagId")).contains(id);
    }

    @Test
    void triageCanRegisterWithACategoryLinkToACaseOrDismissWithAReason() {
        UUID child = registry.registerId(
                STATION_GUYANG, aLeftBehindChild().inVillage(RENZHUANG).withoutCategories());
        JsonNode toRegister =
                raise(DIRECTOR_RENZHUANG, Map.of("clientId", child, "type", "UNFIT_CARER", "description", "爷爷常醉酒"));
        Response noCategory = triage(STATION_GUYANG, toRegister, Map.of("outcome", "REGISTERED"));
        assertThat(noCategory.body().get("code").asString()).isEqualTo("flag.category.required");
        Response registered = triage(
                STATION_GUYANG,
                toRegister,
                Map.of(
                        "outcome",
                        "REGISTERED",
                        "category",
                        "CHILD_IN_DIFFICULTY",
                        "categorySubType",
                        "GUARDIANSHIP_MISSING"));
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(200);
        JsonNode client =
                api.get("/api/v1/clients/" + child, token(STATION_GUYANG)).body();
        assertThat(client.toString()).contains("CHILD_IN_DIFFICULTY");

        JsonNode openCase = new org.casework.it.fixtures.CaseSteps(api).open(STATION_GUYANG, child);
        JsonNode toLink = raise(DIRECTOR_RENZHUANG, Map.of("clientId", child, "type", "OTHER", "description", "又见到醉酒"));
        Response linked = triage(
                STATION_GUYANG,
                toLink,
                Map.of("outcome", "LINKED_TO_CASE", "caseId", openCase.get("id").asString()));
        assertThat(linked.status()).as(linked.raw().body()).isEqualTo(200);
        assertThat(linked.body().get("staff").get("outcomeCaseId").asString())
                .isEqualTo(openCase.get("id").asString());

        JsonNode toDismiss = raise(DIRECTOR_RENZHUANG, newChildFlag("OTHER"));
        Response noReason = triage(STATION_GUYANG, toDismiss, Map.of("outcome", "DISMISSED"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("code").asString()).isEqualTo("flag.dismiss.reasonRequired");
        Response dismissed = triage(STATION_GUYANG, toDismiss, Map.of("outcome", "DISMISSED", "reason", "已电话核实，父母已回家"));
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(get(DIRECTOR_RENZHUANG, toDismiss.get("id").asString())
                        .get("outcomeReason")
                        .asString())
                .contains("父母已回家");
        assertThat(triage(
                                DIRECTOR_RENZHUANG,
                                raise(DIRECTOR_RENZHUANG, newChildFlag("OTHER")),
                                Map.of("outcome", "DISMISSED", "reason", "x y"))
                        .status())
                .as("only station staff triage")
                .isEqualTo(403);
    }

    @Test
    void photosAndNotesAreSeenOnlyByWhoSeesTheFlag() {
        Map<String, Object> body = newChildFlag("ILLNESS_OR_INJURY");
        body.put("photo", Map.of("contentType", "image/png", "base64", PNG));
        JsonNode flag = raise(DIRECTOR_RENZHUANG, body);
        String id = flag.get("id").asString();
        assertThat(flag.get("hasPhoto").asBoolean()).isTrue();
        assertThat(allItems("/api/v1/flags?view=QUEUE", token(STATION_GUYANG)))
                .as("lists say which flags have a photo too")
                .filteredOn(f -> f.get("id").asString().equals(id))
                .singleElement()
                .satisfies(f -> assertThat(f.get("hasPhoto").asBoolean()).isTrue());
        Response photo = api.get("/api/v1/flags/" + id + "/photo", token(STATION_GUYANG));
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.header("Content-Type")).isEqualTo("image/png");
        assertThat(photo.header("Cache-Control")).contains("no-store");
        assertThat(api.get("/api/v1/flags/" + id + "/photo", token(DIRECTOR_CAOZHAI))
                        .status())
                .isEqualTo(404);

        assertThat(api.post("/api/v1/flags/" + id + "/notes", Map.of("text", "今天孩子发烧了"), token(DIRECTOR_RENZHUANG))
                        .status())
                .isEqualTo(201);
        Response notes = api.get("/api/v1/flags/" + id + "/notes", token(STATION_GUYANG));
        assertThat(notes.body().toString()).contains("今天孩子发烧了");
        assertThat(api.post("/api/v1/flags/" + id + "/notes", Map.of("text", "x"), token(DIRECTOR_CAOZHAI))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anUntriagedRedFlagEscalatesOnceToTheStationHeadThenToTheCounty() throws Exception {
        JsonNode flag = raise(DIRECTOR_RENZHUANG, newChildFlag("LIVING_ALONE"));
        UUID id = UUID.fromString(flag.get("id").asString());
        JsonNode countsBefore =
                api.get("/api/v1/flags/counts", token(HEAD_GUYANG)).body();

        escalation.escalateDue();
        assertThat(escalations(id)).as("not yet due").isEmpty();

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        JsonNode countsOverdue =
                api.get("/api/v1/flags/counts", token(HEAD_GUYANG)).body();
        assertThat(countsOverdue.get("overdue").asLong())
                .isGreaterThan(countsBefore.get("overdue").asLong());
        assertThat(countsOverdue.get("untriaged").asLong())
                .isGreaterThanOrEqualTo(countsOverdue.get("overdue").asLong());
        assertThat(get(STATION_GUYANG, id.toString())
                        .get("staff")
                        .get("overdue")
                        .asBoolean())
                .isTrue();

        // two server instances running the job at the same moment
        runConcurrently(2, () -> escalation.escalateDue());
        escalation.escalateDue();
        assertThat(escalations(id)).containsExactly("STATION_HEAD");
        assertThat(notificationsAbout(HEAD_GUYANG, id)).containsExactlyInAnyOrder("FLAG_RAISED", "FLAG_ESCALATED");
        assertThat(notificationsAbout(COUNTY_SUPERVISOR, id))
                .as("red flags alert the county at once; the county tier comes later")
                .containsExactly("FLAG_RAISED");
        assertThat(get(STATION_GUYANG, id.toString())
                        .get("staff")
                        .get("escalatedToStationHeadAt")
                        .isNull())
                .isFalse();

        clock.advance(Duration.ofHours(2));
        runConcurrently(3, () -> escalation.escalateDue());
        assertThat(escalations(id)).containsExactlyInAnyOrder("STATION_HEAD", "COUNTY_SUPERVISOR");
        assertThat(notificationsAbout(COUNTY_SUPERVISOR, id))
                .containsExactlyInAnyOrder("FLAG_RAISED", "FLAG_ESCALATED");
        assertThat(notificationsAbout(DIRECTOR_CAOZHAI, id)).isEmpty();
        assertThat(notificationsAbout(STATION_NANZHANG, id)).isEmpty();

        // triaged now: no further escalation, and it leaves the overdue count
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(RENZHUANG));
        assertThat(triage(
                                STATION_GUYANG,
                                get(STATION_GUYANG, id.toString()),
                                Map.of("outcome", "CASE_OPENED", "clientId", child))
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofDays(3));
        escalation.escalateDue();
        assertThat(escalations(id)).hasSize(2);
        clock.reset(); // back to now: the cached API tokens live 12 hours
        assertThat(notificationsAbout(DIRECTOR_RENZHUANG, id)).containsExactly("FLAG_TRIAGED");
    }

    @Test
    void aFlagTriagedInTimeNeverEscalates() {
        JsonNode flag = raise(DIRECTOR_RENZHUANG, newChildFlag("UNFIT_CARER"));
        UUID id = UUID.fromString(flag.get("id").asString());
        assertThat(triage(STATION_GUYANG, flag, Map.of("outcome", "DISMISSED", "reason", "已核实无风险"))
                        .status())
                .isEqualTo(200);
        clock.advance(Duration.ofDays(10));
        escalation.escalateDue();
        assertThat(escalations(id)).isEmpty();
    }

    /** The kinds of the user's notifications about one flag. */
    private List<String> notificationsAbout(String user, UUID flagId) {
        return allItems("/api/v1/notifications", token(user)).stream()
                .filter(n -> flagId.toString().equals(n.get("subjectId").asString()))
                .map(n -> n.get("kind").asString())
                .toList();
    }

    private List<String> escalations(UUID flagId) {
        return audit.historyOf(flagId).stream()
                .filter(e -> "ESCALATED".equals(e.getAction()))
                .map(ChangeLogEntry::getNote)
                .toList();
    }

    private static void runConcurrently(int threads, Callable<Integer> job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(job));
            }
            for (Future<Integer> f : results) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
