package org.casework.sync.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One request and its retries with backoff (protocol §1): a network error, a body cut short and a
 * 5xx are "no answer" and are tried again; any other answer is returned to the session.
 */
final class Attempts {

    private final SyncTransport transport;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    Attempts(SyncTransport transport, RetryPolicy retry, Sleeper sleeper, DoubleSupplier random) {
        this.transport = transport;
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Reads a 2xx answer's body, as it arrives. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /** A 2xx answer as its reader made it, or another status with its (problem) body. */
    record Answer<T>(int status, T value, String refusal) {}

    /**
     * Sends with retries: only "no answer" (a network error, a body cut short) and 5xx are retried;
     * every other answer is returned.
     */
    <T> Answer<T> send(String path, ObjectNode body, String bearer, BodyReader<T> reader) {
        String json = Json.write(body);
        Exception last = null;
        int lastStatus = 0;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(retry.delayBefore(attempt - 1, random.getAsDouble()));
            }
            SyncTransport.StreamedResponse response = null;
            try {
                response = transport.stream(path, json, bearer);
                if (response.status() < 200 || response.status() >= 300) {
                    String refusal = response.readAll();
                    if (response.status() >= 500) {
                        lastStatus = response.status();
                        last = null;
                        continue;
                    }
                    return new Answer<>(response.status(), null, refusal);
                }
                return new Answer<>(response.status(), reader.read(response.body()), null);
            } catch (IOException | UncheckedIOException | JacksonException e) {
                last = e;
                lastStatus = 0;
            } finally {
                closeQuietly(response);
            }
        }
        throw new SyncException(
                "server unreachable after " + retry.maxAttempts() + " attempts", lastStatus, null, last);
    }

    /**
     * Once the reader is done the answer is applied (committed) or refused: a failure to close the
     * connection afterwards must not make it "no answer" and send the request again.
     */
    private static void closeQuietly(SyncTransport.StreamedResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException ignored) {
                // the next request opens a new connection
            }
        }
    }

    /** A whole JSON body (registration, refresh); a cut one does not parse and is no answer. */
    static JsonNode whole(InputStream body) throws IOException {
        return Json.MAPPER.readTree(new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted while waiting to retry", 0, null, e);
        }
    }
}
