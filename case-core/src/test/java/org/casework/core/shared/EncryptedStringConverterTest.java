package org.casework.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Converter;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

class EncryptedStringConverterTest {

    private final FieldCipher cipher = new FieldCipher(Base64.getEncoder().encodeToString(new byte[32]));
    private final EncryptedStringConverter converter = new EncryptedStringConverter(cipher);

    @Test
    void writesCiphertextAndReadsPlainTextBack() {
        String column = converter.convertToDatabaseColumn("110105194912310021");

        assertThat(column).isNotEqualTo("110105194912310021");
        assertThat(cipher.decrypt(column)).isEqualTo("110105194912310021");
        assertThat(converter.convertToEntityAttribute(column)).isEqualTo("110105194912310021");
    }

    @Test
    void keepsNullAsNullSoOptionalColumnsStayEmpty() {
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void isOptInAndManagedBySpring() {
        Converter jpa = EncryptedStringConverter.class.getAnnotation(Converter.class);

        assertThat(jpa).isNotNull();
        assertThat(jpa.autoApply()).isFalse();
        assertThat(EncryptedStringConverter.class.getAnnotation(Component.class))
                .isNotNull();
    }
}
