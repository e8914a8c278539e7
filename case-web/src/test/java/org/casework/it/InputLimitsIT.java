package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.ClientBuilder.aPerson;
import static org.casework.it.fixtures.DemoUsers.ADMIN;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;
import static org.casework.it.fixtures.Villages.RENZHUANG;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.UserBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Bad input gets a 400 problem that names the field and the limit, in the caller's language, before
 * anything is stored; and the value never reaches the log. (An address of 301 characters was a 409
 * "refresh and retry", and the server log quoted it, phone and ID digits included.)
 */
@ExtendWith(OutputCaptureExtension.class)
class InputLimitsIT extends ApiTest {

    /** Digits a log must never show: a phone and an ID number someone typed into an address. */
    private static final String SECRET_DIGITS = "13987654321 410225201001011234";

    private UUID client;

    @BeforeAll
    void aClient() {
        client = registry.registerId(STATION_GUYANG, aLeftBehindChild());
    }

    @Test
    void anAddressOfThreeHundredAndOneCharactersIsRefusedNamingFieldAndLimitAndIsNotLogged(CapturedOutput log) {
        String address = SECRET_DIGITS + "村".repeat(301 - SECRET_DIGITS.length());
        ClientBuilder person = aPerson().livingAt(address);

        Response zh = api.postRaw("/api/v1/clients", Api.json(person.build()), token(STATION_GUYANG), "zh-CN");
        Response en = api.postRaw("/api/v1/clients", Api.json(person.build()), token(STATION_GUYANG), "en");

        assertThat(zh.status()).as(zh.raw().body()).isEqualTo(400);
        assertThat(zh.header("Content-Type")).startsWith("application/problem+json");
        assertThat(field(zh)).isEqualTo("address");
        assertThat(message(zh)).contains("300");
        assertThat(message(en)).contains("at most 300 characters");
        assertThat(zh.body().get("code").asString()).isEqualTo("error.text.tooLong");
        assertThat(zh.raw().body()).doesNotContain("13987654321");
        assertThat(log.getAll()).doesNotContain("13987654321").doesNotContain("410225201001011234");
        assertThat(allItems("/api/v1/clients?q=" + person.fullName(), token(STATION_GUYANG)))
                .isEmpty();
    }

    @Test
    void everyTextIsCheckedAgainstItsLimitBeforeAnythingIsStored() {
        String station = token(STATION_GUYANG);
        Map<String, Object> household = new HashMap<>();
        household.put("name", "测试户");
        household.put("regionCode", RENZHUANG);
        household.put("address", "路".repeat(301));
        assertRefused(api.post("/api/v1/households", household, station), "address", "300");

        assertRefused(
                api.post("/api/v1/clients/" + client + "/reveal", Map.of("reason", "核".repeat(201)), station),
                "reason",
                "200");
        assertRefused(
                api.post(
                        "/api/v1/cases",
                        Map.of("clientId", client, "source", "OUTREACH", "reason", "因".repeat(1001)),
                        station),
                "reason",
                "1000");
        JsonNode child = aLeftBehindChildWithSchool("学".repeat(101));
        assertRefused(api.post("/api/v1/clients", child, station), "school", "100");
        Map<String, Object> organisation = new HashMap<>();
        organisation.put("type", "PARTNER_DEPARTMENT");
        organisation.put("name", "局".repeat(201));
        organisation.put("regionCode", "410225");
        organisation.put("department", "EDUCATION");
        assertRefused(api.post("/api/v1/organisations", organisation, token(ADMIN)), "name", "200");
        // bcrypt reads 72 bytes: a longer password was a 500
        Response password = api.post(
                "/api/v1/users",
                UserBuilder.aStationWorker().withPassword("长密码".repeat(10)).build(),
                token(ADMIN));
        assertThat(password.status()).as(password.raw().body()).isEqualTo(400);
        assertThat(password.body().get("code").asString()).isEqualTo("account.password.tooLong");
        // an official file with a name longer than any real one: the row is named, nothing imported
        Response file = api.multipart(
                "/api/v1/regions/import",
                "villages.csv",
                ("code,name,streetCode,provinceCode,cityCode,areaCode\n410225101799,\"" + "村".repeat(101)
                                + "\",410225101,41,4102,410225\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token(ADMIN));
        assertThat(file.status()).as(file.raw().body()).isEqualTo(400);
        assertThat(file.body().get("code").asString()).isEqualTo("region.import.badRow");
        assertThat(api.get("/api/v1/regions/410225101799", token(ADMIN)).status())
                .isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"空\u0000字符", "方向\u202E覆盖", "隔离\u2066符", "换行\n地址"})
    void controlCharactersInATextAreRefused(String address) {
        Response r = api.post("/api/v1/clients", aPerson().livingAt(address).build(), token(STATION_GUYANG));

        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        assertThat(r.body().get("code").asString()).isEqualTo("error.text.controlCharacters");
        assertThat(field(r)).isEqualTo("address");
    }

    @Test
    void lineBreaksStayAllowedInMultiLineTexts() {
        Response r =
                api.post("/api/v1/clients/" + client + "/reveal", Map.of("reason", "核实\n监护人电话"), token(STATION_GUYANG));

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"size=-1", "size=0", "size=201", "size=100000", "page=-1", "page=2147483647"})
    void pageSizesAndNumbersOutOfRangeAreRefusedNotClamped(String query) {
        for (String list : List.of("/api/v1/clients", "/api/v1/users", "/api/v1/flags", "/api/v1/audit/reveals")) {
            String user = list.equals("/api/v1/users") ? ADMIN : STATION_GUYANG;
            Response r = api.get(list + "?" + query, token(user), "en");

            assertThat(r.status()).as("%s?%s: %s", list, query, r.raw().body()).isEqualTo(400);
            assertThat(field(r)).isEqualTo(query.substring(0, query.indexOf('=')));
            assertThat(message(r)).containsAnyOf("between 1 and 200", "between 0 and 1000000");
        }
        assertThat(api.get("/api/v1/clients?size=200", token(STATION_GUYANG)).status())
                .isEqualTo(200);
    }

    private JsonNode aLeftBehindChildWithSchool(String school) {
        JsonNode body = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .valueToTree(aLeftBehindChild().build());
        ((tools.jackson.databind.node.ObjectNode) body.get("child")).put("school", school);
        return body;
    }

    private static void assertRefused(Response r, String field, String limit) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(field(r)).isEqualTo(field);
        assertThat(message(r)).contains(limit);
    }

    private static String field(Response r) {
        return r.body().get("errors").get(0).get("field").asString();
    }

    private static String message(Response r) {
        return r.body().get("errors").get(0).get("message").asString();
    }
}
