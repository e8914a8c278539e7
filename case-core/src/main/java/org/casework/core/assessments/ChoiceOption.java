package org.casework.core.assessments;

import java.util.regex.Pattern;

/** One answer of a single-choice item. The score is null for options that are not scored. */
public record ChoiceOption(String code, LocalizedText label, Integer score) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,40}");

    public ChoiceOption {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInstrumentException("option code '" + code + "' is not 1-40 letters, digits or '_'");
        }
        if (label == null) {
            throw new InvalidInstrumentException("option '" + code + "' has no label");
        }
        if (score != null && score < 0) {
            throw new InvalidInstrumentException("option '" + code + "' has a negative score");
        }
    }
}
