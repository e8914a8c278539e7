package org.casework.core.notifications;

import org.casework.core.clients.PhoneNumber;

/**
 * Sends one text message. The extension point for a county's SMS gateway: a deployment registers
 * its own bean (and sets {@code casework.sms.gateway} to anything but {@code log}); the default
 * {@link LoggingSmsSender} only logs. Called after the change has committed; an exception is
 * logged and never undoes the change.
 */
public interface SmsSender {

    void send(PhoneNumber phone, String text);

    /**
     * What the notifications feature calls: a gateway that cares what kind of alert it sends (a
     * template per kind, say) overrides this; the others just send the text.
     */
    default void send(NotificationKind kind, PhoneNumber phone, String text) {
        send(phone, text);
    }
}
