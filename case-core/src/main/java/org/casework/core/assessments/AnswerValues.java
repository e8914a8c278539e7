package org.casework.core.assessments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;

/** Checks one answer against its item's type and normalises it; an empty value is no answer (null). */
final class AnswerValues {

    private AnswerValues() {}

    static Object normalise(Item item, Object raw) {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return null;
        }
        return switch (item.type()) {
            case SINGLE_CHOICE -> choice(item, raw);
            case BOOLEAN -> bool(item, raw);
            case NUMBER -> number(item, raw);
            case TEXT -> text(item, raw);
            case DATE -> date(item, raw);
        };
    }

    private static String choice(Item item, Object raw) {
        String code = raw instanceof String s ? s.strip() : String.valueOf(raw);
        if (item.option(code).isEmpty()) {
            throw new InvalidInputException(item.code(), "assessment.answer.unknownOption", item.code(), code);
        }
        return code;
    }

    private static Boolean bool(Item item, Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s && (s.strip().equals("true") || s.strip().equals("false"))) {
            return Boolean.valueOf(s.strip());
        }
        throw new InvalidInputException(item.code(), "assessment.answer.notBoolean", item.code());
    }

    private static BigDecimal number(Item item, Object raw) {
        BigDecimal number;
        try {
            if (raw instanceof BigDecimal d) {
                number = d;
            } else if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
                number = BigDecimal.valueOf(((Number) raw).longValue());
            } else if (raw instanceof Number || raw instanceof String) {
                // Doubles go through their decimal text, so 0.1 stays 0.1.
                number = new BigDecimal(raw.toString().strip());
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException(item.code(), "assessment.answer.notNumber", item.code());
        }
        if (item.min() != null && number.compareTo(item.min()) < 0) {
            throw new InvalidInputException(item.code(), "assessment.answer.belowMin", item.code(), item.min());
        }
        if (item.max() != null && number.compareTo(item.max()) > 0) {
            throw new InvalidInputException(item.code(), "assessment.answer.aboveMax", item.code(), item.max());
        }
        BigDecimal plain = number.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private static String text(Item item, Object raw) {
        if (!(raw instanceof String s)) {
            throw new InvalidInputException(item.code(), "assessment.answer.notText", item.code());
        }
        String text = s.strip();
        FreeText.checkCharacters(item.code(), text, true);
        if (text.length() > item.maxLength()) {
            throw new InvalidInputException(item.code(), "assessment.answer.tooLong", item.code(), item.maxLength());
        }
        return text;
    }

    private static LocalDate date(Item item, Object raw) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof String s) {
            try {
                return LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                // falls through to the refusal below
            }
        }
        throw new InvalidInputException(item.code(), "assessment.answer.notDate", item.code());
    }
}
