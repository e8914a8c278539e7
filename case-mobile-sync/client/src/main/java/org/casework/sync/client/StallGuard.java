package org.casework.sync.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response body whose every read must bring data within the timeout. {@code HttpClient}'s request
 * timeout covers only the wait for the headers; without this a link that goes quiet in the middle
 * of an answer (a phone at the edge of the signal) blocks the sync, and the store with it, until
 * the operating system gives up on the connection, which can be never. When a read waits too long
 * the body is closed under it, the read fails and the sync counts the answer as cut (nothing of it
 * is kept; the next sync asks again).
 */
final class StallGuard extends FilterInputStream {

    /** One daemon thread for every transport: it only closes streams. */
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final Duration timeout;
    private volatile boolean stalled;

    StallGuard(InputStream body, Duration timeout) {
        super(body);
        this.timeout = timeout;
    }

    @Override
    public int read() throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return super.read();
        } catch (IOException e) {
            throw stalledOr(e);
        } finally {
            alarm.cancel(false);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw stalledOr(e);
        } finally {
            alarm.cancel(false);
        }
    }

    private ScheduledFuture<?> arm() throws IOException {
        if (stalled) {
            throw stalledOr(null);
        }
        return WATCHDOG.schedule(this::giveUp, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUp() {
        stalled = true;
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            // closing is all we can do; the blocked read fails either way
        }
    }

    private IOException stalledOr(IOException e) {
        if (!stalled) {
            return e;
        }
        HttpTimeoutException timedOut =
                new HttpTimeoutException("no data from the server for " + timeout.toSeconds() + " s");
        if (e != null) {
            timedOut.initCause(e);
        }
        return timedOut;
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sync-stall-watchdog");
            t.setDaemon(true);
            return t;
        });
        // a cancelled alarm (almost every one) leaves the queue at once instead of at its time
        executor.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(executor);
    }
}
