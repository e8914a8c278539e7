package org.casework.core.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.springframework.data.domain.Persistable;

/**
 * The ledger entry of a device mutation: written in the transaction of its effect (or alone after a
 * refused one rolled back), so the same id is never applied twice and a replay gets this result.
 *
 * <p>A new entry is always inserted, never merged into a row of the same id: once recorded, a
 * result is final (a late refusal must not turn an APPLIED mutation into a REJECTED one).
 */
@Entity
@Table(name = "sync_mutation")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SyncMutation implements Persistable<UUID> {

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID deviceId;

    @Column(nullable = false)
    private long counter;

    @Column(nullable = false, length = 20)
    private String type;

    @Column(nullable = false, length = 12)
    private String status;

    @Column(length = 20)
    private String entityType;

    @Column(columnDefinition = "BINARY(16)")
    private UUID entityId;

    private Long entityVersion;

    @Column(length = 100)
    private String code;

    /**
     * Message arguments, stored separated by U+001F (the column's format since V9; read them as a
     * list through {@link #getMessageArgs()}).
     */
    @Column(length = 1000)
    @Getter(AccessLevel.NONE)
    private String messageArgs;

    /** Per-field errors, stored as "field=messageKey" separated by U+001F; see {@link #getErrors()}. */
    @Column(length = 2000)
    @Getter(AccessLevel.NONE)
    private String errors;

    @Column(nullable = false)
    private Instant receivedAt;

    /** Separates the items of a list column (an ASCII unit separator never typed in a message). */
    private static final String SEP = "\u001f";

    /** The status of a refused mutation (the protocol's REJECTED). */
    public static final String REJECTED = "REJECTED";

    /** A field the refusal names and the message key saying what is wrong with it. */
    public record FieldError(String field, String key) {}

    /** Message arguments of the result's code (empty when none). */
    public List<String> getMessageArgs() {
        return messageArgs == null || messageArgs.isEmpty() ? List.of() : List.of(messageArgs.split(SEP, -1));
    }

    /** The refusal's per-field errors (empty when none). */
    public List<FieldError> getErrors() {
        if (errors == null || errors.isEmpty()) {
            return List.of();
        }
        List<FieldError> list = new ArrayList<>();
        for (String item : errors.split(SEP)) {
            int eq = item.indexOf('=');
            list.add(new FieldError(item.substring(0, eq), item.substring(eq + 1)));
        }
        return List.copyOf(list);
    }

    /** Not stored: true until inserted or loaded, so saving inserts (a duplicate id fails). */
    @Transient
    @Getter(AccessLevel.NONE)
    private boolean fresh = true;

    public static SyncMutation refused(
            UUID id,
            UUID deviceId,
            long counter,
            String type,
            String entityType,
            UUID entityId,
            String code,
            List<String> messageArgs,
            List<FieldError> errors,
            Instant receivedAt) {
        return new SyncMutation(
                id,
                deviceId,
                counter,
                type,
                REJECTED,
                entityType,
                entityId,
                null,
                code,
                messageArgs,
                errors,
                receivedAt);
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void recorded() {
        fresh = false;
    }

    public SyncMutation(
            UUID id,
            UUID deviceId,
            long counter,
            String type,
            String status,
            String entityType,
            UUID entityId,
            Long entityVersion,
            String code,
            List<String> messageArgs,
            List<FieldError> errors,
            Instant receivedAt) {
        this.id = id;
        this.deviceId = deviceId;
        this.counter = counter;
        this.type = type;
        this.status = status;
        this.entityType = entityType;
        this.entityId = entityId;
        this.entityVersion = entityVersion;
        this.code = code;
        // The stored text as it always was: no arguments of an applied mutation is null, of a
        // refusal the empty text; no errors is null.
        this.messageArgs = messageArgs == null ? null : String.join(SEP, messageArgs);
        this.errors = errors == null || errors.isEmpty()
                ? null
                : String.join(
                        SEP, errors.stream().map(e -> e.field() + "=" + e.key()).toList());
        this.receivedAt = receivedAt;
    }
}
