package org.casework.core.clients;

import java.util.Arrays;
import java.util.List;

/**
 * Which registry categories fit a person of an age and sex: children's categories for minors,
 * 留守妇女 for women, 老年人 from 60 and 高龄 from 80, 困难家庭 for anyone. Pages offer only these;
 * {@link Client#addCategory} refuses the rest with the rule that was broken.
 */
public final class CategoryFit {

    public static final int ADULT_AGE = 18;
    public static final int ELDERLY_AGE = 60;

    private CategoryFit() {}

    public static boolean fits(CategoryType type, int age, Sex sex) {
        return switch (type) {
            case LEFT_BEHIND_CHILD -> age < Client.LEFT_BEHIND_AGE_LIMIT;
            case CHILD_IN_DIFFICULTY -> age < ADULT_AGE;
            case LEFT_BEHIND_WOMAN -> sex == Sex.FEMALE && age >= ADULT_AGE;
            case ELDERLY -> age >= ELDERLY_AGE;
            case HOUSEHOLD_IN_DIFFICULTY -> true;
        };
    }

    public static boolean fits(CategorySubType subType, int age, Sex sex) {
        if (!fits(subType.type(), age, sex)) {
            return false;
        }
        return subType != CategorySubType.ADVANCED_AGE || age >= Client.ADVANCED_AGE;
    }

    /** The categories to offer for this person, in the usual order. */
    public static List<CategoryType> typesFor(int age, Sex sex) {
        return Arrays.stream(CategoryType.values())
                .filter(t -> fits(t, age, sex))
                .toList();
    }

    /** The sub-types of a category to offer for this person. */
    public static List<CategorySubType> subTypesFor(CategoryType type, int age, Sex sex) {
        return CategorySubType.of(type).stream().filter(s -> fits(s, age, sex)).toList();
    }
}
