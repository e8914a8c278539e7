package org.casework.core.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the database itself, which says nothing about the data and may well not happen
 * again (a deadlock, a Galera certification failure at commit, a lock wait timeout, a lost or
 * refused connection, a node leaving the cluster), from a refusal of the data (a constraint, a stale
 * version, a rule of the domain).
 *
 * <p>Two questions, because a lost connection can hide a commit: {@link #isTransient} (nothing is
 * wrong with the request; never answer it with a refusal that makes a client drop it) and
 * {@link #isRolledBack} (the database certainly undid the unit of work, so running it again cannot
 * apply it twice).
 */
public final class TransientFailures {

    /**
     * MySQL/MariaDB error codes of a unit of work the server rolled back: deadlock (also Galera's
     * certification failure), lock wait timeout, "WSREP has not yet prepared node for application
     * use" (a node outside the primary component), error during COMMIT.
     */
    private static final Set<Integer> ROLLED_BACK_CODES = Set.of(1213, 1205, 1047, 1180);

    /** Connection gone: server gone away, lost connection, connection killed, idle timeout. */
    private static final Set<Integer> CONNECTION_CODES = Set.of(2006, 2013, 1927, 4031);

    /**
     * HikariCP's answer, without SQLState or error code, to any use of a connection it has already
     * closed. The pool closes a connection as soon as the driver reports it broken (SQLState 08...),
     * so the transaction manager's rollback after that failure meets this, and Spring throws the
     * rollback's failure in place of the original lost connection ("Application exception
     * overridden by rollback exception"). The failover test met it when the active Galera node was
     * killed: a device's visit was refused as "error.internal" and deleted from the phone.
     */
    private static final String POOL_CLOSED_CONNECTION = "Connection is closed";

    private TransientFailures() {}

    /** A failure of the database, not of the data: the same request may succeed when sent again. */
    public static boolean isTransient(Throwable failure) {
        if (isStaleVersion(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (rolledBack(sql) || connectionLost(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A transient failure after which the database certainly undid the whole unit of work (or never
     * began it): safe to run again even when the unit of work is not idempotent.
     */
    public static boolean isRolledBack(Throwable failure) {
        if (isStaleVersion(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof PessimisticLockingFailureException
                    || t instanceof CannotAcquireLockException
                    || t instanceof QueryTimeoutException
                    || t instanceof java.sql.SQLTransactionRollbackException
                    || t instanceof java.sql.SQLTimeoutException) {
                return true;
            }
            if (t instanceof CannotCreateTransactionException) {
                // no connection could be had: nothing of the unit of work reached the database
                return true;
            }
            if (t instanceof SQLException sql && rolledBack(sql)) {
                return true;
            }
        }
        return false;
    }

    /** An optimistic-lock failure is the data's answer (someone saved first), never retried here. */
    private static boolean isStaleVersion(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof OptimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }

    private static boolean rolledBack(SQLException sql) {
        String state = sql.getSQLState();
        return ROLLED_BACK_CODES.contains(sql.getErrorCode()) || (state != null && state.startsWith("40"));
    }

    private static boolean connectionLost(SQLException sql) {
        String state = sql.getSQLState();
        return CONNECTION_CODES.contains(sql.getErrorCode())
                || (state != null && state.startsWith("08"))
                || (state == null && POOL_CLOSED_CONNECTION.equals(sql.getMessage()));
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        if (cause == null && t instanceof SQLException sql) {
            cause = sql.getNextException();
        }
        return cause == t ? null : cause;
    }
}
