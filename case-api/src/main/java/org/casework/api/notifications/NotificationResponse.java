package org.casework.api.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.casework.core.notifications.Notification;
import org.casework.core.notifications.NotificationKind;
import org.casework.core.notifications.SubjectType;
import org.springframework.context.MessageSource;

/**
 * One notification: the text in the caller's language, and the message key with its arguments for
 * clients that render it themselves; the subject it is about and the API path to read it.
 */
record NotificationResponse(
        UUID id,
        NotificationKind kind,
        String text,
        String messageKey,
        List<Arg> args,
        SubjectType subjectType,
        UUID subjectId,
        String link,
        Instant createdAt,
        boolean read,
        Instant readAt) {

    /** An argument of the text: a literal value, or a message key ({@code key} true) to render. */
    record Arg(String value, boolean key) {}

    static NotificationResponse of(Notification n, MessageSource messages, Locale locale) {
        return new NotificationResponse(
                n.getId(),
                n.getKind(),
                messages.getMessage(n.message(), locale),
                n.getKind().messageKey(),
                n.arguments().stream()
                        .map(a -> new Arg(a.value(), a.messageKey()))
                        .toList(),
                n.getSubjectType(),
                n.getSubjectId(),
                link(n.getSubjectType(), n.getSubjectId()),
                n.getOccurredAt(),
                n.isRead(),
                n.getReadAt());
    }

    private static String link(SubjectType type, UUID id) {
        return switch (type) {
            case FLAG -> "/api/v1/flags/" + id;
            case REFERRAL -> "/api/v1/referrals/" + id;
            case CASE -> "/api/v1/cases/" + id;
            case ACCOUNT -> "/api/v1/auth/password";
            case CLIENT -> "/api/v1/clients/" + id;
            case USER -> "/api/v1/audit/reveals?userId=" + id;
        };
    }
}
