package org.casework.core.visits;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.casework.core.shared.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills and re-checks {@code visit_schedule} in batches of {@link VisitScheduleBatch#SIZE} clients,
 * one transaction per batch, each computed set-based by {@link VisitScheduleBatch} (a few queries
 * per batch, not per client; only changed rows are written).
 *
 * <ul>
 *   <li>On startup, clients without a row get one (the first start after the V5 migration, or
 *       clients imported straight into the database).
 *   <li>Every night, every row is recomputed: levels also change with time alone (a category's end
 *       date passes), and the nightly pass repairs a row a concurrent write left behind.
 * </ul>
 */
@Component
@RequiredArgsConstructor
public class VisitScheduleMaintenance {

    private static final Logger log = LoggerFactory.getLogger(VisitScheduleMaintenance.class);
    private static final UUID FIRST = new UUID(0, 0);

    private final EntityManager entityManager;
    private final VisitScheduleBatch batches;
    private final PlatformTransactionManager transactionManager;

    @EventListener(ApplicationReadyEvent.class)
    public void backfillMissing() {
        int filled = run(true);
        if (filled > 0) {
            log.info("Visit schedules: filled {} clients that had none", filled);
        }
    }

    /** Every instance fires this; the one that locks {@code visit-schedule-refresh} runs it (ShedLock). */
    @Scheduled(cron = "${casework.visits.nightly-refresh:0 30 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "visit-schedule-refresh")
    public void refreshAll() {
        long start = System.nanoTime();
        int refreshed = run(false);
        log.info("Visit schedules: refreshed {} clients in {} ms", refreshed, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Walks the clients by id (keyset paging, so a failing batch cannot stall the walk); returns how
     * many clients it checked.
     */
    int run(boolean onlyMissing) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        UUID after = FIRST;
        int done = 0;
        int written = 0;
        while (true) {
            UUID from = after;
            List<UUID> batch = tx.execute(status -> nextBatch(from, onlyMissing));
            if (batch == null || batch.isEmpty()) {
                log.debug("Visit schedules: checked {} clients, wrote {} rows", done, written);
                return done;
            }
            try {
                Integer changed = tx.execute(status -> batches.refresh(batch));
                written += changed == null ? 0 : changed;
                done += batch.size();
            } catch (RuntimeException e) {
                log.warn(
                        "Visit schedules: a batch after client {} failed; the next pass retries it",
                        from,
                        LogSafe.scrub(e));
            }
            after = batch.get(batch.size() - 1);
        }
    }

    private List<UUID> nextBatch(UUID after, boolean onlyMissing) {
        String missing = onlyMissing ? " and not exists (select 1 from VisitSchedule v where v.clientId = c.id)" : "";
        return entityManager
                .createQuery("select c.id from Client c where c.id > :after" + missing + " order by c.id", UUID.class)
                .setParameter("after", after)
                .setMaxResults(VisitScheduleBatch.SIZE)
                .getResultList();
    }
}
