package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.casework.it.sync.VectorAnswers.Answer;
import org.casework.sync.server.engine.SyncChecksums;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a golden vector's requests against the real server, as the vector's device: each
 * exchange's request with the real ids, cursor, checksums and base versions of what this device
 * holds, then (as a client does) the follow-up pulls while the answer says {@code more} or
 * {@code resync}. The answers of each {@code sync()} are compared with the recorded ones through
 * {@link VectorAnswers}, and what the device then holds must have the server's checksums.
 */
final class VectorReplay {

    /** What the scenario of a vector does on the server side between the device's requests. */
    interface Scenario {
        /** Before the vector's exchange number {@code index} (0-based, over the whole vector). */
        default void beforeExchange(int index) {}

        /** The request as it reaches the server (a link that loses part of it). */
        default Map<String, Object> onTheWay(int index, Map<String, Object> request) {
            return request;
        }
    }

    private static final JsonMapper JSON = SyncHttp.JSON;

    private record Held(String s, long v, Map<String, Object> f) {}

    private final SyncHttp http;
    private final VectorIds ids;
    private final String accessToken;
    private final Scenario scenario;
    private final Map<String, Held> held = new TreeMap<>();
    private final List<String> replacing = new ArrayList<>();
    private String cursor;
    private int exchangeIndex;

    VectorReplay(SyncHttp http, VectorIds ids, String accessToken, Scenario scenario) {
        this.http = http;
        this.ids = ids;
        this.accessToken = accessToken;
        this.scenario = scenario;
    }

    /** Replays every sync of the vector (its exchanges up to each {@code "sync": "end"}). */
    void replay(Map<String, Object> vector) {
        List<Map<String, Object>> exchanges = new ArrayList<>();
        int sync = 0;
        for (Object s : VectorAnswers.list(vector.get("steps"))) {
            Map<String, Object> step = VectorAnswers.map(s);
            if (step.containsKey("exchange")) {
                exchanges.add(VectorAnswers.map(step.get("exchange")));
            } else if (step.containsKey("sync")) {
                replaySync(vector.get("name") + ", sync " + ++sync, exchanges);
                exchanges = new ArrayList<>();
            }
        }
    }

