package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.casework.sync.server.engine.SyncChecksums;
import tools.jackson.databind.JsonNode;

/** A minimal simulated device for the tests: a local copy, a cursor and an outbox counter. */
final class TestDevice {

    record Local(long v, String s, Map<String, Object> f) {}

    final SyncHttp http;
    final String username;
    UUID id;
    String accessToken;
    String refreshToken;
    String cursor;
    long counter;
    final Map<String, Local> records = new LinkedHashMap<>();
    final List<JsonNode> received = new ArrayList<>();

    TestDevice(SyncHttp http, String username) {
        this.http = http;
        this.username = username;
    }

    TestDevice register(String password) {
        SyncHttp.Reply r = http.post(
                "/api/sync/v1/devices",
                Map.of(
                        "username",
                        username,
                        "password",
                        password,
                        "deviceName",
                        "测试手机",
                        "platform",
                        "android-java",
                        "clientVersion",
                        "1.0.0"),
                null,
                false);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        id = UUID.fromString(r.body().get("deviceId").asString());
        accessToken = r.body().get("accessToken").asString();
        refreshToken = r.body().get("refreshToken").asString();
        return this;
    }

    Map<String, Object> mutation(String type, UUID entityId, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", UUID.randomUUID().toString());
        m.put("counter", ++counter);
        m.put("type", type);
        m.put("entityId", entityId.toString());
        m.put("fields", fields);
        m.put("at", "2026-11-27T08:00:00Z");
        return m;
    }

    /** One sync call with these mutations; applies the changes locally and keeps the cursor. */
    SyncHttp.Reply sync(List<Map<String, Object>> mutations, Integer limit, boolean sendChecksums) {
        Map<String, Object> body = new HashMap<>();
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        body.put("mutations", mutations);
        if (limit != null) {
            body.put("limit", limit);
        }
        if (sendChecksums) {
            body.put("checksums", checksums());
        }
        SyncHttp.Reply r = http.post("/api/sync/v1/sync", body, accessToken, false);
        if (r.status() == 200) {
            apply(r.body());
        }
        return r;
    }

    void apply(JsonNode body) {
        for (JsonNode c : body.get("changes")) {
            received.add(c);
            String t = c.get("t").asString();
            String op = c.get("op").asString();
            if ("scope".equals(t)) {
                String scope = c.get("id").asString();
                records.values().removeIf(l -> l.s().equals(scope));
                continue;
            }
            String key = t + ":" + c.get("id").asString();
            if ("D".equals(op)) {
                records.remove(key);
                continue;
            }
            Map<String, Object> fields = new TreeMap<>();
            Local old = records.get(key);
            if (old != null) {
                fields.putAll(old.f());
            }
            c.get("f")
                    .properties()
                    .forEach(e -> fields.put(
                            e.getKey(),
                            e.getValue().isNull() ? null : e.getValue().toString()));
            records.put(key, new Local(c.get("v").asLong(), c.get("s").asString(), fields));
        }
        cursor = body.get("cursor").asString();
    }

    /** Syncs until {@code more} is false. */
    void syncToEnd(Integer limit) {
        for (int i = 0; i < 200; i++) {
            SyncHttp.Reply r = sync(List.of(), limit, false);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            if (!r.body().get("more").asBoolean()) {
                return;
            }
        }
        throw new AssertionError("sync never finished");
    }

    Map<String, String> checksums() {
        Map<String, List<String>> lines = new TreeMap<>();
        records.forEach((key, local) -> {
            String[] parts = key.split(":", 2);
            lines.computeIfAbsent(local.s(), s -> new ArrayList<>())
                    .add(parts[0] + ":" + parts[1] + ":" + local.v() + "\n");
        });
        Map<String, String> sums = new TreeMap<>();
        lines.forEach((scope, l) -> sums.put(scope, SyncChecksums.digest(l)));
        return sums;
    }

    List<String> idsOf(String type) {
        return records.keySet().stream()
                .filter(k -> k.startsWith(type + ":"))
                .map(k -> k.substring(type.length() + 1))
                .toList();
    }
}
