package org.casework.core.assessments;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casework.core.shared.EncryptingConverter;
import org.casework.core.shared.FieldCipher;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.MapType;

/**
 * Stores answers as one JSON object (item code → value), encrypted with {@link FieldCipher}: the
 * answers of a child-protection assessment (the mandatory-report items among them) and an elderly
 * person's abilities are sensitive personal information. The column is read back through the
 * instrument version's checks, so the JSON only needs to keep values, not types; decimals are read
 * as BigDecimal so that no answer changes on the way through the database.
 *
 * <p>A Spring bean, like {@code EncryptedStringConverter}, so Hibernate gets it with the cipher.
 */
@Component
@Converter
public class AnswersJsonConverter implements AttributeConverter<Map<String, Object>, String>, EncryptingConverter {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final MapType MAP =
            JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);

    private final FieldCipher cipher;

    public AnswersJsonConverter(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(Map<String, Object> answers) {
        return cipher.encrypt(JSON.writeValueAsString(answers == null ? Map.of() : answers));
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(String stored) {
        if (stored == null || stored.isBlank()) {
            return new LinkedHashMap<>();
        }
        String json = cipher.decrypt(stored);
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
