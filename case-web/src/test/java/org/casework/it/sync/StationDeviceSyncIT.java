package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.HouseholdBuilder.aHousehold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casework.core.clients.HouseholdRelation;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Station workers' devices (protocol §4): their assigned clients only, following case assignments
 * with removals and additions; open-case summaries; the station's phone; visit observations;
 * limits and concurrent syncs of one device.
 */
class StationDeviceSyncIT extends ApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    SyncHttp http;
    Cases cases;

    @BeforeAll
    void client() {
        http = new SyncHttp(port);
        cases = new Cases(api);
    }

    private UUID guyangStation() {
        return guyangStation(jdbc);
    }

    /** The id of Guyang's township station (demo data). */
    static UUID guyangStation(JdbcTemplate jdbc) {
        byte[] id = jdbc.queryForObject(
                "SELECT id FROM organisation WHERE type = 'TOWNSHIP_STATION' AND region_code = ?",
                byte[].class,
                Villages.GUYANG);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(id);
        return new UUID(b.getLong(), b.getLong());
    }

    private UserBuilder stationWorker(String name) {
        UserBuilder user = UserBuilder.aStationWorker()
                .in(Villages.GUYANG)
                .inOrganisation(guyangStation())
                .displayed(name);
        registry.createUser(user);
        return user;
    }

    private String tokenOf(UserBuilder user) {
        return api.tokenFor(user.username(), user.password());
    }

    private UUID child(String village) {
        return registry.registerId("station-guyang", aLeftBehindChild().inVillage(village));
    }

    private JsonNode openCase(UserBuilder worker, UUID client) {
        return Cases.ok(api.post(
                "/api/v1/cases",
                Map.of("clientId", client, "source", "OUTREACH", "reason", "摸排发现独自在家"),
                tokenOf(worker)));
    }

    private static Set<String> ids(List<JsonNode> changes, String type) {
        Set<String> ids = new java.util.TreeSet<>();
        changes.stream()
                .filter(c -> c.get("t").asString().equals(type))
                .forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private static List<JsonNode> changes(SyncHttp.Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return list(r.body().get("changes"));
    }

    @Test
    void aStationWorkersDeviceHoldsExactlyTheirAssignedClientsAndFollowsAssignments() {
        UserBuilder zhang = stationWorker("张社工");
        UserBuilder li = stationWorker("李社工");
        UUID household =
                registry.createHouseholdId("station-guyang", aHousehold().inVillage(Villages.LVTANG));
        UUID mine1 = registry.registerId(
                "station-guyang",
                aLeftBehindChild().inVillage(Villages.LVTANG).inHousehold(household, HouseholdRelation.DAUGHTER));
        UUID mine2 = child(Villages.LVTANG);
        UUID mineCaozhai = child(Villages.CAOZHAI);
        UUID liClient = child(Villages.LVTANG);
        UUID unassigned = child(Villages.LVTANG);
        JsonNode case1 = openCase(zhang, mine1);
        JsonNode case2 = openCase(zhang, mine2);
        JsonNode caseCaozhai = openCase(zhang, mineCaozhai);
        openCase(li, liClient);

        TestDevice device = new TestDevice(http, zhang.username()).register(zhang.password());
        TestDevice liDevice = new TestDevice(http, li.username()).register(li.password());
        device.syncToEnd(1000);
        liDevice.syncToEnd(1000);

        assertThat(device.idsOf("client"))
                .containsExactlyInAnyOrder(mine1.toString(), mine2.toString(), mineCaozhai.toString());
        assertThat(device.idsOf("household")).containsExactly(household.toString());
        assertThat(device.idsOf("visitDue"))
                .allMatch(id -> device.idsOf("client").contains(id));
        assertThat(device.idsOf("case"))
                .containsExactlyInAnyOrder(Cases.id(case1), Cases.id(case2), Cases.id(caseCaozhai));
        Map<String, Object> summary =
                device.records.get("case:" + Cases.id(case1)).f();
        assertThat(summary.get("number"))
                .isEqualTo("\"" + case1.get("caseNumber").asString() + "\"");
        assertThat(summary.get("client")).isEqualTo("\"" + mine1 + "\"");
        assertThat(summary.get("status")).isEqualTo("\"LEAD\"");
        assertThat(summary.get("worker")).isEqualTo("\"张社工\"");
        assertThat(summary).containsKeys("risk", "openedOn");
        assertThat(device.records.get("case:" + Cases.id(case1)).s()).isEqualTo(Villages.LVTANG);
        for (JsonNode c : device.received) {
            assertThat(c.get("s").asString()).as(c.toString()).isIn(Villages.LVTANG, Villages.CAOZHAI, "ref");
            assertThat(c.toString()).doesNotContain(liClient.toString()).doesNotContain(unassigned.toString());
        }
        assertThat(liDevice.idsOf("client")).containsExactly(liClient.toString());

        // The station's phone, for "call the station" offline.
        Map<String, Object> station = jdbc.queryForMap(
                "SELECT name, contact_phone FROM organisation WHERE type = 'TOWNSHIP_STATION' AND region_code = ?",
                Villages.GUYANG);
        assertThat(device.idsOf("station")).containsExactly(guyangStation().toString());
        Map<String, Object> stationRecord =
                device.records.get("station:" + guyangStation()).f();
        assertThat(stationRecord.get("name")).isEqualTo("\"" + station.get("name") + "\"");
        Object phone = station.get("contact_phone");
        assertThat(stationRecord.get("phone")).isEqualTo(phone == null ? null : "\"" + phone + "\"");
        assertThat(device.idsOf("region")).contains(Villages.LVTANG, Villages.CAOZHAI, Villages.GUYANG);

        // Checksums agree on the filtered scopes.
        assertThat(device.sync(List.of(), null, true).body().get("resync")).isEmpty();

        // A change to an unassigned client of the same village never reaches the device, not even its id.
        Cases.ok(api.post(
                "/api/v1/services",
                Map.of(
                        "clientId", unassigned,
                        "type", "HOME_VISIT",
                        "occurredAt", "2026-11-20T09:00:00Z",
                        "notes", "站里走访"),
                token("station-guyang")));
        registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.LVTANG));
        List<JsonNode> quiet = changes(device.sync(List.of(), null, false));
        assertThat(quiet.toString()).doesNotContain(unassigned.toString()).doesNotContain(liClient.toString());

        // Case summaries are versioned: a step is a delta of the case record.
        long v1 = device.records.get("case:" + Cases.id(case1)).v();
        case1 = cases.step(zhang.username(), case1, Map.of("action", "SCREEN"));
        // (Cases.step signs in with the demo password; the fresh user's token is already cached.)
        List<JsonNode> delta = changes(device.sync(List.of(), null, false));
        assertThat(ids(delta, "case")).containsExactly(Cases.id(case1));
        assertThat(device.records.get("case:" + Cases.id(case1)).f().get("status"))
                .isEqualTo("\"SCREENING\"");
        assertThat(device.records.get("case:" + Cases.id(case1)).v()).isGreaterThan(v1);

        // An edit offline to a client not assigned to the worker is out of scope: quarantined.
        JsonNode q = device.sync(
                        List.of(device.mutation("EDIT_PROFILE", unassigned, Map.of("school", "城关小学"))), null, false)
                .body()
                .get("results")
                .get(0);
        assertThat(q.get("status").asString()).isEqualTo("QUARANTINED");

        // Reassigned to 李社工 by the station head: removed one by one from 张's device (the
        // village stays), added to 李's.
        JsonNode fresh = cases.get(DemoUsers.HEAD_GUYANG, case1);
        Cases.ok(api.post(
                "/api/v1/cases/" + Cases.id(fresh) + "/reassign",
                Map.of("workerId", userId(li)),
                token(DemoUsers.HEAD_GUYANG),
                Cases.etag(fresh)));
        List<JsonNode> moved = changes(device.sync(List.of(), null, false));
        assertThat(moved)
                .filteredOn(c -> c.get("op").asString().equals("D"))
                .extracting(c -> c.get("t").asString() + ":" + c.get("id").asString())
                .contains("client:" + mine1, "visitDue:" + mine1, "household:" + household, "case:" + Cases.id(case1));
        assertThat(moved).noneMatch(c -> c.get("t").asString().equals("scope"));
        assertThat(device.idsOf("client")).containsExactlyInAnyOrder(mine2.toString(), mineCaozhai.toString());
        changes(liDevice.sync(List.of(), null, false));
        assertThat(liDevice.idsOf("client")).containsExactlyInAnyOrder(liClient.toString(), mine1.toString());
        assertThat(liDevice.idsOf("case")).contains(Cases.id(case1));
        assertThat(liDevice.records.get("case:" + Cases.id(case1)).f().get("worker"))
                .isEqualTo("\"李社工\"");
        assertThat(liDevice.idsOf("household")).containsExactly(household.toString());

        // The only case in 曹寨 is transferred away (a finished case): that village leaves the scope.
        cases.step(zhang.username(), caseCaozhai, Map.of("action", "TRANSFER", "reason", "全家迁往县城"));
        List<JsonNode> left = changes(device.sync(List.of(), null, false));
        assertThat(left)
                .anyMatch(c -> c.get("t").asString().equals("scope")
                        && c.get("id").asString().equals(Villages.CAOZHAI));
        assertThat(device.idsOf("client")).containsExactly(mine2.toString());
        assertThat(device.sync(List.of(), null, true).body().get("resync")).isEmpty();
        assertThat(liDevice.sync(List.of(), null, true).body().get("resync")).isEmpty();
    }

    @Test
    void otherStationRolesStillDoNotSync() {
        for (String user : List.of(DemoUsers.HEAD_GUYANG, "county-sup", "admin", "liaison-fulian")) {
            SyncHttp.Reply r = http.post(
                    "/api/sync/v1/devices",
                    Map.of("username", user, "password", "casework-demo", "deviceName", "PC"),
                    null,
                    false);
            assertThat(r.status()).as(user).isEqualTo(403);
            assertThat(r.body().get("code").asString()).isEqualTo("sync.roleNotSynced");
        }
    }

    @Test
    void villageDevicesGetNoCaseSummaries() {
        UserBuilder worker = stationWorker("王社工");
        UUID client = child(Villages.LVTANG);
        JsonNode k = openCase(worker, client);
        UserBuilder director = UserBuilder.aVillageChildDirector().in(Villages.LVTANG);
        registry.createUser(director);
        TestDevice device = new TestDevice(http, director.username()).register(director.password());
        device.syncToEnd(1000);
        assertThat(device.idsOf("client")).contains(client.toString());
        cases.step(worker.username(), k, Map.of("action", "SCREEN"));
        device.syncToEnd(1000);
        assertThat(device.idsOf("case")).isEmpty();
        assertThat(device.received.toString()).doesNotContain(Cases.id(k));
        assertThat(device.idsOf("station")).containsExactly(guyangStation().toString());
    }

    @Test
    void visitObservationsAreStoredEncryptedAndPulledBackAndBadOnesAreRejectedPerItem() {
        UserBuilder director = UserBuilder.aVillageChildDirector().in(Villages.LVTANG);
        registry.createUser(director);
        TestDevice device = new TestDevice(http, director.username()).register(director.password());
        UUID client = child(Villages.LVTANG);
        device.syncToEnd(1000);

        Map<String, Object> observations = new LinkedHashMap<>();
        observations.put("childAtHome", true);
        observations.put("mealsToday", 3);
        observations.put("mood", "情绪稳定，在写作业");
        UUID good = UUID.randomUUID();
        Map<String, Object> tooMany = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            tooMany.put("item" + i, true);
        }
        SyncHttp.Reply r = device.sync(
                List.of(
                        device.mutation("LOG_VISIT", good, visit(client, observations)),
                        device.mutation("LOG_VISIT", UUID.randomUUID(), visit(client, tooMany)),
                        device.mutation("LOG_VISIT", UUID.randomUUID(), visit(client, Map.of("mood", "很".repeat(201)))),
                        device.mutation("LOG_VISIT", UUID.randomUUID(), visit(client, Map.of("meals", List.of(1, 2)))),
                        device.mutation("LOG_VISIT", UUID.randomUUID(), visit(client, "不是对象"))),
                null,
                false);
        List<JsonNode> results = list(r.body().get("results"));
        assertThat(results)
                .extracting(x -> x.get("status").asString())
                .as(r.text())
                .containsExactly("APPLIED", "REJECTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(results.get(1).get("message").asString()).contains("最多 20 项");
        assertThat(results.get(2).get("message").asString()).contains("mood").contains("200");
        assertThat(results.get(3).get("message").asString()).contains("meals");
        assertThat(results.get(4).get("message").asString()).contains("对象");
        for (int i = 1; i < 5; i++) {
            assertThat(list(results.get(i).get("errors")))
                    .extracting(e -> e.get("field").asString())
                    .containsExactly("observations");
        }

        Map<String, Object> pulled = device.records.get("visit:" + good).f();
        JsonNode back = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(String.valueOf(pulled.get("observations")));
        assertThat(back.get("childAtHome").asBoolean()).isTrue();
        assertThat(back.get("mealsToday").asInt()).isEqualTo(3);
        assertThat(back.get("mood").asString()).isEqualTo("情绪稳定，在写作业");
        String stored = jdbc.queryForObject(
                "SELECT observations_enc FROM service_record WHERE id = ?", String.class, SyncIT.uuidBytes(good));
        assertThat(stored).isNotBlank().doesNotContain("情绪稳定").doesNotContain("childAtHome");

        // The API takes and shows them too, with the same checks.
        JsonNode logged = Cases.ok(api.post(
                "/api/v1/services",
                Map.of(
                        "clientId", client,
                        "type", "PHONE_CALL",
                        "occurredAt", "2026-11-21T09:00:00Z",
                        "notes", "电话回访",
                        "observations", Map.of("guardianReached", true)),
                token("station-guyang")));
        assertThat(logged.get("observations").get("guardianReached").asBoolean())
                .isTrue();
        JsonNode viaApi = Cases.ok(api.get("/api/v1/services?client=" + client, token("station-guyang")));
        assertThat(viaApi.toString()).contains("情绪稳定，在写作业");
        var refused = api.post(
                "/api/v1/services",
                Map.of(
                        "clientId", client,
                        "type", "PHONE_CALL",
                        "occurredAt", "2026-11-21T09:00:00Z",
                        "notes", "电话回访",
                        "observations", tooMany),
                token("station-guyang"));
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void theDeviceLimitIsCheckedAtEverySync() {
        UserBuilder director = UserBuilder.aVillageChildDirector().in(Villages.LVTANG);
        registry.createUser(director);
        TestDevice first = new TestDevice(http, director.username()).register(director.password());
        SyncHttp.Reply alone = first.sync(List.of(), 1000, false);
        assertThat(strings(alone.body().get("warnings"))).isEmpty();
        new TestDevice(http, director.username()).register(director.password());
        SyncHttp.Reply near = first.sync(List.of(), 1000, false);
        assertThat(strings(near.body().get("warnings"))).containsExactly("device.limitNear");
    }

    @Test
    void twoSimultaneousSyncsOfOneDeviceBothSucceed() throws Exception {
        UserBuilder director = UserBuilder.aVillageChildDirector().in(Villages.LVTANG);
        registry.createUser(director);
        TestDevice device = new TestDevice(http, director.username()).register(director.password());
        UUID client = child(Villages.LVTANG);
        device.syncToEnd(1000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                Map<String, Object> m =
                        device.mutation("LOG_VISIT", UUID.randomUUID(), visit(client, Map.of("round", round)));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SyncHttp.Reply>> replies = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    // The same push delivered twice at once, as a retrying phone on a bad link does.
                    Map<String, Object> body = Map.of("cursor", device.cursor, "mutations", List.of(m));
                    Callable<SyncHttp.Reply> call = () -> {
                        start.await();
                        return http.post("/api/sync/v1/sync", body, device.accessToken, false);
                    };
                    replies.add(pool.submit(call));
                }
                start.countDown();
                for (Future<SyncHttp.Reply> f : replies) {
                    SyncHttp.Reply r = f.get();
                    assertThat(r.status()).as(r.text()).isEqualTo(200);
                    assertThat(r.body().get("ack").asLong()).isEqualTo(m.get("counter"));
                    assertThat(r.body().get("results").get(0).get("status").asString())
                            .as(r.text())
                            .isEqualTo("APPLIED");
                }
                device.apply(replies.get(0).get().body());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM service_record WHERE client_id = ?",
                        Integer.class,
                        SyncIT.uuidBytes(client)))
                .isEqualTo(8);
        Long ack = jdbc.queryForObject(
                "SELECT ack_counter FROM sync_device WHERE id = ?", Long.class, SyncIT.uuidBytes(device.id));
        assertThat(ack).isEqualTo(8);
    }

    private static Map<String, Object> visit(UUID client, Object observations) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("clientId", client.toString());
        f.put("type", "HOME_VISIT");
        f.put("occurredAt", "2026-11-20T09:00:00Z");
        f.put("durationMinutes", 30);
        f.put("notes", "上门走访");
        f.put("observations", observations);
        return f;
    }

    private UUID userId(UserBuilder user) {
        byte[] id =
                jdbc.queryForObject("SELECT id FROM user_account WHERE username = ?", byte[].class, user.username());
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(id);
        return new UUID(b.getLong(), b.getLong());
    }

    private static List<String> strings(JsonNode array) {
        return list(array).stream().map(JsonNode::asString).toList();
    }
}
