package org.casework.core.accounts;

import java.time.Clock;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A real account's wrong passwords in a row, written in their own transaction so the count
 * survives the refused request; at the policy's number the user is notified (once per run).
 */
@Component
@RequiredArgsConstructor
class LoginFailures {

    private final UserAccountRepository accounts;
    private final LoginPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(UUID userId) {
        accounts.findById(userId).ifPresent(a -> {
            int failures = a.loginFailed(clock.instant());
            if (failures == policy.notifyAfter()) {
                events.publishEvent(new RepeatedLoginFailures(a.getId(), failures));
            }
        });
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(UUID userId) {
        accounts.findById(userId).ifPresent(UserAccount::loginSucceeded);
    }
}
