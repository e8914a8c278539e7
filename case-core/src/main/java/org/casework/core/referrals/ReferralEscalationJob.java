package org.casework.core.referrals;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.shared.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates referrals that have waited too long for the receiver's response, each exactly once even
 * when several server instances run the job: an instance escalates only a referral it claimed with a
 * conditional update (the row changed for it and for no one else), and publishes
 * {@link ReferralEscalated} in that same transaction.
 */
@Component
@RequiredArgsConstructor
public class ReferralEscalationJob {

    private static final Logger log = LoggerFactory.getLogger(ReferralEscalationJob.class);

    /** Referrals claimed per run; the rest wait for the next run (a minute later by default). */
    static final int BATCH = 200;

    private final ReferralRepository referrals;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PlatformTransactionManager transactionManager;

    @Scheduled(
            fixedDelayString = "${casework.referrals.escalation-check:PT1M}",
            initialDelayString = "${casework.referrals.escalation-check:PT1M}")
    public void run() {
        int escalated = escalateOverdue();
        if (escalated > 0) {
            log.info("Escalated {} referral(s) waiting past their response due time", escalated);
        }
    }

    /** Escalates what is overdue now; returns how many referrals this call escalated. */
    public int escalateOverdue() {
        Instant now = clock.instant();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        List<UUID> overdue = tx.execute(s -> referrals.findOverdueIds(now, PageRequest.of(0, BATCH)));
        int escalated = 0;
        for (UUID id : overdue == null ? List.<UUID>of() : overdue) {
            try {
                if (Boolean.TRUE.equals(tx.execute(s -> escalate(id, now)))) {
                    escalated++;
                }
            } catch (RuntimeException e) {
                // one failing referral (a listener's error) must not keep the others from escalating
                log.warn("Escalation of referral {} failed; retried on the next run", id, LogSafe.scrub(e));
            }
        }
        return escalated;
    }

    private boolean escalate(UUID id, Instant now) {
        if (referrals.claimEscalation(id, now) != 1) {
            return false; // another instance (or an earlier run) got it, or it was answered meanwhile
        }
        Referral referral = referrals.findById(id).orElseThrow();
        audit.recordChange("Referral", id, "ESCALATED", null, null, "system");
        events.publishEvent(new ReferralEscalated(
                referral.getId(),
                referral.getSenderId(),
                referral.getSendingOrganisationId(),
                referral.getReceivingOrganisationId()));
        return true;
    }
}
