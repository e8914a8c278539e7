package org.casework.core.accounts;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.casework.core.security.ActorDetails;
import org.casework.core.shared.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The one password check behind every login door (web form, API token, device registration).
 *
 * <p>Nothing in the answer tells whether a username exists: the throttle is kept for any name
 * typed, an unknown user's password is hashed against a dummy hash so the answer takes as long as
 * for a real one, and a wrong password reads the same whoever it was for. Only the right password
 * learns that an account is disabled.
 */
@Service
public class LoginService {

    private final UserAccountRepository accounts;
    private final LoginFailures failures;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwordEncoder;

    /**
     * A hash of a random password made with the same encoder and cost as the real ones, so checking
     * an unknown user's password against it takes as long as checking a real account's.
     */
    private final String dummyHash;

    LoginService(
            UserAccountRepository accounts,
            LoginFailures failures,
            LoginThrottle throttle,
            PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.failures = failures;
        this.throttle = throttle;
        this.passwordEncoder = passwordEncoder;
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * Checks the password of the username, typed from the client address.
     *
     * @return the account, enabled, with the right password
     * @throws LoginThrottledException too many wrong passwords lately; the password was not checked
     * @throws AccessDeniedException {@code auth.badCredentials} (unknown user or wrong password, alike)
     *     or {@code auth.disabled} (right password of a disabled account)
     */
    public UserAccount login(String username, String password, String clientAddress) {
        String name = username == null ? "" : username.strip();
        Optional<Duration> wait = throttle.waitBefore(name, clientAddress);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        Optional<UserAccount> found = name.isEmpty() ? Optional.empty() : accounts.findByUsername(name);
        String hash = found.map(UserAccount::getPasswordHash).orElse(dummyHash);
        boolean matches = passwordEncoder.matches(password == null ? "" : password, hash);
        if (found.isEmpty() || !matches) {
            throttle.failed(name, clientAddress);
            found.ifPresent(account -> failures.failed(account.getId()));
            throw new AccessDeniedException("auth.badCredentials");
        }
        UserAccount account = found.get();
        if (!account.isEnabled()) {
            throw new AccessDeniedException("auth.disabled");
        }
        throttle.clear(name);
        if (account.getFailedLogins() > 0) {
            failures.succeeded(account.getId());
        }
        return account;
    }

    /** Spring Security's view of an account that just logged in. */
    public static ActorDetails details(UserAccount account) {
        return new ActorDetails(account.toActor(), account.getPasswordHash(), account.isEnabled(), false);
    }

    /** For the administrators' list: how long the username must still wait, if at all. */
    public Optional<Duration> throttledFor(String username) {
        return throttle.accountWait(username);
    }
}
