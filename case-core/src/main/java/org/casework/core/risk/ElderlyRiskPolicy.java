package org.casework.core.risk;

import org.casework.core.shared.RiskLevel;

/**
 * The elderly rows of product.md's risk table. Red: alone and in danger. Orange: 80+ living alone,
 * 80+ with dementia, two or more care-risk events (fall, choking, self-harm, wandering) in 30 days,
 * and severe or total loss of ability (GB/T 42195 level 3 or 4) while living alone. Green otherwise:
 * the yellow groups (disabled 60+, 特困) are registry facts, see {@link RegistryRiskPolicy}.
 */
public final class ElderlyRiskPolicy {

    /** GB/T 42195 level 3 (重度失能) and 4 (完全失能). */
    static final int SEVERE_LOSS = 3;

    private final ElderlyRiskSettings settings;

    public ElderlyRiskPolicy(ElderlyRiskSettings settings) {
        this.settings = settings;
    }

    public static ElderlyRiskPolicy defaults() {
        return new ElderlyRiskPolicy(ElderlyRiskSettings.defaults());
    }

    public RiskProposal assess(ElderlyFacts facts) {
        boolean old = facts.age() >= settings.advancedAge();
        boolean severeLoss = facts.abilityLevel() != null && facts.abilityLevel() >= SEVERE_LOSS;
        return new RiskProposal.Builder()
                .raiseIf(facts.aloneInDanger(), RiskLevel.RED, "elderly_alone_in_danger")
                .raiseIf(old && facts.livesAlone(), RiskLevel.ORANGE, "elderly_advanced_age_living_alone")
                .raiseIf(old && facts.dementia(), RiskLevel.ORANGE, "elderly_advanced_age_dementia")
                .raiseIf(
                        facts.careRiskEvents30d() >= settings.careRiskEvents(),
                        RiskLevel.ORANGE,
                        "elderly_care_risk_events")
                .raiseIf(severeLoss && facts.livesAlone(), RiskLevel.ORANGE, "elderly_severe_loss_living_alone")
                .build();
    }
}
