package org.casework.it.m;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.casework.it.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The offline app's files and settings over HTTP: public, nothing personal, the sync API still closed. */
@IntegrationTest
class OfflineAppIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theShellIsPublicWithoutTheStationLogin() {
        HttpResponse<String> bare = get("/m");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/m/");

        HttpResponse<String> shell = get("/m/");
        assertThat(shell.statusCode()).isEqualTo(200);
        assertThat(shell.body()).contains("manifest.webmanifest").contains("js/app.js");
        assertThat(shell.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'");

        HttpResponse<String> manifest = get("/m/manifest.webmanifest");
        assertThat(manifest.statusCode()).isEqualTo(200);
        JsonNode m = JSON.readTree(manifest.body());
        assertThat(m.get("start_url").asString()).isEqualTo("/m/");
        assertThat(m.get("scope").asString()).isEqualTo("/m/");
        assertThat(m.get("display").asString()).isEqualTo("standalone");
        for (JsonNode icon : m.get("icons")) {
            assertThat(get(icon.get("src").asString()).statusCode()).isEqualTo(200);
        }

        // the station pages stay behind the login
        HttpResponse<String> queue = get("/flags");
        assertThat(queue.statusCode()).isEqualTo(302);
        assertThat(queue.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void theServiceWorkerIsRevalidatedOnEveryLoad() {
        HttpResponse<String> sw = get("/m/sw.js");
        assertThat(sw.statusCode()).isEqualTo(200);
        assertThat(sw.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(sw.headers().allValues("Cache-Control")).containsExactly("no-cache");
        // the cache name is the shell's content hash, set when the script is served
        assertThat(sw.body()).containsPattern("const VERSION = 'casework-m-[0-9a-f]{12}';");
        assertThat(sw.body()).doesNotContain("@SHELL_VERSION@").doesNotContain("casework-m-v1");
    }

    @Test
    void settingsHoldTheOfflineLoginPeriodAndTheEmergencyNumbersAndNothingPersonal() {
        HttpResponse<String> r = get("/m/config.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode config = JSON.readTree(r.body());
        assertThat(config.get("offlineLoginDays").asInt()).isEqualTo(14);
        List<String> numbers = new ArrayList<>();
        config.get("emergencyNumbers").forEach(n -> numbers.add(n.get("number").asString()));
        assertThat(numbers).containsExactly("110", "12355");
        List<String> keys = new ArrayList<>();
        config.propertyNames().forEach(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("offlineLoginDays", "emergencyNumbers", "visitIntervals");
        // the county's visit intervals, so a visit saved offline moves the next visit on the phone
        JsonNode intervals = config.get("visitIntervals");
        assertThat(intervals.get("RED").asString()).isEqualTo("P7D");
        assertThat(intervals.get("YELLOW").asString()).isEqualTo("P1M");
        assertThat(intervals.get("GREEN").asString()).isEqualTo("P3M");
        assertThat(intervals.get("MONTHLY").asString()).isEqualTo("P1M");
    }

    @Test
    void textComesFromTheBundlesInChineseByDefaultAndEnglish() {
        JsonNode zh = JSON.readTree(get("/m/i18n/zh-CN.json").body());
        JsonNode en = JSON.readTree(get("/m/i18n/en.json").body());
        assertThat(zh.get("m.app.name").asString()).isEqualTo("社工站·村级");
        assertThat(en.get("m.app.name").asString()).isEqualTo("Village social work");
        assertThat(zh.get("m.flag.police.title").asString()).contains("110");
        assertThat(en.get("m.flag.police.title").asString()).contains("110");
        List<String> zhKeys = new ArrayList<>();
        zh.propertyNames().forEach(zhKeys::add);
        List<String> enKeys = new ArrayList<>();
        en.propertyNames().forEach(enKeys::add);
        // only the app's keys, none of the station's other text
        assertThat(zhKeys).allMatch(k -> k.startsWith("m.")).hasSizeGreaterThan(100);
        assertThat(enKeys).containsExactlyInAnyOrderElementsOf(zhKeys);
        // every English text is translated (none falls back to Chinese)
        en.properties()
                .forEach(e ->
                        assertThat(e.getValue().asString()).as(e.getKey()).doesNotContainPattern("[\\u4e00-\\u9fff]"));
        // an unknown language gets Chinese
        assertThat(JSON.readTree(get("/m/i18n/fr.json").body())
                        .get("m.app.name")
                        .asString())
                .isEqualTo("社工站·村级");
    }

    @Test
    void theSyncApiStillNeedsADeviceToken() {
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sync/v1/sync"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"mutations\":[]}")));
        assertThat(r.statusCode()).isEqualTo(401);
    }
}
