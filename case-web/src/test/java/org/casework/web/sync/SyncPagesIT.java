package org.casework.web.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.AccountUserDetailsService;
import org.casework.it.Api;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.Registry;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.casework.web.support.StationPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The station's pages for offline sync: resolve a profile conflict, revoke a lost phone. */
@IntegrationTest
@AutoConfigureMockMvc
class SyncPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountUserDetailsService users;

    Api api;
    Registry registry;
    StationPages pages;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        registry = new Registry(api);
        pages = new StationPages(mvc, users);
    }

    /** Registers a device for a new director of 吕堂村 (吕芳); returns [deviceId, accessToken, username]. */
    private String[] device() {
        UserBuilder user =
                UserBuilder.aVillageChildDirector().in(Villages.LVTANG).displayed("吕堂村儿童主任 吕芳");
        registry.createUser(user);
        Api.Response r = api.post(
                "/api/sync/v1/devices",
                Map.of("username", user.username(), "password", user.password(), "deviceName", "手机"),
                null);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return new String[] {
            r.body().get("deviceId").asString(), r.body().get("accessToken").asString(), user.username()
        };
    }

    private JsonNode edit(String token, UUID client, long counter, String school, String schoolBefore) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", UUID.randomUUID().toString());
        m.put("counter", counter);
        m.put("type", "EDIT_PROFILE");
        m.put("entityId", client.toString());
        m.put("fields", Map.of("school", school));
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("school", schoolBefore);
        m.put("before", before);
        Api.Response r = api.post("/api/sync/v1/sync", Map.of("mutations", List.of(m)), token);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.body().get("results").get(0);
    }

    @Test
    void aConflictShowsBothValuesWhoAndWhenAndTheStationTakesTheDeviceValue() throws Exception {
        UUID child = registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.LVTANG));
        String[] one = device();
        String[] two = device();
        JsonNode school = api.get("/api/v1/clients/" + child, api.tokenFor("station-guyang"))
                .body()
                .get("child")
                .get("school");
        String before = school == null || school.isNull() ? null : school.asString();
        assertThat(edit(two[1], child, 1, "城关小学", before).get("status").asString())
                .isEqualTo("APPLIED");
        assertThat(edit(one[1], child, 1, "固阳一小", before).get("status").asString())
                .isEqualTo("CONFLICT");

        mvc.perform(get("/").with(pages.as("station-guyang")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/sync/conflicts\"")));
        String page = mvc.perform(get("/sync/conflicts").with(pages.as("station-guyang")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // who sent it from the phone: by name, not by login
        assertThat(page).contains("城关小学", "固阳一小", "吕堂村儿童主任 吕芳").doesNotContain(one[2]);
        int at = page.indexOf("固阳一小");
        String form = page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
        String id = form.replaceAll("(?s).*?/sync/conflicts/([0-9a-f-]{36})/resolve.*", "$1");

        // Outside the area: not found; a village director has no access to the station's page.
        mvc.perform(post("/sync/conflicts/{id}/resolve", id)
                        .param("resolution", "TAKE_DEVICE")
                        .with(csrf())
                        .with(pages.as("station-nanzhang")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/sync/conflicts/{id}/resolve", id)
                        .param("resolution", "TAKE_DEVICE")
                        .with(csrf())
                        .with(pages.as("station-guyang")))
                .andExpect(status().is3xxRedirection());
        JsonNode client = api.get("/api/v1/clients/" + child, api.tokenFor("station-guyang"))
                .body();
        assertThat(client.get("child").get("school").asString()).isEqualTo("固阳一小");
        String after = mvc.perform(get("/sync/conflicts").with(pages.as("station-guyang")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after).doesNotContain("/sync/conflicts/" + id + "/resolve");
    }

    @Test
    void aSupervisorRevokesALostPhoneFromTheDevicesPage() throws Exception {
        String[] device = device();
        String page = mvc.perform(get("/devices").with(pages.as("head-guyang")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the list names the owner as people know them, not by login
        assertThat(page).contains("吕堂村儿童主任 吕芳", "/devices/" + device[0] + "/revoke");
        assertThat(page).doesNotContain(">" + device[2] + "<");
        assertThat(page).as("the header leads supervisors here").contains("href=\"/devices\"");
        mvc.perform(post("/devices/{id}/revoke", device[0])
                        .param("reason", "手机丢失")
                        .with(csrf())
                        .with(pages.as("head-guyang")))
                .andExpect(status().is3xxRedirection());
        Api.Response refused = api.post("/api/sync/v1/sync", Map.of(), device[1]);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("code").asString()).isEqualTo("device.revoked");
        assertThat(refused.body().get("wipe").asBoolean()).isTrue();
    }
}
