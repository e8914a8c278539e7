package org.casework.web.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.casework.core.flags.EscalationTier;
import org.casework.core.flags.FlagEscalated;
import org.casework.core.referrals.ReferralEscalated;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The casework figures an operator watches next to the standard HTTP and connection-pool meters:
 * escalations (flags and late referrals) and the red flags nobody has triaged yet. The sync and SMS
 * counts are kept where they happen (core). Counts only: no person, place or user in any tag.
 */
@Component
class CaseworkMeters {

    /** A late referral escalates once, to the sending side's supervisor. */
    private static final String REFERRAL_TIER = "sender";

    private final MeterRegistry registry;

    CaseworkMeters(MeterRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        // read at each scrape: one indexed count (flag status, severity), across all instances' writes
        Gauge.builder("casework.flags.untriaged.red", jdbc, db -> untriagedRed(db))
                .description("Red flags raised and not yet triaged")
                .register(registry);
        // every series from the start, so a dashboard shows 0 rather than nothing
        for (EscalationTier tier : EscalationTier.values()) {
            escalations("flag", tier.name());
        }
        escalations("referral", REFERRAL_TIER);
    }

    private static double untriagedRed(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject(
                "select count(*) from flag where status = 'UNTRIAGED' and severity = 'RED'", Long.class);
        return count == null ? 0 : count;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void flagEscalated(FlagEscalated event) {
        escalations("flag", event.tier().name()).increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void referralEscalated(ReferralEscalated event) {
        escalations("referral", REFERRAL_TIER).increment();
    }

    private Counter escalations(String kind, String tier) {
        return Counter.builder("casework.escalations")
                .description("Escalations of untriaged flags and of referrals left without a response")
                .tag("kind", kind)
                .tag("tier", tier.toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
