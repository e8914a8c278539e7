package org.casework.web.notifications;

import java.util.Locale;
import java.util.UUID;
import org.casework.core.notifications.Notification;
import org.casework.web.support.Dates;
import org.springframework.context.MessageSource;

/** One line of the inbox: the text in the reader's language, when, and whether it was read. */
record NotificationRow(UUID id, String kind, String text, String when, boolean read) {

    static NotificationRow of(Notification n, MessageSource messages, Locale locale) {
        return new NotificationRow(
                n.getId(),
                n.getKind().name(),
                messages.getMessage(n.message(), locale),
                Dates.dateTime(n.getOccurredAt()),
                n.isRead());
    }
}
