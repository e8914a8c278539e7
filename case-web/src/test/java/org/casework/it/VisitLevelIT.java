package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.ClientBuilder.anElderlyPersonLivingAlone;
import static org.casework.it.fixtures.ClientBuilder.category;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_RENZHUANG;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.LivingArrangement;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.Assessments;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The level that drives visits (product.md): the highest of the registry level, the cases' levels
 * from lead on, the severities of flags not yet triaged and assessments outside a case; and the
 * elderly and 特困 rules that set the registry level.
 */
class VisitLevelIT extends ApiTest {

    private CaseSteps cases;
    private Assessments assessments;

    @BeforeAll
    void steps() {
        cases = new CaseSteps(api);
        assessments = new Assessments(api);
    }

    private JsonNode schedule(UUID clientId) {
        return ok(api.get("/api/v1/clients/" + clientId + "/visit-schedule", token(STATION_GUYANG)));
    }

    private void logVisit(UUID clientId) {
        ok(api.post(
                "/api/v1/services",
                Map.of(
                        "clientId",
                        clientId,
                        "type",
                        "HOME_VISIT",
                        "occurredAt",
                        Instant.now().minusSeconds(60).toString(),
                        "notes",
                        "入户走访"),
                token(STATION_GUYANG)));
    }

    private JsonNode raiseRedFlag(UUID child) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", child);
        body.put("type", "MR_ABANDONMENT_NO_CARE");
        body.put("severity", "RED");
        body.put("description", "孩子独自在家三天，没有大人照看");
        Response r = api.post("/api/v1/flags", body, token(DIRECTOR_RENZHUANG));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body();
    }

    private void reportToPolice(String flagId) {
        Instant now = Instant.now();
        Map<String, Object> body = new HashMap<>();
        body.put("flagId", flagId);
        body.put("reportedAt", now.minus(Duration.ofMinutes(30)).toString());
        body.put("receivingUnit", "兰考县公安局固阳派出所");
        body.put("officer", "王警官");
        body.put("receiptNumber", "JJ2026120400456");
        body.put("reportedBy", "固阳镇社工站 李社工");
        body.put("civilAffairsNotifiedAt", now.minus(Duration.ofMinutes(20)).toString());
        body.put("minorProtectionNotifiedAt", now.minus(Duration.ofMinutes(10)).toString());
        ok(api.post("/api/v1/mandatory-reports", body, token(STATION_GUYANG)));
    }

    @Test
    void aRedFlagPutsTheChildOnTheRedRuleAtOnceAndTheLeadItOpensKeepsItThere() {
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        assertThat(schedule(child).get("level").asString()).isEqualTo("GREEN");

        JsonNode flag = raiseRedFlag(child);
        JsonNode raised = schedule(child);
        assertThat(raised.get("level").asString()).isEqualTo("RED");
        assertThat(raised.get("rule").asString()).isEqualTo("RED_RESPONSE");
        assertThat(raised.get("levelSource").asString()).isEqualTo("FLAG");
        assertThat(raised.get("levelReference").asString()).isEqualTo("MR_ABANDONMENT_NO_CARE");
        assertThat(LocalDate.parse(raised.get("nextDueOn").asString()))
                .isBeforeOrEqualTo(TestData.today().plusDays(1));

        reportToPolice(id(flag));
        JsonNode triaged = ok(api.post(
                "/api/v1/flags/" + id(flag) + "/triage",
                Map.of("outcome", "CASE_OPENED", "reason", "强制报告情形，立即开案"),
                token(STATION_GUYANG),
                etag(flag)));
        JsonNode lead = ok(api.get(
                "/api/v1/cases/" + triaged.get("staff").get("outcomeCaseId").asString(), token(STATION_GUYANG)));
        assertThat(lead.get("state").asString()).isEqualTo("LEAD");
        assertThat(lead.get("effectiveRiskLevel").asString()).isEqualTo("RED");

        JsonNode afterTriage = schedule(child);
        assertThat(afterTriage.get("level").asString()).isEqualTo("RED");
        assertThat(afterTriage.get("rule").asString()).isEqualTo("RED_RESPONSE");
        assertThat(afterTriage.get("levelSource").asString()).isEqualTo("CASE");
        assertThat(afterTriage.get("levelReference").asString())
                .isEqualTo(lead.get("caseNumber").asString());
    }

    @Test
    void aGreenCaseDoesNotLowerAChildInDifficultyFromMonthlyVisits() {
        UUID child = registry.registerId(
                STATION_GUYANG,
                aLeftBehindChild()
                        .inVillage(Villages.RENZHUANG)
                        .withoutCategories()
                        .withCategory(category(CategoryType.CHILD_IN_DIFFICULTY, CategorySubType.ORPHAN)));
        logVisit(child);
        JsonNode c = cases.admitted(STATION_GUYANG, child);
        cases.confirmRisk(STATION_GUYANG, c, "GREEN");

        JsonNode s = schedule(child);
        assertThat(s.get("level").asString()).isEqualTo("YELLOW");
        assertThat(s.get("levelSource").asString()).isEqualTo("REGISTRY");
        assertThat(s.get("levelTriggers").toString()).contains("child_in_difficulty");
        assertThat(LocalDate.parse(s.get("nextDueOn").asString()))
                .isEqualTo(TestData.today().plusMonths(1));
    }

    @Test
    void anOver80LivingAloneIsVisitedWeeklyWithoutACase() {
        UUID elder =
                registry.registerId(STATION_GUYANG, anElderlyPersonLivingAlone().aged(83));
        logVisit(elder);
        JsonNode s = schedule(elder);
        assertThat(s.get("level").asString()).isEqualTo("ORANGE");
        assertThat(s.get("levelTriggers").toString()).contains("elderly_advanced_age_living_alone");
        assertThat(LocalDate.parse(s.get("nextDueOn").asString()))
                .isEqualTo(TestData.today().plusDays(7));
    }

    @Test
    void dispersedExtremePovertySupportIsVisitedMonthly() {
        UUID person = registry.registerId(
                STATION_GUYANG,
                anElderlyPersonLivingAlone()
                        .aged(64)
                        .living(LivingArrangement.WITH_OTHERS)
                        .withoutCategories()
                        .withCategory(category(
                                CategoryType.HOUSEHOLD_IN_DIFFICULTY, CategorySubType.EXTREME_POVERTY_SUPPORT)));
        logVisit(person);
        JsonNode s = schedule(person);
        assertThat(s.get("level").asString()).isEqualTo("YELLOW");
        assertThat(LocalDate.parse(s.get("nextDueOn").asString()))
                .isEqualTo(TestData.today().plusMonths(1));
    }

    @Test
    void aSevereLossOfAbilityWhileLivingAloneRaisesTheVisitsWithoutACase() {
        UUID elder =
                registry.registerId(STATION_GUYANG, anElderlyPersonLivingAlone().aged(72));
        JsonNode signed = assessments.signed(
                STATION_GUYANG,
                elder,
                null,
                Assessments.ELDERLY_ABILITY,
                assessments.abilityTotalling(STATION_GUYANG, 40));
        assertThat(signed.get("outcome").asString()).isEqualTo("SEVERE");
        assertThat(signed.get("proposedRisk").asString()).isEqualTo("ORANGE");

        JsonNode s = schedule(elder);
        assertThat(s.get("level").asString()).isEqualTo("ORANGE");
        assertThat(s.get("levelSource").asString()).isEqualTo("ASSESSMENT");
    }

    @Test
    void theAbilityAssessmentWithinACaseProposesTheElderlyRiskOnTheCase() {
        UUID elder = registry.registerId(
                STATION_GUYANG, anElderlyPersonLivingAlone().aged(81).living(LivingArrangement.WITH_SPOUSE));
        JsonNode c = cases.admitted(STATION_GUYANG, elder);
        c = cases.step(STATION_GUYANG, c, Map.of("action", "START_ASSESSMENT"));
        JsonNode signed = assessments.signed(
                STATION_GUYANG,
                elder,
                c,
                Assessments.ELDERLY_ABILITY,
                assessments.abilityTotalling(STATION_GUYANG, 70, "dementia_or_mental_disorder", true));
        assertThat(signed.get("outcome").asString()).as("mild raised by one").isEqualTo("MODERATE");
        assertThat(signed.get("triggers").toString()).contains("elderly_advanced_age_dementia");

        JsonNode after = ok(api.get("/api/v1/cases/" + id(c), token(STATION_GUYANG)));
        assertThat(after.get("proposedRiskLevel").asString()).isEqualTo("ORANGE");
        assertThat(schedule(elder).get("level").asString()).isEqualTo("ORANGE");
    }

    @Test
    void dementiaAndCareRiskEventsTogetherRaiseTheAbilityLevelOnce() {
        UUID elder =
                registry.registerId(STATION_GUYANG, anElderlyPersonLivingAlone().aged(70));
        JsonNode signed = assessments.signed(
                STATION_GUYANG,
                elder,
                null,
                Assessments.ELDERLY_ABILITY,
                assessments.abilityTotalling(
                        STATION_GUYANG, 70, "dementia_or_mental_disorder", true, "care_risk_events_30d", 3));
        assertThat(signed.get("outcome").asString()).isEqualTo("MODERATE");
    }

    @Test
    void theChildRulesUseTheRegistryAgeNotATypedOne() {
        UUID child =
                registry.registerId(STATION_GUYANG, aLeftBehindChild().aged(11).inVillage(Villages.RENZHUANG));
        JsonNode c = cases.admitted(STATION_GUYANG, child);
        c = cases.step(STATION_GUYANG, c, Map.of("action", "START_ASSESSMENT"));
        JsonNode signed = assessments.signed(
                STATION_GUYANG,
                child,
                c,
                Assessments.CHILD,
                assessments.allNo(
                        STATION_GUYANG,
                        Assessments.CHILD,
                        "age_years",
                        16,
                        "lives_alone",
                        true,
                        "difficulty_subtype",
                        "NONE"));
        assertThat(signed.get("proposedRisk").asString()).isEqualTo("RED");
        assertThat(signed.get("resultNotes").toString()).contains("age_from_birth_date:11");
    }
}
