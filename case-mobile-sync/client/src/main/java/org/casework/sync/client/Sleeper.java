package org.casework.sync.client;

import java.time.Duration;

/** Waits between retries; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
