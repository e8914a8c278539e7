package org.casework.core.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write whose whole unit of work may run again when the database rolled it back for its own
 * reasons: a deadlock, a Galera certification failure (reported as a deadlock at commit), a lock
 * wait timeout, no connection to be had. The method must be a unit of work of its own (its
 * transaction starts and commits inside it) with no effect outside the database before the commit
 * (an SMS goes after the commit). Inside a caller's transaction nothing is retried: only the
 * caller's whole unit of work could be, and the caller decides that.
 *
 * <p>A lost connection is not retried: the commit may have happened, and a write that is not
 * idempotent would be stored twice. It is answered 503, like retries that ran out; the client sends
 * it again when it chooses to.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RetryableWrite {}
