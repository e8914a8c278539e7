package org.casework.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.Test;

/** The level the registry proposes (product.md, risk table): a floor for the visit rules. */
class RegistryRiskPolicyTest {

    private static final RegistryRiskPolicy RULES = RegistryRiskPolicy.defaults();

    @Test
    void nobodyInAFocusGroupIsGeneral() {
        assertThat(RULES.assess(RegistryFacts.NONE)).isEqualTo(RiskProposal.GENERAL);
    }

    @Test
    void focusGroupsAreYellowWithTheirTriggers() {
        RiskProposal p = RULES.assess(new RegistryFacts(true, false, false, true, null));
        assertThat(p.level()).isEqualTo(RiskLevel.YELLOW);
        assertThat(p.triggers()).containsExactly("child_in_difficulty", "dispersed_extreme_poverty");
    }

    @Test
    void theElderlyRulesGoOnTopOfTheGroups() {
        RiskProposal p = RULES.assess(new RegistryFacts(false, true, false, false, ElderlyFacts.registry(88, true)));
        assertThat(p.level()).isEqualTo(RiskLevel.ORANGE);
        assertThat(p.triggers()).containsExactly("elderly_advanced_age_living_alone");
    }

    @Test
    void monthlyByLawAreSpecialDifficultyElderlyAndDispersedSupport() {
        assertThat(new RegistryFacts(false, true, false, false, null).monthlyByLaw())
                .isTrue();
        assertThat(new RegistryFacts(false, false, false, true, null).monthlyByLaw())
                .isTrue();
        assertThat(new RegistryFacts(true, false, true, false, null).monthlyByLaw())
                .isFalse();
    }
}
