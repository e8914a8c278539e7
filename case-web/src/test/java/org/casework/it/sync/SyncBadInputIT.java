package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The devices' door refuses bad bodies with problems, never a 500: a body labelled gzip that is
 * not gzip (400, before authentication), a gzip bomb (413 stating the inflated limit), control
 * characters in a text, refused by the same rule as the API and the web forms, and malformed
 * mutations, each refused on its own in the user's language while the rest of the batch is applied.
 */
class SyncBadInputIT extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private TestDevice device;

    @BeforeAll
    void aDevice() {
        UserBuilder director = UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG);
        registry.createUser(director);
        device = new TestDevice(new SyncHttp(port), director.username()).register(director.password());
    }

    @Test
    void aBodyLabelledGzipThatIsNotGzipIsA400EvenWithoutAToken() throws Exception {
        for (String token : new String[] {null, device.accessToken}) {
            HttpResponse<String> r = post("/api/sync/v1/sync", "{\"mutations\":[]}".getBytes(), token);

            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(r.body()).get("code").asString()).isEqualTo("error.malformed.gzip");
        }
        HttpResponse<String> register = post("/api/sync/v1/devices", "not gzip".getBytes(), null);
        assertThat(register.statusCode()).isEqualTo(400);
    }

    @Test
    void aGzipBombIsRefusedWith413StatingTheLimit() throws Exception {
        // 40 MB of spaces inside a JSON object compress to about 40 KB
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write("{\"mutations\":[".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                gzip.write(spaces);
            }
            gzip.write("]}".getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> r = post("/api/sync/v1/sync", compressed.toByteArray(), device.accessToken);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("code").asString()).isEqualTo("error.bodyTooLarge");
        assertThat(problem.get("detail").asString()).contains("32 MB");
        assertThat(problem.get("limitBytes").asLong()).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void controlCharactersInAnOfflineEditAreRefusedByTheSameRule() {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("fullName", TestData.uniqueName());
        child.put("sex", "FEMALE");
        child.put("birthDate", TestData.today().minusYears(8).toString());
        child.put("noIdReason", "未落户");
        child.put("residenceRegionCode", Villages.RENZHUANG);
        child.put("guardianName", "王\u0000桂英");
        child.put("category", "LEFT_BEHIND_CHILD");

        SyncHttp.Reply r =
                device.sync(List.of(device.mutation("REGISTER_CHILD", UUID.randomUUID(), child)), null, false);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode result = r.body().get("results").get(0);
        assertThat(result.get("status").asString()).isEqualTo("REJECTED");
        assertThat(result.get("code").asString()).isEqualTo("error.text.controlCharacters");
        assertThat(result.get("errors").get(0).get("field").asString()).isEqualTo("guardianName");
    }

    /**
     * Malformed mutations through the real endpoint, interleaved with good ones: each gets its own
     * refusal with the field it concerns and a message in the user's language, is recorded (the
     * device moves past it), and nothing around it is lost.
     */
    @Test
    void everyMalformedMutationIsRefusedOnItsOwnAndTheGoodOnesAroundItAreApplied() {
        TestDevice d = aFreshDevice();
        UUID child = UUID.randomUUID();
        List<Map<String, Object>> batch = new ArrayList<>();
        List<Expected> expected = new ArrayList<>();
        batch.add(d.mutation("REGISTER_CHILD", child, aChild()));
        expected.add(Expected.applied());

        batch.add(d.mutation("DELETE_EVERYTHING", UUID.randomUUID(), Map.of()));
        expected.add(Expected.refused("sync.mutation.unknownType", null, "未知的离线操作类型"));
        batch.add(d.mutation("X".repeat(300), UUID.randomUUID(), Map.of()));
        expected.add(Expected.refused("sync.mutation.unknownType", null, "未知的离线操作类型"));

        Map<String, Object> age = aFlag(null);
        age.put("subjectName", "小明");
        age.put("subjectAgeYears", "九岁");
        batch.add(d.mutation("RAISE_FLAG", UUID.randomUUID(), age));
        expected.add(Expected.refused("sync.field.invalid", "subjectAgeYears", "无效"));

        Map<String, Object> badClient = visit(null);
        badClient.put("clientId", "not-an-id");
        batch.add(d.mutation("LOG_VISIT", UUID.randomUUID(), badClient));
        expected.add(Expected.refused("sync.field.invalid", "clientId", "无效"));

        Map<String, Object> badTime = visit(child);
        badTime.put("occurredAt", "昨天下午");
        batch.add(d.mutation("LOG_VISIT", UUID.randomUUID(), badTime));
        expected.add(Expected.refused("sync.field.invalid", "occurredAt", "无效"));

        Map<String, Object> objectText = visit(child);
        objectText.put("notes", Map.of("text", "在家"));
        batch.add(d.mutation("LOG_VISIT", UUID.randomUUID(), objectText));
        expected.add(Expected.refused("sync.field.invalid", "notes", "无效"));

        Map<String, Object> typo = aFlag(null);
        typo.put("clientID", child.toString());
        batch.add(d.mutation("RAISE_FLAG", UUID.randomUUID(), typo));
        expected.add(Expected.refused("sync.field.unknown", "clientID", "不认识的字段"));

        batch.add(d.mutation(
                "ADD_NOTE",
                UUID.randomUUID(),
                Map.of("flagId", UUID.randomUUID().toString(), "text", "长".repeat(4001))));
        expected.add(Expected.refused("sync.field.tooLong", "text", "4000"));

        Map<String, Object> longDescription = aFlag(child);
        longDescription.put("description", "情".repeat(2001));
        batch.add(d.mutation("RAISE_FLAG", UUID.randomUUID(), longDescription));
        expected.add(Expected.refused("flag.description.tooLong", "description", "情况描述最多"));

        batch.add(d.mutation("LOG_VISIT", UUID.randomUUID(), visit(child)));
        expected.add(Expected.applied());

        Map<String, Object> badEntity = d.mutation("LOG_VISIT", UUID.randomUUID(), visit(child));
        badEntity.put("entityId", 42);
        batch.add(badEntity);
        expected.add(Expected.refused("sync.field.invalid", "entityId", "无效"));

        Map<String, Object> listFields = d.mutation("LOG_VISIT", UUID.randomUUID(), Map.of());
        listFields.put("fields", List.of("clientId", child.toString()));
        batch.add(listFields);
        expected.add(Expected.refused("sync.field.invalid", "fields", "无效"));

        batch.add(d.mutation("LOG_VISIT", UUID.randomUUID(), visit(null)));
        expected.add(Expected.refused("service.client.required", "clientId", "服务对象"));

        batch.add(d.mutation("ADD_NOTE", UUID.randomUUID(), Map.of("text", "没有写是哪条预警")));
        expected.add(Expected.refused("sync.field.required", "flagId", "缺少必填字段"));

        Map<String, Object> visitObservations = visit(child);
        visitObservations.put("observations", "孩子情绪平稳");
        batch.add(d.mutation("LOG_VISIT", UUID.randomUUID(), visitObservations));
        expected.add(Expected.refused("service.observations.notObject", "observations", null));

        Map<String, Object> edit = d.mutation("EDIT_PROFILE", child, Map.of("idNumber", "410225201601010022"));
        edit.put("baseVersion", 0);
        batch.add(edit);
        expected.add(Expected.refused("sync.field.notEditable", "idNumber", "不能在离线设备上修改"));

        batch.add(d.mutation("RAISE_FLAG", UUID.randomUUID(), aFlag(child)));
        expected.add(Expected.applied());

        SyncHttp.Reply r = d.sync(batch, null, false);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("ack").asLong()).as("every mutation recorded").isEqualTo(batch.size());
        List<JsonNode> results = new ArrayList<>();
        r.body().get("results").forEach(results::add);
        assertThat(results).hasSize(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            expected.get(i).check(results.get(i), batch.get(i));
        }
        // the good ones are there: the child, its visit and its flag came back in the same answer
        assertThat(d.records)
                .containsKeys(
                        "client:" + child, "flag:" + batch.get(batch.size() - 1).get("entityId"));
        assertThat(d.idsOf("visit"))
                .containsExactly(batch.get(10).get("entityId").toString());

        // recorded: sent again (a lost answer), the same refusals come back, nothing applied twice
        SyncHttp.Reply again = d.sync(batch, null, false);
        assertThat(again.body().get("ack").asLong()).isEqualTo(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            assertThat(again.body().get("results").get(i).get("code"))
                    .isEqualTo(results.get(i).get("code"));
        }
    }

    /**
     * A mutation without a readable id or counter cannot be recorded: it is refused as malformed,
     * the ones after it are applied, and a {@code mutations} that is no list is a bad request.
     */
    @Test
    void aMutationWithoutAReadableIdOrCounterIsRefusedAndTheRestApplied() {
        TestDevice d = aFreshDevice();
        UUID child = UUID.randomUUID();
        Map<String, Object> good = d.mutation("REGISTER_CHILD", child, aChild());
        Map<String, Object> noId = new LinkedHashMap<>(good);
        noId.put("id", "mutation-1");
        Map<String, Object> textCounter = new LinkedHashMap<>(good);
        textCounter.put("id", UUID.randomUUID().toString());
        textCounter.put("counter", "one");
        List<Object> batch = new ArrayList<>();
        batch.add("REGISTER_CHILD");
        batch.add(noId);
        batch.add(textCounter);
        batch.add(good);
        batch.add(42);

        SyncHttp.Reply r = d.http.post("/api/sync/v1/sync", Map.of("mutations", batch), d.accessToken, false, "en");

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("ack").asLong()).isEqualTo(1);
        List<JsonNode> results = new ArrayList<>();
        r.body().get("results").forEach(results::add);
        assertThat(results)
                .extracting(x -> x.get("status").asString() + " "
                        + (x.has("code") ? x.get("code").asString() : null))
                .containsExactlyInAnyOrder(
                        "APPLIED null",
                        "REJECTED sync.mutation.malformed",
                        "REJECTED sync.mutation.malformed",
                        "REJECTED sync.mutation.malformed",
                        "REJECTED sync.mutation.malformed");
        assertThat(results)
                .filteredOn(x -> x.has("message"))
                .extracting(x -> x.get("message").asString())
                .containsOnly("The offline change has no id or counter.");

        SyncHttp.Reply notAList =
                d.http.post("/api/sync/v1/sync", Map.of("mutations", Map.of("a", 1)), d.accessToken, false);
        assertThat(notAList.status()).as(notAList.text()).isEqualTo(400);
        assertThat(notAList.body().get("code").asString()).isEqualTo("error.malformed");
    }

    @Test
    void aRefusalSpeaksTheUsersLanguage() {
        TestDevice d = aFreshDevice();
        Map<String, Object> body = Map.of(
                "mutations", List.of(d.mutation("RAISE_FLAG", UUID.randomUUID(), Map.of("subjectAgeYears", true))));

        JsonNode en = d.http.post("/api/sync/v1/sync", body, d.accessToken, false, "en")
                .body()
                .get("results")
                .get(0);

        assertThat(en.get("status").asString()).isEqualTo("REJECTED");
        assertThat(en.get("message").asString()).isEqualTo("Invalid value.");
        assertThat(en.get("errors").get(0).get("field").asString()).isEqualTo("subjectAgeYears");
        assertThat(en.get("errors").get(0).get("message").asString()).isEqualTo("Invalid value.");
    }

    /** What a malformed item's result must say. */
    private record Expected(String code, String field, String messagePart) {
        static Expected applied() {
            return new Expected(null, null, null);
        }

        static Expected refused(String code, String field, String messagePart) {
            return new Expected(code, field, messagePart);
        }

        void check(JsonNode result, Map<String, Object> sent) {
            String what = sent.get("type") + " " + result;
            assertThat(result.get("id").asString()).as(what).isEqualTo(sent.get("id"));
            if (code == null) {
                assertThat(result.get("status").asString()).as(what).isEqualTo("APPLIED");
                return;
            }
            assertThat(result.get("status").asString()).as(what).isEqualTo("REJECTED");
            assertThat(result.get("code").asString()).as(what).isEqualTo(code);
            assertThat(result.get("message").asString()).as(what).isNotBlank().isNotEqualTo(code);
            if (messagePart != null) {
                assertThat(result.get("message").asString()).as(what).contains(messagePart);
            }
            if (field != null) {
                assertThat(result.get("errors").get(0).get("field").asString())
                        .as(what)
                        .isEqualTo(field);
                assertThat(result.get("errors").get(0).get("message").asString())
                        .as(what)
                        .isNotBlank();
            }
        }
    }

    private TestDevice aFreshDevice() {
        UserBuilder director = UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG);
        registry.createUser(director);
        TestDevice d = new TestDevice(new SyncHttp(port), director.username()).register(director.password());
        d.syncToEnd(1000);
        return d;
    }

    private static Map<String, Object> aChild() {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("fullName", TestData.uniqueName());
        child.put("sex", "FEMALE");
        child.put("birthDate", TestData.today().minusYears(8).toString());
        child.put("noIdReason", "未落户");
        child.put("residenceRegionCode", Villages.RENZHUANG);
        child.put("guardianName", "王桂英");
        child.put("guardianRelation", "祖母");
        child.put("category", "LEFT_BEHIND_CHILD");
        return child;
    }

    private static Map<String, Object> aFlag(UUID child) {
        Map<String, Object> raise = new LinkedHashMap<>();
        if (child != null) {
            raise.put("clientId", child.toString());
        }
        raise.put("villageCode", Villages.RENZHUANG);
        raise.put("type", "LIVING_ALONE");
        raise.put("severity", "YELLOW");
        raise.put("description", "孩子独自在家");
        raise.put("observedAt", "2026-11-20T08:00:00Z");
        return raise;
    }

    private static Map<String, Object> visit(UUID child) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (child != null) {
            f.put("clientId", child.toString());
        }
        f.put("type", "HOME_VISIT");
        f.put("occurredAt", "2026-11-20T09:00:00Z");
        f.put("durationMinutes", 30);
        f.put("notes", "上门看望");
        return f;
    }

    /** A POST labelled gzip, whatever the body is. */
    private HttpResponse<String> post(String path, byte[] body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(
                request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
