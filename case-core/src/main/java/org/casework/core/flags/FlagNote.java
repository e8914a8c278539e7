package org.casework.core.flags;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;

/** An addition to a sent flag (the flag itself never changes). Append-only, encrypted at rest. */
@Entity
@Table(name = "flag_note")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class FlagNote {

    public static final int TEXT_MAX_LENGTH = 2000;

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID flagId;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "text_enc", nullable = false, columnDefinition = "TEXT")
    private String text;

    @Column(nullable = false, length = 64)
    private String writtenBy;

    @Column(nullable = false)
    private Instant writtenAt;

    /** Keeps the id a field device gave the note offline (only before it is saved). */
    void assignId(UUID deviceId) {
        if (deviceId != null) {
            this.id = deviceId;
        }
    }

    FlagNote(UUID flagId, String text, String writtenBy, Instant now) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw new InvalidInputException("text", "flag.note.required");
        }
        FreeText.checkCharacters("text", value, true);
        if (value.length() > TEXT_MAX_LENGTH) {
            throw new InvalidInputException("text", "flag.note.tooLong", TEXT_MAX_LENGTH);
        }
        this.id = UUID.randomUUID();
        this.flagId = flagId;
        this.text = value;
        this.writtenBy = writtenBy;
        this.writtenAt = now;
    }
}
