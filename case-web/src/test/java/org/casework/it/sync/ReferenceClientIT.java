package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.casework.sync.client.DeviceRevokedException;
import org.casework.sync.client.HttpSyncTransport;
import org.casework.sync.client.LocalQueries;
import org.casework.sync.client.OfflineEdits.FlagReport;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.casework.sync.client.RetryPolicy;
import org.casework.sync.client.SyncClient;
import org.casework.sync.client.SyncReport;
import org.casework.sync.client.SyncState;
import org.casework.sync.client.SyncTransport;
import org.casework.sync.proxy.LinkProfile;
import org.casework.sync.proxy.SyncProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Java reference client against the real station server over HTTP (and through the shaping
 * proxy at 2G): a village director's device works offline, hands its work over in one sync, exactly
 * once even when responses are lost or cut, sees a clash with the station as a conflict, and wipes
 * itself when revoked.
 */
class ReferenceClientIT extends ApiTest {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private UserBuilder director;
    private UUID child;
    private ClientBuilder childData;
    private SyncClient device;
    private final FlakyTransport transport = new FlakyTransport();

    @BeforeEach
    void aDirectorWithADevice() {
        director = UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG);
        registry.createUser(director);
        childData = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        child = registry.registerId(DemoUsers.STATION_GUYANG, childData);
        transport.delegate =
                new HttpSyncTransport(URI.create("http://localhost:" + port), Duration.ofSeconds(20), "zh-CN");
        device = open();
        device.register(director.username(), UserBuilder.PASSWORD, "红米 9A");
    }

    @AfterEach
    void close() {
        device.close();
    }

    private SyncClient open() {
        return SyncClient.open(new SyncClient.Config()
                .database(dir.resolve("device.db"))
                .server(URI.create("http://localhost:" + port))
                .transport(transport)
                .retry(RetryPolicy.DEFAULT, sleep -> {}, () -> 0.0));
    }

    @Test
    void aStationWorkersPhoneHoldsTheirCaseTheStationNumberAndVisitObservations() {
        byte[] raw = jdbc.queryForObject(
                "SELECT id FROM organisation WHERE type = 'TOWNSHIP_STATION' AND region_code = ?",
                byte[].class,
                Villages.GUYANG);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(raw);
        UUID station = new UUID(b.getLong(), b.getLong());
        UserBuilder worker = UserBuilder.aStationWorker()
                .in(Villages.GUYANG)
                .inOrganisation(station)
                .displayed("赵社工");
        registry.createUser(worker);
        UUID mine =
                registry.registerId(DemoUsers.STATION_GUYANG, aLeftBehindChild().inVillage(Villages.CAOZHAI));
        org.casework.it.fixtures.Cases.ok(api.post(
                "/api/v1/cases",
                Map.of("clientId", mine, "source", "OUTREACH", "reason", "摸排发现独自在家"),
                api.tokenFor(worker.username(), worker.password())));
        try (SyncClient phone = SyncClient.open(new SyncClient.Config()
                .database(dir.resolve("station-phone.db"))
                .server(URI.create("http://localhost:" + port))
                .retry(RetryPolicy.DEFAULT, sleep -> {}, () -> 0.0))) {
            phone.register(worker.username(), UserBuilder.PASSWORD, "华为畅享");
            phone.sync();
            assertThat(phone.store().recordsOfType("client"))
                    .extracting(org.casework.sync.client.StoredRecord::id)
                    .containsExactly(mine.toString());
            assertThat(phone.queries().openCases()).singleElement().satisfies(c -> {
                assertThat(c.field("client")).isEqualTo(mine.toString());
                assertThat(c.field("worker")).isEqualTo("赵社工");
                assertThat(c.field("status")).isEqualTo("LEAD");
            });
            assertThat(phone.queries().stations())
                    .singleElement()
                    .satisfies(s -> assertThat(s.id()).isEqualTo(station.toString()));

            tools.jackson.databind.node.ObjectNode observations =
                    tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
            observations.put("childAtHome", true);
            observations.put("mood", "开朗");
            UUID visit = phone.edits()
                    .logVisit(new VisitLog(
                            mine, "HOME_VISIT", Instant.now().minus(Duration.ofHours(2)), 20, "入户走访", observations));
            SyncReport handOver = phone.sync();
            assertThat(handOver.applied()).isEqualTo(1);
            assertThat(phone.queries().record("visit", visit)).get().satisfies(v -> {
                assertThat(v.state()).isEqualTo(SyncState.SYNCED);
                assertThat(v.fields().get("observations").get("mood").asString())
                        .isEqualTo("开朗");
            });
        }
    }

    @Test
    void aWeekOfflineReachesTheStationExactlyOnceInOneSync() {
        SyncReport initial = device.sync();
        assertThat(initial.pending()).isZero();
        List<LocalQueries.ChildSummary> children = device.queries().children(null);
        assertThat(children).extracting(LocalQueries.ChildSummary::id).contains(child.toString());
        assertThat(children).allSatisfy(c -> assertThat(c.village()).isEqualTo(Villages.RENZHUANG));
        assertThat(device.store().recordsOfType("client"))
                .as("nothing of another village reaches the device")
                .allSatisfy(r -> assertThat(r.scope()).isEqualTo(Villages.RENZHUANG));
        // what the phone needs to work offline: the flag types and the visit form with the server's limits
        assertThat(device.store().recordsOfType("flagType")).hasSize(17);
        assertThat(device.store().record("visitType", "HOME_VISIT"))
                .get()
                .satisfies(v -> assertThat(v.fields().get("form").toString())
                        .contains("\"notes\"", "\"maxLength\":4000", "\"durationMinutes\""));

        // offline: three visits and a flag
        Instant now = Instant.now();
        for (int day = 3; day >= 1; day--) {
            device.edits()
                    .logVisit(new VisitLog(
                            child, "HOME_VISIT", now.minus(Duration.ofDays(day)), 30, "入户走访第" + day + "次", null));
        }
        UUID flag = device.edits()
                .raiseFlag(new FlagReport(
                        child, null, null, null, null, Villages.RENZHUANG, "LIVING_ALONE", null, "孩子独自在家", now, "家中"));
        assertThat(device.queries().pendingCount()).isEqualTo(4);

        int before = transport.calls.get();
        SyncReport handOver = device.sync();
        assertThat(transport.calls.get() - before).as("one round trip").isEqualTo(1);
        assertThat(handOver.applied()).isEqualTo(4);
        assertThat(handOver.pending()).isZero();
        assertThat(device.queries().record("flag", flag))
                .get()
                .extracting(r -> r.state())
                .isEqualTo(SyncState.SYNCED);

        assertThat(visitsOnServer()).hasSize(3);
        JsonNode onServer = api.get("/api/v1/flags/" + flag, token(DemoUsers.STATION_GUYANG))
                .body();
        assertThat(onServer.get("severity").asString()).isEqualTo("RED");
        assertThat(texts(allItems("/api/v1/flags?view=QUEUE", token(DemoUsers.STATION_GUYANG)), "id"))
                .contains(flag.toString());

        device.sync();
        assertThat(visitsOnServer()).as("a second sync applies nothing again").hasSize(3);
    }

    @Test
    void aLostResponseIsRetriedAndTheServerKeepsEveryVisitOnce() {
        device.sync();
        device.edits().logVisit(new VisitLog(child, "PHONE_CALL", Instant.now(), 10, "电话回访", null));
        device.edits().logVisit(new VisitLog(child, "HOME_VISIT", Instant.now(), 40, "入户", null));
        transport.dropNextResponse = true; // the server commits, the phone hears nothing
        SyncReport report = device.sync();
        assertThat(transport.dropped.get()).isEqualTo(1);
        assertThat(report.pending()).isZero();
        assertThat(visitsOnServer()).hasSize(2);
    }

    @Test
    void overA2GLinkThatCutsTheAnswerHalfWayTheWorkStillArrivesOnce() throws Exception {
        try (SyncProxy link = SyncProxy.start("127.0.0.1", port, LinkProfile.TWO_G)) {
            device.close();
            transport.delegate = new HttpSyncTransport(URI.create(link.url()), Duration.ofSeconds(60), "zh-CN");
            device = open();
            device.sync();
            device.edits().logVisit(new VisitLog(child, "HOME_VISIT", Instant.now(), 30, "信号很差的一天", null));
            device.edits().logVisit(new VisitLog(child, "PHONE_CALL", Instant.now(), 5, "电话", null));
            // the server commits the push, then the connection dies while the answer comes down
            link.cutAll(); // the next request opens a new connection, which is cut after 200 bytes down
            link.cutNextConnectionAfter(200);
            SyncReport report = device.sync();
            assertThat(report.pending()).isZero();
            assertThat(link.counters().requests())
                    .as("the push went out again after the cut")
                    .isGreaterThan(2);
        }
        assertThat(visitsOnServer()).hasSize(2);
    }

    @Test
    void aClashWithTheStationKeepsTheServerValueAndShowsAConflict() {
        device.sync();
        device.edits().editProfile(child, Map.of("address", "任庄村东街 8 号"));
        assertThat(api.put(
                                "/api/v1/clients/" + child,
                                childData.livingAt("任庄村西街 3 号").build(),
                                token(DemoUsers.STATION_GUYANG),
                                "\"0\"")
                        .status())
                .isEqualTo(200);

        SyncReport report = device.sync();
        assertThat(report.conflicts()).isEqualTo(1);
        JsonNode server = api.get("/api/v1/clients/" + child, token(DemoUsers.STATION_GUYANG))
                .body();
        assertThat(server.get("address").asString()).isEqualTo("任庄村西街 3 号");
        assertThat(device.queries().record("client", child)).get().satisfies(r -> {
            assertThat(r.state()).isEqualTo(SyncState.CONFLICT);
            assertThat(r.field("address")).isEqualTo("任庄村西街 3 号");
        });
    }

    @Test
    void aRevokedDeviceIsToldToWipeAndDoes() {
        device.sync();
        assertThat(device.store().recordsOfType("client")).isNotEmpty();
        String id = device.deviceId();
        assertThat(api.post("/api/v1/devices/" + id + "/revoke", Map.of("reason", "手机丢失"), token(DemoUsers.HEAD_GUYANG))
                        .status())
                .isEqualTo(200);
        assertThatThrownBy(device::sync).isInstanceOf(DeviceRevokedException.class);
        assertThat(device.store().recordsOfType("client")).isEmpty();
        assertThat(device.queries().pendingCount()).isZero();
    }

    private List<JsonNode> visitsOnServer() {
        return allItems("/api/v1/services?client=" + child, token(DemoUsers.STATION_GUYANG));
    }

    /** Real HTTP, with the option to lose one response after the server has handled the request. */
    static final class FlakyTransport implements SyncTransport {
        SyncTransport delegate;
        volatile boolean dropNextResponse;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();

        @Override
        public Response post(String path, String json, String bearer) throws IOException {
            calls.incrementAndGet();
            Response response = delegate.post(path, json, bearer);
            if (dropNextResponse && path.endsWith("/sync")) {
                dropNextResponse = false;
                dropped.incrementAndGet();
                throw new IOException("response lost on the way back");
            }
            return response;
        }
    }
}
