package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.casework.sync.client.Checksums;
import org.casework.sync.client.StoredRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The offline web app's engine (static/m/js: crypto, encrypted IndexedDB store, sync, device) in
 * real headless Chromium: its unit tests against a fake server (pwa/unit-tests.js), then one
 * village director's phone against the real station server.
 */
@Tag("browser")
class PwaEngineBrowserTest extends ApiTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
        PwaModules.openOrigin(browser);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theEngineUnitTestsPassInTheBrowser() {
        // the same records through the Java client's checksum: both clients must agree byte for byte
        String javaChecksum = Checksums.of(List.of(
                record("visitType", "HOME_VISIT", 3L),
                record("client", "b0000000-0000-4000-8000-000000000002", 12L),
                record("client", "a0000000-0000-4000-8000-000000000001", 4L),
                record("client", "offline-no-version", null),
                record("region", "410225101201", 1L),
                record("client", "B0000000", 7L)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>)
                PwaModules.call(browser.driver(), "/pwa/unit-tests.js", "run", Map.of("javaChecksum", javaChecksum));
        results.forEach(r -> System.out.println((Boolean.TRUE.equals(r.get("ok")) ? "ok   " : "FAIL ")
                + r.get("name")
                + (r.get("error") == null ? "" : "\n" + r.get("error"))));
        assertThat(results).as("unit tests run").hasSizeGreaterThanOrEqualTo(19);
        assertThat(results)
                .filteredOn(r -> !Boolean.TRUE.equals(r.get("ok")))
                .as("failed unit tests")
                .isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewDirectorLogsInOnThePhoneAndHandsAVisitAndAFlagToTheServerExactlyOnce() {
        UserBuilder director = UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG);
        registry.createUser(director);
        UUID child =
                registry.registerId(DemoUsers.STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));

        String script = """
                const [username, password, childId, village, done] = arguments;
                (async () => {
                  const { openDevice } = await import(location.origin + '/m/js/device.js');
                  const d = await openDevice({ dbName: 'pwacore-real-' + Date.now(), language: 'zh-CN' });
                  await d.login(username, password, 'Chromium 测试机');
                  const children = d.records('client').map((r) => r.id);
                  const villages = [...new Set(d.records('client').map((r) => r.s))];
                  const hour = 3600 * 1000;
                  const visit = await d.logVisit({ clientId: childId, type: 'HOME_VISIT',
                    occurredAt: new Date(Date.now() - 2 * hour).toISOString(), durationMinutes: 30,
                    notes: '浏览器里记录的入户走访', observations: { mood: 'calm' } });
                  const flag = await d.raiseFlag({ clientId: childId, villageCode: village, type: 'LIVING_ALONE',
                    description: '孩子独自在家', observedAt: new Date(Date.now() - hour).toISOString(), observedPlace: '家中' });
                  const pendingBefore = d.status().pending;
                  const first = await d.sync();
                  const second = await d.sync();
                  return { children, villages, visit, flag, pendingBefore, first, second,
                    visitState: d.record('visit', visit).state, flagState: d.record('flag', flag).state,
                    flagTypes: d.records('flagType').length, status: d.status() };
                })().then(done, (e) => done({ error: e.code + ' ' + e.message + ' ' + e.stack }));
                """;
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) browser.driver()
                .executeAsyncScript(
                        script, director.username(), UserBuilder.PASSWORD, child.toString(), Villages.RENZHUANG);
        assertThat(out.get("error")).as("the phone's run").isNull();
        assertThat((List<Object>) out.get("children")).contains(child.toString());
        assertThat((List<Object>) out.get("villages")).containsExactly(Villages.RENZHUANG);
        assertThat(((Number) out.get("flagTypes")).intValue()).isPositive();
        assertThat(((Number) out.get("pendingBefore")).intValue()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) out.get("first");
        assertThat(((Number) first.get("requests")).intValue())
                .as("one round trip")
                .isEqualTo(1);
        assertThat(((Number) first.get("applied")).intValue()).isEqualTo(2);
        assertThat(((Number) first.get("pending")).intValue()).isZero();
        assertThat(out.get("visitState")).isEqualTo("SYNCED");
        assertThat(out.get("flagState")).isEqualTo("SYNCED");
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) out.get("status");
        assertThat(status.get("registered")).isEqualTo(true);
        assertThat(status.get("lastSyncAt")).isNotNull();

        String station = token(DemoUsers.STATION_GUYANG);
        List<JsonNode> visits = allItems("/api/v1/services?client=" + child, station);
        assertThat(texts(visits, "id")).as("the visit, once").containsExactly((String) out.get("visit"));
        JsonNode flag = api.get("/api/v1/flags/" + out.get("flag"), station).body();
        assertThat(flag.get("id").asString()).isEqualTo(out.get("flag"));
        List<String> queue = texts(allItems("/api/v1/flags?view=QUEUE", station), "id");
        assertThat(Collections.frequency(queue, (String) out.get("flag")))
                .as("the flag, once, in the station's queue")
                .isEqualTo(1);
    }

    private static StoredRecord record(String type, String id, Long version) {
        return new StoredRecord(type, id, Villages.RENZHUANG, version, null, null, null);
    }
}
