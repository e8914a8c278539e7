package org.casework.core.referrals;

import java.time.Duration;
import org.casework.core.shared.PositiveAmount;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a partner department has to respond to a referral, by urgency
 * ({@code casework.referrals.response-due.urgent|high|normal}; defaults 24 hours, 3 days, 5 days).
 * A referral still waiting after that is escalated once (the check runs every
 * {@code casework.referrals.escalation-check}, default one minute).
 */
@ConfigurationProperties("casework.referrals")
@Validated
public record ReferralPolicy(
        ResponseDue responseDue, @PositiveAmount Duration escalationCheck) {

    public ReferralPolicy {
        responseDue = responseDue == null ? new ResponseDue(null, null, null) : responseDue;
        escalationCheck = escalationCheck == null ? Duration.ofMinutes(1) : escalationCheck;
    }

    public record ResponseDue(Duration urgent, Duration high, Duration normal) {

        public ResponseDue {
            urgent = positive(urgent, Duration.ofHours(24));
            high = positive(high, Duration.ofDays(3));
            normal = positive(normal, Duration.ofDays(5));
        }

        private static Duration positive(Duration value, Duration fallback) {
            if (value == null) {
                return fallback;
            }
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("casework.referrals.response-due must be positive: " + value);
            }
            return value;
        }
    }

    /** How long the receiver has to respond to a referral of this urgency. */
    public Duration responseTime(ReferralUrgency urgency) {
        return switch (urgency) {
            case URGENT -> responseDue.urgent();
            case HIGH -> responseDue.high();
            case NORMAL -> responseDue.normal();
        };
    }
}
