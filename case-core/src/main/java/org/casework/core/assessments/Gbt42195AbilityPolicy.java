package org.casework.core.assessments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.core.risk.ElderlyFacts;
import org.casework.core.risk.ElderlyRiskPolicy;
import org.casework.core.risk.RiskProposal;

/**
 * Elderly ability by GB/T 42195-2022: 26 scored items, 90 points, higher is more able. The total
 * gives a level (90 → 0 … 0-29 → 4); coma sets level 4. 有下列情况之一的，在原有能力等级上提高一个等级:
 * diagnosed dementia or mental disorder, or two or more care-risk events in 30 days raise the level
 * by one in total (once, even when both apply), never beyond 4.
 *
 * <p>For a known person the result also proposes a risk level by the elderly rules of product.md
 * ({@link ElderlyRiskPolicy}): severe or total loss of ability while living alone, 80+ with dementia,
 * repeated care-risk events are orange, alone and in danger is red.
 */
public final class Gbt42195AbilityPolicy implements ScoringPolicy {

    public static final String METHOD = "GBT42195";

    /** The 26 items with their maximum score, in the standard's order; the maxima add up to 90. */
    static final Map<String, Integer> SCORED_ITEMS = scoredItems();

    static final String CONSCIOUSNESS = "consciousness";
    static final String COMA_OPTION = "COMA";
    static final String DEMENTIA = "dementia_or_mental_disorder";
    static final String CARE_RISK_EVENTS = "care_risk_events_30d";
    static final int CARE_RISK_EVENTS_THRESHOLD = 2;
    /** Optional in later versions of the instrument: the assessor found the person alone and in danger. */
    static final String ALONE_IN_DANGER = "alone_in_danger";

    private final ElderlyRiskPolicy elderlyRisk;

    /** With product.md's elderly risk rules. */
    public Gbt42195AbilityPolicy() {
        this(ElderlyRiskPolicy.defaults());
    }

    public Gbt42195AbilityPolicy(ElderlyRiskPolicy elderlyRisk) {
        this.elderlyRisk = elderlyRisk;
    }

    private static Map<String, Integer> scoredItems() {
        Map<String, Integer> items = new LinkedHashMap<>();
        // 自理能力 self-care: 8 × 4 = 32
        for (String code : List.of(
                "eating",
                "grooming",
                "bathing",
                "dressing_upper",
                "dressing_lower",
                "urine_control",
                "bowel_control",
                "toileting")) {
            items.put(code, 4);
        }
        // 基础运动能力 basic mobility: 4 + 4 + 4 + 3 = 15
        items.put("bed_position_change", 4);
        items.put("bed_chair_transfer", 4);
        items.put("walking_level", 4);
        items.put("stairs", 3);
        // 精神状态 mental state: 6 × 4 + 1 + 1 + 2 = 28
        for (String code : List.of(
                "orientation_time",
                "orientation_place",
                "orientation_person",
                "memory",
                "comprehension",
                "expression")) {
            items.put(code, 4);
        }
        items.put("aggression", 1);
        items.put("depression", 1);
        items.put(CONSCIOUSNESS, 2);
        // 感知觉与社会参与 perception and social participation: 2 + 2 + 4 + 3 + 4 = 15
        items.put("vision", 2);
        items.put("hearing", 2);
        items.put("daily_affairs", 4);
        items.put("transport_outing", 3);
        items.put("social_interaction", 4);
        return Collections.unmodifiableMap(items);
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public void checkDefinition(InstrumentDefinition definition) {
        SCORED_ITEMS.forEach((code, max) -> DefinitionChecks.requireScoredChoice(definition, code, max));
        Item consciousness = definition.item(CONSCIOUSNESS).orElseThrow();
        if (consciousness.option(COMA_OPTION).isEmpty()) {
            throw new InvalidInstrumentException(
                    definition.key() + ": item '" + CONSCIOUSNESS + "' needs the option '" + COMA_OPTION + "'");
        }
        DefinitionChecks.requireItem(definition, DEMENTIA, ItemType.BOOLEAN, true);
        DefinitionChecks.requireItem(definition, CARE_RISK_EVENTS, ItemType.NUMBER, true);
    }

    @Override
    public ScoringResult score(AssessmentAnswers answers) {
        AbilityResult result = assess(answers);
        return new ScoringResult(
                result.total(),
                result.level().name(),
                null,
                false,
                result.applied().stream().map(Enum::name).toList());
    }

    /**
     * The GB/T outcome and, for a person with a registry age, the elderly risk proposal; its
     * triggers follow the upgrade rules that were applied.
     */
    @Override
    public ScoringResult score(AssessmentAnswers answers, AssessedPerson person) {
        AbilityResult result = assess(answers);
        if (person.age() == null) {
            return score(answers);
        }
        RiskProposal risk = elderlyRisk.assess(new ElderlyFacts(
                person.age(),
                person.livesAlone(),
                result.level().number(),
                answers.flag(DEMENTIA),
                answers.wholeNumber(CARE_RISK_EVENTS),
                Boolean.TRUE.equals(answers.value(ALONE_IN_DANGER).orElse(null))));
        List<String> triggers =
                new ArrayList<>(result.applied().stream().map(Enum::name).toList());
        triggers.addAll(risk.triggers());
        return new ScoringResult(result.total(), result.level().name(), risk.level(), false, triggers, List.of());
    }

    /** The GB/T outcome of complete answers; a missing scored item is refused with its code. */
    public AbilityResult assess(AssessmentAnswers answers) {
        int total = 0;
        for (String code : SCORED_ITEMS.keySet()) {
            total += answers.score(code);
        }
        AbilityLevel byTotal = AbilityLevel.ofTotal(total);
        List<AbilityUpgradeRule> applied = new ArrayList<>();
        AbilityLevel level = byTotal;
        if (COMA_OPTION.equals(answers.choice(CONSCIOUSNESS))) {
            applied.add(AbilityUpgradeRule.COMA);
            level = AbilityLevel.TOTAL_LOSS;
        }
        if (answers.flag(DEMENTIA)) {
            applied.add(AbilityUpgradeRule.DEMENTIA_OR_MENTAL_DISORDER);
        }
        if (answers.wholeNumber(CARE_RISK_EVENTS) >= CARE_RISK_EVENTS_THRESHOLD) {
            applied.add(AbilityUpgradeRule.CARE_RISK_EVENTS);
        }
        if (applied.contains(AbilityUpgradeRule.DEMENTIA_OR_MENTAL_DISORDER)
                || applied.contains(AbilityUpgradeRule.CARE_RISK_EVENTS)) {
            // 有下列情况之一的，提高一个等级: one step for either or both, not one per condition
            level = level.raisedBy(1);
        }
        return new AbilityResult(total, byTotal, level, applied);
    }
}
