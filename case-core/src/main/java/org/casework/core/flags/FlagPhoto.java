package org.casework.core.flags;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.EncryptedStringConverter;

/**
 * The optional photo of a flag (an injury, a house), encrypted like every sensitive field. Kept in
 * its own table so lists of flags never load it.
 */
@Entity
@Table(name = "flag_photo")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class FlagPhoto {

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID flagId;

    @Column(nullable = false, length = 30)
    private String contentType;

    @Column(nullable = false)
    private int sizeBytes;

    /**
     * The image as base64 (the converter works on strings), encrypted by the converter like every
     * other sensitive column, so a key rotation finds it in the mapping.
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "data_enc", nullable = false, columnDefinition = "LONGTEXT")
    private String data;

    FlagPhoto(UUID flagId, String contentType, int sizeBytes, String base64Data) {
        this.flagId = flagId;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.data = base64Data;
    }
}
