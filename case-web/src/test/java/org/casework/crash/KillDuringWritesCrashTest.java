package org.casework.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.casework.it.Api;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Registry;
import org.casework.it.fixtures.Villages;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.casework.sync.client.RetryPolicy;
import org.casework.sync.client.Sleeper;
import org.casework.sync.client.SyncClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Nothing confirmed is ever lost": the packaged server is killed with SIGKILL while station workers
 * log visits over the REST API and village directors' devices push visits through offline sync,
 * restarted on the same database, and every write that had received a 2xx must be there exactly
 * once; the devices then hand over what was not acknowledged, and that too is stored exactly once.
 *
 * <p>A device deletes its queue up to the server's acknowledgement, so a lost acknowledged commit
 * could never be sent again. Not part of {@code ./mvnw verify}: {@code -Pcrash} (see .ci/run).
 */
@Tag("crash")
class KillDuringWritesCrashTest {

    private static final int CYCLES = Integer.getInteger("casework.crash.cycles", 2);
    private static final int REST_WRITERS = 3;
    private static final int DEVICES = 2;
    /** Kill once the writers have had this long to build up recent commits. */
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(6);

    private static final Duration FIRST_START = Duration.ofMinutes(6);
    private static final Duration RESTART = Duration.ofMinutes(3);

    @Test
    void embeddedH2FileDatabase() throws Exception {
        try (CrashDatabase database = CrashDatabase.embeddedH2()) {
            run("h2", database);
        }
    }

    @Test
    void mariaDb() throws Exception {
        try (CrashDatabase database = CrashDatabase.mariaDb()) {
            run("mariadb", database);
        }
    }

    private void run(String name, CrashDatabase database) throws Exception {
        Path jar = Path.of(System.getProperty("casework.crash.jar", "target/case-web-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath();
        assertThat(jar)
                .as("the packaged server (./mvnw verify -Pcrash builds it)")
                .exists();
        Path workDir = Files.createDirectories(Path.of("target", "crash", name + "-" + System.currentTimeMillis())
                .toAbsolutePath());
        ServerProcess server = new ServerProcess(jar, workDir, database.environment(), database.arguments());
        List<SyncClient> devices = new ArrayList<>();
        try {
            server.start(FIRST_START);
            Api api = new Api(server.port());
            List<UUID> children = registerChildren(api);
            for (int i = 0; i < DEVICES; i++) {
                SyncClient device = device(workDir.resolve("device-" + i + ".db"), server.port());
                device.register(DemoUsers.DIRECTOR_RENZHUANG, Api.PASSWORD, "crash-test-" + i);
                device.sync();
                devices.add(device);
            }
            Ledger rest = new Ledger();
            Set<UUID> deviceVisits = ConcurrentHashMap.newKeySet();
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                Instant killedAt = loadAndKill(server, api, children, devices, rest, deviceVisits);
                System.out.printf(
                        "[crash %s] cycle %d: killed at %s with %d REST writes acknowledged, %d of them in the last"
                                + " second; %d device visits queued so far%n",
                        name,
                        cycle,
                        killedAt,
                        rest.acknowledged().size(),
                        rest.acknowledgedWithin(1000, killedAt),
                        deviceVisits.size());
                server.start(RESTART);
                assertEveryAcknowledgedWriteIsThereOnce(api, children, rest);
            }
            for (SyncClient device : devices) {
                syncUntilEmpty(device);
            }
            Map<UUID, Integer> stored = storedServiceRecords(api, children);
            assertThat(deviceVisits)
                    .allSatisfy(id -> assertThat(stored.get(id))
                            .as("device visit %s stored exactly once", id)
                            .isEqualTo(1));
            assertEveryAcknowledgedWriteIsThereOnce(api, children, rest);
            Set<UUID> extra = new HashSet<>(stored.keySet());
            extra.removeAll(rest.acknowledged());
            extra.removeAll(deviceVisits);
            assertThat(extra.size())
                    .as("records beyond the acknowledged ones: at most one per REST write left without an answer")
                    .isLessThanOrEqualTo(rest.unansweredCount());
        } finally {
            for (SyncClient device : devices) {
                device.close();
            }
            server.stop();
        }
    }

    /** Runs the writers, kills the server while they write, waits for them to notice. */
    private Instant loadAndKill(
            ServerProcess server,
            Api api,
            List<UUID> children,
            List<SyncClient> devices,
            Ledger rest,
            Set<UUID> deviceVisits)
            throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(REST_WRITERS + devices.size());
        List<Future<?>> running = new ArrayList<>();
        String token = api.tokenFor(DemoUsers.STATION_GUYANG);
        for (int w = 0; w < REST_WRITERS; w++) {
            int writer = w;
            running.add(writers.submit(() -> restWriter(api, token, children, writer, rest, writing)));
        }
        for (SyncClient device : devices) {
            running.add(writers.submit(() -> deviceWriter(device, children, deviceVisits, writing)));
        }
        Thread.sleep(LOAD_BEFORE_KILL.toMillis());
        Instant killedAt = Instant.now();
        server.kill();
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        for (Future<?> writer : running) {
            writer.get(); // a writer that failed an assertion fails the test
        }
        return killedAt;
    }

