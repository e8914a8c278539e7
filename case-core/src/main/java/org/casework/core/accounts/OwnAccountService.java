package org.casework.core.accounts;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every signed-in user does with their own account: change their password, and whether they
 * may go on with what they signed in with (checked by the doors on every request).
 */
@Service
@RequiredArgsConstructor
public class OwnAccountService {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final LoginThrottle throttle;
    private final CurrentActor currentActor;
    private final AuditTrail audit;

    /** Whether the user may go on with what they signed in with. */
    public record Standing(boolean enabled, boolean passwordChangeRequired) {}

    /**
     * The logged-in user replaces their own password: the current one must be right (a wrong one
     * counts toward the login throttle), the new one must follow the password policy and differ
     * from the current. Ends a change required by an administrator's reset.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public void changePassword(String currentPassword, String newPassword, String clientAddress) {
        Actor actor = currentActor.get();
        UserAccount account = accounts.findById(actor.userId()).orElseThrow(() -> new NotFoundException("user"));
        Optional<Duration> wait = throttle.waitBefore(account.getUsername(), clientAddress);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throttle.failed(account.getUsername(), clientAddress);
            throw new InvalidInputException("currentPassword", "account.password.currentWrong");
        }
        passwordPolicy.check(newPassword, account.getUsername(), account.getDisplayName());
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("newPassword", "account.password.unchanged");
        }
        account.changePassword(passwordEncoder.encode(newPassword));
        audit.recordChange("UserAccount", account.getId(), "PASSWORD_CHANGED", null, actor.username());
    }

    /** The logged-in user's own standing, for their change-password page. */
    @Transactional(readOnly = true)
    public Standing currentStanding() {
        return standing(currentActor.get().userId());
    }

    /** The user's standing now (an unknown id: not enabled), for the doors' per-request checks. */
    @Transactional(readOnly = true)
    public Standing standing(UUID userId) {
        return accounts.findById(userId)
                .map(a -> new Standing(a.isEnabled(), a.isPasswordChangeRequired()))
                .orElse(new Standing(false, false));
    }
}
