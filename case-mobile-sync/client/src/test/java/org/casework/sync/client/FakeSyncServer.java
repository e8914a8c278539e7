package org.casework.sync.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small, honest in-memory server of docs/sync-protocol.md for the client's unit tests: one user,
 * stored results per mutation id, a change log behind an integer cursor, checksums, and faults on
 * demand. It is not the real server: the real-server tests come with the server branch.
 */
final class FakeSyncServer implements AutoCloseable {

    final HttpServer http;
    final List<ObjectNode> requests = new ArrayList<>();
    final List<String> requestEncodings = new ArrayList<>();
    final Map<String, ObjectNode> storedResults = new HashMap<>();
    final Map<String, Integer> applications = new HashMap<>();
    final List<ObjectNode> log = new ArrayList<>(); // change log: index + 1 is the sequence
    final Map<String, ObjectNode> current = new TreeMap<>(); // "t/id" -> latest upsert
    final Set<Long> recorded = new HashSet<>();
    final Set<String> pendingResync = new HashSet<>();

    String accessToken = "access-1";
    String refreshToken = "refresh-1";
    int tokenSerial = 1;
    boolean accessExpired;
    boolean revoked;
    int failuresToInject;
    int failureStatus = 503;
    boolean dropNextResponseAfterCommit;
    /** How the next answers (after the server committed the push) are cut; each cut is used once. */
    final java.util.Deque<Cut> cuts = new java.util.ArrayDeque<>();

    enum Cut {
        /** Half of a streamed gzip answer, then the end of the body: no gzip trailer, no cursor. */
        HALF_OF_THE_STREAM,
        /** Whole JSON that ends before the cursor, as a server whose answer stopped short would send. */
        NO_CURSOR
    }

    Long withholdCounterOnce;
    int syncRequests;
    int failOnSyncRequest;
    int replays;
    int refreshes;
    Function<JsonNode, ObjectNode> verdict = m -> null; // null: apply
    ObjectNode limits = Json.object()
            .put("maxDevicesPerUser", 3)
            .put("warnPendingMutations", 500)
            .put("maxMutationsPerSync", 200);

    FakeSyncServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/sync/v1/", this::handle);
        http.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** Adds or changes a server record; the change gets the next sequence. */
    void upsert(String t, String id, String scope, ObjectNode fields) {
        ObjectNode previous = current.get(t + "/" + id);
        long version = previous == null ? 0 : previous.get("v").asLong() + 1;
        ObjectNode change = Json.object()
                .put("t", t)
                .put("id", id)
                .put("v", version)
                .put("s", scope)
                .put("op", "U");
        ObjectNode all = previous == null ? Json.object() : ((ObjectNode) previous.get("f")).deepCopy();
        all.setAll(fields);
        change.set("f", all);
        current.put(t + "/" + id, change);
        log.add(change.deepCopy().put("op", "U"));
    }

