package org.casework.core.clients;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.casework.core.shared.InvalidInputException;

/**
 * Personal names: validation, and the pinyin keys that let staff find "张伟" by typing "zhangwei"
 * or "zw" on a keyboard without an input method. All methods treat null as an empty name.
 */
public final class ChineseName {

    public static final int MAX_LENGTH = 50;

    // pinyin4j lists readings in dictionary order, which is wrong for these characters as
    // surnames; only the first character of a name is taken to be the surname.
    private static final Map<Integer, String> SURNAME_READINGS = Map.of(
            (int) '曾', "zeng",
            (int) '单', "shan",
            (int) '解', "xie",
            (int) '仇', "qiu",
            (int) '朴', "piao",
            (int) '区', "ou",
            (int) '查', "zha",
            (int) '翟', "zhai",
            (int) '乐', "yue");

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        // "lv" for 吕: what people type, since ü is not on the keyboard
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private ChineseName() {}

    /**
     * "张伟" → "zhangwei". ASCII letters and digits are kept (lower-cased); separators and
     * characters pinyin4j does not know are dropped.
     */
    public static String fullPinyin(String name) {
        StringBuilder out = new StringBuilder();
        forEachToken(name, out::append);
        return out.toString();
    }

    /**
     * "欧阳娜娜" → "oynn": the first letter of each character's reading. A run of ASCII letters and
     * digits counts as one word and contributes its first character, so "Anna 李" → "al".
     */
    public static String initials(String name) {
        StringBuilder out = new StringBuilder();
        forEachToken(name, token -> out.append(token.charAt(0)));
        return out.toString();
    }

    /** Brings a search box entry to the form of the stored keys: lower case, no spaces. */
    public static String normalizeQuery(String q) {
        if (q == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(q.length());
        q.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Accepts Han characters, letters of any script, spaces and the middle dots that separate the
     * parts of transcribed minority and foreign names ("买买提·艾力").
     */
    public static void validate(String name) {
        if (name == null) {
            throw invalid();
        }
        String trimmed = name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > MAX_LENGTH) {
            throw invalid();
        }
        boolean hasNameCharacter = false;
        for (int cp : trimmed.codePoints().toArray()) {
            if (isHan(cp) || Character.isLetter(cp)) {
                hasNameCharacter = true;
            } else if (cp != '·' && cp != '•' && cp != ' ') {
                throw invalid();
            }
        }
        if (!hasNameCharacter) {
            throw invalid();
        }
    }

    private static void forEachToken(String name, Consumer<String> sink) {
        if (name == null) {
            return;
        }
        int[] cps = name.strip().codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            if (isAsciiLetterOrDigit(cps[i])) {
                int start = i;
                while (i < cps.length && isAsciiLetterOrDigit(cps[i])) {
                    i++;
                }
                sink.accept(new String(cps, start, i - start).toLowerCase(Locale.ROOT));
                continue;
            }
            String reading = i == 0 ? SURNAME_READINGS.get(cps[i]) : null;
            if (reading == null) {
                reading = firstReading(cps[i]);
            }
            if (reading != null) {
                sink.accept(reading);
            }
            i++;
        }
    }

    private static String firstReading(int cp) {
        // pinyin4j only covers the Basic Multilingual Plane; rarer characters have no key
        if (!Character.isBmpCodePoint(cp)) {
            return null;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray((char) cp, FORMAT);
            return readings == null || readings.length == 0 || readings[0].isEmpty() ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("Inconsistent pinyin output format", e);
        }
    }

    private static boolean isAsciiLetterOrDigit(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("fullName", "client.name.invalid");
    }
}