    private void replaySync(String what, List<Map<String, Object>> exchanges) {
        Set<String> heldBefore = new HashSet<>();
        held.keySet().forEach(k -> heldBefore.add(vectorKey(k)));
        List<Answer> recorded = new ArrayList<>();
        List<Answer> real = new ArrayList<>();
        int limit = 500;
        for (Map<String, Object> exchange : exchanges) {
            Map<String, Object> request = VectorAnswers.map(exchange.get("request"));
            Map<String, Object> response = VectorAnswers.map(exchange.get("response"));
            int status = exchange.get("status") == null ? 200 : ((Number) exchange.get("status")).intValue();
            recorded.add(new Answer(status, response));
            limit = ((Number) request.getOrDefault("limit", 500)).intValue();
            scenario.beforeExchange(exchangeIndex);
            Map<String, Object> sent = scenario.onTheWay(exchangeIndex, realRequest(request));
            exchangeIndex++;
            real.add(send(sent));
        }
        for (int pages = 0; pages < 50 && followUp(real.get(real.size() - 1)); pages++) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("cursor", cursor);
            request.put("mutations", List.of());
            request.put("checksums", checksums());
            request.put("limit", limit);
            real.add(send(request));
        }
        Answer last = real.get(real.size() - 1);
        Map<String, Object> server = VectorAnswers.summary(real, heldBefore, VectorAnswers.refKeys(recorded));
        Map<String, Object> vector = VectorAnswers.summary(recorded, heldBefore, null);
        if (!server.equals(vector)) {
            keepForReview(what, server, vector);
        }
        assertThat(server)
                .as("%s: the server's answers (normalised) against the vector's", what)
                .isEqualTo(vector);
        if (last.status() == 200) {
            Map<String, String> sums = new TreeMap<>();
            VectorAnswers.map(last.body().get("checksums")).forEach((k, v) -> sums.put(k, (String) v));
            assertThat(realChecksums())
                    .as("%s: what the device holds has the server's checksums", what)
                    .isEqualTo(sums);
        }
    }

    /** Both summaries as files under target/vector-replay, to diff when a vector and the server disagree. */
    private static void keepForReview(String what, Map<String, Object> server, Map<String, Object> vector) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "vector-replay");
            java.nio.file.Files.createDirectories(dir);
            String name = what.replaceAll("[^A-Za-z0-9]+", "-");
            var pretty = JSON.writerWithDefaultPrettyPrinter();
            java.nio.file.Files.writeString(dir.resolve(name + ".server.json"), pretty.writeValueAsString(server));
            java.nio.file.Files.writeString(dir.resolve(name + ".vector.json"), pretty.writeValueAsString(vector));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean followUp(Answer answer) {
        return answer.status() == 200
                && (Boolean.TRUE.equals(answer.body().get("more"))
                        || !VectorAnswers.list(answer.body().get("resync")).isEmpty());
    }

    /** The vector's request with the ids, cursor, checksums and edit bases of this device. */
    private Map<String, Object> realRequest(Map<String, Object> request) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (request.get("cursor") != null) {
            out.put("cursor", cursor);
        }
        List<Object> mutations = new ArrayList<>();
        for (Object m : VectorAnswers.list(request.get("mutations"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> mutation = (Map<String, Object>) toReal(m);
            if ("EDIT_PROFILE".equals(mutation.get("type"))) {
                Held client = held.get("client|" + mutation.get("entityId"));
                mutation.put("baseVersion", client.v());
                Map<String, Object> before = new LinkedHashMap<>();
                VectorAnswers.map(mutation.get("fields"))
                        .keySet()
                        .forEach(f -> before.put(f, client.f().get(f)));
                mutation.put("before", before);
            }
            mutations.add(mutation);
        }
        out.put("mutations", mutations);
        Map<String, String> sums = new TreeMap<>();
        Map<String, String> mine = checksums();
        VectorAnswers.map(request.getOrDefault("checksums", Map.of()))
                .keySet()
                .forEach(k -> sums.put(ids.real(k), mine.get(ids.real(k))));
        out.put("checksums", sums);
        out.put("limit", request.getOrDefault("limit", 500));
        return out;
    }

    private Answer send(Map<String, Object> request) {
        SyncHttp.Reply reply = http.post("/api/sync/v1/sync", request, accessToken, true);
        Map<String, Object> body =
                reply.body() == null ? null : VectorAnswers.map(JSON.convertValue(reply.body(), Map.class));
        if (reply.status() == 200) {
            apply(body);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> normalised = body == null ? null : (Map<String, Object>) toVector(body);
        return new Answer(reply.status(), normalised);
    }

    /** Keeps what a device keeps: the records with their scope, version and fields, and the cursor. */
    private void apply(Map<String, Object> body) {
        if (!replacing.isEmpty()) {
            held.entrySet().removeIf(e -> replacing.contains(e.getValue().s()));
            replacing.clear();
        }
        for (Object c : VectorAnswers.list(body.get("changes"))) {
            Map<String, Object> change = VectorAnswers.map(c);
            String key = change.get("t") + "|" + change.get("id");
            if ("scope".equals(change.get("t"))) {
                held.entrySet().removeIf(e -> e.getValue().s().equals(change.get("id")));
            } else if ("D".equals(change.get("op"))) {
                held.remove(key);
            } else {
                Map<String, Object> f = new LinkedHashMap<>();
                Held old = held.get(key);
                if (old != null) {
                    f.putAll(old.f());
                }
                if (change.get("f") != null) {
                    f.putAll(VectorAnswers.map(change.get("f")));
                }
                held.put(key, new Held((String) change.get("s"), ((Number) change.get("v")).longValue(), f));
            }
        }
        VectorAnswers.list(body.get("resync")).forEach(k -> replacing.add(String.valueOf(k)));
        cursor = (String) body.get("cursor");
    }

    private Map<String, String> checksums() {
        return realChecksums();
    }

    private Map<String, String> realChecksums() {
        Map<String, List<String>> lines = new TreeMap<>();
        held.forEach((key, h) -> {
            String[] parts = key.split("\\|", 2);
            lines.computeIfAbsent(h.s(), s -> new ArrayList<>()).add(parts[0] + ":" + parts[1] + ":" + h.v() + "\n");
        });
        Map<String, String> sums = new TreeMap<>();
        lines.forEach((scope, l) -> sums.put(scope, SyncChecksums.digest(l)));
        return sums;
    }

    private String vectorKey(String realKey) {
        String[] parts = realKey.split("\\|", 2);
        String id = ids.vector(parts[1]);
        return parts[0] + "|" + (id == null ? parts[1] : id);
    }

    private Object toReal(Object value) {
        if (value instanceof String s) {
            return ids.real(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toReal(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(this::toReal).toList());
        }
        return value;
    }

    private Object toVector(Object value) {
        if (value instanceof String s) {
            String known = ids.vector(s);
            if (known != null) {
                return known;
            }
            return VectorIds.UUID_TEXT.matcher(s).matches() ? "<id>" : s;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toVector(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(this::toVector).toList());
        }
        return value;
    }
}
