package org.casework.core.assessments;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.MapType;

/**
 * Stores answers as one JSON object (item code → value). The column is read back through the
 * instrument version's checks, so the JSON only needs to keep values, not types; decimals are read
 * as BigDecimal so that no answer changes on the way through the database.
 */
@Converter
public class AnswersJsonConverter implements AttributeConverter<Map<String, Object>, String> {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final MapType MAP =
            JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);

    @Override
    public String convertToDatabaseColumn(Map<String, Object> answers) {
        return JSON.writeValueAsString(answers == null ? Map.of() : answers);
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Object> answers = JSON.readValue(json, MAP);
            // Whole numbers come back as Integer or Long; answers hold every number as BigDecimal.
            answers.replaceAll((code, value) ->
                    value instanceof Number n && !(value instanceof BigDecimal) ? new BigDecimal(n.toString()) : value);
            return answers;
        } catch (JacksonException e) {
            throw new IllegalStateException("Stored assessment answers are not a JSON object", e);
        }
    }
}
