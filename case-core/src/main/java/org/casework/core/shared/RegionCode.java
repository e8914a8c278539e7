package org.casework.core.shared;

/**
 * A statistical division code (统计用区划代码): province 2 digits, city 4, county 6, township 9,
 * village 12. The 12-digit padded form ("410225000000") is accepted and reduced to its level.
 */
public record RegionCode(String value) implements java.io.Serializable {

    public RegionCode {
        if (value == null || !value.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            throw new InvalidInputException("regionCode", "region.code.invalid", String.valueOf(value));
        }
    }

    /** Parses user input, reducing the 12-digit padded form to the code of its own level. */
    public static RegionCode parse(String raw) {
        if (raw == null) {
            throw new InvalidInputException("regionCode", "region.code.invalid", "");
        }
        String code = raw.trim();
        if (code.length() == 12 && code.matches("\\d{12}")) {
            code = stripPadding(code);
        }
        return new RegionCode(code);
    }

    private static String stripPadding(String code) {
        if (code.endsWith("000")) {
            code = code.substring(0, 9);
            if (code.endsWith("000")) {
                code = code.substring(0, 6);
                if (code.endsWith("00")) {
                    code = code.substring(0, 4);
                    if (code.endsWith("00")) {
                        code = code.substring(0, 2);
                    }
                }
            }
        }
        return code;
    }

    public RegionLevel level() {
        return RegionLevel.ofCodeLength(value.length());
    }

    /** The code of the enclosing region, or null for a province. */
    public RegionCode parent() {
        return level().parentLength() == 0 ? null : new RegionCode(value.substring(0, level().parentLength()));
    }

    /** True when {@code other} is this region or lies inside it. */
    public boolean contains(RegionCode other) {
        return other.value.startsWith(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
