package org.casework.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.casework.it.Api;
import org.casework.it.WebSession;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Registry;
import org.casework.it.fixtures.Villages;
import org.casework.sync.client.HttpSyncTransport;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.casework.sync.client.RetryPolicy;
import org.casework.sync.client.Sleeper;
import org.casework.sync.client.SyncClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Failover under load, against what {@code ops/failover/run.sh} starts: a 3-node Galera cluster
 * behind HAProxy (one active node, two backups), two instances of the packaged server behind a
 * second HAProxy listener. A bounded mixed load goes through HAProxy: station workers' web pages,
 * REST writes of visits, and village directors' phones pushing visits with the Java reference
 * client. During it one server instance is killed with SIGKILL, then the active database node.
 *
 * <p>After a quiet moment: every REST write answered 201 is stored exactly once; every visit queued
 * on a phone is stored exactly once once the phones have synced; every phone's checksums equal the
 * server's; failures (5xx, or no answer) happen only inside a bounded window after each kill.
 * Prints the windows, failure counts, request count and latencies.
 *
 * <p>Not part of {@code ./mvnw verify}: {@code -Pfailover}, started by run.sh (see .ci/run).
 */
@Tag("failover")
class GaleraFailoverTest {

    private static final int PORT = Integer.getInteger("casework.failover.port", 28080);
    private static final String KILL_APP = System.getProperty("casework.failover.kill-app", "");
    private static final String KILL_DB = System.getProperty("casework.failover.kill-db", "");
    private static final Duration KILL_APP_AT = seconds("casework.failover.kill-app-at", 15);
    private static final Duration KILL_DB_AT = seconds("casework.failover.kill-db-at", 40);
    private static final Duration LOAD = seconds("casework.failover.load", 75);
    /** The longest a kill may disturb the service: beyond this, a failure fails the test. */
    private static final Duration WINDOW_LIMIT = seconds("casework.failover.window-limit", 20);

    private static final int REST_WRITERS = 2;
    private static final int WEB_READERS = 1;

    private final Recorder recorder = new Recorder();

