package org.casework.core.ledgers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ClientInput;
import org.casework.core.clients.ResidentIdNumber;
import org.casework.core.clients.Sex;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ImportRowParserTest {

    private static final LocalDate BORN = LocalDate.of(2015, 3, 8);
    private static final String ID = ResidentIdNumber.of("410225", BORN, 13).value();

    private final ImportRowParser parser = new ImportRowParser((key, args) -> switch (key) {
        case "subType.ORPHAN" -> "孤儿";
        case "subType.LIVING_ALONE" -> "独居";
        default -> key;
    });

    @Test
    void aLeftBehindChildRowBecomesARegistrationWithAnAccreditedCategory() {
        Map<ImportColumn, String> cells = row("留守儿童");
        cells.put(ImportColumn.GUARDIAN, "聂大山");
        cells.put(ImportColumn.GUARDIAN_PHONE, "13800138000");

        ClientInput input = parser.parse(cells);

        assertThat(input.fullName()).isEqualTo("聂岚琛");
        assertThat(input.idNumber()).isEqualTo(ID);
        // sex and birth date were not given: taken from the ID number
        assertThat(input.sex()).isEqualTo(Sex.MALE);
        assertThat(input.birthDate()).isEqualTo(BORN);
        assertThat(input.residenceRegionCode()).isEqualTo("410225101201");
        assertThat(input.child().guardianName()).isEqualTo("聂大山");
        assertThat(input.child().guardianPhone()).isEqualTo("13800138000");
        assertThat(input.categories()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(CategoryType.LEFT_BEHIND_CHILD);
            assertThat(c.subType()).isNull();
            assertThat(c.validFrom()).isEqualTo(LocalDate.of(2023, 9, 1));
            assertThat(c.source()).isEqualTo(CategorySource.ACCREDITED);
        });
    }

    @Test
    void subTypesAreReadByTheirLabel() {
        Map<ImportColumn, String> cells = row("困境儿童");
        cells.put(ImportColumn.SUB_TYPE, "孤儿");
        assertThat(parser.parse(cells).categories().get(0).subType()).isEqualTo(CategorySubType.ORPHAN);

        cells.put(ImportColumn.SUB_TYPE, "独居");
        assertThatThrownBy(() -> parser.parse(cells))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "ledger.import.subTypeUnknown");
    }

    @Test
    void aRowWithoutIdNumberOrWithAnUnknownCategoryIsRefusedWithItsReason() {
        Map<ImportColumn, String> noId = row("留守儿童");
        noId.remove(ImportColumn.ID_NUMBER);
        assertThatThrownBy(() -> parser.parse(noId))
                .hasFieldOrPropertyWithValue("messageKey", "ledger.import.idRequired");

        assertThatThrownBy(() -> parser.parse(row("留守妇女")))
                .hasFieldOrPropertyWithValue("messageKey", "ledger.import.categoryUnknown");

        Map<ImportColumn, String> badCheckDigit = row("留守儿童");
        badCheckDigit.put(ImportColumn.ID_NUMBER, ID.substring(0, 17) + (ID.endsWith("0") ? "1" : "0"));
        assertThatThrownBy(() -> parser.parse(badCheckDigit))
                .hasFieldOrPropertyWithValue("messageKey", "client.idNumber.checkDigit");
    }

    @Test
    void datesAreReadInTheFormsCountiesWriteAndAsExcelSerials() {
        assertThat(ImportRowParser.date("2023-09-01", "f")).isEqualTo(LocalDate.of(2023, 9, 1));
        assertThat(ImportRowParser.date("2023/9/1", "f")).isEqualTo(LocalDate.of(2023, 9, 1));
        assertThat(ImportRowParser.date("2023年9月1日", "f")).isEqualTo(LocalDate.of(2023, 9, 1));
        assertThat(ImportRowParser.date("45170", "f")).isEqualTo(LocalDate.of(2023, 9, 1));
        assertThatThrownBy(() -> ImportRowParser.date("九月", "f"))
                .hasFieldOrPropertyWithValue("messageKey", "ledger.import.dateInvalid");
    }

    @Test
    void headersAreFoundInChineseOrEnglish() {
        assertThat(ImportColumn.ofHeader("身份证号*")).contains(ImportColumn.ID_NUMBER);
        assertThat(ImportColumn.ofHeader(" Village code ")).contains(ImportColumn.VILLAGE_CODE);
        assertThat(ImportColumn.ofHeader("备注")).isEmpty();
    }

    private static Map<ImportColumn, String> row(String category) {
        Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
        cells.put(ImportColumn.NAME, "聂岚琛");
        cells.put(ImportColumn.ID_NUMBER, ID);
        cells.put(ImportColumn.VILLAGE_CODE, "410225101201");
        cells.put(ImportColumn.CATEGORY, category);
        cells.put(ImportColumn.CATEGORY_FROM, "2023-09-01");
        return cells;
    }
}
