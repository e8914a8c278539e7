package org.casework.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.EncryptedStringConverter;

/**
 * Who changed which fields of which record, and when. Holds field names only: the history must
 * not become a second, unencrypted copy of sensitive values.
 */
@Entity
@Table(name = "change_log")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ChangeLogEntry {

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id = UUID.randomUUID();

    @Column(nullable = false, length = 40)
    private String entityType;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID entityId;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(length = 1000)
    private String fields;

    /**
     * A remark, such as why a possible duplicate was registered anyway. Typed by a worker at times,
     * so encrypted at rest like every free text.
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "note_enc", columnDefinition = "TEXT")
    private String note;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false)
    private Instant occurredAt;

    public ChangeLogEntry(
            String entityType,
            UUID entityId,
            String action,
            List<String> fields,
            String note,
            String actor,
            Instant at) {
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.fields = fields == null || fields.isEmpty() ? null : String.join(",", fields);
        this.note = note;
        this.actor = actor;
        this.occurredAt = at;
    }

    public List<String> fieldList() {
        return fields == null ? List.of() : List.of(fields.split(","));
    }
}
