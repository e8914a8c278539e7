package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The device applies a sync answer while it arrives (issue 16), in one local transaction that
 * commits only once the answer is whole: the records parsed so far are in the store (inside that
 * transaction) before the body has ended, and an answer cut short leaves the store exactly as it was.
 */
class StreamedApplyTest {

    static final String VILLAGE = "410225101201";

    @TempDir
    Path dir;

    @Test
    void recordsAreAppliedBeforeTheBodyEndsAndCommittedWithTheCursor() throws Exception {
        GatedTransport link = new GatedTransport();
        Path file = dir.resolve("streamed.db");
        try (SyncClient client = open(file, link, 1)) {
            client.register("director-renzhuang", "secret", "test");
            link.head = answerHead(0, Json.array(), children(0, 3));
            link.tail = answerTail(children(3, 5), "5");
            link.atGate = () -> link.seenAtGate.set(new Seen(
                    client.store().recordsOfType("client").size(),
                    client.store().meta(MetaKeys.CURSOR)));

            CompletableFuture<SyncReport> sync = CompletableFuture.supplyAsync(client::sync);

            assertThat(link.reached.await(10, TimeUnit.SECONDS))
                    .as("the device asked for the rest of the body")
                    .isTrue();
            assertThat(sync).isNotDone();
            assertThat(link.seenAtGate.get())
                    .as("the first three records are in the store's open transaction, the cursor not yet")
                    .isEqualTo(new Seen(3, null));
            assertThat(committedChildren(file))
                    .as("nothing is committed while the answer is incomplete")
                    .isZero();

            link.release.countDown();
            SyncReport report = sync.get(10, TimeUnit.SECONDS);

            assertThat(report.changes()).isEqualTo(5);
            assertThat(client.store().recordsOfType("client")).hasSize(5);
            assertThat(client.store().meta(MetaKeys.CURSOR)).isEqualTo("5");
            assertThat(committedChildren(file)).isEqualTo(5);
        }
    }

    @Test
    void anAnswerCutAfterItsFirstRecordsLeavesTheStoreExactlyAsItWas() throws Exception {
        GatedTransport link = new GatedTransport();
        try (SyncClient client = open(dir.resolve("cut.db"), link, 1)) {
            client.register("director-renzhuang", "secret", "test");
            link.head = answerHead(0, Json.array(), children(0, 1));
            link.tail = answerTail(children(1, 2), "2");
            link.release.countDown();
            client.sync();
            client.edits().logVisit(new VisitLog(UUID.fromString(id(0)), "PHONE_CALL", Instant.now(), 5, "电话", null));
            OutboxItem visit = client.store().outbox().items().get(0);
            Map<String, Object> before = snapshot(client.store());

            link.head = answerHead(visit.counter(), Json.array().add(applied(visit)), changedChildren(0, 4));
            link.tail = null; // the connection drops here
            link.atGate = () -> link.seenAtGate.set(new Seen(
                    (int) client.store().recordsOfType("client").stream()
                            .filter(r -> "改".equals(r.field("school")))
                            .count(),
                    client.store().meta(MetaKeys.CURSOR)));

            assertThatThrownBy(client::sync)
                    .isInstanceOfSatisfying(
                            SyncException.class, e -> assertThat(e.status()).isZero());

            assertThat(link.seenAtGate.get())
                    .as("the cut came after four records had been applied in the transaction")
                    .isEqualTo(new Seen(4, "2"));
            assertThat(snapshot(client.store()))
                    .as("records, outbox and meta as before the cut answer")
                    .isEqualTo(before);
        }
    }

    @Test
    void aConnectionThatFailsToCloseAfterTheAnswerWasAppliedIsNotAskedAgain() throws Exception {
        try (FakeSyncServer server = new FakeSyncServer()) {
            HttpSyncTransport http = new HttpSyncTransport(server.uri(), Duration.ofSeconds(10), "zh-CN");
            SyncTransport closeFails = new SyncTransport() {
                @Override
                public Response post(String path, String json, String bearer) throws IOException {
                    return http.post(path, json, bearer);
                }

                @Override
                public StreamedResponse stream(String path, String json, String bearer) throws IOException {
                    StreamedResponse response = http.stream(path, json, bearer);
                    return new StreamedResponse(response.status(), new java.io.FilterInputStream(response.body()) {
                        @Override
                        public void close() throws IOException {
                            super.close();
                            throw new IOException("connection reset while closing");
                        }
                    });
                }
            };
            try (SyncClient client = open(dir.resolve("close.db"), closeFails, 3)) {
                client.register("director-renzhuang", "secret", "test");
                server.upsert("client", id(0), VILLAGE, Json.object().put("name", "王小明"));
                client.edits()
                        .logVisit(new VisitLog(UUID.fromString(id(0)), "PHONE_CALL", Instant.now(), 5, "电话", null));

                SyncReport report = client.sync();

                assertThat(server.syncRequests).as("one request, not retried").isEqualTo(1);
                assertThat(server.replays).isZero();
                assertThat(report.applied()).isEqualTo(1);
                assertThat(client.store().record("client", id(0))).isPresent();
                assertThat(client.queries().pendingCount()).isZero();
            }
        }
    }

