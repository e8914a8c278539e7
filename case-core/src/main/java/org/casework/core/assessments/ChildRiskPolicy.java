package org.casework.core.assessments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RiskLevel;

/**
 * Proposes a child's risk level from the child protection and needs assessment (product brief,
 * "Risk levels" and "Mandatory reporting"). Any of the nine mandatory-report situations is red and
 * requires a police report; so are a child under 16 living alone or under 8 left unattended, no
 * guardian able to care, and self-harm risk. Entrusted care that breaks 未成年人保护法 Art. 22, no
 * parent contact for over a month, dropout, no hukou and recent bereavement are orange; a 困境儿童
 * sub-type is yellow; anything else is green. The worker confirms the proposal on the case.
 */
public final class ChildRiskPolicy implements ScoringPolicy {

    public static final String METHOD = "CHILD_RISK";

    private final ChildRiskSettings settings;

    /** The rules with product.md's defaults. */
    public ChildRiskPolicy() {
        this(ChildRiskSettings.defaults());
    }

    /** The rules as a county configured them. */
    public ChildRiskPolicy(ChildRiskSettings settings) {
        this.settings = settings;
    }

    /** 强制报告 situations (1)-(9), in the order of the 2020 opinion. */
    static final List<String> MANDATORY_REPORT_ITEMS = List.of(
            "mr_private_parts_injury",
            "mr_girl_under14_sexual_harm",
            "mr_girl_14plus_pregnancy",
            "mr_signs_of_abuse",
            "mr_abnormal_disability_or_death",
            "mr_abandoned_or_uncared",
            "mr_missing_or_trafficked",
            "mr_organised_begging",
            "mr_other_serious_harm");

    static final String AGE = "age_years";
    /** Result notes: the age the rules used, from the registry or as typed (no birth date). */
    static final String AGE_FROM_BIRTH_DATE = "age_from_birth_date";

    static final String AGE_AS_ENTERED = "age_as_entered";
    static final String LIVES_ALONE = "lives_alone";
    static final String LEFT_UNATTENDED = "left_unattended";
    static final List<String> OTHER_RED_ITEMS = List.of("no_capable_guardian", "self_harm_risk");

    static final String PARENTS_AWAY = "parents_away";
    static final String CARER_NAMED = "carer_named";
    static final String CARER_CAPABLE_ADULT = "carer_capable_adult";
    /** Art. 22 grounds that bar a person from entrusted care, and neglect seen on visits. */
    static final List<String> CARER_UNFIT_ITEMS = List.of(
            "carer_record_of_harm", "carer_addiction", "carer_past_neglect", "carer_other_unfit", "carer_negligent");

    static final String NOTICE_GIVEN = "notice_given";
    static final String NOTICE_DATE = "notice_date";
    static final List<String> OTHER_ORANGE_ITEMS =
            List.of("no_parent_contact_1m", "school_dropout", "no_hukou", "newly_bereaved");

    static final String DIFFICULTY_SUBTYPE = "difficulty_subtype";
    static final String NO_DIFFICULTY = "NONE";

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public void checkDefinition(InstrumentDefinition definition) {
        MANDATORY_REPORT_ITEMS.forEach(code -> DefinitionChecks.requireItem(definition, code, ItemType.BOOLEAN, true));
        // Required in version 1; optional since (only children without a birth date need it).
        Item age = DefinitionChecks.requireItem(definition, AGE, ItemType.NUMBER, false);
        if (age.min() == null || age.max() == null) {
            throw new InvalidInstrumentException(definition.key() + ": item '" + AGE + "' needs min and max");
        }
        for (String code : List.of(LIVES_ALONE, LEFT_UNATTENDED, PARENTS_AWAY)) {
            DefinitionChecks.requireItem(definition, code, ItemType.BOOLEAN, true);
        }
        OTHER_RED_ITEMS.forEach(code -> DefinitionChecks.requireItem(definition, code, ItemType.BOOLEAN, true));
        // Carer items only apply when the parents are away, so the form cannot require them.
        DefinitionChecks.requireItem(definition, CARER_NAMED, ItemType.BOOLEAN, false);
        DefinitionChecks.requireItem(definition, CARER_CAPABLE_ADULT, ItemType.BOOLEAN, false);
        CARER_UNFIT_ITEMS.forEach(code -> DefinitionChecks.requireItem(definition, code, ItemType.BOOLEAN, false));
        DefinitionChecks.requireItem(definition, NOTICE_GIVEN, ItemType.BOOLEAN, false);
        DefinitionChecks.requireItem(definition, NOTICE_DATE, ItemType.DATE, false);
        OTHER_ORANGE_ITEMS.forEach(code -> DefinitionChecks.requireItem(definition, code, ItemType.BOOLEAN, true));
        Item subtype = DefinitionChecks.requireItem(definition, DIFFICULTY_SUBTYPE, ItemType.SINGLE_CHOICE, true);
        if (subtype.option(NO_DIFFICULTY).isEmpty()) {
            throw new InvalidInstrumentException(
                    definition.key() + ": item '" + DIFFICULTY_SUBTYPE + "' needs the option '" + NO_DIFFICULTY + "'");
        }
    }

