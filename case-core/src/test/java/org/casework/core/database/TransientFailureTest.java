package org.casework.core.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Which database failures are transient, which are certainly rolled back, and the retry of writes. */
class TransientFailureTest {

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aGaleraCertificationFailureAtCommitIsTransientAndRolledBack() {
        // what a commit on a Galera node reports when another node's write won: error 1213, state 40001
        SQLException deadlock = new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        RuntimeException atCommit = new TransactionSystemException(
                "Could not commit JPA transaction", new RuntimeException(new LockAcquisitionException("x", deadlock)));

        assertThat(TransientFailures.isTransient(atCommit)).isTrue();
        assertThat(TransientFailures.isRolledBack(atCommit)).isTrue();
    }

    @Test
    void deadlocksLockTimeoutsAndANodeOutsideThePrimaryComponentAreRolledBack() {
        assertThat(TransientFailures.isRolledBack(new CannotAcquireLockException("deadlock")))
                .isTrue();
        assertThat(TransientFailures.isRolledBack(new QueryTimeoutException("timeout")))
                .isTrue();
        assertThat(TransientFailures.isRolledBack(
                        new JpaSystemException(new RuntimeException(new SQLException("lock wait", "HY000", 1205)))))
                .isTrue();
        assertThat(TransientFailures.isRolledBack(new JpaSystemException(new RuntimeException(
                        new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047)))))
                .isTrue();
        assertThat(TransientFailures.isRolledBack(new CannotCreateTransactionException("no connection")))
                .isTrue();
    }

    @Test
    void aLostConnectionIsTransientButMayHideACommitSoItIsNotCountedAsRolledBack() {
        RuntimeException lost = new DataAccessResourceFailureException(
                "connection", new SQLNonTransientConnectionException("Connection reset", "08000", 0));

        assertThat(TransientFailures.isTransient(lost)).isTrue();
        assertThat(TransientFailures.isRolledBack(lost)).isFalse();
        assertThat(TransientFailures.isTransient(
                        new JpaSystemException(new RuntimeException(new SQLException("gone away", "HY000", 2006)))))
                .isTrue();
    }

    /**
     * The failover test's lost device visit: the active Galera node died mid-transaction, HikariCP
     * closed the broken connection, and the rollback that followed failed on the closed connection
     * (no SQLState) and replaced the original failure. Transient, but not known to be rolled back:
     * it may follow a commit whose answer was lost.
     */
    @Test
    void aRollbackOnAConnectionThePoolAlreadyClosedIsTransientButNotCountedAsRolledBack() {
        RuntimeException rollbackFailed = rollbackOnClosedConnection();

        assertThat(TransientFailures.isTransient(rollbackFailed)).isTrue();
        assertThat(TransientFailures.isRolledBack(rollbackFailed)).isFalse();
        assertThat(TransientFailures.isTransient(new JpaSystemException(
                        new RuntimeException(new SQLException("Connection is closed but differently")))))
                .as("only the pool's own words, not any message without SQLState")
                .isFalse();
    }

    /** What JpaTransactionManager throws when the rollback meets HikariCP's closed connection. */
    static RuntimeException rollbackOnClosedConnection() {
        return new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
    }

    @Test
    void refusalsOfTheDataAreNeverTransient() {
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException(
                        "duplicate", new SQLException("Duplicate entry", "23000", 1062))))
                .isFalse();
        assertThat(TransientFailures.isTransient(new ObjectOptimisticLockingFailureException(Object.class, 1)))
                .as("a stale version is the data's answer")
                .isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad")))
                .isFalse();
    }

    @Test
    void aWriteRolledBackByADeadlockRunsAgainUntilItSucceeds() {
        Writes writes = proxy(new Writes(2, () -> new CannotAcquireLockException("Deadlock found")));

        assertThat(writes.save()).isEqualTo("saved");
        assertThat(writes.calls()).isEqualTo(3);
    }

    @Test
    void retriesRunOutAndTheLastFailureIsThrown() {
        Writes writes = proxy(new Writes(100, () -> new CannotAcquireLockException("Deadlock found")));

        assertThatThrownBy(writes::save).isInstanceOf(CannotAcquireLockException.class);
        assertThat(writes.calls()).as("the first attempt and 3 retries").isEqualTo(4);
    }

    @Test
    void aLostConnectionIsNotRetriedBecauseTheCommitMayHaveHappened() {
        Writes writes = proxy(new Writes(1, () -> new DataAccessResourceFailureException("Connection reset")));

        assertThatThrownBy(writes::save).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(writes.calls()).isEqualTo(1);
    }

    @Test
    void insideACallersTransactionNothingIsRetried() {
        Writes writes = proxy(new Writes(1, () -> new CannotAcquireLockException("Deadlock found")));
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThatThrownBy(writes::save).isInstanceOf(CannotAcquireLockException.class);
        assertThat(writes.calls()).isEqualTo(1);
    }

    @Test
    void aRefusalIsNotRetried() {
        Writes writes = proxy(new Writes(1, () -> new DataIntegrityViolationException("duplicate")));

        assertThatThrownBy(writes::save).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(writes.calls()).isEqualTo(1);
    }

    private static Writes proxy(Writes target) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvisor(RetryableWriteConfiguration.retryableWriteAdvisor(3, Duration.ofMillis(1)));
        return (Writes) factory.getProxy();
    }

    /** A write that fails the first {@code failures} times. */
    static class Writes {
        private final int failures;
        private final java.util.function.Supplier<RuntimeException> failure;
        private final AtomicInteger calls = new AtomicInteger();

        Writes() {
            this(0, () -> null);
        }

        Writes(int failures, java.util.function.Supplier<RuntimeException> failure) {
            this.failures = failures;
            this.failure = failure;
        }

        @RetryableWrite
        public String save() {
            if (calls.incrementAndGet() <= failures) {
                throw failure.get();
            }
            return "saved";
        }

        public int calls() {
            return calls.get();
        }
    }
}
