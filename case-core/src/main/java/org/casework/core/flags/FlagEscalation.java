package org.casework.core.flags;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates flags still untriaged at their deadline: to the station head, then one window later to
 * the county supervisor. A mandatory-report flag cannot be triaged before its police report is
 * recorded, so an unreported one escalates too. Several server instances may run this at once:
 * each escalation is claimed by a conditional update that only one of them wins, and the event is
 * published in the claiming transaction, so it happens exactly once per flag and tier.
 */
@Component
@RequiredArgsConstructor
public class FlagEscalation {

    private static final Logger log = LoggerFactory.getLogger(FlagEscalation.class);

    private final FlagRepository flags;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final PlatformTransactionManager transactionManager;
    private final Clock clock;

    /** Returns how many escalations this run made (another instance may have made the rest). */
    @Scheduled(
            fixedDelayString = "${casework.flags.escalation-interval:PT1M}",
            initialDelayString = "${casework.flags.escalation-initial-delay:PT1M}")
    public int escalateDue() {
        Instant now = clock.instant();
        int done = 0;
        for (UUID id : flags.dueForHeadEscalation(now)) {
            done += escalate(id, EscalationTier.STATION_HEAD, now);
        }
        for (UUID id : flags.dueForCountyEscalation(now)) {
            done += escalate(id, EscalationTier.COUNTY_SUPERVISOR, now);
        }
        if (done > 0) {
            log.info("Flags: {} escalation(s) of untriaged flags", done);
        }
        return done;
    }

    /** One flag, one tier, one transaction: a failure leaves the others to go on. */
    private int escalate(UUID id, EscalationTier tier, Instant now) {
        Integer claimed = new TransactionTemplate(transactionManager).execute(status -> {
            int rows = tier == EscalationTier.STATION_HEAD
                    ? flags.claimHeadEscalation(id, now)
                    : flags.claimCountyEscalation(id, now);
            if (rows == 0) {
                return 0;
            }
            Flag flag = flags.findById(id).orElseThrow();
            audit.recordChange("Flag", id, "ESCALATED", null, tier.name(), "system");
            events.publishEvent(new FlagEscalated(id, flag.village(), flag.getSeverity(), tier));
            return 1;
        });
        return claimed == null ? 0 : claimed;
    }
}
