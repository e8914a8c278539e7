package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.casework.core.services.ServiceRecordsChanged;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A write the database rolls back for its own reasons (a deadlock; on Galera a certification
 * failure at commit, reported as the same error 1213) is run again in a new transaction and
 * answered 201 once; when it keeps failing, the answer is 503 with Retry-After and a problem in
 * Chinese, not a 500, and nothing is half saved.
 */
class TransientWriteRetryIT extends ApiTest {

    @Autowired
    FailingCommits failingCommits;

    /**
     * Fails the commit of a visit's transaction the way Galera does when another node's write won
     * (error 1213 at commit), as many times as armed. Listening before commit puts the failure where
     * a certification failure happens: after every statement, at the commit.
     */
    @TestConfiguration
    static class FailingCommits {
        private final AtomicInteger remaining = new AtomicInteger();

        void arm(int times) {
            remaining.set(times);
        }

        @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
        void beforeCommit(ServiceRecordsChanged changed) {
            if (remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                throw certificationFailure();
            }
        }
    }

    @AfterEach
    void disarm() {
        failingCommits.arm(0);
    }

    @Test
    void aVisitWhoseTransactionDeadlockedTwiceIsSavedOnceOnTheThirdAttempt() {
        UUID child = registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.RENZHUANG));
        failingCommits.arm(2);

        Api.Response r = api.post("/api/v1/services", visit(child), token("station-guyang"));

        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(texts(allItems("/api/v1/services?client=" + child, token("station-guyang")), "id"))
                .containsExactly(r.body().get("id").asString());
    }

    @Test
    void aWriteThatKeepsDeadlockingIsAnswered503InChineseAndNothingIsSaved() {
        UUID child = registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.RENZHUANG));
        failingCommits.arm(Integer.MAX_VALUE);

        Api.Response r = api.post("/api/v1/services", visit(child), token("station-guyang"));

        assertThat(r.status()).as(r.raw().body()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("2");
        assertThat(r.body().get("code").asString()).isEqualTo("error.databaseUnavailable");
        assertThat(r.body().get("detail").asString()).contains("数据库暂时不可用");
        assertThat(allItems("/api/v1/services?client=" + child, token("station-guyang")))
                .isEmpty();

        failingCommits.arm(0);
        assertThat(api.post("/api/v1/services", visit(child), token("station-guyang"))
                        .status())
                .as("sent again once the database is back")
                .isEqualTo(201);
    }

    private static CannotAcquireLockException certificationFailure() {
        return new CannotAcquireLockException(
                "Deadlock found when trying to get lock; try restarting transaction",
                new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
    }

    private static Map<String, Object> visit(UUID child) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", child);
        body.put("type", "HOME_VISIT");
        body.put("occurredAt", Instant.now().minusSeconds(3600).toString());
        body.put("durationMinutes", 30);
        body.put("place", "家中");
        body.put("participants", "祖母、本人");
        body.put("notes", "入户走访");
        return body;
    }
}
