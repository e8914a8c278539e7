package org.casework.core.ledgers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ClientInput;
import org.casework.core.clients.ResidentIdNumber;
import org.casework.core.clients.Sex;
import org.casework.core.shared.InvalidInputException;

/**
 * Turns the cells of one ledger row (as text) into a registration. Only the categories of the
 * registry ledgers can be imported. A missing birth date or sex is taken from the ID number (a
 * county's 台账 often has only the number); a given one must agree with it, which the registry
 * checks (GB 11643).
 */
final class ImportRowParser {

    private static final Map<String, CategoryType> CATEGORIES = Map.of(
            "留守儿童", CategoryType.LEFT_BEHIND_CHILD,
            "困境儿童", CategoryType.CHILD_IN_DIFFICULTY,
            "老年人", CategoryType.ELDERLY,
            "特困老人", CategoryType.ELDERLY,
            "LEFT_BEHIND_CHILD", CategoryType.LEFT_BEHIND_CHILD,
            "CHILD_IN_DIFFICULTY", CategoryType.CHILD_IN_DIFFICULTY,
            "ELDERLY", CategoryType.ELDERLY);

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"),
            DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyyMMdd"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    private final LedgerLabels labels;

    ImportRowParser(LedgerLabels labels) {
        this.labels = labels;
    }

    ClientInput parse(Map<ImportColumn, String> cells) {
        String name = cells.get(ImportColumn.NAME);
        if (name == null) {
            throw new InvalidInputException("fullName", "ledger.import.nameRequired");
        }
        String idText = cells.get(ImportColumn.ID_NUMBER);
        if (idText == null) {
            // without a number a second upload could not be recognised: the ledger must carry it
            throw new InvalidInputException("idNumber", "ledger.import.idRequired");
        }
        ResidentIdNumber id = ResidentIdNumber.parse(idText);
        Sex sex = sex(cells.get(ImportColumn.SEX), id);
        LocalDate born = cells.get(ImportColumn.BIRTH_DATE) == null
                ? id.birthDate()
                : date(cells.get(ImportColumn.BIRTH_DATE), "birthDate");
        String village = cells.get(ImportColumn.VILLAGE_CODE);
        if (village == null) {
            throw new InvalidInputException("residenceRegionCode", "client.residence.required");
        }
        CategoryType type = category(cells.get(ImportColumn.CATEGORY));
        CategorySubType subType = subType(type, cells.get(ImportColumn.SUB_TYPE));
        LocalDate since = cells.get(ImportColumn.CATEGORY_FROM) == null
                ? null
                : date(cells.get(ImportColumn.CATEGORY_FROM), "validFrom");
        if (since == null) {
            throw new InvalidInputException("validFrom", "ledger.import.sinceRequired");
        }
        ClientInput.ChildProfileInput child = type.isForChildren()
                ? new ClientInput.ChildProfileInput(
                        null,
                        null,
                        null,
                        null,
                        cells.get(ImportColumn.GUARDIAN),
                        cells.get(ImportColumn.GUARDIAN_RELATION),
                        cells.get(ImportColumn.GUARDIAN_PHONE),
                        null,
                        null,
                        null,
                        null,
                        null)
                : null;
        return new ClientInput(
                name,
                sex,
                born,
                null,
                idText,
                null,
                cells.get(ImportColumn.PHONE),
                null,
                village,
                null,
                null,
                null,
                child,
                null,
                List.of(new ClientInput.NewCategory(type, subType, since, null, CategorySource.ACCREDITED, null)),
                null);
    }

    private static Sex sex(String text, ResidentIdNumber id) {
        if (text == null) {
            return id.sex();
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "男", "M", "MALE" -> Sex.MALE;
            case "女", "F", "FEMALE" -> Sex.FEMALE;
            default -> throw new InvalidInputException("sex", "ledger.import.sexUnknown", text);
        };
    }

    private static CategoryType category(String text) {
        if (text == null) {
            throw new InvalidInputException("category", "ledger.import.categoryRequired");
        }
        CategoryType type = CATEGORIES.get(text.toUpperCase(Locale.ROOT));
        if (type == null) {
            throw new InvalidInputException("category", "ledger.import.categoryUnknown", text);
        }
        return type;
    }

    private CategorySubType subType(CategoryType type, String text) {
        if (!type.needsSubType()) {
            return null;
        }
        if (text == null) {
            throw new InvalidInputException("subType", "ledger.import.subTypeRequired");
        }
        for (CategorySubType candidate : CategorySubType.of(type)) {
            if (candidate.name().equalsIgnoreCase(text)
                    || labels.of("subType", candidate).equals(text)) {
                return candidate;
            }
        }
        throw new InvalidInputException("subType", "ledger.import.subTypeUnknown", text);
    }

    static LocalDate date(String text, String field) {
        // a date cell arrives as its Excel serial number
        if (text.matches("\\d{5}(\\.0+)?")) {
            return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(text.replaceAll("\\..*", "")));
        }
        String t = text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(t, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new InvalidInputException(field, "ledger.import.dateInvalid", text);
    }
}
