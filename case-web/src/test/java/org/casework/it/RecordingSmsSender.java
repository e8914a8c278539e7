package org.casework.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.casework.core.clients.PhoneNumber;
import org.casework.core.notifications.SmsSender;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway of the test contexts: found by component scanning, so it takes the place of the
 * logging sender (which only steps in when no {@link SmsSender} exists, as a real gateway would).
 * Records what would have been sent, or fails every send when told to.
 */
@Component
public class RecordingSmsSender implements SmsSender {

    public record Sms(String phone, String text) {}

    private final List<Sms> sent = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    @Override
    public void send(PhoneNumber phone, String text) {
        if (failing) {
            throw new IllegalStateException("gateway down");
        }
        sent.add(new Sms(phone.value(), text));
    }

    public List<Sms> sent() {
        return List.copyOf(sent);
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }

    public void reset() {
        sent.clear();
        failing = false;
    }
}
