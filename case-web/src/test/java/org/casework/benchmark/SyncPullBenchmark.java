package org.casework.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.security.ActorDetails;
import org.casework.it.Api;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.Registry;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.casework.sync.server.engine.SyncService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server time of a 500-change pull (protocol §5: p95 ≤ 100 ms): a device of a village director
 * is synced, 250 children are registered in its village (a client and a visit schedule change
 * each), then the same pull of those 500 changes is measured in-process (service time, no HTTP) —
 * plus, once over HTTP, the gzip bytes on the wire. Run: {@code ./mvnw verify -Pbenchmark -pl
 * case-web -am -Dtest=SyncPullBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; see docs/benchmarks.md.
 */
@Tag("benchmark")
@IntegrationTest
class SyncPullBenchmark {

    private static final int CHILDREN = Integer.getInteger("bench.sync.children", 250);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    SyncService sync;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    DataSource dataSource;

    @Test
    void pullOf500Changes() throws Exception {
        Api api = new Api(port);
        Registry registry = new Registry(api);
        UserBuilder user = UserBuilder.aVillageChildDirector().in(Villages.LVTANG);
        registry.createUser(user);
        Api.Response device = api.post(
                "/api/sync/v1/devices",
                Map.of("username", user.username(), "password", user.password(), "deviceName", "bench"),
                null);
        UUID deviceId = UUID.fromString(device.body().get("deviceId").asString());
        String token = device.body().get("accessToken").asString();
        String cursor = null;
        while (true) {
            Map<String, Object> body = cursor == null ? Map.of("limit", 1000) : Map.of("cursor", cursor, "limit", 1000);
            JsonNode r = api.post("/api/sync/v1/sync", body, token).body();
            cursor = r.get("cursor").asString();
            if (!r.get("more").asBoolean()) {
                break;
            }
        }
        for (int i = 0; i < CHILDREN; i++) {
            registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.LVTANG));
        }

        var account = accounts.findByUsername(user.username()).orElseThrow();
        ActorDetails details = new ActorDetails(account.toActor(), "", true, false);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        int changes = 0;
        List<Long> times = new ArrayList<>();
        try {
            for (int i = 0; i < 20 + RUNS; i++) {
                long start = System.nanoTime();
                SyncService.Outcome outcome = sync.sync(deviceId, cursor, List.of(), null, 500);
                long took = System.nanoTime() - start;
                changes = outcome.pull().changes().size();
                if (i >= 20) {
                    times.add(took);
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(changes).isEqualTo(2 * CHILDREN);

        String requestBody = JSON.writeValueAsString(Map.of("cursor", cursor, "limit", 500));
        var wire = new SyncWire(port).post(requestBody, token);
        Collections.sort(times);
        String database = dataSource.getConnection().getMetaData().getDatabaseProductName() + " "
                + dataSource.getConnection().getMetaData().getDatabaseProductVersion();
        String report = "Casework sync pull benchmark\n"
                + "database: " + database + "\n"
                + "hardware: " + Runtime.getRuntime().availableProcessors() + " cores, JVM heap max "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, Java " + System.getProperty("java.version")
                + "\n"
                + "pull of %d changes (%d new children + their visit schedules), %d runs: p50 %.2f ms  p95 %.2f ms  max %.2f ms%n"
                        .formatted(changes, CHILDREN, RUNS, ms(times, 0.50), ms(times, 0.95), ms(times, 1.0))
                + "same pull over HTTP: %d bytes JSON, %d bytes gzip on the wire, %.0f gzip bytes per change%n"
                        .formatted(wire[0], wire[1], wire[1] / (double) changes);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(
                Path.of("target", "benchmark-sync-" + database.split(" ")[0].toLowerCase() + ".txt"),
                report,
                StandardCharsets.UTF_8);
    }

    private static double ms(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000.0;
    }

    /** One gzip request/response, returning [plain JSON bytes, gzip bytes received]. */
    private record SyncWire(int port) {
        long[] post(String body, String token) throws IOException, InterruptedException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(body.getBytes(StandardCharsets.UTF_8));
            }
            var http = java.net.http.HttpClient.newHttpClient();
            var response = http.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://localhost:" + port + "/api/sync/v1/sync"))
                            .header("Content-Type", "application/json")
                            .header("Content-Encoding", "gzip")
                            .header("Accept-Encoding", "gzip")
                            .header("Authorization", "Bearer " + token)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            byte[] gz = response.body();
            byte[] plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes();
            return new long[] {plain.length, gz.length};
        }
    }
}
