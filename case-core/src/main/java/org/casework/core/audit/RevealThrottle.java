package org.casework.core.audit;

import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.SensitiveAccessEntry.Outcome;
import org.casework.core.security.Actor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts each user's reveals of full ID and phone numbers in a sliding window and refuses the one
 * over the limit ({@link RevealLimit}). Every reveal and every refused attempt is logged; the first
 * refusal of a window alerts the user's supervisors through {@link RevealLimitReached}.
 *
 * <p>Parallel requests of one user are counted one after the other: the user's account row is
 * locked for the rest of the transaction, so 98 requests in a second cannot all read "19 so far".
 * The caller's transaction must be READ COMMITTED, so the count taken after the lock sees the
 * reveals committed while it waited (MySQL's default REPEATABLE READ would count from a snapshot
 * taken at the transaction's first query).
 */
@Service
@RequiredArgsConstructor
@EnableConfigurationProperties(RevealLimit.class)
public class RevealThrottle {

    private final SensitiveAccessRepository accesses;
    private final RevealLimit limit;
    private final EntityManager em;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * Logs a reveal of the client's numbers by the actor, or, when the actor has reached the limit,
     * logs the refused attempt and throws. The caller must not roll back on the exception (the
     * refusal and the alert are the record of the attempt).
     *
     * @throws TooManyRevealsException when the actor already saw the maximum in the period
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = TooManyRevealsException.class)
    public void admit(Actor actor, UUID clientId, String reason) {
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (isolation == null || isolation != Connection.TRANSACTION_READ_COMMITTED) {
            // a REPEATABLE READ snapshot taken before the lock would hide the reveals committed meanwhile
            throw new IllegalStateException("Reveals must be admitted in a READ COMMITTED transaction");
        }
        lockUser(actor.userId());
        Instant now = clock.instant();
        Instant since = now.minus(limit.period());
        long revealed = accesses.countByActorAndOutcomeAndOccurredAtAfter(actor.username(), Outcome.REVEALED, since);
        if (revealed < limit.maxPerPeriod()) {
            accesses.save(new SensitiveAccessEntry(
                    actor.username(), actor.userId(), clientId, reason, now, Outcome.REVEALED));
            return;
        }
        boolean alerted = accesses.existsByActorAndOutcomeAndOccurredAtAfter(actor.username(), Outcome.REFUSED, since);
        accesses.save(
                new SensitiveAccessEntry(actor.username(), actor.userId(), clientId, reason, now, Outcome.REFUSED));
        if (!alerted) {
            events.publishEvent(new RevealLimitReached(
                    actor.userId(),
                    actor.username(),
                    actor.jurisdiction(),
                    limit.maxPerPeriod(),
                    limit.period().toMinutes()));
        }
        Instant oldest = accesses.findFirstByActorAndOutcomeAndOccurredAtAfterOrderByOccurredAt(
                        actor.username(), Outcome.REVEALED, since)
                .map(SensitiveAccessEntry::getOccurredAt)
                .orElse(now);
        Duration wait = Duration.between(now, oldest.plus(limit.period()));
        throw new TooManyRevealsException(limit, wait.isNegative() ? Duration.ZERO : wait);
    }

    /** A row lock on the user's account: the accounts feature's table, by id, without its classes. */
    private void lockUser(UUID userId) {
        ByteBuffer id = ByteBuffer.allocate(16)
                .putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits());
        em.createNativeQuery("SELECT id FROM user_account WHERE id = ? FOR UPDATE")
                .setParameter(1, id.array())
                .getResultList();
    }
}
