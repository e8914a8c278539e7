package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The registry's category rules hold for registrations made offline too: they come back for correction. */
class SyncRegistryRulesIT extends ApiTest {

    @LocalServerPort
    int port;

    SyncHttp http;

    @BeforeAll
    void client() {
        http = new SyncHttp(port);
    }

    @Test
    void aLeftBehindChildWithBothParentsAtHomeIsRefusedWithTheDefinition() {
        UserBuilder user = UserBuilder.aVillageChildDirector().in(Villages.LVTANG);
        registry.createUser(user);
        TestDevice device = new TestDevice(http, user.username()).register(user.password());
        device.syncToEnd(1000);
        Map<String, Object> register = new LinkedHashMap<>();
        register.put("fullName", aLeftBehindChild().fullName());
        register.put("sex", "FEMALE");
        register.put("birthDate", "2016-05-01");
        register.put("residenceRegionCode", Villages.LVTANG);
        register.put("noIdReason", "户口未登记");
        register.put("guardianName", "王秀兰");
        register.put("guardianRelation", "母亲");
        register.put("fatherStatus", "AT_HOME");
        register.put("motherStatus", "AT_HOME");
        register.put("category", "LEFT_BEHIND_CHILD");

        SyncHttp.Reply r =
                device.sync(List.of(device.mutation("REGISTER_CHILD", UUID.randomUUID(), register)), null, false);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode result = r.body().get("results").get(0);
        assertThat(result.get("status").asString()).as(r.text()).isEqualTo("REJECTED");
        assertThat(r.text()).contains("client.category.leftBehindDefinition");
        assertThat(r.text()).contains("留守儿童的定义");
    }
}
