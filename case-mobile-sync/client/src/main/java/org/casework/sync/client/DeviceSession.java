package org.casework.sync.client;

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
    private final Clock clock;
    private final Attempts attempts;

    DeviceSession(
            LocalStore store,
            SyncTransport transport,
            Clock clock,
            RetryPolicy retry,
            Sleeper sleeper,
            DoubleSupplier random) {
        this.store = store;
        this.clock = clock;
        this.attempts = new Attempts(transport, retry, sleeper, random);
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
        JsonNode answer = expectOk(attempts.send("/devices", body, null, Attempts::whole), "registration");
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
    <T> T call(String path, ObjectNode body, Attempts.BodyReader<T> reader) {
        requireRegistered();
        if (accessExpired()) {
            refresh();
        }
        Attempts.Answer<T> answer = attempts.send(path, body, store.meta(MetaKeys.ACCESS_TOKEN), reader);
        if (answer.status() == 401 && Code.TOKEN_EXPIRED.equals(Json.text(parse(answer.refusal()), "code"))) {
            refresh();
            answer = attempts.send(path, body, store.meta(MetaKeys.ACCESS_TOKEN), reader);
        }
        return expectOk(answer, path);
    }

    /** Rotates the tokens (the old refresh token stops working once the answer is stored). */
    void refresh() {
        requireRegistered();
        ObjectNode body = Json.object();
        body.put("deviceId", store.meta(MetaKeys.DEVICE_ID));
        body.put("refreshToken", store.meta(MetaKeys.REFRESH_TOKEN));
        JsonNode answer = expectOk(attempts.send("/devices/refresh", body, null, Attempts::whole), "token refresh");
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

    private <T> T expectOk(Attempts.Answer<T> answer, String what) {
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
