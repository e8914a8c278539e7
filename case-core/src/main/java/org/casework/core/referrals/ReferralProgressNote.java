package org.casework.core.referrals;

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

/** The receiving department's note on its progress (进展). Append-only: never edited or deleted. */
@Entity
@Immutable
@Table(name = "referral_progress_note")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ReferralProgressNote {

    public static final int MAX_LENGTH = 2000;

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id = UUID.randomUUID();

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID referralId;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID authorId;

    @Column(nullable = false, length = 64)
    private String author;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "note_enc", nullable = false, columnDefinition = "TEXT")
    private String text;

    @Column(nullable = false)
    private Instant createdAt;

    ReferralProgressNote(UUID referralId, UUID authorId, String author, String text, Instant createdAt) {
        this.referralId = referralId;
        this.authorId = authorId;
        this.author = author;
        this.text = text.strip();
        this.createdAt = createdAt;
    }
}
