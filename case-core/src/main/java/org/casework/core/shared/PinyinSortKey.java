package org.casework.core.shared;

import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The key lists of names are sorted by: the toneless pinyin of each Han character (its first
 * reading), ASCII letters and digits lower-cased, anything else dropped. "张建国户" → "zhangjianguohu",
 * so 张 files under Z as in a paper register, not by its code point. (Client names have their own,
 * surname-aware keys in {@code ChineseName}; this one serves records outside the clients feature.)
 */
public final class PinyinSortKey {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private PinyinSortKey() {}

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 128 && Character.isLetterOrDigit(cp)) {
                out.append(Character.toString(cp).toLowerCase(Locale.ROOT));
            } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN && Character.isBmpCodePoint(cp)) {
                out.append(reading((char) cp));
            }
        });
        return out.toString();
    }

    private static String reading(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? "" : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