    @Test
    void killAnInstanceThenTheActiveDatabaseNodeAndLoseNothing() throws Exception {
        assertThat(KILL_APP).as("-Dcasework.failover.kill-app (run.sh sets it)").isNotBlank();
        assertThat(KILL_DB).as("-Dcasework.failover.kill-db (run.sh sets it)").isNotBlank();
        Api api = new Api(PORT);
        Path work = Files.createDirectories(Path.of("target", "failover").toAbsolutePath());
        List<UUID> renzhuang = children(api, Villages.RENZHUANG);
        List<UUID> caozhai = children(api, Villages.CAOZHAI);
        List<Device> devices = List.of(
                device(work, 0, DemoUsers.DIRECTOR_RENZHUANG, renzhuang),
                device(work, 1, DemoUsers.DIRECTOR_RENZHUANG, renzhuang),
                device(work, 2, DemoUsers.DIRECTOR_CAOZHAI, caozhai));
        List<UUID> children = new ArrayList<>(renzhuang);
        children.addAll(caozhai);
        Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger unanswered = new AtomicInteger();
        try {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(REST_WRITERS + WEB_READERS + devices.size());
            List<Future<?>> tasks = new ArrayList<>();
            String token = api.tokenFor(DemoUsers.STATION_GUYANG);
            for (int w = 0; w < REST_WRITERS; w++) {
                int writer = w;
                tasks.add(load.submit(
                        () -> restWriter(api, token, renzhuang, writer, acknowledged, unanswered, running)));
            }
            for (int r = 0; r < WEB_READERS; r++) {
                tasks.add(load.submit(() -> webReader(running)));
            }
            for (Device device : devices) {
                tasks.add(load.submit(() -> deviceWriter(device, running)));
            }
            Instant start = Instant.now();
            sleepUntil(start.plus(KILL_APP_AT));
            Instant appKilled = Instant.now();
            run(KILL_APP);
            sleepUntil(start.plus(KILL_DB_AT));
            Instant dbKilled = Instant.now();
            run(KILL_DB);
            sleepUntil(start.plus(LOAD));
            running.set(false);
            Instant end = Instant.now();
            load.shutdown();
            assertThat(load.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            for (Future<?> task : tasks) {
                task.get(); // a load thread that failed an assertion fails the test
            }
            Thread.sleep(3000); // quiet

            for (Device device : devices) {
                syncUntilEmpty(device);
            }
            Map<UUID, Integer> stored = storedServiceRecords(api, children);
            List<UUID> lost =
                    acknowledged.stream().filter(id -> !stored.containsKey(id)).toList();
            Set<UUID> deviceVisits = new java.util.HashSet<>();
            devices.forEach(d -> deviceVisits.addAll(d.queued));

            Duration appWindow = recorder.window(appKilled, dbKilled);
            Duration dbWindow = recorder.window(dbKilled, end);
            List<Recorder.Request> all = recorder.all();
            String report = String.format(
                    Locale.ROOT,
                    "[failover] requests %d (web %d, REST writes %d, sync %d) in %d s; latency p50 %.1f ms, p95 %.1f ms%n"
                            + "[failover] app instance killed at +%.1f s: window %.1f s, failures %s%n"
                            + "[failover] active DB node killed at +%.1f s: window %.1f s, failures %s%n"
                            + "[failover] failures outside the windows: %s%n"
                            + "[failover] REST writes acknowledged %d (lost %d), unanswered %d; device visits %d; stored %d%n",
                    all.size(),
                    all.stream().filter(r -> r.kind().equals("web")).count(),
                    all.stream().filter(r -> r.kind().equals("rest")).count(),
                    all.stream().filter(r -> r.kind().equals("sync")).count(),
                    Duration.between(start, end).toSeconds(),
                    recorder.percentileMillis(50),
                    recorder.percentileMillis(95),
                    Duration.between(start, appKilled).toMillis() / 1000.0,
                    appWindow.toMillis() / 1000.0,
                    recorder.failuresBetween(appKilled, dbKilled),
                    Duration.between(start, dbKilled).toMillis() / 1000.0,
                    dbWindow.toMillis() / 1000.0,
                    recorder.failuresBetween(dbKilled, end),
                    outsideWindows(start, appKilled, dbKilled, end),
                    acknowledged.size(),
                    lost.size(),
                    unanswered.get(),
                    deviceVisits.size(),
                    stored.size());
            System.out.print(report);
            Files.writeString(work.resolve("report.txt"), report, StandardCharsets.UTF_8);

            assertThat(lost).as("REST visits answered 201 but not stored").isEmpty();
            assertThat(acknowledged)
                    .allSatisfy(
                            id -> assertThat(stored.get(id)).as("stored once").isEqualTo(1));
            assertThat(deviceVisits)
                    .allSatisfy(id -> assertThat(stored.get(id))
                            .as("device visit %s stored exactly once", id)
                            .isEqualTo(1));
            for (Device device : devices) {
                assertConverged(device);
            }
            assertThat(acknowledged).as("REST writes acknowledged").hasSizeGreaterThan(20);
            assertThat(outsideWindows(start, appKilled, dbKilled, end))
                    .as("failures (5xx or no answer) outside the failover windows of %s", WINDOW_LIMIT)
                    .isEmpty();
            assertThat(recorder.succeededAfter(dbKilled.plus(dbWindow)))
                    .as("requests served after the database failover")
                    .isGreaterThan(20);
        } finally {
            for (Device device : devices) {
                device.client.close();
            }
        }
    }

    /** Failures before the first kill, or later than the window limit after a kill. */
    private Map<String, Integer> outsideWindows(Instant start, Instant appKilled, Instant dbKilled, Instant end) {
        Map<String, Integer> outside = new HashMap<>(recorder.failuresBetween(start.minusSeconds(60), appKilled));
        recorder.failuresBetween(appKilled.plus(WINDOW_LIMIT), dbKilled)
                .forEach((k, v) -> outside.merge(k, v, Integer::sum));
        recorder.failuresBetween(dbKilled.plus(WINDOW_LIMIT), end.plusSeconds(600))
                .forEach((k, v) -> outside.merge(k, v, Integer::sum));
        return outside;
    }

    private void restWriter(
            Api api,
            String token,
            List<UUID> children,
            int writer,
            Set<UUID> acknowledged,
            AtomicInteger unanswered,
            AtomicBoolean running) {
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
            visit.put("notes", "入户走访（故障切换测试）");
            long begin = System.nanoTime();
            try {
                Api.Response r = api.post("/api/v1/services", visit, token);
                recorder.record("rest", begin, r.status());
                if (r.status() == 201) {
                    acknowledged.add(UUID.fromString(r.body().get("id").asString()));
                } else if (r.status() >= 500) {
                    unanswered.incrementAndGet();
                } else {
                    throw new AssertionError("the server refused a visit: " + r.status() + " "
                            + r.raw().body());
                }
            } catch (IllegalStateException noAnswer) {
                recorder.record("rest", begin, 0);
                unanswered.incrementAndGet();
            }
            pause(100);
        }
    }

