package org.casework.core.assessments;

/** A label of an instrument in the two languages of the system (zh-CN default, en). */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        if (zh == null || zh.isBlank()) {
            throw new InvalidInstrumentException("the Chinese label (zh) is missing");
        }
        if (en == null || en.isBlank()) {
            throw new InvalidInstrumentException("the English label (en) is missing");
        }
    }

    public String in(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
