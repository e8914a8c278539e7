package org.casework.core.notifications;

import org.casework.core.shared.InvalidInputException;

/**
 * One argument of a notification's text: a literal (a village name, a case number) or a message
 * key rendered in the reader's language (a status, a severity). Never personal data.
 */
public record MessageArg(String value, boolean messageKey) {

    static final char SEPARATOR = '|';

    public MessageArg {
        if (value == null || value.indexOf(SEPARATOR) >= 0) {
            throw new InvalidInputException("args", "notification.arg.invalid");
        }
    }

    public static MessageArg text(String value) {
        // a literal is shown as is; the separator would break the stored list, so it goes
        return new MessageArg(value == null ? "" : value.replace(SEPARATOR, '/'), false);
    }

    public static MessageArg key(String messageKey) {
        return new MessageArg(messageKey, true);
    }

    /** Stored form: "k:" for a key, "t:" for text. */
    String encode() {
        return (messageKey ? "k:" : "t:") + value;
    }

    static MessageArg decode(String stored) {
        return new MessageArg(stored.substring(2), stored.startsWith("k:"));
    }
}
