package org.casework.core.assessments;

import java.util.List;

/**
 * A titled group of items, as the form shows them, with an optional note (the rule that applies,
 * said where the user answers).
 */
public record Section(String code, LocalizedText title, LocalizedText note, List<Item> items) {

    public Section {
        if (code == null || code.isBlank()) {
            throw new InvalidInstrumentException("a section has no code");
        }
        if (title == null) {
            throw new InvalidInstrumentException("section '" + code + "' has no title");
        }
        if (items == null || items.isEmpty()) {
            throw new InvalidInstrumentException("section '" + code + "' has no items");
        }
        items = List.copyOf(items);
    }
}
