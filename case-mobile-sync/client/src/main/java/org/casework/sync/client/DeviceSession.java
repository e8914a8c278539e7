package org.casework.sync.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.casework.sync.protocol.SyncNames.Code;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The device's credentials and the rules of every call (protocol §1): bearer token, refresh on
 * {@code device.tokenExpired}, wipe on {@code device.revoked}, retries with backoff on network
 * errors and 5xx.
 */
final class DeviceSession {

    /** Refresh a little early so a request does not leave with a token about to expire. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final LocalStore store;
    private final SyncTransport transport;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    DeviceSession(
            LocalStore store,
            SyncTransport transport,
            Clock clock,
            RetryPolicy retry,
            Sleeper sleeper,
            DoubleSupplier random) {
        this.store = store;
        this.transport = transport;
        this.clock = clock;
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
    }

    boolean registered() {
        return store.meta(MetaKeys.DEVICE_ID) != null;
    }

    /** Registers this store as a new device of {@code username}; returns the server's warnings. */
    JsonNode register(String username, String password, String deviceName, String clientVersion) {
        if (store.outbox().size() > 0) {
            throw new IllegalStateException("this store still has unsent work; sync it before registering again");
        }
        ObjectNode body = Json.object();
        body.put("username", username);
        body.put("password", password);
        body.put("deviceName", deviceName);
        body.put("platform", "android-java");
        body.put("clientVersion", clientVersion);
        JsonNode answer = expectOk(send("/devices", body, null, DeviceSession::whole), "registration");
        store.inTransaction(() -> {
            // a new device starts its counters, cursor and scope from nothing
            store.clearAll();
            store.putMeta(MetaKeys.DEVICE_ID, Json.text(answer, "deviceId"));
            store.putMeta(MetaKeys.USERNAME, username);
            storeTokens(answer);
            if (answer.has("limits")) {
                store.putMeta(MetaKeys.LIMITS, Json.write(answer.get("limits")));
            }
            return null;
        });
        return answer.path("warnings");
    }

    /**
     * An authenticated call: refreshes an expired token once, wipes the store when revoked. A 2xx
     * answer's body goes to {@code reader} as it arrives; when the reader throws {@link IOException}
     * or a Jackson exception (the answer was cut short) the attempt counts as "no answer" and is
     * retried like a lost connection.
     */
    <T> T call(String path, ObjectNode body, BodyReader<T> reader) {
        requireRegistered();
        if (accessExpired()) {
            refresh();
        }
        Answer<T> answer = send(path, body, store.meta(MetaKeys.ACCESS_TOKEN), reader);
        if (answer.status() == 401 && Code.TOKEN_EXPIRED.equals(Json.text(parse(answer.refusal()), "code"))) {
            refresh();
            answer = send(path, body, store.meta(MetaKeys.ACCESS_TOKEN), reader);
        }
        return expectOk(answer, path);
    }

    /** Rotates the tokens (the old refresh token stops working once the answer is stored). */
    void refresh() {
        requireRegistered();
        ObjectNode body = Json.object();
        body.put("deviceId", store.meta(MetaKeys.DEVICE_ID));
        body.put("refreshToken", store.meta(MetaKeys.REFRESH_TOKEN));
        JsonNode answer = expectOk(send("/devices/refresh", body, null, DeviceSession::whole), "token refresh");
        store.inTransaction(() -> {
            storeTokens(answer);
            return null;
        });
    }

    private void storeTokens(JsonNode answer) {
        store.putMeta(MetaKeys.ACCESS_TOKEN, Json.text(answer, "accessToken"));
        store.putMeta(MetaKeys.ACCESS_EXPIRES_AT, Json.text(answer, "accessExpiresAt"));
        store.putMeta(MetaKeys.REFRESH_TOKEN, Json.text(answer, "refreshToken"));
    }

    private boolean accessExpired() {
        Instant expires = Json.instant(store.meta(MetaKeys.ACCESS_EXPIRES_AT));
        // unknown expiry: send and let the server say device.tokenExpired
        return expires != null && !clock.instant().plus(EXPIRY_MARGIN).isBefore(expires);
    }

    /** Reads a 2xx answer's body, as it arrives. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /** A 2xx answer as its reader made it, or another status with its (problem) body. */
    private record Answer<T>(int status, T value, String refusal) {}

    /**
     * Sends with retries: only "no answer" (a network error, a body cut short) and 5xx are retried;
     * every other answer is returned.
     */
    private <T> Answer<T> send(String path, ObjectNode body, String bearer, BodyReader<T> reader) {
        String json = Json.write(body);
        Exception last = null;
        int lastStatus = 0;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(retry.delayBefore(attempt - 1, random.getAsDouble()));
            }
            try (SyncTransport.StreamedResponse response = transport.stream(path, json, bearer)) {
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
            }
        }
        throw new SyncException(
                "server unreachable after " + retry.maxAttempts() + " attempts", lastStatus, null, last);
    }

    /** A whole JSON body (registration, refresh); a cut one does not parse and is no answer. */
    private static JsonNode whole(InputStream body) throws IOException {
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

    private <T> T expectOk(Answer<T> answer, String what) {
        if (answer.status() >= 200 && answer.status() < 300) {
            return answer.value();
        }
        JsonNode problem = parse(answer.refusal());
        String code = Json.text(problem, "code");
        if (answer.status() == 401
                && (Code.DEVICE_REVOKED.equals(code) || problem.path("wipe").asBoolean(false))) {
            store.wipe();
            throw new DeviceRevokedException(detail(problem, "device revoked"));
        }
        throw new SyncException(
                what + " refused: " + answer.status() + " " + detail(problem, ""), answer.status(), code, null);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? Json.object() : Json.parse(body);
        } catch (JacksonException e) {
            return Json.object();
        }
    }

    private static String detail(JsonNode problem, String fallback) {
        String detail = Json.text(problem, "detail");
        return detail != null ? detail : Json.text(problem, "title") != null ? Json.text(problem, "title") : fallback;
    }

    private void requireRegistered() {
        if (!registered()) {
            throw new IllegalStateException("this device is not registered");
        }
    }
}
