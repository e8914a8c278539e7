package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.anElderlyPersonLivingAlone;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Profile edits of a risk-like field over HTTP (protocol §2.1): an elderly person's living
 * arrangement, where living alone is the raise. Without a concurrent change a device may lower it;
 * concurrent changes of equal urgency clash; a raise beats a concurrent clear from either side,
 * with no conflict to resolve.
 */
class RiskLikeEditsIT extends ApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    SyncHttp http;

    @BeforeAll
    void client() {
        http = new SyncHttp(port);
    }

    @Test
    void livingAloneIsARaiseThatAConcurrentClearNeverErases() {
        UUID elder = registry.registerId(
                "station-guyang", anElderlyPersonLivingAlone().inVillage(Villages.LVTANG));
        TestDevice one = newDirector();
        TestDevice two = newDirector();
        one.syncToEnd(1000);
        two.syncToEnd(1000);
        assertThat(living(one, elder)).isEqualTo("ALONE");

        // No concurrent change: lowering is an ordinary edit.
        assertThat(edit(two, elder, "ALONE", "WITH_CHILDREN")).isEqualTo("APPLIED");
        // The other phone still started from ALONE and chose another value of the same urgency.
        assertThat(edit(one, elder, "ALONE", "WITH_SPOUSE")).isEqualTo("CONFLICT");
        assertThat(conflictsOnLiving(elder)).isEqualTo(1);
        assertThat(living(one, elder)).isEqualTo("WITH_CHILDREN");

        one.syncToEnd(1000);
        two.syncToEnd(1000);
        assertThat(edit(one, elder, "WITH_CHILDREN", "WITH_SPOUSE")).isEqualTo("APPLIED");
        // Phone two did not see that and raises to ALONE: the raise wins, nothing to resolve.
        assertThat(edit(two, elder, "WITH_CHILDREN", "ALONE")).isEqualTo("APPLIED");
        assertThat(living(two, elder)).isEqualTo("ALONE");
        // Phone one, still at WITH_SPOUSE, lowers again: the server's raise stands, no conflict.
        assertThat(edit(one, elder, "WITH_SPOUSE", "WITH_CHILDREN")).isEqualTo("APPLIED");
        assertThat(living(one, elder)).isEqualTo("ALONE");
        assertThat(conflictsOnLiving(elder)).isEqualTo(1);
    }

    private TestDevice newDirector() {
        UserBuilder user = UserBuilder.aVillageChildDirector().in(Villages.LVTANG);
        registry.createUser(user);
        return new TestDevice(http, user.username()).register(user.password());
    }

    /** Sends one EDIT_PROFILE of {@code living} and returns its result's status. */
    private static String edit(TestDevice device, UUID client, String before, String value) {
        Map<String, Object> m = device.mutation("EDIT_PROFILE", client, Map.of("living", value));
        Map<String, Object> was = new HashMap<>();
        was.put("living", before);
        m.put("before", was);
        SyncHttp.Reply r = device.sync(List.of(m), null, false);
        JsonNode result = r.body().get("results").get(0);
        return result.get("status").asString();
    }

    private static String living(TestDevice device, UUID client) {
        return String.valueOf(device.records.get("client:" + client).f().get("living"))
                .replace("\"", "");
    }

    private int conflictsOnLiving(UUID client) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM sync_issue WHERE kind = 'CONFLICT' AND field_name = 'living' AND client_id = ?",
                Integer.class,
                SyncIT.uuidBytes(client));
    }
}
