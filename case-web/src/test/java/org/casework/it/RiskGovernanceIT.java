package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.Cases.etag;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.DemoUsers.COUNTY_SUPERVISOR;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Risk-level governance on a case (product.md): the rules propose, a worker confirms the proposal or
 * raises it, and anything below the proposal is a supervisor's override with a reason, whatever the
 * request claims; every decision is in the history with the proposal it was made against.
 */
class RiskGovernanceIT extends ApiTest {

    private Cases cases;

    @BeforeAll
    void steps() {
        cases = new Cases(api);
    }

    /** A case whose signed child-protection assessment proposes RED (a child living alone). */
    private JsonNode caseProposedRed() {
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.assessing(STATION_GUYANG, child);
        cases.signedChildAssessment(STATION_GUYANG, child, c);
        c = cases.get(STATION_GUYANG, c);
        assertThat(c.get("proposedRiskLevel").asString()).isEqualTo("RED");
        return c;
    }

    private Response setRisk(String user, JsonNode caseFile, String level, String reason, Boolean override) {
        Map<String, Object> body = new HashMap<>();
        body.put("level", level);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (override != null) {
            body.put("override", override);
        }
        return api.put("/api/v1/cases/" + id(caseFile) + "/risk", body, token(user), etag(caseFile));
    }

    @Test
    void aWorkerCannotSetALevelBelowTheProposalWhateverTheRequestSays() {
        JsonNode c = caseProposedRed();

        Response confirmGreen = setRisk(STATION_GUYANG, c, "GREEN", "孩子其实很安全", null);
        assertThat(confirmGreen.status()).as(confirmGreen.raw().body()).isEqualTo(403);
        assertThat(confirmGreen.body().get("detail").asString()).contains("督导");
        Response claimOverride = setRisk(STATION_GUYANG, c, "YELLOW", "孩子其实很安全", false);
        assertThat(claimOverride.status()).isEqualTo(403);
        Response asOverride = setRisk(STATION_GUYANG, c, "GREEN", "孩子其实很安全", true);
        assertThat(asOverride.status()).isEqualTo(403);

        JsonNode after = cases.get(STATION_GUYANG, c);
        assertThat(after.get("riskLevel").isNull()).isTrue();
        assertThat(after.get("effectiveRiskLevel").asString()).isEqualTo("RED");
    }

    @Test
    void aWorkerConfirmsTheProposalOrRaisesIt() {
        JsonNode c = caseProposedRed();
        c = ok(setRisk(STATION_GUYANG, c, "RED", "核实属实", null));
        assertThat(c.get("riskLevel").asString()).isEqualTo("RED");

        JsonNode orangeProposal = openCaseWithInitialRisk("ORANGE");
        JsonNode raised = ok(setRisk(STATION_GUYANG, orangeProposal, "RED", "监护人联系不上", null));
        assertThat(raised.get("effectiveRiskLevel").asString()).isEqualTo("RED");
        JsonNode last = last(raised.get("riskHistory"));
        assertThat(last.get("kind").asString()).isEqualTo("CONFIRMED");
        assertThat(last.get("proposedLevel").asString()).isEqualTo("ORANGE");
    }

    @Test
    void aSupervisorLowersTheLevelOnlyWithAReasonAndTheHistoryShowsProposalDecisionWhoAndWhy() {
        JsonNode c = caseProposedRed();

        Response noReason = setRisk(HEAD_GUYANG, c, "GREEN", null, true);
        assertThat(noReason.status()).as(noReason.raw().body()).isEqualTo(400);

        JsonNode lowered = ok(setRisk(HEAD_GUYANG, c, "YELLOW", "祖母已搬来同住，经入户核实", null));
        assertThat(lowered.get("riskLevel").asString()).isEqualTo("YELLOW");
        assertThat(lowered.get("effectiveRiskLevel").asString()).isEqualTo("YELLOW");
        JsonNode decision = last(lowered.get("riskHistory"));
        assertThat(decision.get("kind").asString()).isEqualTo("OVERRIDDEN");
        assertThat(decision.get("level").asString()).isEqualTo("YELLOW");
        assertThat(decision.get("proposedLevel").asString()).isEqualTo("RED");
        assertThat(decision.get("actor").asString()).isEqualTo(HEAD_GUYANG);
        assertThat(decision.get("reason").asString()).contains("祖母已搬来同住");
        JsonNode proposal = lowered.get("riskHistory").get(0);
        assertThat(proposal.get("kind").asString()).isEqualTo("PROPOSED");
        assertThat(proposal.get("reason").asString()).contains("lives_alone");
    }

    @Test
    void theSupervisorOfTheCaseItselfCannotOverrideIt() {
        UUID child = registry.registerId(HEAD_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.assessing(HEAD_GUYANG, child);
        cases.signedChildAssessment(HEAD_GUYANG, child, c);
        c = cases.get(HEAD_GUYANG, c);
        assertThat(setRisk(HEAD_GUYANG, c, "GREEN", "自己的个案", true).status()).isEqualTo(403);
    }

    @Test
    void loweringARedProposalBelowOrangeTellsTheStationHead() {
        JsonNode c = caseProposedRed();
        ok(setRisk(COUNTY_SUPERVISOR, c, "GREEN", "县督导核实后改判", null));

        List<JsonNode> told = allItems("/api/v1/notifications", token(HEAD_GUYANG)).stream()
                .filter(n -> n.get("subjectId").asString().equals(id(c)))
                .filter(n -> n.get("kind").asString().equals("RISK_LOWERED"))
                .toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("text").asString())
                .contains(c.get("caseNumber").asString());
    }

    @Test
    void aNewerProposalAboveTheDecidedLevelTakesEffectAtOnce() {
        JsonNode c = openCaseWithInitialRisk("YELLOW");
        c = ok(setRisk(STATION_GUYANG, c, "YELLOW", "确认", null));
        UUID child = UUID.fromString(c.get("primaryClientId").asString());
        c = cases.step(STATION_GUYANG, c, Map.of("action", "SCREEN"));
        c = cases.step(STATION_GUYANG, c, Map.of("action", "ADMIT", "intakeBasis", "GUARDIAN_CONSENT", "reason", "同意"));
        c = cases.step(STATION_GUYANG, c, Map.of("action", "START_ASSESSMENT"));
        cases.signedChildAssessment(STATION_GUYANG, child, c);

        JsonNode after = cases.get(STATION_GUYANG, c);
        assertThat(after.get("riskLevel").asString()).isEqualTo("YELLOW");
        assertThat(after.get("effectiveRiskLevel").asString())
                .as("a red proposal after a yellow confirmation must not wait for the worker")
                .isEqualTo("RED");
    }

    @Test
    void openingACaseNeedsAReason() {
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        Response r = api.post("/api/v1/cases", Map.of("clientId", child, "source", "OUTREACH"), token(STATION_GUYANG));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        assertThat(r.body().get("errors").toString()).contains("reason");
    }

    private JsonNode openCaseWithInitialRisk(String level) {
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        return ok(api.post(
                "/api/v1/cases",
                Map.of("clientId", child, "source", "OUTREACH", "reason", "摸排发现", "initialRisk", level),
                token(STATION_GUYANG)));
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
