package org.casework.core.shared;

/**
 * The rules every typed text obeys, whichever door it came through (API, web form, device sync):
 * a stated maximum length, checked before anything is stored, and no invisible control characters.
 *
 * <p>Control characters are refused, not stripped: a NUL or a bidirectional override (U+202E)
 * has no place in a name or a note, can make a record display as something it is not, and silently
 * removing it would store something other than what was sent. Line breaks and tabs are allowed in
 * multi-line texts (notes, descriptions) only.
 *
 * <p>Errors name the field and the limit, never the value: values end up in problem responses,
 * device sync results and logs.
 */
public final class FreeText {

    /** The message key of a text longer than its limit; arguments: the limit, the length sent. */
    public static final String TOO_LONG = "error.text.tooLong";

    /** The message key of a text with a control or direction-override character. */
    public static final String CONTROL_CHARACTERS = "error.text.controlCharacters";

    private FreeText() {}

    /**
     * A single-line text (a name, an address, a place): blank becomes null, the rest is stripped.
     *
     * @throws InvalidInputException naming the field when too long or holding a control character
     */
    public static String line(String field, String text, int maxLength) {
        return clean(field, text, maxLength, false);
    }

    /** A text that may span lines (notes, descriptions, reasons): blank becomes null, the rest is stripped. */
    public static String block(String field, String text, int maxLength) {
        return clean(field, text, maxLength, true);
    }

    /**
     * Only the character rule, for callers that check length themselves with their own message.
     *
     * @param multiline whether line breaks and tabs are allowed
     */
    public static void checkCharacters(String field, String text, boolean multiline) {
        if (text != null && firstControlCharacter(text, multiline) >= 0) {
            throw new InvalidInputException(field, CONTROL_CHARACTERS);
        }
    }

    /** Only the length rule, with the generic message; the length is counted in Java chars. */
    public static void checkLength(String field, String text, int maxLength) {
        if (text != null && text.length() > maxLength) {
            throw new InvalidInputException(field, TOO_LONG, maxLength, text.length());
        }
    }

    /**
     * The index of the first refused character, or -1. Refused: C0 controls (multi-line texts keep
     * tab, line feed and carriage return), DEL and the C1 controls, the bidirectional embeddings,
     * overrides, isolates and marks (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069), the
     * line and paragraph separators U+2028/U+2029, non-characters U+FFFE/U+FFFF, and unpaired
     * surrogates (not valid UTF-8: MySQL refuses them).
     */
    public static int firstControlCharacter(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || refused(c, multiline)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean refused(char c, boolean multiline) {
        if (c < 0x20) {
            return !(multiline && (c == '\n' || c == '\r' || c == '\t'));
        }
        return (c >= 0x7F && c <= 0x9F)
                || c == '\u061C'
                || c == '\u200E'
                || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u2028'
                || c == '\u2029'
                || c == '\uFFFE'
                || c == '\uFFFF';
    }

    private static String clean(String field, String text, int maxLength, boolean multiline) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        checkCharacters(field, value, multiline);
        checkLength(field, value, maxLength);
        return value;
    }
}
