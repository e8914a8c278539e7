package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.casework.sync.client.OfflineEdits.FlagReport;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.casework.sync.protocol.MutationPayload.RegisterChild;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the golden vectors of docs/sync-vectors through this reference client: every request it
 * sends must equal the vector's, and its local state after each sync the vector's. The offline web
 * app runs the same files (SyncVectorsBrowserTest), so both clients speak the protocol alike.
 *
 * <p>{@code -Dcasework.vectors.record=true} writes the requests and states this client produces
 * into the files instead of comparing: for a new vector, then review the diff by hand against
 * docs/sync-protocol.md before committing it.
 */
class SyncVectorsTest {

    static final boolean RECORD = Boolean.getBoolean("casework.vectors.record");
    static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static Stream<Path> vectors() throws IOException {
        Path dir = vectorDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(list).as("golden vectors in %s", dir).isNotEmpty();
            return list.stream();
        }
    }

    static Path vectorDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/sync-protocol.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("the repository root (holding docs/sync-protocol.md)")
                .isNotNull();
        return dir.resolve("docs/sync-vectors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theReferenceClientAgreesWithTheVector(Path file, @org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        ObjectNode vector = (ObjectNode) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<String> failures = new ArrayList<>();
        new Run(vector, dir, failures).play();
        if (RECORD) {
            Files.writeString(file, PRETTY.writeValueAsString(vector) + "\n", StandardCharsets.UTF_8);
            return;
        }
        if (!failures.isEmpty()) {
            fail(file.getFileName() + ":\n  " + String.join("\n  ", failures));
        }
    }

    /** One vector played against a fresh client. */
    static final class Run implements SyncTransport {

        final ObjectNode vector;
        final List<String> failures;
        final SyncClient client;
        final Deque<ObjectNode> exchanges = new ArrayDeque<>();
        int step;

        Run(ObjectNode vector, Path dir, List<String> failures) {
            this.vector = vector;
            this.failures = failures;
            Clock clock = Clock.fixed(Instant.parse(vector.get("clock").asString()), ZoneOffset.UTC);
            AtomicLong ids = new AtomicLong();
            this.client = SyncClient.open(new SyncClient.Config()
                    .database(dir.resolve("device.db"))
                    .transport(this)
                    .clock(clock)
                    .pullLimit(vector.path("pullLimit").asInt(500))
                    .retry(
                            new RetryPolicy(1, java.time.Duration.ZERO, java.time.Duration.ZERO, 2.0, 0.0),
                            d -> {},
                            () -> 0.0)
                    .ids(() -> UUID.fromString(String.format("00000000-0000-4000-8000-%012d", ids.incrementAndGet()))));
            client.register("vector-user", "vector-password", "vector device");
        }

        void play() {
            try {
                ArrayNode steps = (ArrayNode) vector.get("steps");
                for (step = 0; step < steps.size(); step++) {
                    ObjectNode s = (ObjectNode) steps.get(step);
                    if (s.has("edit")) {
                        edit(s.get("edit").asString(), (ObjectNode) s.get("input"));
                    } else if (s.has("exchange")) {
                        exchanges.add((ObjectNode) s.get("exchange"));
                    } else if (s.has("sync")) {
                        sync(s);
                    } else if (s.has("expect")) {
                        expect(s);
                    } else {
                        failures.add("step " + step + ": unknown step " + s);
                    }
                }
            } finally {
                client.close();
            }
        }

        void edit(String type, ObjectNode in) {
            OfflineEdits edits = client.edits();
            switch (type) {
                case "LOG_VISIT" ->
                    edits.logVisit(new VisitLog(
                            uuid(in, "clientId"),
                            text(in, "type"),
                            instant(in, "occurredAt"),
                            in.hasNonNull("durationMinutes")
                                    ? in.get("durationMinutes").asInt()
                                    : null,
                            text(in, "notes"),
                            in.get("observations") instanceof ObjectNode o ? o : null));
                case "RAISE_FLAG" ->
                    edits.raiseFlag(new FlagReport(
                            uuid(in, "clientId"),
                            text(in, "subjectName"),
                            text(in, "subjectSex"),
                            in.hasNonNull("subjectAgeYears")
                                    ? in.get("subjectAgeYears").asInt()
                                    : null,
                            text(in, "guardianContact"),
                            text(in, "villageCode"),
                            text(in, "type"),
                            text(in, "severity"),
                            text(in, "description"),
                            instant(in, "observedAt"),
                            text(in, "observedPlace")));
                case "ADD_NOTE" -> edits.addNote(uuid(in, "flagId"), text(in, "text"));
                case "REGISTER_CHILD" ->
                    edits.registerChild(new RegisterChild(
                            text(in, "fullName"),
                            text(in, "sex"),
                            in.hasNonNull("birthDate") ? LocalDate.parse(text(in, "birthDate")) : null,
                            text(in, "residenceRegionCode"),
                            text(in, "idNumber"),
                            text(in, "noIdReason"),
                            text(in, "guardianName"),
                            text(in, "guardianRelation"),
                            text(in, "guardianPhone"),
                            text(in, "fatherStatus"),
                            text(in, "motherStatus"),
                            text(in, "category")));
                case "EDIT_PROFILE" -> {
                    Map<String, String> changes = new LinkedHashMap<>();
                    in.get("changes")
                            .properties()
                            .forEach(e -> changes.put(e.getKey(), e.getValue().asString()));
                    edits.editProfile(uuid(in, "clientId"), changes);
                }
                default -> failures.add("step " + step + ": unknown edit " + type);
            }
        }

        void sync(ObjectNode s) {
            String thrown = null;
            try {
                client.sync();
            } catch (SyncException e) {
                thrown = e.code() != null ? e.code() : "sync.failed";
            }
            String expected = s.hasNonNull("throws") ? s.get("throws").asString() : null;
            if (!java.util.Objects.equals(expected, thrown)) {
                failures.add("step " + step + ": sync() ended with " + thrown + ", expected " + expected);
            }
            if (!exchanges.isEmpty()) {
                failures.add("step " + step + ": sync() ended with " + exchanges.size() + " exchange(s) unplayed");
                exchanges.clear();
            }
        }

        void expect(ObjectNode s) {
            ObjectNode actual = state();
            if (RECORD) {
                s.set("expect", actual);
            } else if (!JsonEquality.equal(s.get("expect"), actual)) {
                failures.add("step " + step + ": local state differs\n    expected " + s.get("expect")
                        + "\n    actual   " + actual);
            }
        }

        /** The client's whole local state, in the vectors' shape (see docs/sync-vectors/README.md). */
        ObjectNode state() {
            ObjectNode state = Json.object();
            LocalStore store = client.store();
            state.put("registered", client.registered());
            String cursor = store.meta(MetaKeys.CURSOR);
            if (cursor == null) {
                state.putNull("cursor");
            } else {
                state.put("cursor", cursor);
            }
            ArrayNode outbox = state.putArray("outbox");
            store.outbox().items().forEach(i -> outbox.add(i.counter()));
            ArrayNode records = state.putArray("records");
            for (StoredRecord r : store.records("order by t, id")) {
                ObjectNode out = records.addObject();
                out.put("t", r.type());
                out.put("id", r.id());
                out.put("s", r.scope());
                if (r.version() == null) {
                    out.putNull("v");
                } else {
                    out.put("v", r.version());
                }
                out.put("state", r.state().name());
                out.set("reason", r.reason() == null ? null : Json.parse(r.reason()));
                out.set("f", r.fields());
            }
            return state;
        }

        @Override
        public Response post(String path, String json, String bearer) {
            if (path.equals("/devices")) {
                ObjectNode registered = Json.object()
                        .put("deviceId", "00000000-0000-4000-8000-0000000000d1")
                        .put("accessToken", "vector-access")
                        .put("accessExpiresAt", "2099-01-01T00:00:00Z")
                        .put("refreshToken", "vector-refresh");
                registered.set("limits", vector.get("limits"));
                registered.putArray("warnings");
                return new Response(201, Json.write(registered));
            }
            ObjectNode exchange = exchanges.poll();
            if (exchange == null) {
                failures.add("step " + step + ": unexpected request to " + path + ": " + json);
                throw new IllegalStateException("the vector has no exchange for this request");
            }
            JsonNode actual = Json.parse(json);
            if (RECORD) {
                exchange.set("request", actual);
            } else if (!JsonEquality.equal(exchange.get("request"), actual)) {
                failures.add("step " + step + ": request differs\n    expected " + exchange.get("request")
                        + "\n    actual   " + actual);
            }
            if (!path.equals(exchange.path("path").asString("/sync"))) {
                failures.add("step " + step + ": request to " + path);
            }
            int status = exchange.path("status").asInt(200);
            return new Response(status, Json.write(exchange.get("response")));
        }

        static UUID uuid(ObjectNode in, String name) {
            return in.hasNonNull(name) ? UUID.fromString(in.get(name).asString()) : null;
        }

        static String text(ObjectNode in, String name) {
            return Json.text(in, name);
        }

        static Instant instant(ObjectNode in, String name) {
            return in.hasNonNull(name) ? Instant.parse(in.get(name).asString()) : null;
        }
    }

    /** JSON equality where an absent property equals null (protocol §6) and numbers compare by value. */
    static final class JsonEquality {
        static boolean equal(JsonNode a, JsonNode b) {
            boolean aNull = a == null || a.isNull() || a.isMissingNode();
            boolean bNull = b == null || b.isNull() || b.isMissingNode();
            if (aNull || bNull) {
                return aNull == bNull;
            }
            if (a.isNumber() && b.isNumber()) {
                return a.decimalValue().compareTo(b.decimalValue()) == 0;
            }
            if (a.isObject() && b.isObject()) {
                java.util.Set<String> names = new java.util.TreeSet<>(a.propertyNames());
                names.addAll(b.propertyNames());
                return names.stream().allMatch(n -> equal(a.get(n), b.get(n)));
            }
            if (a.isArray() && b.isArray()) {
                if (a.size() != b.size()) {
                    return false;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (!equal(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return a.equals(b);
        }
    }
}