    void removeScope(String scope) {
        current.values().removeIf(c -> scope.equals(c.get("s").asString()));
        log.add(Json.object().put("t", "scope").put("id", scope).put("op", "D"));
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        requestEncodings.add(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        InputStream in = exchange.getRequestBody();
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        ObjectNode body = (ObjectNode) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        requests.add(body);
        if (failuresToInject > 0) {
            failuresToInject--;
            respond(exchange, failureStatus, Json.object().put("code", "server.unavailable"));
            return;
        }
        String path = exchange.getRequestURI().getPath().substring("/api/sync/v1".length());
        switch (path) {
            case "/devices" -> {
                if (!"secret".equals(Json.text(body, "password"))) {
                    respond(exchange, 401, Json.object().put("code", "auth.badCredentials"));
                    return;
                }
                ObjectNode answer = tokens().put("deviceId", UUID.randomUUID().toString());
                answer.set("limits", limits);
                answer.set("warnings", Json.array());
                respond(exchange, 201, answer);
            }
            case "/devices/refresh" -> {
                if (revoked) {
                    respond(
                            exchange,
                            401,
                            Json.object().put("code", "device.revoked").put("wipe", true));
                } else if (!refreshToken.equals(Json.text(body, "refreshToken"))) {
                    respond(exchange, 401, Json.object().put("code", "device.refreshInvalid"));
                } else {
                    refreshes++;
                    tokenSerial++;
                    accessExpired = false;
                    respond(exchange, 200, tokens());
                }
            }
            case "/sync" -> sync(exchange, body);
            default -> respond(exchange, 404, Json.object().put("code", "notFound"));
        }
    }

    private ObjectNode tokens() {
        accessToken = "access-" + tokenSerial;
        refreshToken = "refresh-" + tokenSerial;
        return Json.object()
                .put("accessToken", accessToken)
                .put("accessExpiresAt", "2099-01-01T00:00:00Z")
                .put("refreshToken", refreshToken);
    }

    private void sync(HttpExchange exchange, ObjectNode body) throws IOException {
        if (++syncRequests == failOnSyncRequest) {
            respond(exchange, 503, Json.object().put("code", "server.unavailable"));
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (revoked) {
            respond(exchange, 401, Json.object().put("code", "device.revoked").put("wipe", true));
            return;
        }
        if (accessExpired || !("Bearer " + accessToken).equals(auth)) {
            respond(exchange, 401, Json.object().put("code", "device.tokenExpired"));
            return;
        }
        if (body.path("mutations").size() > limits.get("maxMutationsPerSync").asInt()) {
            respond(exchange, 413, Json.object().put("code", "sync.tooMany"));
            return;
        }
        ArrayNode results = Json.array();
        for (JsonNode m : body.path("mutations")) {
            long counter = m.get("counter").asLong();
            if (withholdCounterOnce != null && withholdCounterOnce == counter) {
                withholdCounterOnce = null; // as if its transaction failed: no result recorded
                continue;
            }
            ObjectNode stored = storedResults.get(m.get("id").asString());
            if (stored != null) {
                replays++;
            } else {
                stored = apply(m);
                storedResults.put(m.get("id").asString(), stored);
                recorded.add(counter);
            }
            results.add(stored);
        }
        long ack = 0;
        while (recorded.contains(ack + 1)) {
            ack++;
        }
        int cursor =
                body.hasNonNull("cursor") ? Integer.parseInt(body.get("cursor").asString()) : 0;
        int limit = body.path("limit").asInt(500);
        ArrayNode changes = Json.array();
        if (!pendingResync.isEmpty()) {
            // a resync sends the scope's records in full, then the ordinary changes
            current.values().stream()
                    .filter(c -> pendingResync.contains(c.get("s").asString()))
                    .forEach(changes::add);
            pendingResync.clear();
        }
        int next = cursor;
        while (next < log.size() && changes.size() < limit) {
            changes.add(log.get(next++));
        }
        boolean more = next < log.size();
        ObjectNode answer = Json.object().put("ack", ack);
        answer.set("results", results);
        answer.set("changes", changes);
        answer.put("cursor", Integer.toString(next)).put("more", more);
        ArrayNode resync = answer.putArray("resync");
        ObjectNode checksums = answer.putObject("checksums");
        if (!more) {
            Map<String, List<StoredRecord>> byScope = new LinkedHashMap<>();
            current.values()
                    .forEach(c -> byScope.computeIfAbsent(c.get("s").asString(), k -> new ArrayList<>())
                            .add(new StoredRecord(
                                    c.get("t").asString(),
                                    c.get("id").asString(),
                                    null,
                                    c.get("v").asLong(),
                                    null,
                                    null,
                                    null)));
            byScope.forEach((scope, records) -> checksums.put(scope, Checksums.of(records)));
            // compared only where this answer changed nothing in the scope: the client's sums are from before it
            Set<String> touched = new HashSet<>();
            changes.forEach(c -> touched.add(c.path("s").asString(c.path("id").asString())));
            body.path("checksums").propertyNames().forEach(scope -> {
                String ours = checksums.has(scope) ? checksums.get(scope).asString() : Checksums.of(List.of());
                if (!touched.contains(scope)
                        && !ours.equals(body.get("checksums").get(scope).asString())) {
                    resync.add(scope);
                    pendingResync.add(scope);
                }
            });
        }
        answer.put("serverTime", "2026-11-27T08:00:00Z");
        answer.putArray("warnings");
        if (dropNextResponseAfterCommit) {
            dropNextResponseAfterCommit = false;
            exchange.close(); // committed, but the device never hears about it
            return;
        }
        Cut cut = cuts.poll();
        if (cut == Cut.NO_CURSOR) {
            answer.remove(List.of("cursor", "more", "checksums", "resync", "serverTime", "warnings"));
            respond(exchange, 200, answer);
            return;
        }
        if (cut == Cut.HALF_OF_THE_STREAM) {
            byte[] bytes = HttpSyncTransport.gzip(Json.write(answer).getBytes(StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0); // chunked, as a streamed answer is
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes, 0, bytes.length / 2);
            }
            return;
        }
        respond(exchange, 200, answer);
    }

    private ObjectNode apply(JsonNode m) {
        applications.merge(m.get("id").asString(), 1, Integer::sum);
        ObjectNode result = Json.object()
                .put("id", m.get("id").asString())
                .put("counter", m.get("counter").asLong())
                .put("entityId", m.get("entityId").asString());
        ObjectNode refusal = verdict.apply(m);
        if (refusal != null) {
            result.setAll(refusal);
            return result;
        }
        String type = m.get("type").asString();
        JsonNode f = m.get("fields");
        switch (type) {
            case "LOG_VISIT" ->
                upsert(
                        "visit",
                        m.get("entityId").asString(),
                        scopeOfClient(f.path("clientId").asString()),
                        Json.object()
                                .put("client", f.path("clientId").asString())
                                .put("type", f.path("type").asString()));
            case "RAISE_FLAG" ->
                upsert(
                        "flag",
                        m.get("entityId").asString(),
                        f.path("villageCode").asString(),
                        Json.object().put("type", f.path("type").asString()).put("status", "NEW"));
            case "EDIT_PROFILE" ->
                upsert(
                        "client",
                        m.get("entityId").asString(),
                        scopeOfClient(m.get("entityId").asString()),
                        (ObjectNode) f);
            default -> {}
        }
        ObjectNode latest =
                current.get(entityType(type) + "/" + m.get("entityId").asString());
        return result.put("status", "APPLIED")
                .put("entityType", entityType(type))
                .put("version", latest == null ? 0 : latest.get("v").asLong());
    }

    private static String entityType(String mutationType) {
        return switch (mutationType) {
            case "LOG_VISIT" -> "visit";
            case "RAISE_FLAG" -> "flag";
            case "ADD_NOTE" -> "note";
            default -> "client";
        };
    }

    private String scopeOfClient(String id) {
        ObjectNode c = current.get("client/" + id);
        return c == null ? "unknown" : c.get("s").asString();
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
        exchange.getResponseHeaders()
                .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        if (gzip) {
            bytes = HttpSyncTransport.gzip(bytes);
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
