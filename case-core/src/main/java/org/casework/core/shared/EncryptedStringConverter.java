package org.casework.core.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/**
 * Encrypts a String attribute with {@link FieldCipher}; opt in per field with
 * {@code @Convert(converter = EncryptedStringConverter.class)}. Not auto-applied, since most
 * strings are not sensitive and encrypted columns can be neither searched nor sorted.
 *
 * <p>A Spring bean so that Hibernate, which asks Spring's bean container for converters in Spring
 * Boot, gets one with the configured cipher injected.
 */
@Component
@Converter
public class EncryptedStringConverter implements AttributeConverter<String, String>, EncryptingConverter {

    private final FieldCipher cipher;

    public EncryptedStringConverter(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return cipher.decrypt(dbData);
    }
}
