package org.casework.sync.client;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One shared mapper: the client speaks JSON trees so unknown server fields never break it. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    static ObjectNode parseObject(String text) {
        JsonNode node = parse(text);
        return node instanceof ObjectNode o ? o : object();
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** An instant as the server writes it ({@code Z} or an offset), or null when unreadable. */
    static java.time.Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The string value of a property, or null when it is absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
