package org.casework.core.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lockout and token lifetime, county-configurable ({@code casework.login.*}).
 *
 * @param maxFailedAttempts wrong passwords in a row before the account locks
 * @param lockDuration how long a locked account stays locked
 * @param tokenLifetime how long an API bearer token is valid
 */
@ConfigurationProperties("casework.login")
public record LoginPolicy(int maxFailedAttempts, Duration lockDuration, Duration tokenLifetime) {

    public LoginPolicy {
        maxFailedAttempts = maxFailedAttempts <= 0 ? 5 : maxFailedAttempts;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(12) : tokenLifetime;
    }
}
