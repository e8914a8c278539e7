package org.casework.core.supervision;

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
import org.hibernate.annotations.Immutable;

/**
 * A supervisor's note on a case (督导记录): who wrote what, when. Append-only: never edited or
 * deleted. The text is encrypted at rest.
 */
@Entity
@Immutable
@Table(name = "supervision_note")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SupervisionNote {

    public static final int MAX_LENGTH = 2000;

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id = UUID.randomUUID();

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID caseId;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID authorId;

    /** The author's username, as the case history names actors. */
    @Column(nullable = false, length = 64)
    private String author;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "note_enc", nullable = false, columnDefinition = "TEXT")
    private String text;

    @Column(nullable = false)
    private Instant createdAt;

    SupervisionNote(UUID caseId, UUID authorId, String author, String text, Instant createdAt) {
        this.caseId = caseId;
        this.authorId = authorId;
        this.author = author;
        this.text = text;
        this.createdAt = createdAt;
    }
}
