package org.casework.core.assessments;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One version of an assessment instrument, as read from its data file. Item codes are unique
 * across the whole instrument, because answers are a flat map from item code to value.
 */
public record InstrumentDefinition(InstrumentKey key, LocalizedText title, String scoring, List<Section> sections) {

    private static final Pattern SCORING = Pattern.compile("[A-Z][A-Z0-9_]*");

    public InstrumentDefinition {
        if (key == null) {
            throw new InvalidInstrumentException("the instrument has no code and version");
        }
        if (title == null) {
            throw new InvalidInstrumentException(key + ": title is missing");
        }
        if (scoring == null || !SCORING.matcher(scoring).matches()) {
            throw new InvalidInstrumentException(key + ": scoring method '" + scoring + "' is not a method name");
        }
        if (sections == null || sections.isEmpty()) {
            throw new InvalidInstrumentException(key + ": no sections");
        }
        sections = List.copyOf(sections);
        Map<String, Item> seen = new LinkedHashMap<>();
        Set<String> sectionCodes = new HashSet<>();
        for (Section section : sections) {
            if (!sectionCodes.add(section.code())) {
                throw new InvalidInstrumentException(key + ": section code '" + section.code() + "' is duplicated");
            }
            for (Item item : section.items()) {
                if (seen.put(item.code(), item) != null) {
                    throw new InvalidInstrumentException(key + ": item code '" + item.code() + "' is duplicated");
                }
            }
        }
    }

    public String code() {
        return key.code();
    }

    public int version() {
        return key.version();
    }

    public Optional<Item> item(String itemCode) {
        return items().stream().filter(i -> i.code().equals(itemCode)).findFirst();
    }

    /** All items in form order. */
    public List<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }
}