    @Override
    public ScoringResult score(AssessmentAnswers answers) {
        return score(answers, null);
    }

    /**
     * The age rules (living alone, unattended) read the age from the registry birth date; the age
     * typed into the form only counts for a child without a birth date, and the result says which.
     */
    @Override
    public ScoringResult score(AssessmentAnswers answers, AssessedPerson person) {
        Integer registryAge = person == null ? null : person.age();
        int age = registryAge != null ? registryAge : answers.wholeNumber(AGE);
        ChildRiskResult result = assess(answers, age);
        String note = (registryAge != null ? AGE_FROM_BIRTH_DATE : AGE_AS_ENTERED) + ":" + age;
        return new ScoringResult(
                null,
                result.level().name(),
                result.level(),
                result.mandatoryReport(),
                result.triggers(),
                List.of(note));
    }

    /** The proposal for complete answers with the typed age (a child without a birth date). */
    public ChildRiskResult assess(AssessmentAnswers answers) {
        return assess(answers, answers.wholeNumber(AGE));
    }

    /** The proposal for complete answers; entrusted-care items the situation calls for are refused when missing. */
    public ChildRiskResult assess(AssessmentAnswers answers, int age) {
        Map<String, RiskLevel> raised = new LinkedHashMap<>();
        boolean mandatoryReport = false;
        for (String code : MANDATORY_REPORT_ITEMS) {
            if (answers.flag(code)) {
                raised.put(code, RiskLevel.RED);
                mandatoryReport = true;
            }
        }
        if (answers.flag(LIVES_ALONE) && age < settings.livingAloneAge()) {
            raised.put(LIVES_ALONE, RiskLevel.RED);
        }
        if (answers.flag(LEFT_UNATTENDED) && age < settings.unattendedAge()) {
            raised.put(LEFT_UNATTENDED, RiskLevel.RED);
        }
        raiseWhenTrue(answers, OTHER_RED_ITEMS, RiskLevel.RED, raised);
        entrustedCare(answers, raised);
        raiseWhenTrue(answers, OTHER_ORANGE_ITEMS, RiskLevel.ORANGE, raised);
        if (!NO_DIFFICULTY.equals(answers.choice(DIFFICULTY_SUBTYPE))) {
            raised.put(DIFFICULTY_SUBTYPE, RiskLevel.YELLOW);
        }
        // A county may set another level for a trigger (never for the mandatory-report situations).
        raised.replaceAll((code, byDefault) -> settings.levels().getOrDefault(code, byDefault));
        RiskLevel level = raised.values().stream().reduce(RiskLevel.GREEN, RiskLevel::max);
        List<String> triggers = new ArrayList<>();
        raised.forEach((code, raisedTo) -> {
            if (raisedTo == level) {
                triggers.add(code);
            }
        });
        return new ChildRiskResult(level, mandatoryReport, triggers);
    }

    /**
     * Parents away must have named a capable adult carer who passes the Art. 22 checklist, and the
     * school and village must have been told in writing (with the date). A reason to bar a carer
     * counts even when the parents are home: a risk signal is never discarded.
     */
    private static void entrustedCare(AssessmentAnswers answers, Map<String, RiskLevel> raised) {
        boolean entrusted = answers.flag(PARENTS_AWAY);
        if (entrusted) {
            if (!answers.flag(CARER_NAMED)) {
                raised.put(CARER_NAMED, RiskLevel.ORANGE);
            } else {
                if (!answers.flag(CARER_CAPABLE_ADULT)) {
                    raised.put(CARER_CAPABLE_ADULT, RiskLevel.ORANGE);
                }
                CARER_UNFIT_ITEMS.forEach(answers::flag); // the checklist must be filled in for a named carer
            }
            if (answers.flagIfAnswered(NOTICE_GIVEN) && !answers.has(NOTICE_DATE)) {
                throw new InvalidInputException(NOTICE_DATE, "assessment.answer.required", NOTICE_DATE);
            }
        }
        for (String code : CARER_UNFIT_ITEMS) {
            if (answers.flagIfAnswered(code)) {
                raised.put(code, RiskLevel.ORANGE);
            }
        }
    }

    private static void raiseWhenTrue(
            AssessmentAnswers answers, List<String> codes, RiskLevel level, Map<String, RiskLevel> raised) {
        for (String code : codes) {
            if (answers.flag(code)) {
                raised.put(code, level);
            }
        }
    }
}
