package org.casework.core.assessments;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casework.core.clients.CategorySubType;
import org.casework.core.flags.FlagType;

/**
 * What a new child protection assessment already knows: the registry (parents away as the child
 * profile records them, the 困境儿童 sub-type) and what the flags about the child reported. Only
 * "yes" answers are filled in: a worker confirms or changes them, and nothing is answered "no" on
 * the strength of a record that is merely silent.
 */
public final class AssessmentPrefill {

    /** The facts the prefill reads, gathered by the service. */
    public record Facts(boolean parentsAway, CategorySubType childInDifficulty, Collection<FlagType> flagTypes) {}

    private static final Map<FlagType, String> FLAG_ITEMS = Map.ofEntries(
            Map.entry(FlagType.MR_PRIVATE_INJURY, "mr_private_parts_injury"),
            Map.entry(FlagType.MR_SUSPECTED_VIOLENCE_ABUSE, "mr_signs_of_abuse"),
            Map.entry(FlagType.MR_SUICIDE_SELF_HARM_POISONING, "self_harm_risk"),
            Map.entry(FlagType.MR_ABANDONMENT_NO_CARE, "mr_abandoned_or_uncared"),
            Map.entry(FlagType.MR_MISSING_TRAFFICKED, "mr_missing_or_trafficked"),
            Map.entry(FlagType.MR_ORGANISED_BEGGING, "mr_organised_begging"),
            Map.entry(FlagType.MR_OTHER_SERIOUS_HARM, "mr_other_serious_harm"),
            Map.entry(FlagType.LIVING_ALONE, "lives_alone"),
            Map.entry(FlagType.NO_GUARDIAN_ABLE_TO_CARE, "no_capable_guardian"),
            Map.entry(FlagType.UNFIT_CARER, "carer_negligent"),
            Map.entry(FlagType.SCHOOL_DROPOUT, "school_dropout"),
            Map.entry(FlagType.ILLNESS_OR_INJURY, "illness_or_disability"),
            Map.entry(FlagType.PSYCHOLOGICAL_CRISIS, "emotional_distress"),
            Map.entry(FlagType.UNSAFE_HOUSING, "housing_unsafe"));

    private static final Map<CategorySubType, String> DIFFICULTY_OPTIONS = Map.of(
            CategorySubType.ORPHAN, "ORPHAN",
            CategorySubType.DE_FACTO_UNSUPPORTED, "DE_FACTO_UNSUPPORTED",
            CategorySubType.SERIOUS_ILLNESS_OR_DISABILITY, "SERIOUS_ILLNESS_DISABILITY",
            CategorySubType.LOW_INCOME_FAMILY_CHILD, "LOW_INCOME_FAMILY",
            CategorySubType.GUARDIANSHIP_MISSING, "GUARDIANSHIP_MISSING",
            CategorySubType.STREET_CHILD, "STREET");

    private AssessmentPrefill() {}

    /** The answers to start a draft of this instrument with (none for instruments it does not know). */
    public static Map<String, Object> answers(String instrumentCode, Facts facts) {
        Map<String, Object> answers = new LinkedHashMap<>();
        if (!InstrumentFit.CHILD_PROTECTION.equals(instrumentCode)) {
            return answers;
        }
        if (facts.parentsAway()) {
            answers.put("parents_away", true);
        }
        if (facts.childInDifficulty() != null && DIFFICULTY_OPTIONS.containsKey(facts.childInDifficulty())) {
            answers.put("difficulty_subtype", DIFFICULTY_OPTIONS.get(facts.childInDifficulty()));
        }
        for (FlagType type : facts.flagTypes()) {
            String item = FLAG_ITEMS.get(type);
            if (item != null) {
                answers.put(item, true);
            }
        }
        return answers;
    }
}
