package org.casework.core.assessments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casework.core.shared.InvalidInputException;

/**
 * Answers checked against one instrument version: no unknown items, every value of its item's type,
 * option codes from the item's list, numbers within bounds. Values are normalised (option and text
 * as String, Boolean, BigDecimal, LocalDate); an empty value counts as unanswered. Required items may
 * still be missing while the assessment is a draft: {@link #requireComplete()} is the gate for
 * scoring and signing. Errors carry the item code as the field.
 */
public record AssessmentAnswers(InstrumentDefinition instrument, Map<String, Object> values) {

    public AssessmentAnswers {
        if (instrument == null) {
            throw new IllegalArgumentException("answers need their instrument");
        }
        Map<String, Object> normalised = new LinkedHashMap<>();
        Map<String, ?> raw = values == null ? Map.of() : values;
        for (String code : raw.keySet()) {
            if (instrument.item(code).isEmpty()) {
                throw new InvalidInputException(code, "assessment.answer.unknownItem", code);
            }
        }
        // Form order, so that stored answers and error messages follow the form.
        for (Item item : instrument.items()) {
            Object value = AnswerValues.normalise(item, raw.get(item.code()));
            if (value != null) {
                normalised.put(item.code(), value);
            }
        }
        values = Collections.unmodifiableMap(normalised);
    }

    /** Checks and normalises; refuses missing required items too. */
    public static AssessmentAnswers complete(InstrumentDefinition instrument, Map<String, ?> values) {
        return new AssessmentAnswers(instrument, copy(values)).requireComplete();
    }

    /** Checks and normalises, accepting that required items are still unanswered. */
    public static AssessmentAnswers draft(InstrumentDefinition instrument, Map<String, ?> values) {
        return new AssessmentAnswers(instrument, copy(values));
    }

    private static Map<String, Object> copy(Map<String, ?> values) {
        return values == null ? Map.of() : new LinkedHashMap<>(values);
    }

    /** Required items without an answer, in form order. */
    public List<String> missingRequired() {
        return instrument.items().stream()
                .filter(Item::required)
                .map(Item::code)
                .filter(code -> !values.containsKey(code))
                .toList();
    }

    public boolean isComplete() {
        return missingRequired().isEmpty();
    }

    /** These answers, provided every required item is answered. */
    public AssessmentAnswers requireComplete() {
        List<String> missing = missingRequired();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing.get(0), "assessment.answer.required", missing.get(0));
        }
        return this;
    }

    public boolean has(String itemCode) {
        return values.containsKey(itemCode);
    }

    /** The chosen option code of a single-choice item; refused when unanswered. */
    public String choice(String itemCode) {
        return (String) required(itemCode, ItemType.SINGLE_CHOICE);
    }

    /** The score of the chosen option; refused when unanswered or when the option has no score. */
    public int score(String itemCode) {
        String optionCode = choice(itemCode);
        Integer score =
                item(itemCode).option(optionCode).map(ChoiceOption::score).orElse(null);
        if (score == null) {
            throw new InvalidInputException(itemCode, "assessment.answer.unscored", itemCode);
        }
        return score;
    }

    /** A yes/no answer; refused when unanswered. */
    public boolean flag(String itemCode) {
        return (Boolean) required(itemCode, ItemType.BOOLEAN);
    }

    /** A yes/no answer that is true only when given as true. */
    public boolean flagIfAnswered(String itemCode) {
        typed(itemCode, ItemType.BOOLEAN);
        return Boolean.TRUE.equals(values.get(itemCode));
    }

    /** A number answer that must be whole (counts, ages); refused when unanswered. */
    public int wholeNumber(String itemCode) {
        BigDecimal number = (BigDecimal) required(itemCode, ItemType.NUMBER);
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(itemCode, "assessment.answer.notWholeNumber", itemCode);
        }
    }

    public Optional<Object> value(String itemCode) {
        return Optional.ofNullable(values.get(itemCode));
    }

    /** JSON-friendly values (dates as ISO strings) for storage; reading them back gives equal answers. */
    public Map<String, Object> toStorable() {
        Map<String, Object> storable = new LinkedHashMap<>();
        values.forEach((code, value) -> storable.put(code, value instanceof LocalDate date ? date.toString() : value));
        return storable;
    }

    private Object required(String itemCode, ItemType type) {
        typed(itemCode, type);
        Object value = values.get(itemCode);
        if (value == null) {
            throw new InvalidInputException(itemCode, "assessment.answer.required", itemCode);
        }
        return value;
    }

    private void typed(String itemCode, ItemType type) {
        if (item(itemCode).type() != type) {
            // A policy reading an item as the wrong type is a programming error, not bad input.
            throw new IllegalStateException(instrument.key() + ": item " + itemCode + " is not " + type);
        }
    }

    private Item item(String itemCode) {
        return instrument
                .item(itemCode)
                .orElseThrow(() -> new IllegalStateException(instrument.key() + " has no item " + itemCode));
    }
}
