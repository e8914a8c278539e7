package org.casework.core.assessments;

import java.util.List;

/**
 * Henan's self-care test for 特困 support: six daily activities, each answered "can manage on
 * their own" (true) or not. All met → capable; 1-3 unmet → partly lost; 4 or more → fully lost.
 * The total is the number of activities met (0-6), so that higher means more able as in GB/T 42195.
 */
public final class TekunSelfCarePolicy implements ScoringPolicy {

    public static final String METHOD = "TEKUN_SELF_CARE";

    /** 自主吃饭、穿衣、上下床、如厕、室内行走、洗澡. */
    static final List<String> ACTIVITIES =
            List.of("eating", "dressing", "bed_transfer", "toileting", "indoor_walking", "bathing");

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public void checkDefinition(InstrumentDefinition definition) {
        ACTIVITIES.forEach(code -> DefinitionChecks.requireItem(definition, code, ItemType.BOOLEAN, true));
    }

    @Override
    public ScoringResult score(AssessmentAnswers answers) {
        SelfCareResult result = assess(answers);
        return new ScoringResult(
                ACTIVITIES.size() - result.unmetActivities().size(),
                result.status().name(),
                null,
                false,
                result.unmetActivities());
    }

    public SelfCareResult assess(AssessmentAnswers answers) {
        List<String> unmet =
                ACTIVITIES.stream().filter(code -> !answers.flag(code)).toList();
        return new SelfCareResult(SelfCareStatus.ofUnmet(unmet.size()), unmet);
    }
}
