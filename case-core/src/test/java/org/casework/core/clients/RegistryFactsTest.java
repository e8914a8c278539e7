package org.casework.core.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.core.clients.PersonalDataBuilder.TODAY;
import static org.casework.core.clients.PersonalDataBuilder.aChild;
import static org.casework.core.clients.PersonalDataBuilder.anElderlyWoman;

import java.time.Instant;
import java.time.LocalDate;
import org.casework.core.risk.RegistryFacts;
import org.casework.core.risk.RegistryFactsReader;
import org.casework.core.risk.RegistryRiskPolicy;
import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.Test;

/** The registry facts the risk and visit rules read from a client (in this package for its test builders). */
class RegistryFactsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final RegistryRiskPolicy RULES = RegistryRiskPolicy.defaults();

    private static Client with(PersonalDataBuilder person, CategoryType type, CategorySubType subType) {
        Client client = new Client(person.build(), "hash", TODAY);
        client.addCategory(type, subType, TODAY.minusMonths(2), null, CategorySource.OUTREACH, "任秀兰", "t", NOW);
        return client;
    }

    private static RiskLevel level(Client client, LocalDate day) {
        return RULES.assess(RegistryFactsReader.of(client, day)).level();
    }

    @Test
    void childrenInDifficultyAreAFocusGroup() {
        RegistryFacts facts =
                RegistryFactsReader.of(with(aChild(), CategoryType.CHILD_IN_DIFFICULTY, CategorySubType.ORPHAN), TODAY);
        assertThat(facts.childInDifficulty()).isTrue();
        assertThat(facts.elderly()).isNull();
        assertThat(RULES.assess(facts).level()).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void specialDifficultyAndDisabledElderlyAreFocusGroups() {
        RegistryFacts special = RegistryFactsReader.of(
                with(anElderlyWoman(), CategoryType.ELDERLY, CategorySubType.SPECIAL_DIFFICULTY_ELDERLY), TODAY);
        assertThat(special.specialDifficultyElderly()).isTrue();
        assertThat(special.monthlyByLaw()).isTrue();
        RegistryFacts disabled = RegistryFactsReader.of(
                with(anElderlyWoman(), CategoryType.ELDERLY, CategorySubType.DISABLED_ELDERLY), TODAY);
        assertThat(disabled.disabledElderly()).isTrue();
        assertThat(disabled.specialDifficultyElderly()).isFalse();
        assertThat(RULES.assess(disabled).level()).isEqualTo(RiskLevel.YELLOW);
    }

    @Test
    void extremePovertySupportOutsideAnInstitutionIsDispersed() {
        Client athome = with(
                anElderlyWoman().living(LivingArrangement.WITH_SPOUSE),
                CategoryType.HOUSEHOLD_IN_DIFFICULTY,
                CategorySubType.EXTREME_POVERTY_SUPPORT);
        assertThat(RegistryFactsReader.of(athome, TODAY).dispersedExtremePoverty())
                .isTrue();
        assertThat(level(athome, TODAY)).isEqualTo(RiskLevel.YELLOW);
        Client inCare = with(
                anElderlyWoman().living(LivingArrangement.INSTITUTION),
                CategoryType.HOUSEHOLD_IN_DIFFICULTY,
                CategorySubType.EXTREME_POVERTY_SUPPORT);
        assertThat(RegistryFactsReader.of(inCare, TODAY).dispersedExtremePoverty())
                .isFalse();
    }

    @Test
    void theOver80LivingAloneAreOrange() {
        Client alone = with(
                anElderlyWoman().born(TODAY.minusYears(81)).living(LivingArrangement.ALONE),
                CategoryType.ELDERLY,
                CategorySubType.ADVANCED_AGE);
        assertThat(level(alone, TODAY)).isEqualTo(RiskLevel.ORANGE);
        assertThat(RULES.assess(RegistryFactsReader.of(alone, TODAY)).triggers())
                .containsExactly("elderly_advanced_age_living_alone");
        Client withSpouse = with(
                anElderlyWoman().born(TODAY.minusYears(81)).living(LivingArrangement.WITH_SPOUSE),
                CategoryType.ELDERLY,
                CategorySubType.ADVANCED_AGE);
        assertThat(level(withSpouse, TODAY)).isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void theLivingAloneCategoryCountsWhenTheProfileSaysNothing() {
        Client client =
                with(anElderlyWoman().born(TODAY.minusYears(85)), CategoryType.ELDERLY, CategorySubType.LIVING_ALONE);
        assertThat(RegistryFactsReader.livesAlone(client, TODAY)).isTrue();
        assertThat(level(client, TODAY)).isEqualTo(RiskLevel.ORANGE);
    }

    @Test
    void otherCategoriesAreGeneral() {
        assertThat(level(with(aChild(), CategoryType.LEFT_BEHIND_CHILD, null), TODAY))
                .isEqualTo(RiskLevel.GREEN);
        assertThat(level(with(anElderlyWoman(), CategoryType.ELDERLY, CategorySubType.LIVING_ALONE), TODAY))
                .as("76 and living alone: general")
                .isEqualTo(RiskLevel.GREEN);
    }

    @Test
    void anEndedCategoryNoLongerCounts() {
        Client client = with(anElderlyWoman(), CategoryType.ELDERLY, CategorySubType.SPECIAL_DIFFICULTY_ELDERLY);
        client.endCategory(client.getCategories().get(0).getId(), TODAY.minusDays(1), "迁出");
        assertThat(level(client, TODAY)).isEqualTo(RiskLevel.GREEN);
        assertThat(level(client, TODAY.minusDays(5))).isEqualTo(RiskLevel.YELLOW);
    }
}
