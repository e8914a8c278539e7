package org.casework.core.services;

import java.util.LinkedHashMap;
import java.util.Map;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A visit's structured observations (the answers of a visit form: "child at home", "meals",
 * "guardian present"): a flat JSON object of at most {@value #MAX_KEYS} keys whose values are
 * booleans, numbers or short texts. Kept flat and small on purpose: it is stored encrypted next to
 * the notes and travels to field devices over 2G.
 */
public final class VisitObservations {

    public static final int MAX_KEYS = 20;
    public static final int MAX_KEY_LENGTH = 50;
    public static final int MAX_TEXT_LENGTH = 200;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VisitObservations() {}

    /** Checks the observations and returns their JSON text (null when there are none). */
    public static String toJson(Map<String, Object> observations) {
        if (observations == null || observations.isEmpty()) {
            return null;
        }
        if (observations.size() > MAX_KEYS) {
            throw new InvalidInputException("observations", "service.observations.tooMany", MAX_KEYS);
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        observations.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                throw new InvalidInputException("observations", "service.observations.key", MAX_KEY_LENGTH);
            }
            FreeText.checkCharacters("observations", key, false);
            if (value instanceof String text) {
                FreeText.checkCharacters("observations", text, true);
                if (text.length() > MAX_TEXT_LENGTH) {
                    throw new InvalidInputException(
                            "observations", "service.observations.textTooLong", key, MAX_TEXT_LENGTH);
                }
            } else if (!(value instanceof Boolean) && !(value instanceof Number)) {
                // Lists, objects and nulls are refused: a flat form answer has none of them.
                throw new InvalidInputException("observations", "service.observations.value", key);
            }
            checked.put(key, value);
        });
        return JSON.writeValueAsString(checked);
    }

    /** The stored JSON text back as a map (insertion order kept); empty for none. */
    public static Map<String, Object> fromJson(String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return values;
        }
        try {
            JsonNode node = JSON.readTree(json);
            node.properties().forEach(e -> {
                JsonNode v = e.getValue();
                values.put(
                        e.getKey(),
                        v.isBoolean() ? (Object) v.asBoolean() : v.isNumber() ? v.numberValue() : v.asString());
            });
            return values;
        } catch (JacksonException e) {
            throw new IllegalStateException("Stored visit observations are not a JSON object", e);
        }
    }
}
