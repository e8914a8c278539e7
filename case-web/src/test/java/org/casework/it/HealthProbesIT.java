package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.casework.core.accounts.UserAccountRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Liveness and readiness probes. The web server accepts connections before the startup work (the
 * demo county's seeding, any other runner) is done: readiness, and the overall health, must say so
 * until it is; liveness is UP as soon as the server answers. Migrations run before the server
 * listens at all, so no request can see a half-migrated database.
 */
@IntegrationTest
class HealthProbesIT extends ApiTest {

    /** Status codes seen by the runners, keyed by "runner path". */
    static final Map<String, Integer> DURING_STARTUP = new ConcurrentHashMap<>();

    @Autowired
    UserAccountRepository users;

    @Test
    void readinessIsOutOfServiceWhileStartupWorkRuns() {
        for (String runner : new String[] {"first", "last"}) {
            assertThat(DURING_STARTUP.get(runner + " /actuator/health/readiness"))
                    .as("readiness seen by the %s runner", runner)
                    .isEqualTo(503);
            assertThat(DURING_STARTUP.get(runner + " /actuator/health"))
                    .as("overall health seen by the %s runner", runner)
                    .isEqualTo(503);
            assertThat(DURING_STARTUP.get(runner + " /actuator/health/liveness"))
                    .as("liveness seen by the %s runner", runner)
                    .isEqualTo(200);
        }
    }

    @Test
    void readinessIsUpOnceTheDemoCountyIsSeeded() {
        Api.Response readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().get("status").asString()).isEqualTo("UP");
        assertThat(users.findByUsername("director-renzhuang")).isPresent();
    }

    @Test
    void livenessAndOverallHealthAreUp() {
        assertThat(api.get("/actuator/health/liveness", null)
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(api.get("/actuator/health", null).body().get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void probesShowNoDetailsToAnonymousCallers() {
        assertThat(api.get("/actuator/health/readiness", null).body().has("components"))
                .isFalse();
        assertThat(api.get("/actuator/health", null).body().has("components")).isFalse();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StartupProbes {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApplicationRunner probeFirst(WebServerApplicationContext context) {
            return args -> probe("first", context.getWebServer().getPort());
        }

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ApplicationRunner probeLast(WebServerApplicationContext context) {
            return args -> probe("last", context.getWebServer().getPort());
        }

        private static void probe(String runner, int port) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            for (String path :
                    new String[] {"/actuator/health/readiness", "/actuator/health/liveness", "/actuator/health"}) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                DURING_STARTUP.put(runner + " " + path, response.statusCode());
            }
        }
    }
}
