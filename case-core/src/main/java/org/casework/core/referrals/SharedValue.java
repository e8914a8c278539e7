package org.casework.core.referrals;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import lombok.AccessLevel;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.EncryptedStringConverter;

/**
 * One shared field as it was at send time. The value is null when the registry had none (no phone
 * registered). Codes (sex, categories, risk level) are kept as codes and labelled on display.
 */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@AllArgsConstructor(access = AccessLevel.PACKAGE)
public class SharedValue {

    @Enumerated(EnumType.STRING)
    @Column(name = "field", nullable = false, length = 30)
    private SharedField field;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "value_enc", columnDefinition = "TEXT")
    private String value;
}
