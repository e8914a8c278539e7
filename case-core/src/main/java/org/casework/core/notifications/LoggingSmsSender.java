package org.casework.core.notifications;

import lombok.extern.slf4j.Slf4j;
import org.casework.core.clients.PhoneNumber;

/**
 * The default {@link SmsSender}: sends nothing and logs that a message would have gone, with the
 * kind and the phone masked, never the text (it names a village or a case).
 */
@Slf4j
public class LoggingSmsSender implements SmsSender {

    @Override
    public void send(PhoneNumber phone, String text) {
        log.info("SMS not sent (no gateway configured): to {}", phone.masked());
    }

    @Override
    public void send(NotificationKind kind, PhoneNumber phone, String text) {
        log.info("SMS {} not sent (no gateway configured): to {}", kind, phone.masked());
    }
}
