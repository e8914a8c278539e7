package org.casework.core.assessments;

import java.util.regex.Pattern;

/** Which instrument, in which version: an assessment is always read with the version it was made with. */
public record InstrumentKey(String code, int version) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public InstrumentKey {
        if (code == null || code.length() > 60 || !CODE.matcher(code).matches()) {
            throw new InvalidInstrumentException(
                    "instrument code '" + code + "' must be lower-case words joined by '-' (at most 60)");
        }
        if (version < 1) {
            throw new InvalidInstrumentException(
                    "instrument '" + code + "' has version " + version + "; versions start at 1");
        }
    }

    /** The data file that must hold this definition, e.g. {@code child-protection.v1.json}. */
    public String fileName() {
        return code + ".v" + version + ".json";
    }

    @Override
    public String toString() {
        return code + " v" + version;
    }
}
