package org.casework.core.notifications;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.casework.core.clients.PhoneNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the SMS alerts after the change has committed: an alert is never sent for a change that
 * rolled back, and a gateway failure never fails the business operation (the inbox row is there).
 */
@Slf4j
@Component
@RequiredArgsConstructor
class SmsDispatcher {

    private final SmsSender sender;

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void send(SmsAlert alert) {
        for (PhoneNumber phone : alert.phones()) {
            try {
                sender.send(alert.kind(), phone, alert.text());
            } catch (RuntimeException e) {
                // no text and a masked number: the log must not carry personal data
                log.warn(
                        "SMS {} to {} failed: {}",
                        alert.kind(),
                        phone.masked(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
