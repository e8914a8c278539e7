package org.casework.core.database;

import java.time.Duration;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a {@link RetryableWrite} method again (up to {@code retries} more times, after a short,
 * growing, jittered pause) when the database rolled its unit of work back. Placed outside the
 * transaction interceptor, so each attempt is a new transaction; inside a caller's transaction it
 * only passes the call on.
 */
public class TransientWriteRetry implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TransientWriteRetry.class);

    private final RetryTemplate retry;

    public TransientWriteRetry(int retries, Duration delay) {
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(retries)
                .delay(delay)
                .multiplier(2)
                .jitter(delay.dividedBy(2))
                .maxDelay(delay.multipliedBy(8))
                .predicate(TransientFailures::isRolledBack)
                .build());
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || !(invocation instanceof ProxyMethodInvocation proxied)) {
            return invocation.proceed();
        }
        try {
            return retry.execute(() -> proxied.invocableClone().proceed());
        } catch (RetryException e) {
            Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
            if (e.getRetryCount() > 0) {
                log.warn(
                        "{} failed after {} retries ({}): answered as temporarily unavailable",
                        invocation.getMethod().getName(),
                        e.getRetryCount(),
                        last.getClass().getSimpleName());
            }
            throw last;
        }
    }
}
