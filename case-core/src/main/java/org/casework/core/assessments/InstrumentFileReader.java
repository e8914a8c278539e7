package org.casework.core.assessments;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one instrument data file into a definition. Reads the JSON tree by hand rather than
 * binding it, so that an unknown field (a typo such as "requried" would silently make an item
 * optional), a duplicate key or a wrong type stops the start with the item's name.
 */
final class InstrumentFileReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Set<String> INSTRUMENT_FIELDS = Set.of("code", "version", "title", "scoring", "sections");
    private static final Set<String> SECTION_FIELDS = Set.of("code", "title", "note", "items");
    private static final Set<String> ITEM_FIELDS =
            Set.of("code", "label", "type", "required", "options", "min", "max", "maxLength");
    private static final Set<String> OPTION_FIELDS = Set.of("code", "label", "score");
    private static final Set<String> TEXT_FIELDS = Set.of("zh", "en");

    InstrumentDefinition read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new InvalidInstrumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        requireObject(root, "the file", INSTRUMENT_FIELDS);
        InstrumentKey key =
                new InstrumentKey(text(root, "code", "the instrument"), integer(root, "version", "the instrument"));
        List<Section> sections = new ArrayList<>();
        for (JsonNode section : array(root, "sections", key.toString())) {
            sections.add(section(section));
        }
        return new InstrumentDefinition(
                key, label(root.get("title"), "title"), text(root, "scoring", key.toString()), sections);
    }

    private static Section section(JsonNode node) {
        requireObject(node, "a section", SECTION_FIELDS);
        String code = text(node, "code", "a section");
        String where = "section '" + code + "'";
        List<Item> items = new ArrayList<>();
        for (JsonNode item : array(node, "items", where)) {
            items.add(item(item));
        }
        LocalizedText note = node.has("note") ? label(node.get("note"), where + " note") : null;
        return new Section(code, label(node.get("title"), where + " title"), note, items);
    }

    private static Item item(JsonNode node) {
        requireObject(node, "an item", ITEM_FIELDS);
        String code = text(node, "code", "an item");
        String where = "item '" + code + "'";
        try {
            String typeName = text(node, "type", where);
            ItemType type;
            try {
                type = ItemType.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                throw new InvalidInstrumentException("unknown type '" + typeName + "'");
            }
            List<ChoiceOption> options = new ArrayList<>();
            if (node.has("options")) {
                for (JsonNode option : array(node, "options", where)) {
                    options.add(option(option));
                }
            }
            return new Item(
                    code,
                    label(node.get("label"), "label"),
                    type,
                    optionalBoolean(node, "required", where),
                    options,
                    optionalDecimal(node, "min", where),
                    optionalDecimal(node, "max", where),
                    node.has("maxLength") ? integer(node, "maxLength", where) : null);
        } catch (InvalidInstrumentException e) {
            if (e.getMessage().startsWith("item '")) {
                throw e;
            }
            throw new InvalidInstrumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static ChoiceOption option(JsonNode node) {
        requireObject(node, "an option", OPTION_FIELDS);
        String code = text(node, "code", "an option");
        Integer score = null;
        if (node.has("score") && !node.get("score").isNull()) {
            score = integer(node, "score", "option '" + code + "'");
        }
        return new ChoiceOption(code, label(node.get("label"), "option '" + code + "' label"), score);
    }

    private static LocalizedText label(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new InvalidInstrumentException(where + " must be an object with zh and en");
        }
        requireObject(node, where, TEXT_FIELDS);
        try {
            return new LocalizedText(
                    node.path("zh").isString() ? node.get("zh").stringValue() : null,
                    node.path("en").isString() ? node.get("en").stringValue() : null);
        } catch (InvalidInstrumentException e) {
            throw new InvalidInstrumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static void requireObject(JsonNode node, String where, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new InvalidInstrumentException(where + " must be a JSON object");
        }
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidInstrumentException(
                        where + ": unknown field '" + name + "' (allowed: " + allowed + ")");
            }
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new InvalidInstrumentException(where + ": '" + field + "' must be a non-empty string");
        }
        return value.stringValue();
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidInstrumentException(where + ": '" + field + "' must be a whole number");
        }
        return value.intValue();
    }

    private static boolean optionalBoolean(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidInstrumentException(where + ": '" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static BigDecimal optionalDecimal(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidInstrumentException(where + ": '" + field + "' must be a number");
        }
        return value.decimalValue();
    }

    private static List<JsonNode> array(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new InvalidInstrumentException(where + ": '" + field + "' must be a list");
        }
        return new ArrayList<>(value.values());
    }
}
