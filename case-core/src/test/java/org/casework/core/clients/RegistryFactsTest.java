package org.casework.core.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.core.clients.PersonalDataBuilder.TODAY;
import static org.casework.core.clients.PersonalDataBuilder.aChild;
import static org.casework.core.clients.PersonalDataBuilder.anElderlyWoman;

import java.time.Instant;
import org.casework.core.visits.RegistryFacts;
import org.junit.jupiter.api.Test;

/** The registry groups the visit rules read (in this package for its test builders). */
class RegistryFactsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    private static Client with(PersonalDataBuilder person, CategoryType type, CategorySubType subType) {
        Client client = new Client(person.build(), "hash", TODAY);
        client.addCategory(type, subType, TODAY.minusMonths(2), null, CategorySource.OUTREACH, "任秀兰", "t", NOW);
        return client;
    }

    @Test
    void childrenInDifficultyAreAFocusGroup() {
        RegistryFacts facts =
                RegistryFacts.of(with(aChild(), CategoryType.CHILD_IN_DIFFICULTY, CategorySubType.ORPHAN), TODAY);
        assertThat(facts.childInDifficulty()).isTrue();
        assertThat(facts.isFocusGroup()).isTrue();
    }

    @Test
    void specialDifficultyAndDisabledElderlyAreFocusGroups() {
        RegistryFacts special = RegistryFacts.of(
                with(anElderlyWoman(), CategoryType.ELDERLY, CategorySubType.SPECIAL_DIFFICULTY_ELDERLY), TODAY);
        assertThat(special.specialDifficultyElderly()).isTrue();
        RegistryFacts disabled =
                RegistryFacts.of(with(anElderlyWoman(), CategoryType.ELDERLY, CategorySubType.DISABLED_ELDERLY), TODAY);
        assertThat(disabled.disabledElderly()).isTrue();
        assertThat(disabled.specialDifficultyElderly()).isFalse();
    }

    @Test
    void otherCategoriesAreNot() {
        assertThat(RegistryFacts.of(with(aChild(), CategoryType.LEFT_BEHIND_CHILD, null), TODAY)
                        .isFocusGroup())
                .isFalse();
        assertThat(RegistryFacts.of(with(anElderlyWoman(), CategoryType.ELDERLY, CategorySubType.LIVING_ALONE), TODAY)
                        .isFocusGroup())
                .isFalse();
    }

    @Test
    void anEndedCategoryNoLongerCounts() {
        Client client = with(anElderlyWoman(), CategoryType.ELDERLY, CategorySubType.SPECIAL_DIFFICULTY_ELDERLY);
        client.endCategory(client.getCategories().get(0).getId(), TODAY.minusDays(1), "迁出");
        assertThat(RegistryFacts.of(client, TODAY).isFocusGroup()).isFalse();
        assertThat(RegistryFacts.of(client, TODAY.minusDays(5)).isFocusGroup()).isTrue();
    }
}
