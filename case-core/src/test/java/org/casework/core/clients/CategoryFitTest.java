package org.casework.core.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoryFitTest {

    @Test
    void aChildIsOfferedChildrensCategoriesAndHouseholdsOnly() {
        assertThat(CategoryFit.typesFor(9, Sex.MALE))
                .containsExactly(
                        CategoryType.LEFT_BEHIND_CHILD,
                        CategoryType.CHILD_IN_DIFFICULTY,
                        CategoryType.HOUSEHOLD_IN_DIFFICULTY);
        assertThat(CategoryFit.subTypesFor(CategoryType.ELDERLY, 9, Sex.MALE)).isEmpty();
    }

    @Test
    void aSixteenYearOldIsNoLongerLeftBehindButStillAChildInDifficulty() {
        assertThat(CategoryFit.typesFor(16, Sex.FEMALE))
                .containsExactly(CategoryType.CHILD_IN_DIFFICULTY, CategoryType.HOUSEHOLD_IN_DIFFICULTY);
    }

    @Test
    void anElderlyWomanIsOfferedAdultCategoriesAndAdvancedAgeOnlyFromEighty() {
        assertThat(CategoryFit.typesFor(72, Sex.FEMALE))
                .containsExactly(
                        CategoryType.LEFT_BEHIND_WOMAN, CategoryType.ELDERLY, CategoryType.HOUSEHOLD_IN_DIFFICULTY);
        assertThat(CategoryFit.subTypesFor(CategoryType.ELDERLY, 72, Sex.FEMALE))
                .doesNotContain(CategorySubType.ADVANCED_AGE)
                .contains(CategorySubType.LIVING_ALONE);
        assertThat(CategoryFit.subTypesFor(CategoryType.ELDERLY, 80, Sex.FEMALE))
                .contains(CategorySubType.ADVANCED_AGE);
    }

    @Test
    void aManIsNeverALeftBehindWoman() {
        assertThat(CategoryFit.fits(CategoryType.LEFT_BEHIND_WOMAN, 35, Sex.MALE))
                .isFalse();
        assertThat(CategoryFit.fits(CategoryType.LEFT_BEHIND_WOMAN, 35, Sex.FEMALE))
                .isTrue();
    }
}
