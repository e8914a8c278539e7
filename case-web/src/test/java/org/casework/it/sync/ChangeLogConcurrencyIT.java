package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.casework.it.IntegrationTest;
import org.casework.sync.server.engine.ChangeLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cursor's promise: a reader that polls "changes after my cursor" while many transactions
 * write in parallel, some of them committing late, ends with every change exactly once. Runs on H2
 * and, with -Pmariadb, on MariaDB (InnoDB row locks and MVCC).
 */
@IntegrationTest
class ChangeLogConcurrencyIT {

    private static final int WRITERS = 8;
    private static final int TRANSACTIONS_PER_WRITER = 25;
    private static final int ROWS_PER_TRANSACTION = 3;

    @Autowired
    ChangeLog log;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPollingReaderNeverSkipsAChangeThatCommitsLate() throws Exception {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        String scope = "T" + UUID.randomUUID().toString().substring(0, 8);
        long start = log.highWaterMark();
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        Future<?> reader = pool.submit(() -> {
            long cursor = start;
            while (true) {
                boolean last = !writing.get();
                List<Map<String, Object>> rows = jdbc.queryForList(
                        "SELECT seq, record_id FROM sync_change WHERE scope_key = ? AND seq > ? ORDER BY seq",
                        scope,
                        cursor);
                for (Map<String, Object> row : rows) {
                    seen.merge((String) row.get("record_id"), 1, Integer::sum);
                    cursor = ((Number) row.get("seq")).longValue();
                }
                if (last) {
                    return null;
                }
                Thread.sleep(2);
            }
        });
        List<Future<List<String>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                List<String> written = new ArrayList<>();
                for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
                    List<String> ids = new ArrayList<>();
                    transactions.executeWithoutResult(status -> {
                        for (int r = 0; r < ROWS_PER_TRANSACTION; r++) {
                            String id = UUID.randomUUID().toString();
                            log.changed(scope, ChangeLog.CLIENT, id, List.of("name"));
                            ids.add(id);
                            // Some transactions take long after their change: they commit late.
                            sleep(ThreadLocalRandom.current().nextInt(4));
                        }
                    });
                    written.addAll(ids);
                }
                return written;
            }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> writer : writers) {
            all.addAll(writer.get(3, TimeUnit.MINUTES));
        }
        writing.set(false);
        reader.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(all).hasSize(WRITERS * TRANSACTIONS_PER_WRITER * ROWS_PER_TRANSACTION);
        List<String> skipped = all.stream().filter(id -> !seen.containsKey(id)).toList();
        List<String> twice = seen.entrySet().stream()
                .filter(e -> e.getValue() != 1)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(skipped).as("changes the reader skipped").isEmpty();
        assertThat(twice).as("changes the reader saw more than once").isEmpty();
        assertThat(seen).hasSameSizeAs(all);
        List<Long> seqs =
                jdbc.queryForList("SELECT seq FROM sync_change WHERE scope_key = ? ORDER BY seq", Long.class, scope);
        assertThat(seqs).doesNotHaveDuplicates().hasSize(all.size());
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
