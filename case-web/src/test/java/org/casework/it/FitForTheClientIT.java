package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Over real HTTP: what the station is offered fits the person — instruments and registry categories
 * by age and sex — and the server refuses what does not fit whatever the form sent, in Chinese. The
 * triage form marks each part with the outcomes it belongs to (shown progressively by triage.js).
 */
class FitForTheClientIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;

    @LocalServerPort
    int port;

    @Test
    void aChildIsNotOfferedElderlyInstrumentsAndTheServerRefusesOne() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild());

        String page = session().get("/clients/" + child).body();
        assertThat(page).contains("value=\"child-protection\"").doesNotContain("value=\"elderly-ability-gbt42195\"");
        assertThat(page).doesNotContain("<option value=\"ELDERLY\"", "<option value=\"LEFT_BEHIND_WOMAN\"");

        Response refused = api.post(
                "/api/v1/assessments",
                Map.of("clientId", child.toString(), "instrumentCode", "elderly-ability-gbt42195"),
                token(WORKER));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asString()).contains("老年人能力评估只用于60周岁及以上的老年人");
        assertThat(api.post(
                                "/api/v1/assessments",
                                Map.of("clientId", child.toString(), "instrumentCode", "child-protection"),
                                token(WORKER))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aNewChildAssessmentStartsWithWhatTheRegistryAndTheFlagsSay() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild());
        Response raised = api.post(
                "/api/v1/flags",
                Map.of("clientId", child.toString(), "type", "SCHOOL_DROPOUT", "description", "开学两周没去上学"),
                token(DemoUsers.DIRECTOR_RENZHUANG));
        assertThat(raised.status()).as(raised.raw().body()).isEqualTo(201);

        Response started = api.post(
                "/api/v1/assessments",
                Map.of("clientId", child.toString(), "instrumentCode", "child-protection"),
                token(WORKER));

        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        JsonNode answers = started.body().get("answers");
        assertThat(answers.get("parents_away").asBoolean())
                .as("both parents away, as registered")
                .isTrue();
        assertThat(answers.get("school_dropout").asBoolean())
                .as("as the flag reported")
                .isTrue();
        assertThat(answers.has("lives_alone"))
                .as("nothing is answered on a silent record")
                .isFalse();
        assertThat(started.body().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void theTriageFormShowsPartsPerOutcomeAndOnlyChildrensCategories() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild());
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", child.toString());
        body.put("type", "SCHOOL_DROPOUT");
        body.put("description", "开学两周没去上学");
        Response raised = api.post("/api/v1/flags", body, token(DemoUsers.DIRECTOR_RENZHUANG));
        assertThat(raised.status()).as(raised.raw().body()).isEqualTo(201);
        JsonNode flag = raised.body();

        String page = session().get("/flags/" + flag.get("id").asString()).body();
        assertThat(page)
                .contains("data-when=\"LINKED_TO_CASE\"", "data-when=\"REGISTERED\"", "/js/triage.js")
                .contains("<option value=\"CHILD_IN_DIFFICULTY\"")
                .doesNotContain("<option value=\"ELDERLY\"", "value=\"ADVANCED_AGE\"");

        Response refused = api.post(
                "/api/v1/flags/" + flag.get("id").asString() + "/triage",
                Map.of(
                        "outcome",
                        "REGISTERED",
                        "clientId",
                        child.toString(),
                        "category",
                        "ELDERLY",
                        "categorySubType",
                        "LIVING_ALONE"),
                token(WORKER),
                "\"" + flag.get("version").asLong() + "\"");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asString()).contains("不适用于这名儿童");
    }

    private WebSession session() {
        WebSession session = new WebSession(port, Api.someAddress());
        assertThat(session.login(WORKER, Api.PASSWORD).location()).doesNotContain("error");
        return session;
    }
}
