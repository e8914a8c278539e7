package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Lifecycle details over HTTP: follow-ups in their windows, documented enum parameters in any case. */
class CaseLifecycleRulesIT extends ApiTest {

    @Autowired
    private TestClock clock;

    private CaseSteps cases;

    @BeforeAll
    void steps() {
        cases = new CaseSteps(api);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Records a follow-up with a token fetched now: the clock may have moved past cached tokens' lifetime. */
    private Response followUp(JsonNode c, String note) {
        String fresh =
                api.login(STATION_GUYANG, Api.PASSWORD).body().get("token").asString();
        return api.post(
                "/api/v1/cases/" + id(c) + "/transitions",
                Map.of("action", "RECORD_FOLLOW_UP", "reason", note),
                fresh,
                etag(c));
    }

    private void advanceTo(LocalDate day) {
        clock.reset();
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(TestData.today(), day)));
    }

    @Test
    void followUpsAreRecordedInTheirWindowsNotOnTheClosingDay() {
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.inPlanReview(STATION_GUYANG, child);
        c = cases.approvePlan(HEAD_GUYANG, c);
        c = cases.step(STATION_GUYANG, c, Map.of("action", "EVALUATE", "reason", "目标达成"));
        c = cases.step(
                STATION_GUYANG,
                c,
                Map.of("action", "REQUEST_CLOSURE", "closureReason", "GOALS_MET", "followUpPlan", "1个月、3个月电话回访"));
        c = cases.step(HEAD_GUYANG, c, Map.of("action", "APPROVE_CLOSURE", "reason", "同意结案"));
        LocalDate first = LocalDate.parse(c.get("firstFollowUpDue").asString());
        LocalDate second = LocalDate.parse(c.get("secondFollowUpDue").asString());

        Response sameDay = followUp(c, "结案当天就回访");
        assertThat(sameDay.status()).as(sameDay.raw().body()).isEqualTo(409);
        assertThat(sameDay.body().get("detail").asString())
                .contains(first.minusDays(7).toString());

        advanceTo(first.minusDays(2));
        c = ok(followUp(c, "1个月电话回访，祖母说孩子情况稳定"));
        assertThat(c.get("state").asString()).isEqualTo("FOLLOW_UP");
        Response tooEarly = followUp(c, "马上又回访");
        assertThat(tooEarly.status())
                .as("the 3-month follow-up has its own window")
                .isEqualTo(409);

        advanceTo(second);
        c = ok(followUp(c, "3个月上门回访，情况稳定"));
        assertThat(c.get("state").asString())
                .as("archived after the 3-month follow-up")
                .isEqualTo("ARCHIVED");
    }

    @Test
    void documentedEnumParametersAcceptAnyCase() {
        Response lower = api.get("/api/v1/flags?view=queue", token(STATION_GUYANG));
        assertThat(lower.status()).as(lower.raw().body()).isEqualTo(200);
        Response upper = api.get("/api/v1/flags?view=QUEUE", token(STATION_GUYANG));
        assertThat(lower.body().get("totalItems")).isEqualTo(upper.body().get("totalItems"));
        assertThat(api.get("/api/v1/clients?category=left_behind_child", token(STATION_GUYANG))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/flags?view=nonsense", token(STATION_GUYANG)).status())
                .as("an unknown value is still refused")
                .isEqualTo(400);
    }
}