    private void webReader(AtomicBoolean running) {
        WebSession web = new WebSession(PORT, null);
        boolean loggedIn = false;
        while (running.get()) {
            long begin = System.nanoTime();
            try {
                if (!loggedIn) {
                    WebSession.Page login = web.login(DemoUsers.STATION_GUYANG, Api.PASSWORD);
                    recorder.record("web", begin, login.status());
                    loggedIn = login.status() == 302
                            && login.location() != null
                            && !login.location().contains("/login");
                    begin = System.nanoTime();
                }
                WebSession.Page page = web.get("/worklist");
                recorder.record("web", begin, page.status());
                if (page.status() == 302) {
                    // the session lived in the killed instance's memory: log in again
                    loggedIn = false;
                } else if (page.status() < 500) {
                    assertThat(page.status()).as("the worklist page").isEqualTo(200);
                }
            } catch (IllegalStateException noAnswer) {
                recorder.record("web", begin, 0);
            } catch (AssertionError noCsrfToken) {
                // the login form itself did not arrive (a 5xx while an instance goes away)
                recorder.record("web", begin, 503);
                loggedIn = false;
            }
            pause(200);
        }
    }

    private void deviceWriter(Device device, AtomicBoolean running) {
        while (running.get()) {
            for (int i = 0; i < 3; i++) {
                UUID child = device.children.get(device.n++ % device.children.size());
                device.queued.add(device.client
                        .edits()
                        .logVisit(new VisitLog(
                                child, "HOME_VISIT", Instant.now().minusSeconds(120), 20, "村里走访（故障切换测试）", null)));
            }
            try {
                device.client.sync();
            } catch (RuntimeException noAnswer) {
                // the queue keeps everything not acknowledged; the next round sends it again
            }
            pause(500);
        }
    }

    private static void syncUntilEmpty(Device device) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                if (device.client.sync().pending() == 0 && attempt > 0) {
                    break;
                }
            } catch (RuntimeException e) {
                pause(1000);
            }
        }
        assertThat(device.client.store().outbox().size())
                .as("device %d's queue after the failover", device.number)
                .isZero();
    }

    /** After a quiet sync the device holds what the server holds, scope by scope. */
    private static void assertConverged(Device device) {
        JsonNode request = device.transport.lastRequest();
        JsonNode answer = device.transport.lastAnswer();
        assertThat(answer).as("device %d: a last good answer", device.number).isNotNull();
        assertThat(answer.path("more").asBoolean()).isFalse();
        assertThat(answer.path("resync"))
                .as("device %d: nothing to resync", device.number)
                .isEmpty();
        JsonNode mine = request.path("checksums");
        assertThat(mine.isEmpty()).as("device %d sent checksums", device.number).isFalse();
        mine.properties()
                .forEach(e -> assertThat(e.getValue().asString())
                        .as("device %d: checksum of scope %s", device.number, e.getKey())
                        .isEqualTo(answer.path("checksums").path(e.getKey()).asString()));
    }

    private Device device(Path work, int number, String user, List<UUID> children) {
        Path file = work.resolve("device-" + number + "-" + System.currentTimeMillis() + ".db");
        RecordingTransport transport = new RecordingTransport(
                new HttpSyncTransport(URI.create("http://localhost:" + PORT), Duration.ofSeconds(20), "zh-CN"),
                recorder);
        SyncClient client = SyncClient.open(new SyncClient.Config()
                .database(file)
                .server(URI.create("http://localhost:" + PORT))
                .transport(transport)
                .retry(
                        new RetryPolicy(2, Duration.ofMillis(300), Duration.ofSeconds(1), 2.0, 0.5),
                        Sleeper.REAL,
                        Math::random));
        client.register(user, Api.PASSWORD, "failover-" + number);
        client.sync();
        return new Device(number, client, transport, children);
    }

    private static final class Device {
        final int number;
        final SyncClient client;
        final RecordingTransport transport;
        final List<UUID> children;
        final Set<UUID> queued = ConcurrentHashMap.newKeySet();
        int n;

        Device(int number, SyncClient client, RecordingTransport transport, List<UUID> children) {
            this.number = number;
            this.client = client;
            this.transport = transport;
            this.children = children;
        }
    }

    private static List<UUID> children(Api api, String village) {
        Registry registry = new Registry(api);
        List<UUID> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            children.add(registry.registerId(
                    DemoUsers.STATION_GUYANG, aLeftBehindChild().inVillage(village)));
        }
        return children;
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

    private static void run(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command).isTrue();
        assertThat(process.exitValue()).as(command).isZero();
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration seconds(String property, int fallback) {
        return Duration.ofSeconds(Integer.getInteger(property, fallback));
    }
}
