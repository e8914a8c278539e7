package org.casework.core.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import lombok.extern.slf4j.Slf4j;
import org.casework.core.clients.PhoneNumber;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the SMS alerts after the change has committed: an alert is never sent for a change that
 * rolled back, and a gateway failure never fails the business operation (the inbox row is there).
 * Sent and failed texts are counted ({@code casework.sms}, by outcome), so a dead gateway shows on
 * the dashboard before a red flag goes unnoticed.
 */
@Slf4j
@Component
class SmsDispatcher {

    private final SmsSender sender;
    private final Counter sent;
    private final Counter failed;

    SmsDispatcher(SmsSender sender, ObjectProvider<MeterRegistry> registry) {
        this.sender = sender;
        // core tests run without Actuator: their counts go nowhere
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        this.sent = counter(meters, "sent");
        this.failed = counter(meters, "failed");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("casework.sms")
                .description("SMS alerts handed to the gateway, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void send(SmsAlert alert) {
        for (PhoneNumber phone : alert.phones()) {
            try {
                sender.send(alert.kind(), phone, alert.text());
                sent.increment();
            } catch (RuntimeException e) {
                failed.increment();
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
