package org.casework.core.accounts;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.casework.core.shared.PositiveAmount;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling, password rules and token lifetime, county-configurable ({@code casework.login.*}).
 *
 * <p>Wrong passwords are throttled, never answered with a hard lock: each limit allows so many
 * failures per period and refills gradually, so once the first limit is spent the next attempt
 * waits a little, and once a longer one is spent it waits longer (growing delays). Every delay ends
 * by itself, so an attacker's failures slow the real user down but never shut them out for good.
 *
 * @param accountLimits wrong passwords allowed for one username (from any address)
 * @param addressLimits wrong passwords allowed from one client address (for any usernames)
 * @param notifyAfter wrong passwords in a row after which the user gets an in-app notification
 * @param passwordMinLength the shortest password accepted
 * @param tokenLifetime how long an API bearer token is valid
 */
@ConfigurationProperties("casework.login")
@Validated
public record LoginPolicy(
        List<Limit> accountLimits,
        List<Limit> addressLimits,
        @Positive Integer notifyAfter,
        @Min(8) Integer passwordMinLength,
        @PositiveAmount Duration tokenLifetime) {

    /** So many failures per period; the bucket refills evenly over the period. */
    public record Limit(int failures, Duration per) {
        public Limit {
            if (failures <= 0 || per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException(
                        "A login limit needs failures > 0 and a period: " + failures + "/" + per);
            }
        }
    }

    public LoginPolicy {
        accountLimits = accountLimits == null || accountLimits.isEmpty()
                ? List.of(
                        new Limit(5, Duration.ofMinutes(1)),
                        new Limit(10, Duration.ofMinutes(15)),
                        new Limit(20, Duration.ofHours(1)))
                : List.copyOf(accountLimits);
        addressLimits = addressLimits == null || addressLimits.isEmpty()
                ? List.of(new Limit(20, Duration.ofMinutes(10)), new Limit(60, Duration.ofHours(1)))
                : List.copyOf(addressLimits);
        notifyAfter = notifyAfter == null ? 5 : notifyAfter;
        passwordMinLength = passwordMinLength == null ? 10 : passwordMinLength;
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(12) : tokenLifetime;
    }

    /** The defaults, for tests and tools that build services by hand. */
    public static LoginPolicy defaults() {
        return new LoginPolicy(null, null, null, null, null);
    }
}
