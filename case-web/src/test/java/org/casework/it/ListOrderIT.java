package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.DemoUsers.COUNTY_SUPERVISOR;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;
import static org.casework.it.fixtures.HouseholdBuilder.aHousehold;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.casework.it.fixtures.Villages;
import org.casework.web.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Lists in the order of a paper register: households and clients by pinyin (安 an, 王 wang, 张 zhang;
 * by code point 张 would come before 王), and the flags list naming the township for county users.
 */
class ListOrderIT extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void householdsAreListedByPinyin() {
        String token = TestPeople.uniqueName().substring(1);
        for (String surname : new String[] {"张", "安", "王"}) {
            registry.createHousehold(
                    STATION_GUYANG, aHousehold().named(surname + token + "户").inVillage(Villages.RENZHUANG));
        }
        List<JsonNode> found = allItems("/api/v1/households?name=" + enc(token), token(STATION_GUYANG));
        assertThat(texts(found, "name")).containsExactly("安" + token + "户", "王" + token + "户", "张" + token + "户");

        WebSession session = session(STATION_GUYANG);
        String page = session.get("/households?name=" + enc(token)).body();
        assertThat(page.indexOf("安" + token)).isPositive().isLessThan(page.indexOf("王" + token));
        assertThat(page.indexOf("王" + token)).isLessThan(page.indexOf("张" + token));
    }

    @Test
    void clientsAreListedByPinyin() {
        String given = TestPeople.uniqueName().substring(1);
        for (String surname : new String[] {"张", "安", "王"}) {
            registry.register(STATION_GUYANG, aLeftBehindChild().named(surname + given));
        }
        List<JsonNode> found = allItems("/api/v1/clients?q=" + enc(given), token(STATION_GUYANG));
        assertThat(texts(found, "fullName")).containsExactly("安" + given, "王" + given, "张" + given);
    }

    @Test
    void theFlagsListNamesTheTownshipForCountyUsers() {
        // the demo flags were raised in 任庄村 of 堌阳镇
        assertThat(session(COUNTY_SUPERVISOR).get("/flags?view=all").body()).contains("堌阳镇 任庄村");
        String station = session(HEAD_GUYANG).get("/flags?view=all").body();
        assertThat(station).contains("任庄村").doesNotContain("堌阳镇 任庄村");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private WebSession session(String username) {
        WebSession session = new WebSession(port, Api.someAddress());
        assertThat(session.login(username, Api.PASSWORD).location()).doesNotContain("error");
        return session;
    }
}
