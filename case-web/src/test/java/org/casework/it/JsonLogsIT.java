package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.it.fixtures.ClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code json-logs} profile: the packaged jar, started as its own process (so nothing else of
 * the test JVM writes to its output), writes one JSON object per line (ECS) with the service's
 * name and the project's version, and no ID or phone number even while a client with both is
 * registered and refused. Always on an in-memory H2: the log format does not depend on the database.
 */
class JsonLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    /** An 18-character resident ID number, or a mainland mobile number, anywhere in a line. */
    private static final Pattern PERSONAL_NUMBER = Pattern.compile("(?<!\\d)(\\d{17}[\\dXx]|1[3-9]\\d{9})(?!\\d)");

    @TempDir
    static Path work;

    private static Process server;
    private static final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private static int port;

    @BeforeAll
    static void startThePackagedServer() throws Exception {
        String jar = System.getProperty("casework.jar");
        assertThat(jar).as("the packaged jar (failsafe sets casework.jar)").isNotNull();
        assertThat(new File(jar)).exists();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(
                        javaBin,
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar,
                        "--spring.profiles.active=json-logs",
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:json-logs-" + UUID.randomUUID()
                                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                        "--casework.security.bcrypt-strength=4")
                .directory(work.toFile())
                .redirectError(work.resolve("stderr.txt").toFile())
                .start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        await("server start")
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(250))
                .failFast("the server exited", () -> !server.isAlive())
                .until(() -> port() > 0 && logged("Started CaseworkApplication"));
        port = port();
        // the demo county is seeded after the start: ready means seeded (README, health probes)
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .build();
        await("server ready")
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> http.send(readiness, HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200);
    }

    /** The port Tomcat logged, or 0 before it did. */
    private static int port() {
        synchronized (lines) {
            for (String line : lines) {
                Matcher m = PORT.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return 0;
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static boolean logged(String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }

    @Test
    void everyLineIsJsonWithTheServiceAndVersionAndNoPersonalNumber() throws Exception {
        Api api = new Api(port);
        String idNumber = "410225201603011238";
        String phone = "13912345678";
        Api.Response login = api.login("station-guyang", Api.PASSWORD);
        assertThat(login.status()).as(login.raw().body()).isEqualTo(200);
        String token = login.body().get("token").asString();
        ClientBuilder child =
                ClientBuilder.aLeftBehindChild().withIdNumber(idNumber).withPhone(phone);
        Api.Response registered = api.post("/api/v1/clients", child.build(), token);
        Api.Response refused = api.post(
                "/api/v1/clients",
                ClientBuilder.aLeftBehindChild()
                        .withIdNumber("41022520160301123")
                        .withPhone("139123")
                        .build(),
                token);
        assertThat(api.login("station-guyang", "not-the-password").status()).isEqualTo(401);
        assertThat(registered.status() + refused.status())
                .as("both requests were answered")
                .isPositive();
        // the requests' log lines are written asynchronously to the answers: wait until the output is quiet
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger(-1);
        await("the server's output quiet")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ofMillis(500))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> lines.size() == seen.getAndSet(lines.size()));

        List<String> captured;
        synchronized (lines) {
            captured = List.copyOf(lines);
        }
        assertThat(captured).as("lines written").hasSizeGreaterThan(10);
        String expectedVersion = System.getProperty("casework.project.version");
        assertThat(expectedVersion).isNotBlank().doesNotContain("@");
        for (String line : captured) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.path("service").path("name").asString()).as(line).isEqualTo("casework");
            assertThat(entry.path("service").path("version").asString())
                    .as(line)
                    .isEqualTo(expectedVersion);
            assertThat(entry.path("@timestamp").asString()).as(line).isNotBlank();
            assertThat(entry.path("log").path("level").asString()).as(line).isNotBlank();
            assertThat(PERSONAL_NUMBER.matcher(line).find())
                    .as("a personal number in %s", line)
                    .isFalse();
        }
        assertThat(captured).noneMatch(l -> l.contains(idNumber) || l.contains(phone) || l.contains("139123"));
    }
}
