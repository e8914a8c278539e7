package org.casework.core.clients;

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

/** How an elderly person lives and who supports them (赡养人; names, so encrypted at rest). */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@AllArgsConstructor
public class ElderlyProfile {

    public static final int SUPPORTERS_MAX_LENGTH = 300;

    @Enumerated(EnumType.STRING)
    @Column(name = "living_arrangement", length = 30)
    private LivingArrangement livingArrangement;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "supporters_enc", columnDefinition = "TEXT")
    private String supporters;
}
