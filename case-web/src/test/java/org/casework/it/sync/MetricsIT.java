package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Prometheus endpoint over real HTTP: refused without the scrape account (anonymous, a wrong
 * password, a casework user's token), and with it shows the casework meters moving after a device
 * sync push, next to the standard HTTP and connection-pool meters.
 */
class MetricsIT extends ApiTest {

    /** The scrape account of the test profile (application-test.yml). */
    private static final String SCRAPE = "prometheus:test-scrape-password";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private SyncHttp sync;

    @BeforeAll
    void client() {
        sync = new SyncHttp(port);
    }

    @Test
    void anonymousAndWrongCredentialsAndCaseworkAccountsAreRefused() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape(basic("prometheus:wrong-password")).statusCode()).isEqualTo(401);
        assertThat(scrape(basic("admin:casework-demo")).statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer " + token("admin")).statusCode()).isEqualTo(401);
    }

    @Test
    void theCaseworkMetersMoveAfterASyncPush() throws Exception {
        String before = scraped();
        UserBuilder user = UserBuilder.aVillageChildDirector().in(Villages.LVTANG);
        registry.createUser(user);
        TestDevice device = new TestDevice(sync, user.username()).register(user.password());
        device.syncToEnd(1000);
        UUID child = UUID.randomUUID();
        Map<String, Object> register = new LinkedHashMap<>();
        register.put("fullName", "王小花");
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
        SyncHttp.Reply pushed = device.sync(
                List.of(
                        device.mutation("REGISTER_CHILD", child, register),
                        device.mutation("RAISE_FLAG", UUID.randomUUID(), raise)),
                null,
                false);
        assertThat(pushed.status()).as(pushed.text()).isEqualTo(200);

        String after = scraped();
        assertThat(value(after, "casework_sync_pushes_total"))
                .isGreaterThan(value(before, "casework_sync_pushes_total"));
        assertThat(value(after, "casework_sync_pulls_total")).isGreaterThan(value(before, "casework_sync_pulls_total"));
        assertThat(value(after, "casework_sync_mutations_total{status=\"applied\"}"))
                .isGreaterThanOrEqualTo(value(before, "casework_sync_mutations_total{status=\"applied\"}") + 2);
        assertThat(value(after, "casework_sync_payload_bytes_count{direction=\"received\"}"))
                .isGreaterThan(value(before, "casework_sync_payload_bytes_count{direction=\"received\"}"));
        assertThat(value(after, "casework_sync_payload_bytes_sum{direction=\"sent\"}"))
                .isGreaterThan(value(before, "casework_sync_payload_bytes_sum{direction=\"sent\"}"));
        assertThat(value(after, "casework_flags_untriaged_red")).isGreaterThanOrEqualTo(1);
        assertThat(after)
                .contains("casework_sync_mutations_total{status=\"conflict\"}")
                .contains("casework_sync_mutations_total{status=\"quarantined\"}")
                .contains("casework_escalations_total{kind=\"flag\",tier=\"station_head\"}")
                .contains("casework_escalations_total{kind=\"referral\"")
                .contains("casework_sms_total{outcome=\"sent\"}")
                .contains("casework_sms_total{outcome=\"failed\"}")
                .contains("http_server_requests_seconds_count")
                .contains("hikaricp_connections_active");
        // counts only: no person, phone or user name in any series
        assertThat(after).doesNotContain("13912345678").doesNotContain(user.username());
    }

    private String scraped() throws Exception {
        HttpResponse<String> response = scrape(basic(SCRAPE));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** The value of one series (name with its labels as printed), 0 when not printed yet. */
    private static double value(String scraped, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*})? ([0-9.Ee+-]+)$")
                .matcher(scraped);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
