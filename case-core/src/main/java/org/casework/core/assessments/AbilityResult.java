package org.casework.core.assessments;

import java.util.List;

/** A GB/T 42195 outcome: the total, the level the total gives, the final level and the rules that moved it. */
public record AbilityResult(
        int total, AbilityLevel levelByTotal, AbilityLevel level, List<AbilityUpgradeRule> applied) {

    public AbilityResult {
        applied = List.copyOf(applied);
    }
}