    // ---- the answers

    static String id(int n) {
        return String.format("7d1f6a2e-0000-4000-8000-%012d", n);
    }

    static ArrayNode children(int from, int to) {
        ArrayNode changes = Json.array();
        for (int n = from; n < to; n++) {
            ObjectNode change = Json.object()
                    .put("t", "client")
                    .put("id", id(n))
                    .put("v", 0)
                    .put("s", VILLAGE)
                    .put("op", "U");
            change.putObject("f").put("name", "儿童" + n).put("school", "任庄小学");
            changes.add(change);
        }
        return changes;
    }

    static ArrayNode changedChildren(int from, int to) {
        ArrayNode changes = children(from, to);
        changes.forEach(c -> ((ObjectNode) c).put("v", 1).putObject("f").put("school", "改"));
        return changes;
    }

    static ObjectNode applied(OutboxItem item) {
        return Json.object()
                .put("id", item.mutationId())
                .put("counter", item.counter())
                .put("status", "APPLIED")
                .put("entityType", item.entityType())
                .put("entityId", item.entityId())
                .put("version", 0);
    }

    /** {@code {"ack":…,"results":[…],"changes":[c1,…,cn,} — ending right after a whole record. */
    static String answerHead(long ack, ArrayNode results, ArrayNode changes) {
        StringBuilder head = new StringBuilder("{\"ack\":" + ack + ",\"results\":" + Json.write(results));
        head.append(",\"changes\":[");
        changes.forEach(c -> head.append(Json.write(c)).append(','));
        return head.toString();
    }

    /** The rest of the changes (at least one), then cursor, more, checksums, resync, serverTime, warnings. */
    static String answerTail(ArrayNode changes, String cursor) {
        List<String> rest = new ArrayList<>();
        changes.forEach(c -> rest.add(Json.write(c)));
        StringBuilder tail = new StringBuilder(String.join(",", rest));
        tail.append("],\"cursor\":\"")
                .append(cursor)
                .append("\",\"more\":false,\"checksums\":{},\"resync\":[],")
                .append("\"serverTime\":\"2026-12-06T05:00:00Z\",\"warnings\":[]}");
        return tail.toString();
    }

    // ---- the device

    static SyncClient open(Path file, SyncTransport link, int attempts) {
        return SyncClient.open(new SyncClient.Config()
                .database(file)
                .transport(link)
                .retry(new RetryPolicy(attempts, Duration.ZERO, Duration.ZERO, 2.0, 0.0), d -> {}, () -> 0.0));
    }

    /** Children committed in the file, as a second connection (another process) sees them. */
    static int committedChildren(Path file) throws Exception {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement st = other.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from record where t = 'client'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static Map<String, Object> snapshot(LocalStore store) {
        Map<String, Object> all = new TreeMap<>();
        List<String> records = new ArrayList<>();
        store.records("order by t, id")
                .forEach(r -> records.add(r.type() + "/" + r.id() + "/" + r.version() + "/" + Json.write(r.fields())
                        + "/" + r.state() + "/" + r.reason()));
        all.put("records", records);
        List<String> outbox = new ArrayList<>();
        store.outbox().items().forEach(i -> outbox.add(i.counter() + "/" + i.mutationId() + "/" + i.state()));
        all.put("outbox", outbox);
        all.put("meta", store.query("select k || '=' || coalesce(v, '') from meta order by k", rs -> rs.getString(1)));
        return all;
    }

    record Seen(int records, String cursor) {}

    /**
     * Registration answered whole; a sync answer streamed as its head, then a gate (the device has
     * parsed the head and asks for more), then its tail — or a dropped connection when there is none.
     */
    static final class GatedTransport implements SyncTransport {
        String head;
        String tail;
        Runnable atGate = () -> {};
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<Seen> seenAtGate = new AtomicReference<>();

        @Override
        public Response post(String path, String json, String bearer) throws IOException {
            if (!path.equals("/devices")) {
                throw new IOException("only registration is answered whole here");
            }
            return new Response(
                    201,
                    "{\"deviceId\":\"d\",\"accessToken\":\"a\",\"accessExpiresAt\":\"2099-01-01T00:00:00Z\","
                            + "\"refreshToken\":\"r\",\"limits\":{},\"warnings\":[]}");
        }

        @Override
        public StreamedResponse stream(String path, String json, String bearer) throws IOException {
            if (!path.equals("/sync")) {
                return SyncTransport.super.stream(path, json, bearer);
            }
            InputStream first = new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8));
            InputStream gate = new InputStream() {
                InputStream rest;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (rest == null) {
                        atGate.run(); // on the device's thread, inside its transaction
                        reached.countDown();
                        try {
                            if (!release.await(10, TimeUnit.SECONDS)) {
                                throw new IOException("the test never released the gate");
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException(e);
                        }
                        if (tail == null) {
                            throw new IOException("connection reset");
                        }
                        rest = new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8));
                    }
                    return rest.read(b, off, len);
                }
            };
            return new StreamedResponse(200, new SequenceInputStream(first, gate));
        }
    }
}
