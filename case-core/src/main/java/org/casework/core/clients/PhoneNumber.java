package org.casework.core.clients;

import java.util.regex.Pattern;
import org.casework.core.shared.InvalidInputException;

/**
 * A mainland China phone number, stored as bare digits: an 11-digit mobile ("13812345678") or a
 * landline with its area code ("01012345678", "075512345678"). {@link #toString()} is masked, so
 * numbers cannot reach logs by accident.
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[0-9]{2,3}[0-9]{7,8}");

    public PhoneNumber {
        if (value == null
                || !(MOBILE.matcher(value).matches() || LANDLINE.matcher(value).matches())) {
            throw invalid();
        }
    }

    /**
     * Parses user input. Spaces and dashes are separators people type or paste ("138 1234 5678",
     * "010-12345678"); the country code is only accepted on mobiles, because a landline written
     * with +86 drops its leading 0 and would need a different rule.
     */
    public static PhoneNumber parse(String raw) {
        if (raw == null) {
            throw invalid();
        }
        StringBuilder digits = new StringBuilder(raw.length());
        raw.codePoints().filter(cp -> !isSeparator(cp)).forEach(digits::appendCodePoint);
        String number = digits.toString();
        if (number.startsWith("+86")) {
            number = mobileAfterCountryCode(number.substring(3));
        } else if (number.startsWith("86") && number.length() == 13) {
            number = mobileAfterCountryCode(number.substring(2));
        }
        return new PhoneNumber(number);
    }

    public boolean isMobile() {
        return value.charAt(0) == '1';
    }

    /** The last four digits: enough for staff to confirm a number with the client. */
    public String tail() {
        return value.substring(value.length() - 4);
    }

    /** Mobile "138****5678"; landline keeps its area code start and last two digits. */
    public String masked() {
        if (isMobile()) {
            return value.substring(0, 3) + "****" + tail();
        }
        return value.substring(0, 4) + "*".repeat(value.length() - 6) + value.substring(value.length() - 2);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String mobileAfterCountryCode(String rest) {
        if (!MOBILE.matcher(rest).matches()) {
            throw invalid();
        }
        return rest;
    }

    // Full-width space and hyphen come from Chinese input methods.
    private static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '-' || cp == '\uFF0D';
    }

    // No arguments: the rejected input is personal data and exceptions end up in logs.
    private static InvalidInputException invalid() {
        return new InvalidInputException("phone", "client.phone.invalid");
    }
}
