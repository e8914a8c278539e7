package org.casework.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiskLevelTest {

    @Test
    void redIsTheMostUrgentAndGreenTheLeast() {
        assertThat(RiskLevel.RED.isMoreUrgentThan(RiskLevel.ORANGE)).isTrue();
        assertThat(RiskLevel.ORANGE.isMoreUrgentThan(RiskLevel.YELLOW)).isTrue();
        assertThat(RiskLevel.YELLOW.isMoreUrgentThan(RiskLevel.GREEN)).isTrue();
        assertThat(RiskLevel.GREEN.isMoreUrgentThan(RiskLevel.RED)).isFalse();
        assertThat(RiskLevel.ORANGE.isMoreUrgentThan(RiskLevel.ORANGE)).isFalse();
    }

    @Test
    void combiningTwoLevelsKeepsTheMoreUrgent() {
        assertThat(RiskLevel.GREEN.max(RiskLevel.ORANGE)).isEqualTo(RiskLevel.ORANGE);
        assertThat(RiskLevel.RED.max(RiskLevel.YELLOW)).isEqualTo(RiskLevel.RED);
        assertThat(RiskLevel.YELLOW.max(null)).isEqualTo(RiskLevel.YELLOW);
    }
}
