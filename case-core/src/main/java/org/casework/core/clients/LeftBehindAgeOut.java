package org.casework.core.clients;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.casework.core.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 留守儿童 end at 16 (product.md: review automatically at 16). Every day (and at start-up, to catch
 * up after downtime) the 留守儿童 category of each child who has turned 16 is ended on the day before
 * the birthday with the reason "满16周岁", and a review (复核) goes to the station's worklist: does
 * the young person need another form of help?
 *
 * <p>Exactly once with several server instances: each child is handled in its own transaction that
 * increments the client's version and inserts a review unique per category, so a second instance
 * that read the same child fails at commit and rolls back, and a later run finds nothing to end.
 * On top of that the daily run itself is claimed (ShedLock, {@code left-behind-age-out}), so the
 * other instances skip it instead of racing for every child.
 */
@Component
@RequiredArgsConstructor
public class LeftBehindAgeOut {

    static final String REASON = "满16周岁";
    static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(LeftBehindAgeOut.class);

    private final EntityManager entityManager;
    private final ClientRepository clients;
    private final RegistryReviewRepository reviews;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final PlatformTransactionManager transactionManager;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${casework.registry.age-out-cron:0 20 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "left-behind-age-out")
    public void daily() {
        int ended = run(LocalDate.now(clock));
        if (ended > 0) {
            log.info("留守儿童 categories ended at 16: {} children sent for review", ended);
        }
    }

    /** Ends the categories of the children who are 16 on the day; returns how many children this run handled. */
    public int run(LocalDate today) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        List<UUID> due = tx.execute(status -> due(today));
        int handled = 0;
        for (UUID clientId : due == null ? List.<UUID>of() : due) {
            try {
                Boolean done = tx.execute(status -> ageOut(clientId, today));
                handled += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException concurrent) {
                // another instance handled this child at the same moment: its result stands
                log.debug("留守儿童 age-out of client {} was done concurrently", clientId);
            } catch (RuntimeException e) {
                // one inconsistent record must not stop the others; the next run tries it again
                log.warn("留守儿童 age-out of client {} failed; the next run retries", clientId, e);
            }
        }
        return handled;
    }

    /** Children 16 or older today with a 留守儿童 category still open in the database. */
    private List<UUID> due(LocalDate today) {
        return entityManager
                .createQuery(
                        "select distinct c.id from Client c join c.categories cat where cat.type = :leftBehind"
                                + " and (cat.validTo is null or cat.validTo >= :today) and c.birthDate <= :sixteen",
                        UUID.class)
                .setParameter("leftBehind", CategoryType.LEFT_BEHIND_CHILD)
                .setParameter("today", today)
                .setParameter("sixteen", today.minusYears(Client.LEFT_BEHIND_AGE_LIMIT))
                .getResultList();
    }

    private boolean ageOut(UUID clientId, LocalDate today) {
        Client client = clients.findById(clientId).orElse(null);
        if (client == null) {
            return false;
        }
        List<ClientCategory> ended = client.endLeftBehindAtSixteen(today, REASON);
        if (ended.isEmpty()) {
            return false;
        }
        entityManager.lock(client, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        clients.saveAndFlush(client);
        audit.recordChange(
                "Client", clientId, "CATEGORY_ENDED", List.of(CategoryType.LEFT_BEHIND_CHILD.name()), SYSTEM);
        for (ClientCategory category : ended) {
            RegistryReview review = reviews.saveAndFlush(
                    new RegistryReview(client, RegistryReviewKind.LEFT_BEHIND_AGED_OUT, category.getId(), today));
            events.publishEvent(new RegistryReviewOpened(
                    review.getId(), clientId, client.residenceRegion(), RegistryReviewKind.LEFT_BEHIND_AGED_OUT));
        }
        events.publishEvent(new ClientChanged(clientId));
        return true;
    }
}
