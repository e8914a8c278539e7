package org.casework.core.assessments;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One question of an instrument. Options belong to single-choice items only; min and max to
 * numbers; maxLength to texts. A required item must be answered before the assessment is signed.
 */
public record Item(
        String code,
        LocalizedText label,
        ItemType type,
        boolean required,
        List<ChoiceOption> options,
        BigDecimal min,
        BigDecimal max,
        Integer maxLength) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,59}");
    /** Free text beyond this belongs in a case note, not in an assessment answer. */
    public static final int DEFAULT_MAX_LENGTH = 1000;

    public Item {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInstrumentException(
                    "item code '" + code + "' must be lower case letters, digits or '_' (at most 60)");
        }
        String where = "item '" + code + "': ";
        if (label == null) {
            throw new InvalidInstrumentException(where + "label is missing");
        }
        if (type == null) {
            throw new InvalidInstrumentException(where + "type is missing");
        }
        options = options == null ? List.of() : List.copyOf(options);
        if (type == ItemType.SINGLE_CHOICE) {
            if (options.size() < 2) {
                throw new InvalidInstrumentException(where + "a single choice needs at least two options");
            }
            Set<String> codes = new HashSet<>();
            for (ChoiceOption option : options) {
                if (!codes.add(option.code())) {
                    throw new InvalidInstrumentException(where + "option code '" + option.code() + "' is duplicated");
                }
            }
        } else if (!options.isEmpty()) {
            throw new InvalidInstrumentException(where + "only SINGLE_CHOICE items have options");
        }
        if (type != ItemType.NUMBER && (min != null || max != null)) {
            throw new InvalidInstrumentException(where + "only NUMBER items have min and max");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new InvalidInstrumentException(where + "min is greater than max");
        }
        if (type != ItemType.TEXT && maxLength != null) {
            throw new InvalidInstrumentException(where + "only TEXT items have maxLength");
        }
        if (type == ItemType.TEXT) {
            maxLength = maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
            if (maxLength < 1 || maxLength > 4000) {
                throw new InvalidInstrumentException(where + "maxLength must lie between 1 and 4000");
            }
        }
    }

    public Optional<ChoiceOption> option(String optionCode) {
        return options.stream().filter(o -> o.code().equals(optionCode)).findFirst();
    }

    /** True when every option carries a score, so a chosen option always counts. */
    public boolean isFullyScored() {
        return type == ItemType.SINGLE_CHOICE && options.stream().allMatch(o -> o.score() != null);
    }

    /** The highest score an answer can earn; 0 for unscored items. */
    public int maxScore() {
        return options.stream()
                .map(ChoiceOption::score)
                .filter(s -> s != null)
                .max(Integer::compare)
                .orElse(0);
    }

    /** The lowest score an answer can earn; 0 for unscored items. */
    public int minScore() {
        return options.stream()
                .map(ChoiceOption::score)
                .filter(s -> s != null)
                .min(Integer::compare)
                .orElse(0);
    }
}
