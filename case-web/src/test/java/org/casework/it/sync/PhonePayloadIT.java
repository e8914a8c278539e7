package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.casework.it.Api;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15's additions to the sync payload for the phone: the user's display name at registration,
 * the pinyin search keys of a client, and the latest visits to a child by anyone (date, type and
 * who - not the notes).
 */
class PhonePayloadIT extends ApiTest {

    @LocalServerPort
    int port;

    SyncHttp http;

    @BeforeAll
    void client() {
        http = new SyncHttp(port);
    }

    @Test
    void registrationNamesTheUserByTheirDisplayName() {
        UserBuilder user =
                UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG).displayed("任庄村儿童主任 李娜");
        registry.createUser(user);
        SyncHttp.Reply r = http.post(
                "/api/sync/v1/devices",
                Map.of("username", user.username(), "password", user.password(), "deviceName", "it", "platform", "pwa"),
                null,
                false);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.body().get("displayName").asString()).isEqualTo("任庄村儿童主任 李娜");
    }

    @Test
    void aChildCarriesItsPinyinKeysAndTheStationsRecentVisitsWithoutTheirNotes() {
        UserBuilder user = UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG);
        registry.createUser(user);
        UUID child = registry.registerId(
                DemoUsers.STATION_GUYANG,
                aLeftBehindChild().inVillage(Villages.RENZHUANG).named("张晓伟"));

        // the station's worker visits the child, with notes the phone must not receive
        String station = api.tokenFor(DemoUsers.STATION_GUYANG);
        Map<String, Object> visit = new HashMap<>();
        visit.put("clientId", child);
        visit.put("type", "PHONE_CALL");
        Instant at = Instant.now().minus(2, ChronoUnit.DAYS);
        visit.put("occurredAt", at.toString());
        visit.put("durationMinutes", 15);
        visit.put("notes", "站内记录：家庭矛盾");
        Api.Response posted = api.post("/api/v1/services", visit, station);
        assertThat(posted.status()).as(posted.raw().body()).isEqualTo(201);

        TestDevice device = new TestDevice(http, user.username()).register(user.password());
        device.syncToEnd(null);

        Map<String, Object> client = device.records.get("client:" + child).f();
        assertThat(client.get("pinyin")).isEqualTo("\"zhangxiaowei\"");
        assertThat(client.get("pinyinInitials")).isEqualTo("\"zxw\"");

        Map<String, Object> due = device.records.get("visitDue:" + child).f();
        String recent = String.valueOf(due.get("recentVisits"));
        assertThat(recent)
                .contains("\"type\":\"PHONE_CALL\"")
                .contains("\"on\":\""
                        + at.atZone(org.casework.core.shared.ChinaTime.ZONE).toLocalDate() + "\"")
                .contains("\"by\":");
        assertThat(recent).doesNotContain("家庭矛盾");
        // and the station's visit itself does not travel (only the director's own visits do)
        assertThat(device.received.toString()).doesNotContain("家庭矛盾");
    }
}
