package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casework.core.security.Role;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The offline sync endpoints over HTTP (docs/sync-protocol.md). */
class SyncIT extends ApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.casework.it.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    SyncHttp http;

    @BeforeAll
    void client() {
        http = new SyncHttp(port);
    }

    private TestDevice newDirector(String village) {
        UserBuilder user = UserBuilder.aVillageChildDirector().in(village);
        registry.createUser(user);
        return new TestDevice(http, user.username()).register(user.password());
    }

    private Map<String, Object> visit(UUID clientId, String notes) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("clientId", clientId.toString());
        f.put("type", "HOME_VISIT");
        f.put("occurredAt", "2026-11-20T09:00:00Z");
        f.put("durationMinutes", 30);
        f.put("notes", notes);
        return f;
    }

    // ---- devices ----

    @Test
    void registerRefreshRevokeAndTheDeviceLimit() {
        UserBuilder user = UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG);
        registry.createUser(user);
        SyncHttp.Reply wrong = http.post(
                "/api/sync/v1/devices",
                Map.of("username", user.username(), "password", "wrong-password", "deviceName", "x"),
                null,
                false);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("code").asString()).isEqualTo("auth.badCredentials");

        SyncHttp.Reply first = http.post(
                "/api/sync/v1/devices",
                Map.of("username", user.username(), "password", user.password(), "deviceName", "红米 9A"),
                null,
                false);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.body().get("limits").get("maxDevicesPerUser").asInt()).isEqualTo(3);
        assertThat(first.body().get("warnings")).isEmpty();
        String deviceId = first.body().get("deviceId").asString();
        String refresh = first.body().get("refreshToken").asString();

        SyncHttp.Reply refreshed = http.post(
                "/api/sync/v1/devices/refresh", Map.of("deviceId", deviceId, "refreshToken", refresh), null, false);
        assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
        String access = refreshed.body().get("accessToken").asString();
        assertThat(access).isNotEqualTo(first.body().get("accessToken").asString());
        SyncHttp.Reply oldAccess = http.post(
                "/api/sync/v1/sync", Map.of(), first.body().get("accessToken").asString(), false);
        assertThat(oldAccess.status()).isEqualTo(401);
        assertThat(http.post("/api/sync/v1/sync", Map.of(), access, false).status())
                .isEqualTo(200);
        // (a rotated refresh token presented again revokes the device: DeviceCredentialsIT)

        SyncHttp.Reply second = http.post(
                "/api/sync/v1/devices",
                Map.of("username", user.username(), "password", user.password(), "deviceName", "二号机"),
                null,
                false);
        assertThat(second.status()).isEqualTo(201);
        assertThat(strings(second.body().get("warnings"))).containsExactly("device.limitNear");
        assertThat(http.post(
                                "/api/sync/v1/devices",
                                Map.of("username", user.username(), "password", user.password(), "deviceName", "三"),
                                null,
                                false)
                        .status())
                .isEqualTo(201);
        SyncHttp.Reply fourth = http.post(
                "/api/sync/v1/devices",
                Map.of("username", user.username(), "password", user.password(), "deviceName", "四"),
                null,
                false,
                "en");
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.body().get("code").asString()).isEqualTo("device.limit");
        assertThat(fourth.body().get("detail").asString()).contains("3 active devices");

        // A station of another township cannot revoke it; the head of the user's township can.
        var otherStation =
                api.post("/api/v1/devices/" + deviceId + "/revoke", Map.of("reason", "x"), token("station-nanzhang"));
        assertThat(otherStation.status()).isIn(403, 404);
        List<JsonNode> visible =
                list(api.get("/api/v1/devices", token(DemoUsers.HEAD_GUYANG)).body());
        assertThat(texts(visible, "id")).contains(deviceId);
        var revoked = api.post(
                "/api/v1/devices/" + deviceId + "/revoke", Map.of("reason", "手机丢失"), token(DemoUsers.HEAD_GUYANG));
        assertThat(revoked.status()).as(revoked.raw().body()).isEqualTo(200);
        SyncHttp.Reply refused = http.post("/api/sync/v1/sync", Map.of(), access, false);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("code").asString()).isEqualTo("device.revoked");
        assertThat(refused.body().get("wipe").asBoolean()).isTrue();
        // A freed slot: the user may register again.
        assertThat(http.post(
                                "/api/sync/v1/devices",
                                Map.of("username", user.username(), "password", user.password(), "deviceName", "新手机"),
                                null,
                                false)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void stationRolesDoNotSync() {
        SyncHttp.Reply r = http.post(
                "/api/sync/v1/devices",
                Map.of("username", DemoUsers.HEAD_GUYANG, "password", "casework-demo", "deviceName", "PC"),
                null,
                false);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().get("code").asString()).isEqualTo("sync.roleNotSynced");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndWorksAgain() {
        TestDevice device = newDirector(Villages.LVTANG);
        clock.advance(java.time.Duration.ofHours(13));
        SyncHttp.Reply expired = http.post("/api/sync/v1/sync", Map.of(), device.accessToken, false, "en");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().get("code").asString()).isEqualTo("device.tokenExpired");
        assertThat(expired.body().get("detail").asString()).contains("expired");
        SyncHttp.Reply refreshed = http.post(
                "/api/sync/v1/devices/refresh",
                Map.of("deviceId", device.id.toString(), "refreshToken", device.refreshToken),
                null,
                false);
        assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
        device.accessToken = refreshed.body().get("accessToken").asString();
        assertThat(device.sync(List.of(), null, false).status()).isEqualTo(200);
    }

    @Test
    void creationsOfflineKeepTheIdsTheDeviceChose() {
        TestDevice device = newDirector(Villages.LVTANG);
        device.syncToEnd(1000);
        UUID child = UUID.randomUUID();
        UUID flag = UUID.randomUUID();
        UUID note = UUID.randomUUID();
        Map<String, Object> register = new LinkedHashMap<>();
        register.put("fullName", aLeftBehindChild().fullName());
        register.put("sex", "FEMALE");
        register.put("birthDate", "2016-05-01");
        register.put("residenceRegionCode", Villages.LVTANG);
        register.put("noIdReason", "户口未登记，家长外出务工");
        register.put("guardianName", "王秀兰");
        register.put("guardianRelation", "祖母");
        register.put("guardianPhone", "13912345678");
        register.put("fatherStatus", "WORKING_AWAY");
        register.put("motherStatus", "WORKING_AWAY");
        register.put("category", "LEFT_BEHIND_CHILD");
        Map<String, Object> raise = new LinkedHashMap<>();
        raise.put("clientId", child.toString());
        raise.put("villageCode", Villages.LVTANG);
        raise.put("type", "LIVING_ALONE");
        raise.put("severity", "RED");
        raise.put("description", "孩子独自在家，祖母住院");
        raise.put("observedAt", "2026-11-20T08:00:00Z");
        raise.put("observedPlace", "家中");
        SyncHttp.Reply r = device.sync(
                List.of(
                        device.mutation("REGISTER_CHILD", child, register),
                        device.mutation("RAISE_FLAG", flag, raise),
                        device.mutation("ADD_NOTE", note, Map.of("flagId", flag.toString(), "text", "已联系村委会")),
                        device.mutation("LOG_VISIT", UUID.randomUUID(), visit(child, "上门看望"))),
                null,
                false);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<JsonNode> results = list(r.body().get("results"));
        assertThat(results)
                .extracting(x -> x.get("status").asString())
                .as(r.text())
                .containsOnly("APPLIED");
        assertThat(results.get(0).get("entityId").asString()).isEqualTo(child.toString());
        assertThat(results.get(1).get("entityId").asString()).isEqualTo(flag.toString());
        assertThat(results.get(2).get("entityId").asString()).isEqualTo(note.toString());
        assertThat(device.records).containsKeys("client:" + child, "flag:" + flag, "visitDue:" + child);
        assertThat(device.records.get("client:" + child).f().get("guardianPhone"))
                .isEqualTo("\"13912345678\"");
        assertThat(device.records.get("flag:" + flag).f().get("status")).isNotNull();
        // The same note id again would overwrite: refused.
        JsonNode again = device.sync(
                        List.of(device.mutation("ADD_NOTE", note, Map.of("flagId", flag.toString(), "text", "覆盖"))),
                        null,
                        false)
                .body()
                .get("results")
                .get(0);
        assertThat(again.get("status").asString()).isEqualTo("REJECTED");
    }

    // ---- pull ----

    @Test
    void initialSyncPagesAndResumesAfterAnInterruptionWithNothingOutsideTheScope() {
        TestDevice whole = new TestDevice(http, "director-renzhuang").register("casework-demo");
        whole.syncToEnd(1000);
        assertThat(whole.idsOf("client")).isNotEmpty();
        assertThat(whole.idsOf("region")).contains(Villages.RENZHUANG, Villages.GUYANG);

        TestDevice paged = new TestDevice(http, "director-renzhuang").register("casework-demo");
        SyncHttp.Reply page1 = paged.sync(List.of(), 7, false);
        assertThat(page1.body().get("more").asBoolean()).isTrue();
        assertThat(page1.body().get("changes")).hasSize(7);
        paged.sync(List.of(), 7, false);
        String stored = paged.cursor;
        // The third response is lost on the way: the device resumes from the cursor it stored.
        SyncHttp.Reply lost =
                paged.http.post("/api/sync/v1/sync", Map.of("cursor", stored, "limit", 7), paged.accessToken, false);
        assertThat(lost.status()).isEqualTo(200);
        paged.cursor = stored;
        paged.syncToEnd(7);

        assertThat(paged.records.keySet()).isEqualTo(whole.records.keySet());
        for (TestDevice d : List.of(whole, paged)) {
            for (JsonNode c : d.received) {
                assertThat(c.get("s").asString()).as(c.toString()).isIn(Villages.RENZHUANG, "ref");
            }
        }
        // Checksums agree; a wrong one asks for a resync of that village.
        SyncHttp.Reply same = paged.sync(List.of(), null, true);
        assertThat(same.body().get("resync")).isEmpty();
        assertThat(same.body().get("checksums").get(Villages.RENZHUANG).asString())
                .isEqualTo(paged.checksums().get(Villages.RENZHUANG));
        String someClient = paged.idsOf("client").get(0);
        paged.records.remove("client:" + someClient);
        SyncHttp.Reply mismatch = paged.sync(List.of(), null, true);
        assertThat(strings(mismatch.body().get("resync"))).containsExactly(Villages.RENZHUANG);
        paged.syncToEnd(1000);
        assertThat(paged.records).containsKey("client:" + someClient);
        assertThat(paged.sync(List.of(), null, true).body().get("resync")).isEmpty();
    }

    // ---- push and steady state ----

    @Test
    void steadySyncInOneRequestThenReplaysAndOutOfOrderBatches() {
        TestDevice device = newDirector(Villages.LVTANG);
        List<UUID> local = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            local.add(registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.LVTANG)));
        }
        device.syncToEnd(1000);
        assertThat(device.idsOf("client"))
                .containsAll(local.stream().map(UUID::toString).toList());

        // 50 remote changes on the server, 20 visits logged offline.
        List<UUID> remote = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            remote.add(registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.LVTANG)));
        }
        List<Map<String, Object>> outbox = new ArrayList<>();
        for (UUID client : local) {
            outbox.add(device.mutation("LOG_VISIT", UUID.randomUUID(), visit(client, "上门走访，孩子在家写作业")));
        }
        SyncHttp.Reply steady = device.sync(outbox, null, false);
        assertThat(steady.status()).as(steady.text()).isEqualTo(200);
        assertThat(steady.body().get("more").asBoolean()).isFalse();
        assertThat(steady.body().get("ack").asLong()).isEqualTo(20);
        assertThat(list(steady.body().get("results")))
                .hasSize(20)
                .allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("APPLIED"));
        assertThat(device.idsOf("client"))
                .containsAll(remote.stream().map(UUID::toString).toList());
        // The device's own visits come back under the ids it chose.
        for (Map<String, Object> m : outbox) {
            assertThat(device.records).containsKey("visit:" + m.get("entityId"));
        }

        // Replay of the same batch (the response was lost): identical results, nothing applied twice.
        SyncHttp.Reply replay = http.post(
                "/api/sync/v1/sync", Map.of("cursor", device.cursor, "mutations", outbox), device.accessToken, false);
        assertThat(replay.body().get("results")).isEqualTo(steady.body().get("results"));
        assertThat(replay.body().get("ack").asLong()).isEqualTo(20);
        Integer visits = jdbc.queryForObject(
                "SELECT COUNT(*) FROM service_record WHERE client_id IN (SELECT id FROM client WHERE residence_region_code = ?)",
                Integer.class,
                Villages.LVTANG);
        assertThat(visits).isGreaterThanOrEqualTo(20);
        Integer mine = 0;
        for (Map<String, Object> m : outbox) {
            mine += jdbc.queryForObject(
                    "SELECT COUNT(*) FROM service_record WHERE id = ?",
                    Integer.class,
                    uuidBytes(UUID.fromString((String) m.get("entityId"))));
        }
        assertThat(mine).isEqualTo(20);

        // Out of order: 22 arrives before 21 — held back, then both apply; a duplicate is a replay.
        Map<String, Object> m21 = device.mutation("LOG_VISIT", UUID.randomUUID(), visit(local.get(0), "二十一"));
        Map<String, Object> m22 = device.mutation("LOG_VISIT", UUID.randomUUID(), visit(local.get(1), "二十二"));
        SyncHttp.Reply early = device.sync(List.of(m22), null, false);
        assertThat(early.body().get("ack").asLong()).isEqualTo(20);
        assertThat(early.body().get("results")).isEmpty();
        SyncHttp.Reply late = device.sync(List.of(m22, m21, m21), null, false);
        assertThat(late.body().get("ack").asLong()).isEqualTo(22);
        List<JsonNode> results = list(late.body().get("results"));
        assertThat(results).extracting(r -> r.get("status").asString()).containsOnly("APPLIED");
        assertThat(results).extracting(r -> r.get("counter").asLong()).containsExactly(21L, 21L, 22L);

        // A reused counter with a new id is refused, not applied.
        Map<String, Object> reused = new LinkedHashMap<>(m21);
        reused.put("id", UUID.randomUUID().toString());
        JsonNode refused =
                device.sync(List.of(reused), null, false).body().get("results").get(0);
        assertThat(refused.get("status").asString()).isEqualTo("REJECTED");
        assertThat(refused.get("code").asString()).isEqualTo("sync.counterReused");

        // One bad item among good ones: the batch goes through, the bad one says why.
        Map<String, Object> good1 = device.mutation("LOG_VISIT", UUID.randomUUID(), visit(local.get(2), "好"));
        Map<String, Object> bad = device.mutation("LOG_VISIT", UUID.randomUUID(), visit(UUID.randomUUID(), "坏"));
        Map<String, Object> good2 = device.mutation(
                "ADD_NOTE",
                UUID.randomUUID(),
                Map.of("flagId", UUID.randomUUID().toString(), "text", "x"));
        Map<String, Object> good3 = device.mutation("LOG_VISIT", UUID.randomUUID(), visit(local.get(3), "也好"));
        SyncHttp.Reply mixed = device.sync(List.of(good1, bad, good2, good3), null, false);
        List<JsonNode> mixedResults = list(mixed.body().get("results"));
        assertThat(mixedResults)
                .extracting(r -> r.get("status").asString())
                .containsExactly("APPLIED", "REJECTED", "REJECTED", "APPLIED");
        assertThat(mixedResults.get(1).get("message").asString()).isNotBlank();
        assertThat(mixed.body().get("ack").asLong()).isEqualTo(26);
        // The refusal is stored: a replay returns it unchanged.
        SyncHttp.Reply again = device.sync(List.of(bad), null, false);
        assertThat(again.body().get("results").get(0)).isEqualTo(mixedResults.get(1));
    }

    @Test
    void aBatchOverTheLimitIsRefusedWholeBeforeAnythingIsApplied() {
        TestDevice device = newDirector(Villages.LVTANG);
        UUID client = registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.LVTANG));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            batch.add(device.mutation("LOG_VISIT", UUID.randomUUID(), visit(client, "第" + i + "次")));
        }
        SyncHttp.Reply r = device.sync(batch, null, false);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body().get("code").asString()).isEqualTo("sync.tooMany");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM service_record WHERE client_id = ?", Integer.class, uuidBytes(client)))
                .isZero();
        SyncHttp.Reply smaller = device.sync(batch.subList(0, 200), null, false);
        assertThat(smaller.body().get("ack").asLong()).isEqualTo(200);
    }

    @Test
    void gzipBothWays() {
        TestDevice device = new TestDevice(http, "director-renzhuang").register("casework-demo");
        SyncHttp.Reply r = http.post("/api/sync/v1/sync", Map.of("limit", 1000), device.accessToken, true);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.contentEncoding()).isEqualTo("gzip");
        assertThat(r.wireBytes()).isLessThan(r.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 2);
        assertThat(r.body().get("changes")).isNotEmpty();
    }

    // ---- conflicts, quarantine, scope ----

    @Test
    void aProfileClashIsAConflictRecordAndAnEditOutsideTheScopeIsQuarantined() {
        UUID child = registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.LVTANG));
        TestDevice one = newDirector(Villages.LVTANG);
        TestDevice two = newDirector(Villages.LVTANG);
        one.syncToEnd(1000);
        two.syncToEnd(1000);
        Map<String, Object> before = new LinkedHashMap<>();
        String school = String.valueOf(one.records.get("client:" + child).f().get("school"));
        String address = String.valueOf(one.records.get("client:" + child).f().get("address"));
        before.put("school", "null".equals(school) ? null : school.replace("\"", ""));
        before.put("address", "null".equals(address) ? null : address.replace("\"", ""));

        Map<String, Object> first = two.mutation("EDIT_PROFILE", child, Map.of("school", "城关小学"));
        first.put("before", before);
        assertThat(two.sync(List.of(first), null, false)
                        .body()
                        .get("results")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("APPLIED");

        // The other device pulls a delta: the child profile's fields, not the whole record.
        SyncHttp.Reply delta = one.sync(List.of(), null, false);
        JsonNode change = list(delta.body().get("changes")).stream()
                .filter(c -> c.get("t").asString().equals("client")
                        && c.get("id").asString().equals(child.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(change.get("f").has("school")).isTrue();
        assertThat(change.get("f").has("name")).isFalse();
        assertThat(change.get("f").has("birthDate")).isFalse();

        Map<String, Object> clash =
                one.mutation("EDIT_PROFILE", child, Map.of("school", "固阳一小", "address", "固阳镇吕堂村3组"));
        clash.put("before", before);
        SyncHttp.Reply r = one.sync(List.of(clash), null, false);
        JsonNode result = r.body().get("results").get(0);
        assertThat(result.get("status").asString()).as(r.text()).isEqualTo("CONFLICT");
        Map<String, Object> f = one.records.get("client:" + child).f();
        assertThat(f.get("school")).isEqualTo("\"城关小学\"");
        assertThat(f.get("address")).isEqualTo("\"固阳镇吕堂村3组\"");
        Integer conflicts = jdbc.queryForObject(
                "SELECT COUNT(*) FROM sync_issue WHERE kind = 'CONFLICT' AND field_name = 'school' AND mutation_id = ?",
                Integer.class,
                uuidBytes(UUID.fromString((String) clash.get("id"))));
        assertThat(conflicts).isEqualTo(1);

        // A client of another village: kept in quarantine, nothing written.
        UUID elsewhere =
                registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.CAOZHAI));
        Map<String, Object> outside = one.mutation("EDIT_PROFILE", elsewhere, Map.of("school", "某校"));
        JsonNode q =
                one.sync(List.of(outside), null, false).body().get("results").get(0);
        assertThat(q.get("status").asString()).isEqualTo("QUARANTINED");
        Integer quarantined = jdbc.queryForObject(
                "SELECT COUNT(*) FROM sync_issue WHERE kind = 'QUARANTINE' AND mutation_id = ?",
                Integer.class,
                uuidBytes(UUID.fromString((String) outside.get("id"))));
        assertThat(quarantined).isEqualTo(1);
    }

    @Test
    void aUserMovedToAnotherVillageGetsRemovalsAndTheNewVillageWithoutAWipe() {
        TestDevice device = new TestDevice(http, "director-caozhai").register("casework-demo");
        device.syncToEnd(1000);
        assertThat(device.records.values()).anyMatch(l -> l.s().equals(Villages.CAOZHAI));
        UUID inLvtang = registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.LVTANG));
        try {
            jdbc.update(
                    "UPDATE user_account SET jurisdiction_code = ? WHERE username = 'director-caozhai'",
                    Villages.LVTANG);
            SyncHttp.Reply r = device.sync(List.of(), 1000, false);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            List<JsonNode> changes = list(r.body().get("changes"));
            assertThat(changes.get(0).get("t").asString()).isEqualTo("scope");
            assertThat(changes.get(0).get("id").asString()).isEqualTo(Villages.CAOZHAI);
            device.syncToEnd(1000);
            assertThat(device.records.values()).noneMatch(l -> l.s().equals(Villages.CAOZHAI));
            assertThat(device.records).containsKey("client:" + inLvtang);
            assertThat(device.records.keySet()).anyMatch(k -> k.startsWith("flagType:"));
        } finally {
            jdbc.update(
                    "UPDATE user_account SET jurisdiction_code = ? WHERE username = 'director-caozhai'",
                    Villages.CAOZHAI);
        }
    }

    static byte[] uuidBytes(UUID id) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        b.putLong(id.getMostSignificantBits());
        b.putLong(id.getLeastSignificantBits());
        return b.array();
    }

    static List<String> strings(JsonNode array) {
        return list(array).stream().map(JsonNode::asString).toList();
    }

    static Set<String> set(List<String> values) {
        return new HashSet<>(values);
    }

    static Role role() {
        return Role.VILLAGE_CHILD_DIRECTOR;
    }
}