    private static void restWriter(
            Api api, String token, List<UUID> children, int writer, Ledger ledger, AtomicBoolean running) {
        int n = 0;
        while (running.get()) {
            UUID child = children.get((writer + n++) % children.size());
            Map<String, Object> visit = new HashMap<>();
            visit.put("clientId", child);
            visit.put("type", "HOME_VISIT");
            visit.put("occurredAt", Instant.now().minusSeconds(60).toString());
            visit.put("durationMinutes", 30);
            visit.put("place", "家中");
            visit.put("participants", "祖母、本人");
            visit.put("notes", "入户走访（崩溃测试）");
            try {
                Api.Response r = api.post("/api/v1/services", visit, token);
                if (r.status() == 201) {
                    ledger.acknowledged(UUID.fromString(r.body().get("id").asString()));
                } else if (r.status() >= 500) {
                    // e.g. a deadlock with a concurrent sync: the worker is told it failed and saves again
                    ledger.unanswered();
                } else {
                    throw new AssertionError("the server refused a visit: " + r.status() + " "
                            + r.raw().body());
                }
            } catch (IllegalStateException noAnswer) {
                // killed mid-request: the write may or may not have happened, and nobody was told it did
                ledger.unanswered();
                return;
            }
        }
    }

    private static void deviceWriter(SyncClient device, List<UUID> children, Set<UUID> queued, AtomicBoolean running) {
        int n = 0;
        while (running.get()) {
            for (int i = 0; i < 5; i++) {
                queued.add(device.edits()
                        .logVisit(new VisitLog(
                                children.get(n++ % children.size()),
                                "HOME_VISIT",
                                Instant.now().minusSeconds(120),
                                20,
                                "村里走访（崩溃测试）",
                                null)));
            }
            try {
                device.sync();
            } catch (RuntimeException serverGone) {
                // the queue keeps everything not acknowledged; it is sent again after the restart
                return;
            }
        }
    }

    private static void syncUntilEmpty(SyncClient device) {
        for (int attempt = 0; attempt < 20 && device.store().outbox().size() > 0; attempt++) {
            device.sync();
        }
        assertThat(device.store().outbox().size())
                .as("the device's queue after the restart")
                .isZero();
    }

    private static void assertEveryAcknowledgedWriteIsThereOnce(Api api, List<UUID> children, Ledger rest) {
        Map<UUID, Integer> stored = storedServiceRecords(api, children);
        List<UUID> lost = rest.acknowledged().stream()
                .filter(id -> !stored.containsKey(id))
                .toList();
        assertThat(lost)
                .as(
                        "REST visits answered 201 but gone after kill -9 (of %d acknowledged)",
                        rest.acknowledged().size())
                .isEmpty();
        assertThat(rest.acknowledged())
                .allSatisfy(id -> assertThat(stored.get(id)).as("stored once").isEqualTo(1));
    }

    /** Every service record of the children, by id, with how often the list shows it. */
    private static Map<UUID, Integer> storedServiceRecords(Api api, List<UUID> children) {
        String token = api.tokenFor(DemoUsers.STATION_GUYANG);
        Map<UUID, Integer> seen = new HashMap<>();
        for (UUID child : children) {
            for (int page = 0; ; page++) {
                Api.Response r = api.get("/api/v1/services?client=" + child + "&size=200&page=" + page, token);
                assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
                for (JsonNode item : r.body().get("items")) {
                    seen.merge(UUID.fromString(item.get("id").asString()), 1, Integer::sum);
                }
                if (page + 1 >= r.body().get("totalPages").asInt()) {
                    break;
                }
            }
        }
        return seen;
    }

    private static List<UUID> registerChildren(Api api) {
        Registry registry = new Registry(api);
        List<UUID> children = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            children.add(registry.registerId(
                    DemoUsers.STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG)));
        }
        return children;
    }

    private static SyncClient device(Path file, int port) {
        return SyncClient.open(new SyncClient.Config()
                .database(file)
                .server(java.net.URI.create("http://localhost:" + port))
                // a dead server is noticed in about a second; the test restarts it
                .retry(
                        new RetryPolicy(2, Duration.ofMillis(300), Duration.ofSeconds(1), 2.0, 0.5),
                        Sleeper.REAL,
                        Math::random));
    }
}
