package org.casework.core.risk;

import org.casework.core.shared.RiskLevel;

/**
 * The level the registry proposes for a person, with or without a case (product.md, risk table):
 * yellow (focus) for 困境儿童, 特困老人, dispersed 特困 support and disabled people of 60 and over;
 * the elderly rules on top (80+ living alone is orange); green (general) for everyone else. It is
 * a floor: cases and flags can only raise the level that drives visits.
 */
public final class RegistryRiskPolicy {

    private final ElderlyRiskPolicy elderly;

    public RegistryRiskPolicy(ElderlyRiskPolicy elderly) {
        this.elderly = elderly;
    }

    public static RegistryRiskPolicy defaults() {
        return new RegistryRiskPolicy(ElderlyRiskPolicy.defaults());
    }

    public RiskProposal assess(RegistryFacts facts) {
        RiskProposal.Builder proposal = new RiskProposal.Builder()
                .raiseIf(facts.childInDifficulty(), RiskLevel.YELLOW, "child_in_difficulty")
                .raiseIf(facts.specialDifficultyElderly(), RiskLevel.YELLOW, "special_difficulty_elderly")
                .raiseIf(facts.dispersedExtremePoverty(), RiskLevel.YELLOW, "dispersed_extreme_poverty")
                .raiseIf(facts.disabledElderly(), RiskLevel.YELLOW, "disabled_elderly");
        if (facts.elderly() != null) {
            proposal.include(elderly.assess(facts.elderly()));
        }
        return proposal.build();
    }
}
