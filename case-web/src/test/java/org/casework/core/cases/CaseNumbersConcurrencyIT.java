package org.casework.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.casework.it.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers under concurrent creation on the real database (H2, or MariaDB with -Pmariadb),
 * including the race to create a county's first row of the year.
 */
@IntegrationTest
class CaseNumbersConcurrencyIT {

    @Autowired
    CaseNumbers numbers;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void concurrentOpeningsGetDistinctGapFreeNumbersEvenForANewYear() throws Exception {
        String county = "49" + (1000 + ThreadLocalRandom.current().nextInt(9000));
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<String>> takers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                takers.add(() -> {
                    start.await();
                    return transactions.execute(status -> numbers.next(county, 2026));
                });
            }
            List<Future<String>> results = new ArrayList<>();
            takers.forEach(t -> results.add(pool.submit(t)));
            start.countDown();
            List<String> taken = new ArrayList<>();
            for (Future<String> result : results) {
                taken.add(result.get());
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= threads; i++) {
                expected.add("%s-2026-%05d".formatted(county, i));
            }
            assertThat(taken).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRolledBackCaseGivesItsNumberBack() {
        String county = "48" + (1000 + ThreadLocalRandom.current().nextInt(9000));
        String first = transactions.execute(status -> numbers.next(county, 2026));
        assertThat(first).endsWith("-00001");
        transactions.executeWithoutResult(status -> {
            numbers.next(county, 2026);
            status.setRollbackOnly();
        });
        String next = transactions.execute(status -> numbers.next(county, 2026));
        assertThat(next).endsWith("-00002");
    }
}
