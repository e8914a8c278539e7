package org.casework.core.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casework.core.clients.PersonalDataBuilder.TODAY;
import static org.casework.core.clients.PersonalDataBuilder.aChild;
import static org.casework.core.clients.PersonalDataBuilder.anElderlyWoman;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ClientTest {

    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    private static Client register(PersonalDataBuilder builder) {
        return new Client(builder.build(), "hash", TODAY);
    }

    @Test
    void keepsPinyinSearchKeysOfTheName() {
        Client client = register(aChild().named("张伟").born(LocalDate.of(2015, 1, 1)));
        assertThat(client.getNamePinyin()).isEqualTo("zhangwei");
        assertThat(client.getNameInitials()).isEqualTo("zw");
    }

    @Test
    void refusesABirthDateInTheFuture() {
        assertThatThrownBy(() -> register(aChild().withoutId("未落户").bornWithoutMatchingId(TODAY.plusDays(1))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("client.birthDate.future");
    }

    @Test
    void refusesNoIdNumberWithoutAReason() {
        assertThatThrownBy(() -> register(aChild().withoutId(" ")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("client.noIdReason.required");
    }

    @Test
    void acceptsAChildWithoutHukouWhenTheReasonIsGiven() {
        Client client = register(aChild().withoutId("未落户（无户籍）"));
        assertThat(client.getIdNumber()).isNull();
        assertThat(client.getIdNumberHash()).isNull();
        assertThat(client.getNoIdReason()).isEqualTo("未落户（无户籍）");
    }

    @Test
    void crossChecksTheIdNumberAgainstTheBirthDate() {
        assertThatThrownBy(() -> register(
                        aChild().born(LocalDate.of(2016, 5, 3)).bornWithoutMatchingId(LocalDate.of(2016, 5, 4))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("client.idNumber.birthDateMismatch");
    }

    @Test
    void requiresTheRelationWhenJoiningAHousehold() {
        assertThatThrownBy(() -> register(aChild().inHousehold(UUID.randomUUID(), null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("client.relation.required");
    }

    @Test
    void masksIdAndPhoneNumbers() {
        Client client = register(aChild().withPhone("13812345678"));
        assertThat(client.maskedIdNumber()).matches("4102\\*{10}\\d{3}[\\dX]");
        assertThat(client.maskedPhone()).isEqualTo("138****5678");
        assertThat(client.getPhoneTail()).isEqualTo("5678");
        assertThat(client.getIdNumberTail()).isEqualTo(client.getIdNumber().substring(14));
    }

    @Test
    void correctionReportsOnlyTheFieldsThatChanged() {
        Client client = register(aChild());
        var changed =
                client.correct(aChild().named("任浩宇").withPhone("13912345678").build(), "hash", TODAY);
        assertThat(changed).containsExactlyInAnyOrder("fullName", "phone");
        assertThat(client.getNameInitials()).isEqualTo("rhy");
    }

    @Test
    void correctionWithTheSameDataChangesNothing() {
        Client client = register(aChild());
        assertThat(client.correct(aChild().build(), "hash", TODAY)).isEmpty();
    }

    @Test
    void aLeftBehindChildMustBeUnderSixteen() {
        Client sixteen = register(aChild().born(TODAY.minusYears(16)));
        assertThatThrownBy(() -> sixteen.addCategory(
                        CategoryType.LEFT_BEHIND_CHILD, null, TODAY, null, CategorySource.OUTREACH, null, "w", NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("client.category.childTooOld");
        Client fifteen = register(aChild().born(TODAY.minusYears(16).plusDays(1)));
        fifteen.addCategory(CategoryType.LEFT_BEHIND_CHILD, null, TODAY, null, CategorySource.OUTREACH, null, "w", NOW);
        assertThat(fifteen.getCategories()).hasSize(1);
    }

    @Test
    void theElderlyCategoryNeedsSixtyYears() {
        Client fiftyNine = register(anElderlyWoman().born(TODAY.minusYears(60).plusDays(1)));
        assertThatThrownBy(() -> fiftyNine.addCategory(
                        CategoryType.ELDERLY,
                        CategorySubType.LIVING_ALONE,
                        TODAY,
                        null,
                        CategorySource.OUTREACH,
                        null,
                        "w",
                        NOW))
                .hasMessage("client.category.elderlyTooYoung");
    }

    @Test
    void leftBehindWomenAreWomen() {
        Client man = register(aChild().born(LocalDate.of(1990, 1, 1)));
        assertThatThrownBy(() -> man.addCategory(
                        CategoryType.LEFT_BEHIND_WOMAN,
                        null,
                        TODAY,
                        null,
                        CategorySource.SELF_REPORTED,
                        null,
                        "w",
                        NOW))
                .hasMessage("client.category.womanOnly");
    }

    @Test
    void childrenInDifficultyNeedASubTypeOfTheirOwnCategory() {
        Client child = register(aChild());
        assertThatThrownBy(() -> child.addCategory(
                        CategoryType.CHILD_IN_DIFFICULTY, null, TODAY, null, CategorySource.ACCREDITED, null, "w", NOW))
                .hasMessage("client.category.subTypeMismatch");
        assertThatThrownBy(() -> child.addCategory(
                        CategoryType.CHILD_IN_DIFFICULTY,
                        CategorySubType.LIVING_ALONE,
                        TODAY,
                        null,
                        CategorySource.ACCREDITED,
                        null,
                        "w",
                        NOW))
                .hasMessage("client.category.subTypeMismatch");
        child.addCategory(
                CategoryType.CHILD_IN_DIFFICULTY,
                CategorySubType.ORPHAN,
                TODAY,
                null,
                CategorySource.ACCREDITED,
                "民政所",
                "w",
                NOW);
        assertThat(child.getCategories())
                .extracting(ClientCategory::getSubType)
                .containsExactly(CategorySubType.ORPHAN);
    }

    @Test
    void refusesTheSameOpenCategoryTwice() {
        Client child = register(aChild());
        child.addCategory(CategoryType.LEFT_BEHIND_CHILD, null, TODAY, null, CategorySource.OUTREACH, null, "w", NOW);
        assertThatThrownBy(() -> child.addCategory(
                        CategoryType.LEFT_BEHIND_CHILD, null, TODAY, null, CategorySource.OUTREACH, null, "w", NOW))
                .hasMessage("client.category.duplicate");
    }

    @Test
    void endingACategoryKeepsItWithDateAndReason() {
        Client child = register(aChild());
        ClientCategory category = child.addCategory(
                CategoryType.LEFT_BEHIND_CHILD,
                null,
                TODAY.minusMonths(3),
                null,
                CategorySource.OUTREACH,
                null,
                "w",
                NOW);
        assertThatThrownBy(() -> child.endCategory(category.getId(), TODAY, " "))
                .hasMessage("client.category.endReasonRequired");
        child.endCategory(category.getId(), TODAY, "父母返乡");
        assertThat(child.getCategories()).hasSize(1);
        assertThat(category.getValidTo()).isEqualTo(TODAY);
        assertThat(category.getEndReason()).isEqualTo("父母返乡");
        assertThat(category.isActiveOn(TODAY.plusDays(1))).isFalse();
        assertThatThrownBy(() -> child.endCategory(category.getId(), TODAY, "again"))
                .hasMessage("client.category.alreadyEnded");
    }
}
