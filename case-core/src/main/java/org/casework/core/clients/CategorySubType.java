package org.casework.core.clients;

import java.util.Arrays;
import java.util.List;

/** Sub-types of the registry categories that have them. */
public enum CategorySubType {
    ORPHAN(CategoryType.CHILD_IN_DIFFICULTY),
    DE_FACTO_UNSUPPORTED(CategoryType.CHILD_IN_DIFFICULTY),
    SERIOUS_ILLNESS_OR_DISABILITY(CategoryType.CHILD_IN_DIFFICULTY),
    LOW_INCOME_FAMILY_CHILD(CategoryType.CHILD_IN_DIFFICULTY),
    GUARDIANSHIP_MISSING(CategoryType.CHILD_IN_DIFFICULTY),
    STREET_CHILD(CategoryType.CHILD_IN_DIFFICULTY),

    LIVING_ALONE(CategoryType.ELDERLY),
    EMPTY_NEST(CategoryType.ELDERLY),
    LEFT_BEHIND_ELDERLY(CategoryType.ELDERLY),
    ADVANCED_AGE(CategoryType.ELDERLY),
    DISABLED_ELDERLY(CategoryType.ELDERLY),
    SPECIAL_DIFFICULTY_ELDERLY(CategoryType.ELDERLY),

    MINIMUM_LIVING_ALLOWANCE(CategoryType.HOUSEHOLD_IN_DIFFICULTY),
    EXTREME_POVERTY_SUPPORT(CategoryType.HOUSEHOLD_IN_DIFFICULTY),
    NEAR_MINIMUM_LIVING(CategoryType.HOUSEHOLD_IN_DIFFICULTY),
    TEMPORARY_ASSISTANCE(CategoryType.HOUSEHOLD_IN_DIFFICULTY);

    private final CategoryType type;

    CategorySubType(CategoryType type) {
        this.type = type;
    }

    public CategoryType type() {
        return type;
    }

    public static List<CategorySubType> of(CategoryType type) {
        return Arrays.stream(values()).filter(s -> s.type == type).toList();
    }
}
