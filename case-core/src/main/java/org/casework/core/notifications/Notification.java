package org.casework.core.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.AbstractAggregate;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One entry of a user's inbox: what happened (kind and arguments), what it is about (the subject to
 * link to), when, and whether the user has read it. The text is rendered when shown, so it follows
 * the reader's language; the arguments hold no personal data.
 */
@Entity
@Table(name = "notification")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Notification extends AbstractAggregate {

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID recipientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private NotificationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SubjectType subjectType;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID subjectId;

    @Getter(AccessLevel.NONE)
    @Column(length = 500)
    private String args;

    @Column(nullable = false)
    private Instant occurredAt;

    private Instant readAt;

    /** The most arguments a notice text uses. */
    private static final int ARGUMENTS_SHOWN = 4;

    public Notification(
            UUID recipientId, NotificationKind kind, UUID subjectId, List<MessageArg> arguments, Instant at) {
        this.recipientId = recipientId;
        this.kind = kind;
        this.subjectType = kind.subjectType();
        this.subjectId = subjectId;
        this.args = encode(arguments);
        this.occurredAt = at;
    }

    private static String encode(List<MessageArg> arguments) {
        return arguments.isEmpty()
                ? null
                : arguments.stream()
                        .map(MessageArg::encode)
                        .collect(Collectors.joining(String.valueOf(MessageArg.SEPARATOR)));
    }

    /**
     * A later step of the same matter replaces this unread notice ({@link ReferralUpdateCollapse}):
     * it says what happened last and moves to the top of the inbox.
     */
    void supersede(List<MessageArg> arguments, Instant at) {
        this.args = encode(arguments);
        this.occurredAt = at;
    }

    public boolean isRead() {
        return readAt != null;
    }

    /** Reading twice keeps the first time. */
    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public List<MessageArg> arguments() {
        if (args == null || args.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(args.split("\\" + MessageArg.SEPARATOR, -1))
                .map(MessageArg::decode)
                .toList();
    }

    /** The text to render with a MessageSource in the reader's locale; key arguments are rendered too. */
    public MessageSourceResolvable message() {
        return message(kind, arguments());
    }

    static MessageSourceResolvable message(NotificationKind kind, List<MessageArg> arguments) {
        Object[] given = arguments.stream()
                .map(a -> a.messageKey() ? new DefaultMessageSourceResolvable(a.value()) : a.value())
                .toArray();
        // notices written before a text gained an argument (the subject) show a dash, not "{2}"
        Object[] resolved = Arrays.copyOf(given, Math.max(given.length, ARGUMENTS_SHOWN));
        Arrays.fill(resolved, given.length, resolved.length, "—");
        return new DefaultMessageSourceResolvable(new String[] {kind.messageKey()}, resolved, kind.messageKey());
    }
}
