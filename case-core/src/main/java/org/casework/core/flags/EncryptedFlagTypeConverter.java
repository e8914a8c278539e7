package org.casework.core.flags;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.casework.core.shared.EncryptingConverter;
import org.casework.core.shared.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * Stores a flag's type encrypted: the type names what was seen (one of the nine mandatory-report
 * situations, e.g. a girl under 14 pregnant), which is as sensitive as the description. No query
 * filters or sorts by type; the queue orders by severity, which stays in clear.
 */
@Component
@Converter
class EncryptedFlagTypeConverter implements AttributeConverter<FlagType, String>, EncryptingConverter {

    private final FieldCipher cipher;

    EncryptedFlagTypeConverter(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(FlagType type) {
        return type == null ? null : cipher.encrypt(type.name());
    }

    @Override
    public FlagType convertToEntityAttribute(String stored) {
        return stored == null ? null : FlagType.valueOf(cipher.decrypt(stored));
    }
}
