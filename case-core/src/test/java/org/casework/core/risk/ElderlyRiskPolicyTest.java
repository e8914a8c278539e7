package org.casework.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.Test;

/** The elderly rows of product.md's risk table. */
class ElderlyRiskPolicyTest {

    private static final ElderlyRiskPolicy RULES = ElderlyRiskPolicy.defaults();

    private static RiskProposal assess(
            int age, boolean alone, Integer ability, boolean dementia, int events, boolean danger) {
        return RULES.assess(new ElderlyFacts(age, alone, ability, dementia, events, danger));
    }

    @Test
    void anOrdinaryOlderPersonIsGeneral() {
        RiskProposal p = assess(70, false, 0, false, 0, false);
        assertThat(p.level()).isEqualTo(RiskLevel.GREEN);
        assertThat(p.triggers()).isEmpty();
    }

    @Test
    void livingAloneAt80IsOrangeAt79Not() {
        assertThat(assess(80, true, null, false, 0, false).level()).isEqualTo(RiskLevel.ORANGE);
        assertThat(assess(79, true, null, false, 0, false).level()).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void dementiaAt80IsOrange() {
        RiskProposal p = assess(82, false, 1, true, 0, false);
        assertThat(p.level()).isEqualTo(RiskLevel.ORANGE);
        assertThat(p.triggers()).containsExactly("elderly_advanced_age_dementia");
        assertThat(assess(75, false, 1, true, 0, false).level()).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void twoCareRiskEventsIn30DaysAreOrangeAtAnyAge() {
        assertThat(assess(65, false, 1, false, 2, false).level()).isEqualTo(RiskLevel.ORANGE);
        assertThat(assess(65, false, 1, false, 1, false).level()).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void severeOrTotalLossOfAbilityWhileLivingAloneIsOrange() {
        assertThat(assess(70, true, 3, false, 0, false).level()).isEqualTo(RiskLevel.ORANGE);
        assertThat(assess(70, true, 4, false, 0, false).triggers()).containsExactly("elderly_severe_loss_living_alone");
        assertThat(assess(70, true, 2, false, 0, false).level())
                .as("moderate loss")
                .isEqualTo(RiskLevel.GREEN);
        assertThat(assess(70, false, 4, false, 0, false).level())
                .as("cared for at home")
                .isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void aloneAndInDangerIsRedAndOnlyTheRedTriggersAreNamed() {
        RiskProposal p = assess(85, true, 4, true, 3, true);
        assertThat(p.level()).isEqualTo(RiskLevel.RED);
        assertThat(p.triggers()).containsExactly("elderly_alone_in_danger");
    }

    @Test
    void aCountyMayMoveTheThresholds() {
        ElderlyRiskPolicy county = new ElderlyRiskPolicy(new ElderlyRiskSettings(75, 3));
        assertThat(county.assess(new ElderlyFacts(76, true, null, false, 0, false))
                        .level())
                .isEqualTo(RiskLevel.ORANGE);
        assertThat(county.assess(new ElderlyFacts(66, false, null, false, 2, false))
                        .level())
                .isEqualTo(RiskLevel.GREEN);
        assertThatThrownBy(() -> new ElderlyRiskSettings(50, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
